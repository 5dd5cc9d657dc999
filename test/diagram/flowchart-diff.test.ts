import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { procedureFlowchart } from '../../src/core/diagram';
import { DIFF_CLASS_DEFS, procedureFlowchartDiff, type FlowchartDiff } from '../../src/core/diagram/flowchart-diff';
import { loadSourceFile } from '../../src/core/model/source-file';
import type { Workspace } from '../../src/core/model/workspace';
import { parseYaml } from '../../src/core/yaml/parse';
import { expectGolden, expectNodesMatch, expectWellFormed, FIXTURE, loadFixture, parseWithMermaid, withProcedure } from './helpers';

// Mermaid's parser needs a DOM in Node (DOMPurify runs while parsing).
const dom = new JSDOM('<!doctype html><html><body></body></html>');
(globalThis as any).window = dom.window as any;
(globalThis as any).document = dom.window.document;
const { default: mermaid } = await import('mermaid');

/** The fixture's loop-through-a-decision procedure: four steps over three roles. */
const CYCLE = readFileSync(path.join(FIXTURE, 'procedures', 'cycle.qms.yaml'), 'utf8');
const RELEASED_FILE = path.join(FIXTURE, '.qms', 'released', 'QT-DV-01@r1.yaml');

/** A step inserted after `tiep-nhan`: with nothing that says where it goes, the flow follows on to `kiem-tra`. */
const WITH_SORTING = CYCLE.replace(
  '  - id: kiem-tra\n',
  '  - id: phan-loai\n    name: Phân loại hồ sơ\n    role: mot-cua\n    duration: 10 phút\n  - id: kiem-tra\n',
);

function edited(from: string, to: string): string {
  expect(CYCLE).toContain(from);
  return CYCLE.replace(from, to);
}

let fixture: Workspace;
beforeAll(async () => {
  fixture = await loadFixture();
});

/** The working copy `working` compared with the release `released`: golden file, well-formed, parsed by Mermaid with each node's classes. */
async function check(released: string, working: string, golden: string): Promise<{ diagram: FlowchartDiff; classes: Map<string, string[]> }> {
  const { workspace, file } = withProcedure(fixture, 'cycle-working.qms.yaml', working);
  const diagram = procedureFlowchartDiff(workspace, file, { released: parseYaml(released, RELEASED_FILE).value, releasedFile: RELEASED_FILE }, { locale: 'vi' })!;
  expect(diagram).toBeDefined();
  expectGolden(golden, diagram.text);
  expectWellFormed(diagram.text);
  const parsed = await parseWithMermaid(mermaid, diagram.text);
  expectNodesMatch(diagram, parsed);
  const classes = new Map([...parsed.vertices].map(([id, vertex]) => [id, (vertex as { classes?: string[] }).classes ?? []]));
  return { diagram, classes };
}

/** The ids Mermaid gives each change class, by class. */
function marked(classes: Map<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = { added: [], changed: [], removed: [] };
  for (const [id, list] of classes) for (const name of list) if (name in out) out[name]!.push(id);
  return out;
}

describe('flowchart compared with the last release', () => {
  it('marks a changed step amber and says which fields changed', async () => {
    const working = edited('    duration: 0.5 ngày làm việc\n', '    duration: 1 ngày làm việc\n');
    const { diagram, classes } = await check(CYCLE, working, 'diff-changed.mmd');
    expect(diagram.changes).toEqual({ added: [], changed: ['s3'], removed: [] });
    expect(marked(classes)).toEqual({ added: [], changed: ['s3'], removed: [] });
    // Drawn over its own class: a later class wins in Mermaid, so `changed` comes after `step`.
    expect(classes.get('s3')).toEqual(['step', 'changed']);
    expect(diagram.text).toContain('s3("Ký duyệt<br/>1 ngày làm việc<br/>đã sửa#58; duration")');
    expect(diagram.elsewhere).toEqual([]);
  });

  it('marks an added step green, and only it', async () => {
    const { diagram, classes } = await check(CYCLE, WITH_SORTING, 'diff-added.mmd');
    expect(diagram.changes).toEqual({ added: ['s1'], changed: [], removed: [] });
    expect(marked(classes)).toEqual({ added: ['s1'], changed: [], removed: [] });
    expect(diagram.text).toContain('s1("Phân loại hồ sơ<br/>10 phút<br/>+ thêm mới")');
  });

  it('draws a removed step as a ghost in its lane, tied to the step that led to it', async () => {
    const { diagram, classes } = await check(WITH_SORTING, CYCLE, 'diff-removed.mmd');
    expect(diagram.changes).toEqual({ added: [], changed: [], removed: ['x1'] });
    expect(marked(classes)).toEqual({ added: [], changed: [], removed: ['x1'] });
    // Index 1 of the released copy; a click on it opens that copy at the step.
    expect(diagram.nodes.x1).toEqual({ kind: 'removed', file: RELEASED_FILE, pointer: '/steps/1' });
    expect(diagram.text).toContain('x1("Phân loại hồ sơ<br/>10 phút<br/>✕ đã bỏ")');
    expect(diagram.text).toContain('s0 -.-> x1\n');
    // In the lane of its role (mot-cua), with the step that led to it.
    const lane = /subgraph lane0\[[^\n]*\n((?: {4}[^\n]*\n)*)/.exec(diagram.text)![1]!;
    expect(lane).toContain('x1(');
    expect(lane).toContain('s0(');
    // The working copy's own steps are drawn as without a comparison.
    expect(Object.keys(diagram.nodes).filter((id) => /^s\d+$/.test(id))).toEqual(['s0', 's1', 's2', 's3']);
  });

  it('ties a removed first step to the start, and a run of removed steps to each other', async () => {
    // Released: tiep-nhan, phan-loai, kiem-tra, …; working: both first steps gone.
    const working = WITH_SORTING.replace(/ {2}- id: tiep-nhan\n(?: {4}.*\n)+ {2}- id: phan-loai\n(?: {4}.*\n)+/, '');
    const { workspace, file } = withProcedure(fixture, 'cycle-working.qms.yaml', working);
    const diagram = procedureFlowchartDiff(workspace, file, { released: parseYaml(WITH_SORTING, RELEASED_FILE).value, releasedFile: RELEASED_FILE }, { locale: 'en' })!;
    expect(diagram.changes.removed).toEqual(['x0', 'x1']);
    expect(diagram.text).toContain('st -.-> x0\n');
    expect(diagram.text).toContain('x0 -.-> x1\n');
    expect(diagram.text).toContain('✕ removed');
    await parseWithMermaid(mermaid, diagram.text);
  });

  it('with no change, is the plain flowchart: nothing marked, no legend note', async () => {
    const { diagram, classes } = await check(CYCLE, CYCLE, 'diff-none.mmd');
    expect(diagram.changes).toEqual({ added: [], changed: [], removed: [] });
    expect(marked(classes)).toEqual({ added: [], changed: [], removed: [] });
    expect(diagram.elsewhere).toEqual([]);
    expect(diagram.reordered).toBe(false);
    const { workspace, file } = withProcedure(fixture, 'cycle-working.qms.yaml', CYCLE);
    const plain = procedureFlowchart(workspace, file, { locale: 'vi' })!;
    // Only the unused class definitions differ.
    const classDefLines = DIFF_CLASS_DEFS.map(([name, style]) => `  classDef ${name} ${style}\n`);
    expect(classDefLines.reduce((text, line) => text.replace(line, ''), diagram.text)).toBe(plain.text);
  });

  it('names the changes a flowchart cannot show, and a new order of the steps', async () => {
    const retitled = edited('title: Vòng lặp qua một quyết định\n', 'title: Vòng lặp (sửa)\n');
    const swapped = retitled.replace(/( {2}- id: bo-sung\n(?: {4}.*\n)+)( {2}- id: ky-duyet\n(?: {4}.*\n)+)/, '$2$1');
    expect(swapped).not.toBe(retitled);
    const { workspace, file } = withProcedure(fixture, 'cycle-working.qms.yaml', swapped);
    const diagram = procedureFlowchartDiff(workspace, file, { released: parseYaml(CYCLE, RELEASED_FILE).value, releasedFile: RELEASED_FILE }, { locale: 'vi' })!;
    expect(diagram.elsewhere).toEqual(['title']);
    expect(diagram.reordered).toBe(true);
  });

  it('is not drawn for a file that is not a procedure, or a released copy that is not a document', () => {
    const process = fixture.files.find((f) => f.model?.kind === 'process')!;
    expect(procedureFlowchartDiff(fixture, process, { released: {}, releasedFile: RELEASED_FILE }, { locale: 'en' })).toBeUndefined();
    const file = loadSourceFile(path.join(FIXTURE, 'procedures', 'x.qms.yaml'), CYCLE);
    expect(procedureFlowchartDiff(fixture, file, { released: 'text', releasedFile: RELEASED_FILE }, { locale: 'en' })).toBeUndefined();
  });
});
