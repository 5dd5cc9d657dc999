import type { SourceFile } from '../model/source-file';
import type { ProcessFile } from '../model/types';
import { systemModel, type Workspace } from '../model/workspace';
import { label, list, MermaidWriter, record, text } from './mermaid';
import type { Diagram, DiagramNode, ProcessDiagramOptions } from './types';

/**
 * The process map of a workspace (OUTPUTS.md, ISO 9001 4.4.1 b): every process a node
 * ("P-01 — name"), externals a stadium with a dashed border, and one edge per interaction drawn
 * from `inputs[].from` and `outputs[].to`.
 *
 * An interaction is an ordered pair (from, to) and is drawn once, labelled with the names of the
 * items it carries. Between two processes both sides often declare it ("P-01 outputs X to P-02",
 * "P-02 inputs X from P-01"), usually in slightly different words: the supplier's outputs name
 * the edge, and the customer's inputs only when the supplier declares nothing. Ids that name
 * neither a process nor an external are skipped (the linter reports them).
 *
 * Ids: `p<n>` (processes, in workspace file order), `ext<n>` (externals, in qms.yaml order).
 */

export const PROCESS_CLASS_DEFS: ReadonlyArray<readonly [string, string]> = [
  ['process', 'fill:#ffffff,stroke:#1f2937,stroke-width:1px,color:#111827'],
  ['external', 'fill:#f3f4f6,stroke:#4b5563,stroke-width:1px,stroke-dasharray:4 3,color:#111827'],
  ['item', 'fill:#ffffff,stroke:#6b7280,stroke-width:1px,color:#111827'],
];

/** A process file with its model, the first one for each id. */
export interface ProcessEntry {
  id: string;
  file: SourceFile;
  model: ProcessFile;
}

export interface ExternalEntry {
  id: string;
  name: string | undefined;
  pointer: string;
}

/** Processes by id (the first file wins) in workspace order, externals by id in qms.yaml order. */
export function processesOf(workspace: Workspace): { processes: Map<string, ProcessEntry>; externals: Map<string, ExternalEntry> } {
  const processes = new Map<string, ProcessEntry>();
  for (const file of workspace.files) {
    const model = file.model;
    if (model?.kind !== 'process') continue;
    const id = text(model.id);
    if (id !== undefined && !processes.has(id)) processes.set(id, { id, file, model });
  }
  const externals = new Map<string, ExternalEntry>();
  list(systemModel(workspace)?.externals).forEach((item, i) => {
    const r = record(item);
    const id = text(r?.id);
    if (id !== undefined && !externals.has(id) && !processes.has(id)) externals.set(id, { id, name: text(r?.name), pointer: `/externals/${i}` });
  });
  return { processes, externals };
}

/** "P-01 — name", or whichever of the two the process has. */
export function processTitle(entry: ProcessEntry): string {
  const name = text(entry.model.name)?.trim();
  if (name === undefined) return entry.id;
  return entry.id ? `${entry.id} — ${name}` : name;
}

export function processMap(workspace: Workspace, options: ProcessDiagramOptions): Diagram {
  const { processes, externals } = processesOf(workspace);
  const systemPath = workspace.system?.path ?? '';
  const nodes: Record<string, DiagramNode> = {};
  const writer = new MermaidWriter(`flowchart ${options.direction === 'TD' ? 'TD' : 'LR'}`);

  const processIds = new Map<string, string>();
  for (const entry of processes.values()) {
    const id = `p${processIds.size}`;
    processIds.set(entry.id, id);
    writer.line(`${id}["${label([processTitle(entry)])}"]`);
    writer.classify(id, 'process');
    nodes[id] = { kind: 'process', file: entry.file.path, pointer: '' };
  }

  // Interactions: ordered pairs of keys ("p:<id>" or "x:<id>"), in the order first declared.
  interface Interaction {
    from: string;
    to: string;
    /** Item names declared by the supplier's outputs, then by the customer's inputs. */
    outputs: string[];
    inputs: string[];
  }
  const interactions = new Map<string, Interaction>();
  const usedExternals = new Set<string>();
  const keyOf = (id: unknown): string | undefined => {
    if (typeof id !== 'string') return undefined;
    if (processes.has(id)) return `p:${id}`;
    if (externals.has(id)) {
      usedExternals.add(id);
      return `x:${id}`;
    }
    return undefined;
  };
  const add = (from: string, to: string, side: 'outputs' | 'inputs', name: string | undefined) => {
    const key = `${from}\u0000${to}`;
    let interaction = interactions.get(key);
    if (!interaction) interactions.set(key, (interaction = { from, to, outputs: [], inputs: [] }));
    if (name !== undefined && !interaction[side].includes(name)) interaction[side].push(name);
  };
  for (const entry of processes.values()) {
    const self = `p:${entry.id}`;
    for (const item of list(entry.model.inputs)) {
      const from = keyOf(record(item)?.from);
      if (from) add(from, self, 'inputs', text(record(item)?.name));
    }
    for (const item of list(entry.model.outputs)) {
      const to = keyOf(record(item)?.to);
      if (to) add(self, to, 'outputs', text(record(item)?.name));
    }
  }

  const externalIds = new Map<string, string>();
  for (const external of externals.values()) {
    if (!usedExternals.has(external.id)) continue;
    const id = `ext${externalIds.size}`;
    externalIds.set(external.id, id);
    writer.line(`${id}(["${label([external.name ?? external.id])}"])`);
    writer.classify(id, 'external');
    nodes[id] = { kind: 'external', file: systemPath, pointer: external.pointer };
  }

  const nodeId = (key: string) => (key.startsWith('p:') ? processIds.get(key.slice(2)) : externalIds.get(key.slice(2)));
  for (const interaction of interactions.values()) {
    const from = nodeId(interaction.from);
    const to = nodeId(interaction.to);
    if (!from || !to) continue;
    const names = interaction.outputs.length ? interaction.outputs : interaction.inputs;
    // Several items on one edge: each starts with a bullet, so that wrapped names stay apart.
    const text = label(names.length > 1 ? names.map((n) => `• ${n}`) : names);
    writer.line(text ? `${from} -->|"${text}"| ${to}` : `${from} --> ${to}`);
  }

  return { text: writer.finish(PROCESS_CLASS_DEFS), nodes };
}
