import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { procedureFlowchart } from '../../src/core/diagram';
import type { Diagram, FlowchartOptions } from '../../src/core/diagram/types';
import { flowGraphOf } from '../../src/core/flow/graph';
import type { Locale } from '../../src/core/findings';
import type { SourceFile } from '../../src/core/model/source-file';
import type { ProcedureFile, Step } from '../../src/core/model/types';
import { systemModel, type Workspace } from '../../src/core/model/workspace';
import {
  decodeMermaidText,
  expectGolden,
  expectNodesMatch,
  expectWellFormed,
  generatedProcedure,
  loadExample,
  loadFixture,
  parseWithMermaid,
  shown,
  withProcedure,
  type ParsedFlowchart,
} from './helpers';

// Mermaid's parser needs a DOM in Node (DOMPurify runs while parsing).
const dom = new JSDOM('<!doctype html><html><body></body></html>');
(globalThis as any).window = dom.window as any;
(globalThis as any).document = dom.window.document;
const { default: mermaid } = await import('mermaid');

function procedureFile(workspace: Workspace, code: string): SourceFile {
  const file = workspace.files.find((f) => f.model?.kind === 'procedure' && f.model.code === code);
  if (!file) throw new Error(`no procedure ${code}`);
  return file;
}

function localeOf(workspace: Workspace): Locale {
  return systemModel(workspace)?.locale === 'en' ? 'en' : 'vi';
}

/**
 * The structural promises of a procedure flowchart, checked on what Mermaid itself parsed: one
 * node per step (box or diamond), every branch label on an edge, every step name shown in full,
 * one lane per role used, titled with the role's name.
 */
function expectFlowchartStructure(workspace: Workspace, file: SourceFile, diagram: Diagram, parsed: ParsedFlowchart): void {
  const model = file.model as ProcedureFile;
  const graph = flowGraphOf(model);
  const steps = Object.entries(diagram.nodes).filter(([, n]) => n.kind === 'step' || n.kind === 'decision');
  expect(steps.length).toBe(graph.steps.length);
  for (const step of graph.steps) {
    const node = diagram.nodes[`s${step.index}`];
    expect(node).toEqual({ kind: step.isDecision ? 'decision' : 'step', file: file.path, pointer: `/steps/${step.index}` });
    const vertex = parsed.vertices.get(`s${step.index}`)!;
    expect(vertex.type).toBe(step.isDecision ? 'diamond' : 'round');
    const shownText = shown(decodeMermaidText(vertex.text));
    const s = step.step as Partial<Step>;
    const main = step.isDecision ? (typeof s.decision === 'string' && s.decision.trim() ? s.decision : step.name!) : step.name!;
    expect(shownText).toContain(shown(main));
    if (typeof s.duration === 'string') expect(shownText).toContain(shown(s.duration));
    if (step.pausesClock) expect(shownText).toContain('⏸');
    if (!step.isDecision && typeof s.phase === 'string') expect(shownText).toContain(shown(`[${s.phase}]`));
  }
  // Every edge of the step graph, with its branch label, and nothing else between steps.
  const stepEdges = parsed.edges.filter((e) => /^s\d+$/.test(e.start) && /^s\d+$/.test(e.end));
  const describe = (from: string, to: string, label: string) => `${from} -> ${to} ${label}`;
  expect(stepEdges.map((e) => describe(e.start, e.end, shown(decodeMermaidText(e.text))))).toEqual(
    graph.edges.map((e) => describe(`s${e.from.index}`, `s${e.to.index}`, e.label ? shown(e.label) : '')),
  );
  for (const edge of graph.edges.filter((e) => e.kind === 'branch' && e.label)) {
    expect(parsed.edges.some((e) => shown(decodeMermaidText(e.text)) === shown(edge.label!))).toBe(true);
  }
  // Terminals: a start, one end per step where the flow ends.
  expect(Object.values(diagram.nodes).filter((n) => n.kind === 'start').length).toBe(1);
  expect(Object.values(diagram.nodes).filter((n) => n.kind === 'end').length).toBe(graph.ends.length);
  if (graph.first) expect(parsed.edges.some((e) => e.start === 'st' && e.end === `s${graph.first!.index}`)).toBe(true);
  // Lanes: one per role used, first-use order, titled with the role's name.
  const roles = systemModel(workspace)?.roles ?? [];
  const used = [...new Set(graph.steps.map((s) => s.step.role).filter((r): r is string => typeof r === 'string' && r.trim() !== ''))];
  const lanes = parsed.subgraphs;
  expect(lanes.map((l) => shown(decodeMermaidText(l.title)))).toEqual(used.map((id) => shown(roles.find((r) => r.id === id)?.name ?? id)));
  for (const [i, lane] of lanes.entries()) {
    const members = graph.steps.filter((s) => s.step.role === used[i]).map((s) => `s${s.index}`);
    for (const member of members) expect(lane.nodes).toContain(member);
  }
}

async function check(workspace: Workspace, file: SourceFile, options: FlowchartOptions, golden: string): Promise<Diagram> {
  const diagram = procedureFlowchart(workspace, file, options)!;
  expect(diagram).toBeDefined();
  expectGolden(golden, diagram.text);
  expectWellFormed(diagram.text);
  const parsed = await parseWithMermaid(mermaid, diagram.text);
  expectNodesMatch(diagram, parsed);
  expectFlowchartStructure(workspace, file, diagram, parsed);
  return diagram;
}

describe('procedure flowcharts of the examples', () => {
  for (const example of ['ban-chqs', 'acme-en']) {
    describe(example, () => {
      let workspace: Workspace;
      beforeAll(async () => {
        workspace = await loadExample(example);
      });
      const codes = example === 'ban-chqs' ? [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `QT-BCHQS-0${n}`) : [1, 2, 3, 4].map((n) => `SOP-00${n}`);
      for (const code of codes) {
        it(`${code} (TD) matches its golden file and parses`, async () => {
          await check(workspace, procedureFile(workspace, code), { locale: localeOf(workspace) }, `flowchart/${example}/${code}.mmd`);
        });
      }
      if (example === 'ban-chqs') {
        it('QT-BCHQS-07 left to right with forms and records', async () => {
          const file = procedureFile(workspace, 'QT-BCHQS-07');
          const diagram = await check(workspace, file, { locale: 'vi', direction: 'LR', showForms: true }, `flowchart/${example}/QT-BCHQS-07.lr-forms.mmd`);
          expect(diagram.text.startsWith('flowchart LR\n')).toBe(true);
          const model = file.model as ProcedureFile;
          const formCodes = new Set(model.steps.flatMap((s) => s.forms ?? []));
          const recordCodes = new Set(model.steps.flatMap((s) => s.records ?? []));
          const forms = Object.entries(diagram.nodes).filter(([, n]) => n.kind === 'form');
          const records = Object.entries(diagram.nodes).filter(([, n]) => n.kind === 'record');
          expect(forms.length).toBe(formCodes.size);
          expect(records.length).toBe(recordCodes.size);
          for (const [, node] of [...forms, ...records]) expect(node.pointer).toMatch(/^\/(forms|records)\/\d+$/);
          // Dotted links: one per (step, form) and (step, record) reference.
          const links = diagram.text.split('\n').filter((l) => / -\.->? [fr]\d+$/.test(l));
          expect(links.length).toBe(model.steps.reduce((n, s) => n + (s.forms?.length ?? 0) + (s.records?.length ?? 0), 0));
          expect(diagram.text).toMatch(/@\{ shape: doc, label: "BM-01\/QT-BCHQS-07<br\/>/);
        });
      }
    });
  }
});

describe('procedure flowcharts of the fixtures', () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await loadFixture();
  });

  it('a cycle through a decision: the back edge is drawn, with its label', async () => {
    const diagram = await check(workspace, procedureFile(workspace, 'QT-DV-01'), { locale: 'vi' }, 'flowchart/fixture/cycle.mmd');
    expect(diagram.text).toContain('s1 -->|"Không"| s2');
    expect(diagram.text).toContain('s2 --> s1');
  });

  it('a fork: parallel edges out of one box, joined again', async () => {
    const diagram = await check(workspace, procedureFile(workspace, 'QT-DV-02'), { locale: 'vi' }, 'flowchart/fixture/fork.mmd');
    expect(diagram.text).toContain('s0 --> s1\n  s0 --> s2\n');
    expect(diagram.text).toContain('s3 --> s4\n  s3 --> s5\n');
    expect(Object.values(diagram.nodes).filter((n) => n.kind === 'end').length).toBe(2);
  });

  it('phases: a header line in each step; a role qms.yaml lacks is a lane titled by its id; a step without role stays outside the lanes', async () => {
    const diagram = await check(workspace, procedureFile(workspace, 'QT-DV-03'), { locale: 'vi' }, 'flowchart/fixture/phases.mmd');
    expect(diagram.text).toContain('s0("#91;Tiếp nhận#93;<br/>Tiếp nhận<br/>15 phút")');
    expect(diagram.text).toContain('subgraph lane3["can-bo-chua-khai-bao"]');
    expect(diagram.text).toMatch(/\n {2}s6\("Lưu hồ sơ<br\/>30 phút"\)\n/);
  });

  it('pauses: marked ⏸ with a note and drawn dashed, decisions included', async () => {
    const diagram = await check(workspace, procedureFile(workspace, 'QT-DV-04'), { locale: 'vi' }, 'flowchart/fixture/pauses.mmd');
    expect(diagram.text).toContain('⏸ không tính thời hạn');
    expect(diagram.text).toMatch(/\n {2}class s1,s2 pause\n/);
    expect(diagram.text).toMatch(/classDef pause [^\n]*stroke-dasharray/);
    const en = procedureFlowchart(workspace, procedureFile(workspace, 'QT-DV-04'), { locale: 'en' })!;
    expect(en.text).toContain('⏸ clock paused');
    expect(en.text).toContain('st(["Start"])');
    expect(en.text).toContain('(["End"])');
  });

  describe('hostile names', () => {
    const hostileChecks = async (diagram: Diagram) => {
      const text = diagram.text;
      for (const raw of ['<img', '%%{', '"]; click', '"|; click', '<script', 'onerror=alert(1)>', '#quot; #lt;b', '\r', '\u0007']) {
        expect(text).not.toContain(raw);
      }
      // Nothing Mermaid would act on: no click, style, linkStyle or directive statement survives.
      for (const line of text.split('\n')) expect(line).not.toMatch(/^\s*(click|style|linkStyle|%%)/);
      const parsed = await parseWithMermaid(mermaid, text);
      // No statement leaked out of a label: every vertex is ours, no edge carries anything but our labels.
      expect(parsed.vertices.size).toBe(Object.keys(diagram.nodes).length);
      return parsed;
    };

    it('top to bottom: every name is shown as written, none leaves its label', async () => {
      const file = procedureFile(workspace, 'QT-DV-99');
      const diagram = await check(workspace, file, { locale: 'vi' }, 'flowchart/fixture/hostile.mmd');
      const parsed = await hostileChecks(diagram);
      // Diacritics and emoji as written; long names wrapped between words.
      const emoji = decodeMermaidText(parsed.vertices.get('s11')!.text);
      expect(emoji).toContain('👨‍👩‍👧');
      expect(emoji).toContain('Ủy ban nhân dân');
      const long = decodeMermaidText(parsed.vertices.get('s4')!.text).split('\n');
      expect(long.length).toBeGreaterThan(4);
      for (const line of long) expect([...line].length).toBeLessThanOrEqual(30);
      // A name's own line breaks stay line breaks; controls become spaces.
      expect(decodeMermaidText(parsed.vertices.get('s8')!.text)).toBe('Dòng một\nDòng hai\nDòng ba\nDòng bốn có tab chuông');
      // Entity-looking text is shown literally, not decoded.
      expect(decodeMermaidText(parsed.vertices.get('s7')!.text).replace(/\n/g, ' ')).toBe('#quot; #lt;b#gt; &amp; &lt;script&gt; #9829; ﬂ°lt¶ß ﬂ°°60¶ß');
      // Keywords stay text ("direction LR" would otherwise swallow the line).
      expect(decodeMermaidText(parsed.vertices.get('s9')!.text).replace(/\n/g, ' ')).toContain('end subgraph direction LR classDef x fill:#f00;');
      expect(parsed.edges.map((e) => decodeMermaidText(e.text)).filter(Boolean)).toEqual(['Có"|; click s3 call alert(1)', 'Không\nđúng hạn | `x`']);
    });

    it('left to right with forms: codes and titles escaped in shape data too', async () => {
      const file = procedureFile(workspace, 'QT-DV-99');
      const diagram = await check(workspace, file, { locale: 'vi', direction: 'LR', showForms: true }, 'flowchart/fixture/hostile.lr-forms.mmd');
      const parsed = await hostileChecks(diagram);
      expect(parsed.vertices.get('f0')!.type).toBe('doc');
      expect(decodeMermaidText(parsed.vertices.get('f0')!.text)).toBe('BM-01"]; click f0 call\nalert(1)\n<img src=x onerror=alert(1)>\nPhiếu "đề nghị"');
      expect(parsed.vertices.get('r0')!.type).toBe('docs');
      expect(decodeMermaidText(parsed.vertices.get('r0')!.text).replace(/\n/g, ' ')).toBe('HS-01 | %%{init: {"theme":"dark"}}%% Sổ ]) --> s0');
      // A code no form defines is still drawn, pointing at the reference.
      expect(diagram.nodes.f1).toEqual({ kind: 'form', file: file.path, pointer: '/steps/0/forms/1' });
    });
  });

  it('returns undefined for a file that is not a procedure, and never throws on malformed steps', async () => {
    const process = workspace.files.find((f) => f.kind === 'process')!;
    expect(procedureFlowchart(workspace, process, { locale: 'vi' })).toBeUndefined();
    const weird = [
      'kind: procedure\nsteps: 3\n',
      'kind: procedure\nsteps: [null, 1, "x", [], {id: 2, name: 3, role: 4, duration: 5, phase: 6, branches: [null, {when: 1, next: 2}], forms: "BM"}]\n',
      'kind: procedure\nsteps:\n  - {id: a, name: A, next: [a, b, 7]}\n  - {id: b, name: B, decision: 1, branches: [{when: x, next: a}], forms: [1, null], records: {a: 1}}\n',
      'kind: procedure\nsteps: []\n',
      'kind: procedure\n',
      // Nothing visible: no lane, no label left empty (Mermaid rejects `""`).
      'kind: procedure\nsteps:\n  - {id: "\\0", name: "\\0 \\t", role: "\\0", phase: " ", duration: "\\a", forms: ["\\0"], decision: " ", branches: [{when: "\\0", next: "\\0"}]}\n',
    ];
    for (const yaml of weird) {
      const { workspace: ws, file } = withProcedure(workspace, 'weird.qms.yaml', yaml);
      const diagram = procedureFlowchart(ws, file, { locale: 'vi', showForms: true })!;
      expect(diagram).toBeDefined();
      expectWellFormed(diagram.text);
      expectNodesMatch(diagram, await parseWithMermaid(mermaid, diagram.text));
    }
  });
});

describe('a generated 300-step procedure', () => {
  it('matches its golden file and parses (its speed is measured by npm run bench, not here)', async () => {
    const { workspace, file } = withProcedure(await loadFixture(), 'generated.qms.yaml', generatedProcedure(300));
    const diagram = await check(workspace, file, { locale: 'vi' }, 'flowchart/generated-300.mmd');
    expect(Object.values(diagram.nodes).filter((n) => n.kind === 'step' || n.kind === 'decision').length).toBe(300);
    // Mermaid refuses to render a text over 50,000 characters unless maxTextSize is raised.
    expect(diagram.text.length).toBeLessThan(50_000);
  });
});
