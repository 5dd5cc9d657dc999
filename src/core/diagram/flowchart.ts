import type { Locale } from '../findings';
import { flowGraphOf, type FlowEdge, type FlowStep } from '../flow/graph';
import type { SourceFile } from '../model/source-file';
import { systemModel, type Workspace } from '../model/workspace';
import { label, list, MermaidWriter, record, str, text } from './mermaid';
import type { Diagram, DiagramNode, FlowchartOptions } from './types';

/**
 * The flowchart of a procedure (OUTPUTS.md): `flowchart TD` (or `LR`), one node per step, one
 * swimlane subgraph per role. The flow itself (successors, forks, ends) comes from the step graph
 * of `flow/graph.ts`, the same one the linter and the critical path use.
 *
 * Node ids never come from the YAML: `st` (start), `s<i>` (step i of the list), `e<i>` (the end
 * terminal after step i), `f<n>` / `r<n>` (forms / records), `lane<n>` (role subgraphs).
 *
 * - Steps are rounded boxes: the phase (when the step has one) as a header line in brackets, the
 *   name wrapped at about 30 characters, the duration as written (`2 giờ`, `0.5 working days`).
 * - A step with branches is a diamond holding its question (its name when it has none) and its
 *   duration; each branch is an edge labelled with its `when`. The phase is left out of diamonds:
 *   a diamond grows in both directions with its text, and the boxes around it show the phase.
 * - A fork (`next` as a list) is simply several edges out of one box.
 * - Each step where the flow ends gets its own end terminal in its own lane, so that no edge
 *   crosses the chart to reach a shared "End"; the start terminal sits in the first step's lane.
 * - A step that pauses the clock is marked ⏸ with a localised note, and drawn dashed (class `pause`).
 * - Phases as a header line, not as subgraphs: lanes are already subgraphs, a phase spans several
 *   lanes, and Mermaid can neither put one node in two subgraphs nor lay out a phase subgraph
 *   nested in each lane without breaking the lanes apart (and edges to nested subgraphs are a
 *   known source of layout errors). The line keeps every step's phase readable in every layout.
 * - With `showForms`, each form or record a step names is one document node (Mermaid 11's `doc`
 *   shape for forms, `docs` for records), in the lane of the first step that names it, joined to
 *   each step that names it by a dotted line (a form is filled in the step: `-.-`; a record is
 *   produced by it: `-.->`).
 * - Steps without a role (the linter reports them) are drawn outside the lanes; a role that
 *   qms.yaml does not define is a lane titled with its id.
 */

const WORDS: Record<Locale, { start: string; end: string; paused: string }> = {
  en: { start: 'Start', end: 'End', paused: 'clock paused' },
  vi: { start: 'Bắt đầu', end: 'Kết thúc', paused: 'không tính thời hạn' },
};

export const FLOWCHART_CLASS_DEFS: ReadonlyArray<readonly [string, string]> = [
  ['terminal', 'fill:#e5e7eb,stroke:#111827,stroke-width:2px,color:#111827'],
  ['step', 'fill:#ffffff,stroke:#1f2937,stroke-width:1px,color:#111827'],
  ['decision', 'fill:#fef9c3,stroke:#854d0e,stroke-width:1px,color:#111827'],
  ['pause', 'fill:#f3f4f6,stroke:#4b5563,stroke-width:1px,stroke-dasharray:5 5,color:#111827'],
  ['form', 'fill:#eff6ff,stroke:#1e3a8a,stroke-width:1px,color:#111827'],
  ['record', 'fill:#ecfdf5,stroke:#065f46,stroke-width:1px,color:#111827'],
];

/**
 * What a comparison adds to a flowchart (flowchart-diff.ts): a class and a note line on some
 * steps, and ghost nodes (steps that are no longer there), each in its role's lane and tied to a
 * node of the chart by a dotted arrow. Ghost ids must not collide with the chart's own.
 */
export interface FlowchartOverlay {
  /** By step index: the class drawn over the step's own, and a line added to its label. */
  steps: ReadonlyMap<number, { className: string; note?: string }>;
  ghosts: ReadonlyArray<{ id: string; role: string | undefined; label: ReadonlyArray<string | undefined>; className: string; node: DiagramNode; from: string }>;
  /** Appended to FLOWCHART_CLASS_DEFS: a later class wins over an earlier one on the same node. */
  classDefs: ReadonlyArray<readonly [string, string]>;
}

export function procedureFlowchart(workspace: Workspace, file: SourceFile, options: FlowchartOptions): Diagram | undefined {
  return drawFlowchart(workspace, file, options);
}

/** The flowchart, with an overlay drawn into it when one is given. */
export function drawFlowchart(workspace: Workspace, file: SourceFile, options: FlowchartOptions, overlay?: FlowchartOverlay): Diagram | undefined {
  const model = file.model;
  if (!model || model.kind !== 'procedure') return undefined;
  const words = WORDS[options.locale] ?? WORDS.en;
  const graph = flowGraphOf(model);
  const steps = graph.steps;
  const nodes: Record<string, DiagramNode> = {};
  const at = (kind: DiagramNode['kind'], pointer: string): DiagramNode => ({ kind, file: file.path, pointer });

  // Role names from qms.yaml; the first definition of an id wins, as everywhere else.
  const roleNames = new Map<string, string>();
  for (const role of list(systemModel(workspace)?.roles)) {
    const r = record(role);
    const id = str(r?.id);
    const name = text(r?.name);
    if (id !== undefined && name !== undefined && !roleNames.has(id)) roleNames.set(id, name);
  }

  // Lanes in first-use order; each holds its statements in step order.
  const lanes = new Map<string, string[]>();
  const outside: string[] = [];
  const laneOf = (step: FlowStep | undefined): string[] => laneOfRole(text(step?.step.role));
  const laneOfRole = (role: string | undefined): string[] => {
    if (role === undefined) return outside;
    let lane = lanes.get(role);
    if (!lane) lanes.set(role, (lane = []));
    return lane;
  };

  const writer = new MermaidWriter(`flowchart ${options.direction === 'LR' ? 'LR' : 'TD'}`);
  const first = graph.first;
  laneOf(first).push(`st(["${label([words.start])}"])`);
  writer.classify('st', 'terminal');
  nodes.st = at('start', first ? first.pointer : '/steps');

  const forms = formIndex(model);
  /** Node id of each form or record drawn, by kind and code. */
  const documents = new Map<string, string>();
  const documentLinks: string[] = [];
  const documentCount = { form: 0, record: 0 };

  for (const step of steps) {
    const id = `s${step.index}`;
    const lane = laneOf(step);
    const s = step.step;
    const duration = text(s.duration)?.trim();
    const paused = step.pausesClock ? `⏸ ${words.paused}` : undefined;
    const marked = overlay?.steps.get(step.index);
    if (step.isDecision) {
      const question = text(s.decision) ?? text(step.name) ?? text(step.id) ?? `#${step.index + 1}`;
      lane.push(`${id}{"${label([question, duration, paused, marked?.note])}"}`);
      writer.classify(id, 'decision');
    } else {
      lane.push(`${id}("${label(boxLines(step, paused, marked?.note))}")`);
      writer.classify(id, 'step');
    }
    if (step.pausesClock) writer.classify(id, 'pause');
    if (marked) writer.classify(id, marked.className);
    nodes[id] = at(step.isDecision ? 'decision' : 'step', step.pointer);
    if (step.exit === 'end') {
      lane.push(`e${step.index}(["${label([words.end])}"])`);
      writer.classify(`e${step.index}`, 'terminal');
      nodes[`e${step.index}`] = at('end', step.pointer);
    }

    if (options.showForms) {
      for (const kind of ['form', 'record'] as const) {
        list(kind === 'form' ? s.forms : s.records).forEach((item, k) => {
          const code = text(item);
          if (code === undefined) return;
          const key = `${kind}\u0000${code}`;
          let docId = documents.get(key);
          if (docId === undefined) {
            const known = (kind === 'form' ? forms.forms : forms.records).get(code);
            docId = `${kind === 'form' ? 'f' : 'r'}${documentCount[kind]++}`;
            documents.set(key, docId);
            lane.push(`${docId}@{ shape: ${kind === 'form' ? 'doc' : 'docs'}, label: "${label([code, known?.title])}" }`);
            writer.classify(docId, kind);
            nodes[docId] = at(kind, known ? known.pointer : `${step.pointer}/${kind === 'form' ? 'forms' : 'records'}/${k}`);
          }
          documentLinks.push(`${id} ${kind === 'form' ? '-.-' : '-.->'} ${docId}`);
        });
      }
    }
  }

  for (const ghost of overlay?.ghosts ?? []) {
    laneOfRole(ghost.role).push(`${ghost.id}("${label(ghost.label)}")`);
    writer.classify(ghost.id, ghost.className);
    nodes[ghost.id] = ghost.node;
  }

  let laneNumber = 0;
  for (const [role, statements] of lanes) {
    writer.open(`subgraph lane${laneNumber++}["${label([roleNames.get(role) ?? role], 0)}"]`);
    for (const statement of statements) writer.line(statement);
    writer.close();
  }
  for (const statement of outside) writer.line(statement);

  if (first) writer.line(`st --> s${first.index}`);
  for (const step of steps) {
    for (const edge of step.out) writer.line(edgeStatement(edge));
    if (step.exit === 'end') writer.line(`s${step.index} --> e${step.index}`);
  }
  for (const link of documentLinks) writer.line(link);
  for (const ghost of overlay?.ghosts ?? []) writer.line(`${ghost.from} -.-> ${ghost.id}`);

  return { text: writer.finish(overlay ? [...FLOWCHART_CLASS_DEFS, ...overlay.classDefs] : FLOWCHART_CLASS_DEFS), nodes };
}

/** The lines of a step's box: its phase in brackets, its name (else its id, else its number), its duration, then `more`. */
export function boxLines(step: FlowStep, ...more: Array<string | undefined>): Array<string | undefined> {
  const phase = text(step.step.phase);
  const name = text(step.name) ?? text(step.id) ?? `#${step.index + 1}`;
  return [phase === undefined ? undefined : `[${phase.trim()}]`, name, text(step.step.duration)?.trim(), ...more];
}

function edgeStatement(edge: FlowEdge): string {
  const from = `s${edge.from.index}`;
  const to = `s${edge.to.index}`;
  const when = text(edge.label);
  return when === undefined ? `${from} --> ${to}` : `${from} -->|"${label([when])}"| ${to}`;
}

interface DocumentDefinition {
  title: string | undefined;
  pointer: string;
}

/** The procedure's forms and records by code (the first definition of a code wins). */
function formIndex(model: object): { forms: Map<string, DocumentDefinition>; records: Map<string, DocumentDefinition> } {
  const m = model as Record<string, unknown>;
  const index = (value: unknown, key: string) => {
    const map = new Map<string, DocumentDefinition>();
    list(value).forEach((item, j) => {
      const r = record(item);
      const code = str(r?.code);
      if (code !== undefined && !map.has(code)) map.set(code, { title: text(r?.title), pointer: `/${key}/${j}` });
    });
    return map;
  };
  return { forms: index(m.forms, 'forms'), records: index(m.records, 'records') };
}
