import type { SourceFile } from '../../model/source-file';
import type { ProcessFile } from '../../model/types';
import type { FlowchartView } from './procedure';
import {
  clauseView,
  compareCodes,
  controlledRefView,
  list,
  partyView,
  roleView,
  str,
  viewBase,
  type ClauseView,
  type ControlledRefView,
  type FileBases,
  type PartyView,
  type RoleView,
  type ViewBase,
  type ViewContext,
} from './common';

/** An input or an output of a process, with where it comes from or goes to. */
export interface ExchangeView {
  /** Row number, from 1. */
  no: number;
  /** What passes: `Hồ sơ đề nghị của công dân`. */
  name: string;
  /** The supplier (for an input) or the customer (for an output); `null` when not said. */
  party: PartyView | null;
}

/** A performance indicator (ISO 9001 4.4.1 c, 9.1). */
export interface KpiView {
  /** Row number, from 1. */
  no: number;
  /** The indicator. */
  name: string;
  /** Its target: `>= 98%`; `''` when none. */
  target: string;
  /** How often it is measured, in words: `Hằng tháng`, `Quarterly`; `''` when not said. */
  frequency: string;
  /** How it is measured; `''` when not said. */
  method: string;
}

/** A risk (ISO 9001 6.1) with its score. */
export interface RiskView {
  /** Row number, from 1. */
  no: number;
  /** Its id (`R-01`); `''` when none. */
  id: string;
  /** What could go wrong. */
  description: string;
  /** Likelihood 1–5; `null` when not scored. */
  likelihood: number | null;
  /** Impact 1–5; `null` when not scored. */
  impact: number | null;
  /** Likelihood × impact; `null` when not scored. */
  score: number | null;
  /** `low` (score below 5), `medium` (5–14), `high` (15 or more); `''` when not scored. */
  level: 'low' | 'medium' | 'high' | '';
  /** The level in words; `''` when not scored. */
  levelText: string;
  /** What is done about it; `''` when nothing is said. */
  treatment: string;
}

/** An opportunity (ISO 9001 6.1). */
export interface OpportunityView {
  /** Row number, from 1. */
  no: number;
  /** The opportunity. */
  description: string;
  /** The action taken; `''` when none. */
  action: string;
}

/** The process itself, as its sheet and the map show it. */
export interface ProcessInfoView {
  /** `P-05`. */
  id: string;
  /** Its name. */
  name: string;
  /** Its purpose; `''` when none. */
  purpose: string;
  /** The process owner (4.4.1 e). */
  owner: RoleView | null;
  /** ISO 9001 clauses it addresses. */
  clauses: ClauseView[];
  /** Its sheet's path from the output root, without extension: `processes/P-05`. */
  fileBase: string;
}

/** The view model of a process sheet (one process on one page, turtle / SIPOC): `process-sheet.hbs`. */
export interface ProcessSheetView extends ViewBase {
  /** Always `process-sheet`. */
  kind: 'process-sheet';
  /** The process. */
  process: ProcessInfoView;
  /** Inputs and their suppliers (4.4.1 a). */
  inputs: ExchangeView[];
  /** Outputs and their customers (4.4.1 a). */
  outputs: ExchangeView[];
  /** Resources (4.4.1 d). */
  resources: string[];
  /** Performance indicators (4.4.1 c). */
  kpis: KpiView[];
  /** Risks, scored (4.4.1 f). */
  risks: RiskView[];
  /** Opportunities. */
  opportunities: OpportunityView[];
  /** The procedures that carry the process out (4.4.1 b). */
  procedures: ControlledRefView[];
  /** The process diagram (suppliers → inputs → process → outputs → customers). */
  diagram: FlowchartView;
}

/** One process on the map. */
export interface MapProcessView extends ProcessInfoView {
  /** Row number, from 1. */
  no: number;
  /** Its procedures. */
  procedures: ControlledRefView[];
}

/** What passes from one party to another (4.4.1 b: the sequence and interaction of processes). */
export interface InteractionView {
  /** Row number, from 1. */
  no: number;
  /** Who hands over. */
  from: PartyView;
  /** Who receives. */
  to: PartyView;
  /** What passes, in the order the files name it. */
  items: string[];
}

/** The view model of the process map (all processes and their interactions): `process-map.hbs`. */
export interface ProcessMapView extends ViewBase {
  /** Always `process-map`. */
  kind: 'process-map';
  /** Every process, by id. */
  processes: MapProcessView[];
  /** Every interaction from inputs and outputs, processes first, by id. */
  interactions: InteractionView[];
  /** The map diagram. */
  diagram: FlowchartView;
}

const FREQUENCIES = {
  vi: { daily: 'Hằng ngày', weekly: 'Hằng tuần', monthly: 'Hằng tháng', quarterly: 'Hằng quý', 'half-yearly': '6 tháng một lần', semiannual: '6 tháng một lần', yearly: 'Hằng năm', annual: 'Hằng năm', annually: 'Hằng năm' },
  en: { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly', 'half-yearly': 'Half-yearly', semiannual: 'Half-yearly', yearly: 'Yearly', annual: 'Yearly', annually: 'Yearly' },
} as const;
const LEVELS = { vi: { low: 'Thấp', medium: 'Trung bình', high: 'Cao' }, en: { low: 'Low', medium: 'Medium', high: 'High' } } as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function score(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function processFileBase(id: string, safe: (name: string) => string): string {
  return `processes/${safe(id)}`;
}

function processInfo(model: ProcessFile, ctx: ViewContext, fileBase: string): ProcessInfoView {
  return {
    id: str(model.id),
    name: str(model.name),
    purpose: str(model.purpose),
    owner: roleView(model.owner, ctx),
    clauses: list(model.clauses).map((n) => clauseView(n, ctx)).filter((c): c is ClauseView => c !== null),
    fileBase,
  };
}

function exchanges(items: unknown, key: 'from' | 'to', ctx: ViewContext): ExchangeView[] {
  return list<Record<string, unknown>>(items)
    .filter(isRecord)
    .map((item, i) => ({ no: i + 1, name: str(item.name), party: partyView(item[key], ctx) }));
}

export function processSheetView(file: SourceFile, ctx: ViewContext, diagram: FlowchartView, fileBase: string, fileBases: FileBases): ProcessSheetView {
  const model = file.model as ProcessFile;
  return {
    ...viewBase(ctx, '../'),
    kind: 'process-sheet',
    process: processInfo(model, ctx, fileBase),
    inputs: exchanges(model.inputs, 'from', ctx),
    outputs: exchanges(model.outputs, 'to', ctx),
    resources: list(model.resources).map(str).filter(Boolean),
    kpis: list<Record<string, unknown>>(model.kpis)
      .filter(isRecord)
      .map((kpi, i) => {
        const frequency = str(kpi.frequency);
        return {
          no: i + 1,
          name: str(kpi.name),
          target: str(kpi.target),
          frequency: (FREQUENCIES[ctx.locale] as Record<string, string>)[frequency.toLowerCase()] ?? frequency,
          method: str(kpi.method),
        };
      }),
    risks: list<Record<string, unknown>>(model.risks)
      .filter(isRecord)
      .map((risk, i) => {
        const likelihood = score(risk.likelihood);
        const impact = score(risk.impact);
        const total = likelihood !== null && impact !== null ? likelihood * impact : null;
        const level = total === null ? '' : total >= 15 ? 'high' : total >= 5 ? 'medium' : 'low';
        return {
          no: i + 1,
          id: str(risk.id),
          description: str(risk.description),
          likelihood,
          impact,
          score: total,
          level,
          levelText: level ? LEVELS[ctx.locale][level] : '',
          treatment: str(risk.treatment),
        };
      }),
    opportunities: list<Record<string, unknown>>(model.opportunities)
      .filter(isRecord)
      .map((o, i) => ({ no: i + 1, description: str(o.description), action: str(o.action) })),
    procedures: list(model.procedures)
      .map((code) => controlledRefView(code, ctx, fileBases))
      .filter((r): r is ControlledRefView => r !== null),
    diagram,
  };
}

export function processMapView(ctx: ViewContext, diagram: FlowchartView, processFileBases: ReadonlyMap<string, string>, fileBases: FileBases): ProcessMapView {
  const ids = [...ctx.processes.keys()].sort(compareCodes);
  const processes: MapProcessView[] = ids.map((id, i) => {
    const model = ctx.processes.get(id)!.model;
    return {
      ...processInfo(model, ctx, processFileBases.get(id) ?? ''),
      no: i + 1,
      procedures: list(model.procedures)
        .map((code) => controlledRefView(code, ctx, fileBases))
        .filter((r): r is ControlledRefView => r !== null),
    };
  });

  // One interaction per (from, to) pair, whichever side's file names it.
  const pairs = new Map<string, { from: PartyView; to: PartyView; items: string[] }>();
  const add = (from: PartyView | null, to: PartyView | null, item: string) => {
    if (!from || !to) return;
    const key = JSON.stringify([from.id, to.id]);
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { from, to, items: [] }));
    if (item && !pair.items.includes(item)) pair.items.push(item);
  };
  for (const id of ids) {
    const model = ctx.processes.get(id)!.model;
    const self = partyView(id, ctx);
    for (const input of list<Record<string, unknown>>(model.inputs).filter(isRecord)) add(partyView(input.from, ctx), self, str(input.name));
    for (const output of list<Record<string, unknown>>(model.outputs).filter(isRecord)) add(self, partyView(output.to, ctx), str(output.name));
  }
  const rank = (party: PartyView) => (party.kind === 'process' ? 0 : party.kind === 'external' ? 1 : 2);
  const interactions = [...pairs.values()]
    .sort((a, b) => rank(a.from) - rank(b.from) || compareCodes(a.from.id, b.from.id) || rank(a.to) - rank(b.to) || compareCodes(a.to.id, b.to.id))
    .map((pair, i) => ({ no: i + 1, ...pair }));

  return { ...viewBase(ctx), kind: 'process-map', processes, interactions, diagram };
}
