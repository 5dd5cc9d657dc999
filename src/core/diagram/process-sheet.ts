import type { Locale } from '../findings';
import type { SourceFile } from '../model/source-file';
import { systemModel, type Workspace } from '../model/workspace';
import { label, list, MermaidWriter, record, text } from './mermaid';
import { PROCESS_CLASS_DEFS, processesOf, processTitle, type ProcessEntry } from './process-map';
import type { Diagram, DiagramNode, ProcessDiagramOptions } from './types';

/**
 * One process as a SIPOC (the turtle's spine), left to right: suppliers → inputs → the process →
 * outputs → customers, each column a titled subgraph. Suppliers and customers are the processes
 * and externals named by `inputs[].from` / `outputs[].to` (one node each, even when they supply
 * several inputs); an input or output whose party is missing or unknown is still drawn, without
 * a party. The process node carries its owner's role name. Empty columns are left out.
 *
 * Ids: `sup<n>`, `inp<n>` (input n of the list), `prc`, `outp<n>` (output n), `cus<n>`.
 * A file that is not a process gives a diagram with no nodes.
 */

const WORDS: Record<Locale, { suppliers: string; inputs: string; process: string; outputs: string; customers: string; owner: string }> = {
  en: { suppliers: 'Suppliers', inputs: 'Inputs', process: 'Process', outputs: 'Outputs', customers: 'Customers', owner: 'Owner' },
  vi: { suppliers: 'Nhà cung cấp', inputs: 'Đầu vào', process: 'Quá trình', outputs: 'Đầu ra', customers: 'Khách hàng', owner: 'Chủ trì' },
};

export function processSheet(workspace: Workspace, file: SourceFile, options: ProcessDiagramOptions): Diagram {
  const words = WORDS[options.locale] ?? WORDS.en;
  const writer = new MermaidWriter(`flowchart ${options.direction === 'TD' ? 'TD' : 'LR'}`);
  const nodes: Record<string, DiagramNode> = {};
  const model = file.model;
  if (model?.kind !== 'process') return { text: writer.finish(PROCESS_CLASS_DEFS), nodes };

  const { processes, externals } = processesOf(workspace);
  const systemPath = workspace.system?.path ?? '';
  const self: ProcessEntry = { id: text(model.id) ?? '', file, model };

  const roleName = (id: string | undefined) => {
    if (id === undefined) return undefined;
    for (const role of list(systemModel(workspace)?.roles)) {
      const r = record(role);
      if (r?.id === id) return text(r.name) ?? id;
    }
    return id;
  };

  /** A party (supplier or customer) node, one per id per column. */
  const party = (prefix: 'sup' | 'cus', column: Map<string, { id: string; statement: string }>, partyId: unknown): string | undefined => {
    if (typeof partyId !== 'string') return undefined;
    const existing = column.get(partyId);
    if (existing) return existing.id;
    const id = `${prefix}${column.size}`;
    const process = processes.get(partyId);
    const external = externals.get(partyId);
    if (process) {
      column.set(partyId, { id, statement: `${id}["${label([processTitle(process)])}"]` });
      writer.classify(id, 'process');
      nodes[id] = { kind: 'process', file: process.file.path, pointer: '' };
    } else if (external) {
      column.set(partyId, { id, statement: `${id}(["${label([external.name ?? external.id])}"])` });
      writer.classify(id, 'external');
      nodes[id] = { kind: 'external', file: systemPath, pointer: external.pointer };
    } else return undefined;
    return id;
  };

  const suppliers = new Map<string, { id: string; statement: string }>();
  const customers = new Map<string, { id: string; statement: string }>();
  const inputs: string[] = [];
  const outputs: string[] = [];
  const edges: string[] = [];

  list(model.inputs).forEach((item, i) => {
    const r = record(item);
    const id = `inp${i}`;
    inputs.push(`${id}["${label([text(r?.name) ?? `${words.inputs} ${i + 1}`])}"]`);
    writer.classify(id, 'item');
    nodes[id] = { kind: 'input', file: file.path, pointer: `/inputs/${i}` };
    const supplier = party('sup', suppliers, r?.from);
    if (supplier) edges.push(`${supplier} --> ${id}`);
    edges.push(`${id} --> prc`);
  });
  list(model.outputs).forEach((item, i) => {
    const r = record(item);
    const id = `outp${i}`;
    outputs.push(`${id}["${label([text(r?.name) ?? `${words.outputs} ${i + 1}`])}"]`);
    writer.classify(id, 'item');
    nodes[id] = { kind: 'output', file: file.path, pointer: `/outputs/${i}` };
    edges.push(`prc --> ${id}`);
    const customer = party('cus', customers, r?.to);
    if (customer) edges.push(`${id} --> ${customer}`);
  });

  const owner = roleName(text(model.owner));
  const columns: Array<[string, string[]]> = [
    [words.suppliers, [...suppliers.values()].map((s) => s.statement)],
    [words.inputs, inputs],
    [words.process, [`prc["${label([processTitle(self), owner === undefined ? undefined : `${words.owner}: ${owner}`])}"]`]],
    [words.outputs, outputs],
    [words.customers, [...customers.values()].map((c) => c.statement)],
  ];
  writer.classify('prc', 'process');
  nodes.prc = { kind: 'process', file: file.path, pointer: '' };
  columns.forEach(([title, statements], n) => {
    if (!statements.length) return;
    writer.open(`subgraph col${n}["${label([title], 0)}"]`);
    for (const statement of statements) writer.line(statement);
    writer.close();
  });
  for (const edge of edges) writer.line(edge);
  return { text: writer.finish(PROCESS_CLASS_DEFS), nodes };
}
