import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { processMap, processSheet } from '../../src/core/diagram';
import type { Diagram } from '../../src/core/diagram/types';
import type { SourceFile } from '../../src/core/model/source-file';
import type { ProcessFile } from '../../src/core/model/types';
import { systemModel, type Workspace } from '../../src/core/model/workspace';
import { decodeMermaidText, expectGolden, expectNodesMatch, expectWellFormed, loadExample, loadFixture, parseWithMermaid, shown } from './helpers';

// Mermaid's parser needs a DOM in Node (DOMPurify runs while parsing).
const dom = new JSDOM('<!doctype html><html><body></body></html>');
(globalThis as any).window = dom.window as any;
(globalThis as any).document = dom.window.document;
const { default: mermaid } = await import('mermaid');

function processFile(workspace: Workspace, id: string): SourceFile {
  const file = workspace.files.find((f) => f.model?.kind === 'process' && f.model.id === id);
  if (!file) throw new Error(`no process ${id}`);
  return file;
}

function processes(workspace: Workspace): ProcessFile[] {
  return workspace.files.flatMap((f) => (f.model?.kind === 'process' ? [f.model] : []));
}

async function checkDiagram(diagram: Diagram, golden: string) {
  expectGolden(golden, diagram.text);
  expectWellFormed(diagram.text);
  const parsed = await parseWithMermaid(mermaid, diagram.text);
  expectNodesMatch(diagram, parsed);
  return parsed;
}

describe('process maps', () => {
  for (const example of ['ban-chqs', 'acme-en']) {
    it(`${example}: every process, its externals, each interaction once`, async () => {
      const workspace = await loadExample(example);
      const locale = systemModel(workspace)?.locale === 'en' ? 'en' : 'vi';
      const diagram = processMap(workspace, { locale });
      const parsed = await checkDiagram(diagram, `process-map/${example}.mmd`);
      const all = processes(workspace);
      const processNodes = Object.entries(diagram.nodes).filter(([, n]) => n.kind === 'process');
      expect(processNodes.length).toBe(all.length);
      for (const [id, node] of processNodes) {
        const model = workspace.index.byPath.get(node.file)!.model as ProcessFile;
        expect(shown(decodeMermaidText(parsed.vertices.get(id)!.text))).toBe(shown(`${model.id} — ${model.name}`));
      }
      // Externals: those referenced, each once, in a distinct class.
      const externalIds = new Set(systemModel(workspace)!.externals!.map((e) => e.id));
      const referenced = new Set(all.flatMap((p) => [...(p.inputs ?? []).map((i) => i.from), ...(p.outputs ?? []).map((o) => o.to)]).filter((id) => id && externalIds.has(id)));
      expect(Object.values(diagram.nodes).filter((n) => n.kind === 'external').length).toBe(referenced.size);
      expect(diagram.text).toMatch(/\n {2}class (ext\d+,?)+ external\n/);
      // One edge per ordered pair: a pair declared by both sides is drawn once.
      const pairs = parsed.edges.map((e) => `${e.start}>${e.end}`);
      expect(new Set(pairs).size).toBe(pairs.length);
      const idOf = new Map(processNodes.map(([id, n]) => [(workspace.index.byPath.get(n.file)!.model as ProcessFile).id, id]));
      const expectedPairs = new Set<string>();
      for (const p of all) {
        for (const i of p.inputs ?? []) if (i.from && idOf.has(i.from)) expectedPairs.add(`${idOf.get(i.from)}>${idOf.get(p.id)}`);
        for (const o of p.outputs ?? []) if (o.to && idOf.has(o.to)) expectedPairs.add(`${idOf.get(p.id)}>${idOf.get(o.to)}`);
      }
      expect(pairs.filter((p) => /^p\d+>p\d+$/.test(p)).sort()).toEqual([...expectedPairs].sort());
      // Labelled with the supplier's output names.
      for (const edge of parsed.edges.filter((e) => /^p\d+$/.test(e.start) && /^p\d+$/.test(e.end))) {
        const from = all.find((p) => idOf.get(p.id) === edge.start)!;
        const to = all.find((p) => idOf.get(p.id) === edge.end)!;
        const names = (from.outputs ?? []).filter((o) => o.to === to.id).map((o) => o.name);
        const expected = names.length ? names : (to.inputs ?? []).filter((i) => i.from === from.id).map((i) => i.name);
        expect(shown(decodeMermaidText(edge.text))).toBe(shown(expected.length > 1 ? expected.map((n) => `• ${n}`).join(' ') : expected.join(' ')));
      }
    });
  }

  it('fixture: hostile names escaped, unknown ids skipped, unreferenced externals left out', async () => {
    const workspace = await loadFixture();
    const diagram = processMap(workspace, { locale: 'vi', direction: 'TD' });
    const parsed = await checkDiagram(diagram, 'process-map/fixture.mmd');
    expect(diagram.text.startsWith('flowchart TD\n')).toBe(true);
    expect(diagram.text).not.toContain('khong-ton-tai');
    expect(diagram.text).not.toContain('Bên không được tham chiếu');
    expect(diagram.text).not.toMatch(/<img|<script|%%\{/);
    // P-01 → P-02 once, named by P-01's two outputs; P-02 → P-01 once, named by P-02's output.
    const p01p02 = parsed.edges.filter((e) => e.start === 'p0' && e.end === 'p1');
    expect(p01p02.map((e) => decodeMermaidText(e.text))).toEqual(['• Yêu cầu gửi P-02\n• Yêu cầu thứ hai gửi P-02']);
    expect(parsed.edges.filter((e) => e.start === 'p1' && e.end === 'p0').map((e) => decodeMermaidText(e.text))).toEqual(['Kết quả gửi P-01 (theo P-02)']);
    expect(decodeMermaidText(parsed.vertices.get('ext1')!.text).replace(/\n/g, ' ')).toBe('<script>alert(1)</script> "]; click x call alert(1) %%{init: {"theme":"dark"}}%%');
    expect(diagram.nodes.ext1).toEqual({ kind: 'external', file: workspace.system!.path, pointer: '/externals/1' });
  });

  it('an empty workspace gives a diagram with no nodes, which still parses', async () => {
    const workspace = await loadFixture();
    const empty = { ...workspace, files: [], system: undefined };
    const diagram = processMap(empty, { locale: 'en' });
    expect(diagram.nodes).toEqual({});
    await expect(mermaid.parse(diagram.text)).resolves.toBeTruthy();
  });
});

describe('process sheets (SIPOC)', () => {
  const cases: Array<[string, string, 'vi' | 'en']> = [
    ['ban-chqs', 'P-02', 'vi'],
    ['acme-en', 'P-03', 'en'],
  ];
  for (const [example, id, locale] of cases) {
    it(`${example} ${id}: suppliers → inputs → process → outputs → customers`, async () => {
      const workspace = await loadExample(example);
      const file = processFile(workspace, id);
      const model = file.model as ProcessFile;
      const diagram = processSheet(workspace, file, { locale });
      const parsed = await checkDiagram(diagram, `process-sheet/${example}-${id}.mmd`);
      expect(diagram.text.startsWith('flowchart LR\n')).toBe(true);
      // Five columns, in SIPOC order.
      expect(parsed.subgraphs.map((s) => s.id)).toEqual(['col0', 'col1', 'col2', 'col3', 'col4']);
      expect(parsed.subgraphs.find((s) => s.id === 'col2')!.nodes).toEqual(['prc']);
      // Every input and output, each through the process.
      model.inputs!.forEach((input, i) => {
        expect(shown(decodeMermaidText(parsed.vertices.get(`inp${i}`)!.text))).toBe(shown(input.name));
        expect(parsed.edges.some((e) => e.start === `inp${i}` && e.end === 'prc')).toBe(true);
      });
      model.outputs!.forEach((output, i) => {
        expect(shown(decodeMermaidText(parsed.vertices.get(`outp${i}`)!.text))).toBe(shown(output.name));
        expect(parsed.edges.some((e) => e.start === 'prc' && e.end === `outp${i}`)).toBe(true);
      });
      // One supplier node per party, one customer node per party.
      expect(parsed.subgraphs.find((s) => s.id === 'col0')!.nodes.length).toBe(new Set(model.inputs!.map((i) => i.from)).size);
      expect(parsed.subgraphs.find((s) => s.id === 'col4')!.nodes.length).toBe(new Set(model.outputs!.map((o) => o.to)).size);
      expect(diagram.nodes.prc).toEqual({ kind: 'process', file: file.path, pointer: '' });
      expect(diagram.nodes.inp0).toEqual({ kind: 'input', file: file.path, pointer: '/inputs/0' });
    });
  }

  it('fixture P-01: hostile names, an input without supplier, an unknown supplier', async () => {
    const workspace = await loadFixture();
    const file = processFile(workspace, 'P-01');
    const diagram = processSheet(workspace, file, { locale: 'en' });
    const parsed = await checkDiagram(diagram, 'process-sheet/fixture-P-01.mmd');
    expect(parsed.edges.filter((e) => e.end === 'inp2' || e.end === 'inp3')).toEqual([]);
    expect(diagram.text).toContain('Owner#58; ');
  });

  it('a file that is not a process gives a diagram with no nodes', async () => {
    const workspace = await loadFixture();
    const procedure = workspace.files.find((f) => f.kind === 'procedure')!;
    const diagram = processSheet(workspace, procedure, { locale: 'vi' });
    expect(diagram.nodes).toEqual({});
    await expect(mermaid.parse(diagram.text)).resolves.toBeTruthy();
  });
});
