// Re-lint of one 300-step procedure after a one-character edit, with the rest of the workspace
// loaded: the work the editor does per keystroke. Prints JSON with the median in milliseconds.
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { nodeFileSystem } from '../src/core/io/node-file-system';
import { lintWorkspace } from '../src/core/lint/engine';
import { loadWorkspace, withFileText } from '../src/core/model/workspace';
import { procedureFlowchart } from '../src/core/diagram';
// @ts-expect-error: a plain ESM helper shared with the generator script
import { procedureText } from './generate.mjs';

const STEPS = 300;
const ROUNDS = Number(process.env.ROUNDS ?? 60);

async function main(root: string): Promise<void> {
  let workspace = await loadWorkspace(nodeFileSystem, root);
  const file = path.join(root, 'procedures', 'QT-BENCH-0001.qms.yaml');
  const processId = (workspace.index.byPath.get(file)?.model as { process?: string } | undefined)?.process ?? 'P-001';
  const text: string = procedureText('QT-BENCH-0001', processId, STEPS);
  workspace = withFileText(workspace, file, text);
  const options = { today: '2026-11-21', only: new Set([file]) };
  lintWorkspace(workspace, options); // warm the JIT and the schema validator
  const times: number[] = [];
  const parseTimes: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // A one-character edit in a step name, different each round so nothing can be cached.
    const edited = text.replace('Bước xử lý số 150 ', `Bước xử lý số 150${String.fromCharCode(97 + (i % 26))} `);
    const started = performance.now();
    const next = withFileText(workspace, file, edited);
    const findings = lintWorkspace(next, options).findings;
    times.push(performance.now() - started);
    if (findings.some((f) => f.severity === 'error')) throw new Error(`unexpected errors: ${findings.map((f) => f.message.en).join('; ')}`);
    const parseStarted = performance.now();
    parseDocument(edited);
    parseTimes.push(performance.now() - parseStarted);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  // The flowchart text of the same procedure, from a fresh model each time (no cached graph).
  const flowchartTimes: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const next = withFileText(workspace, file, text.replace('Bước xử lý số 150 ', `Bước xử lý số 150${i} `));
    const started = performance.now();
    procedureFlowchart(next, next.index.byPath.get(file)!, { locale: 'vi' });
    flowchartTimes.push(performance.now() - started);
    workspace = next;
  }
  process.stdout.write(JSON.stringify({ steps: STEPS, medianMs: median(times), parseOneMs: median(parseTimes), flowchartMs: median(flowchartTimes) }) + '\n');
}

void main(process.argv[2]!);
