// Benchmarks, reported as ratios against a baseline measured in the same run:
//  (a) bare yaml.parseDocument of every file of a generated 1,000-procedure workspace;
//  (b) `qmskit lint` of the same workspace, cold (a new process, no cache);
//  (c) the median time to re-lint one 300-step procedure after a one-character edit, with the
//      rest of the workspace loaded (what the editor does on a keystroke);
//  (e) `qmskit generate` of the same workspace (every document, HTML and Markdown, --force),
//      cold, as a ratio to (b) measured in the same run (goal: at most 2×). Flowcharts are left as
//      Mermaid source (QMSKIT_CHROMIUM=none): drawing them is the browser's time, not ours.
// Usage: node bench/run.mjs [--procedures N] [--steps S] [--runs R]
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.join(here, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const procedures = arg('procedures', 1000);
const steps = arg('steps', 25);
const runs = arg('runs', 5);
const workspace = path.join(here, 'workspace');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wall = (args, env = {}) => {
  const started = performance.now();
  try {
    execFileSync(process.execPath, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  } catch (error) {
    if (error.status !== 1) throw error; // 1 = findings, still a complete run
  }
  return performance.now() - started;
};

console.log(`generating ${procedures} procedures × ${steps} steps …`);
generateWorkspace(workspace, { procedures, steps });

const parseTimes = [];
const lintTimes = [];
for (let i = 0; i < runs; i++) {
  // Interleaved so that both see the same machine state.
  parseTimes.push(wall([path.join(here, 'parse-only.mjs'), workspace]));
  lintTimes.push(wall([path.join(repo, 'bin/qmskit.js'), 'lint', workspace, '--format', 'json']));
}
// (e) Generation, interleaved with lint again so that both see the same machine state.
const generateTimes = [];
const lintAgain = [];
const generateRuns = Math.max(1, Math.min(runs, 3));
for (let i = 0; i < generateRuns; i++) {
  lintAgain.push(wall([path.join(repo, 'bin/qmskit.js'), 'lint', workspace, '--format', 'json']));
  generateTimes.push(wall([path.join(repo, 'bin/qmskit.js'), 'generate', workspace, '--force'], { QMSKIT_CHROMIUM: 'none' }));
}

const relint = JSON.parse(execFileSync(process.execPath, [path.join(repo, 'dist/bench-relint.js'), workspace], { cwd: repo, encoding: 'utf8' }));

const a = median(parseTimes);
const b = median(lintTimes);
const report = {
  machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  workspace: `${procedures} procedures × ${steps} steps`,
  runs,
  parseMs: Math.round(a),
  lintMs: Math.round(b),
  lintToParseRatio: Number((b / a).toFixed(2)),
  relintStepCount: relint.steps,
  relintMedianMs: Number(relint.medianMs.toFixed(2)),
  relintToParseOneFileRatio: Number((relint.medianMs / relint.parseOneMs).toFixed(2)),
  flowchartMedianMs: Number(relint.flowchartMs.toFixed(2)),
  flowchartToParseOneFileRatio: Number((relint.flowchartMs / relint.parseOneMs).toFixed(2)),
  generateMs: Math.round(median(generateTimes)),
  generateLintMs: Math.round(median(lintAgain)),
  generateToLintRatio: Number((median(generateTimes) / median(lintAgain)).toFixed(2)),
};
console.log(JSON.stringify(report, null, 2));
console.log(`\n| measure | median | ratio |\n| --- | --- | --- |\n| (a) yaml.parseDocument, every file, 1 thread (baseline) | ${report.parseMs} ms | 1.00 |\n| (b) qmskit lint, cold process | ${report.lintMs} ms | ${report.lintToParseRatio} × (a) |\n| (c) re-lint one ${relint.steps}-step procedure after a 1-character edit | ${report.relintMedianMs} ms | ${report.relintToParseOneFileRatio} × parseDocument of that file |\n| (d) Mermaid text of that ${relint.steps}-step procedure | ${report.flowchartMedianMs} ms | ${report.flowchartToParseOneFileRatio} × parseDocument of that file |\n| (e) qmskit generate, cold process, HTML + Markdown, every document | ${report.generateMs} ms | ${report.generateToLintRatio} × qmskit lint (${report.generateLintMs} ms, same runs) |`);
