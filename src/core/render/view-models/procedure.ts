import { criticalPath } from '../../flow/critical-path';
import { flowGraphOf } from '../../flow/graph';
import type { SourceFile } from '../../model/source-file';
import type { Form, ProcedureFile, RecordDefinition, ServiceFacts, Step } from '../../model/types';
import { formatHours, formatNumber, formatRetention, formatWorkingDays, twoDigits } from '../format';
import type { TrustedMarkup } from '../trusted';
import {
  controlledHeaderView,
  durationView,
  list,
  roleView,
  str,
  viewBase,
  type ControlledHeaderView,
  type DurationView,
  type RoleView,
  type ViewBase,
  type ViewContext,
} from './common';

/** A form or record named by code, with its title when the procedure defines it. */
export interface ItemRefView {
  /** `BM-01/QT-BCHQS-06`. */
  code: string;
  /** Its title; `''` when the procedure does not define the code. */
  title: string;
  /** `form` or `record`. */
  kind: 'form' | 'record';
}

/** Another step, referred to from a step (a branch target, a successor). */
export interface StepRefView {
  /** Its number in the step table (1-based, list order). */
  no: number;
  /** Its id. */
  id: string;
  /** Its name. */
  name: string;
}

/** One way out of a decision. */
export interface BranchView {
  /** The condition: `Hồ sơ hợp lệ`. */
  when: string;
  /** The step it leads to; `null` when the id names no step. */
  target: StepRefView | null;
}

/** One row of the step table (VN 5.7: TT · Trình tự · Trách nhiệm · Thời gian · Biểu mẫu/Kết quả). */
export interface StepView {
  /** Row number, from 1, in list order. */
  no: number;
  /** The step id. */
  id: string;
  /** What is done. */
  name: string;
  /** Details (plain text); `''` when none. */
  description: string;
  /** The step's phase; `''` when none. */
  phase: string;
  /** The phase name when this step starts a new phase (the table prints a phase row before it); `''` otherwise. */
  phaseHeading: string;
  /** Who does it; `null` when no role is named. */
  role: RoleView | null;
  /** How long it takes; `null` when not given. */
  duration: DurationView | null;
  /** True when time spent here does not count toward the time limit. */
  pausesClock: boolean;
  /** True when the step is a decision (it has branches). */
  isDecision: boolean;
  /** The decision's question; `''` when not a decision. */
  decision: string;
  /** The decision's branches, in order. */
  branches: BranchView[];
  /** Where the flow goes next when that is not simply the following row (a jump, a fork); `[]` otherwise. */
  next: StepRefView[];
  /** True when the flow ends at this step. */
  isEnd: boolean;
  /** True when the step starts parallel branches. */
  isFork: boolean;
  /** True when the step is on the longest path (the one that sets the total time). */
  onCriticalPath: boolean;
  /** Forms used in the step. */
  forms: ItemRefView[];
  /** Records the step produces. */
  records: ItemRefView[];
  /** Forms then records: the "Biểu mẫu/Kết quả" column. */
  outputs: ItemRefView[];
}

/** One item of the dossier (VN: Thành phần hồ sơ). */
export interface DossierItemView {
  /** Row number, from 1. */
  no: number;
  /** The document to submit. */
  item: string;
  /** The form to fill in; `null` when none. */
  form: ItemRefView | null;
  /** Number of copies; `null` when not given. */
  copies: number | null;
  /** `01` (vi) or `1` (en); `''` when not given. */
  copiesText: string;
  /** `true` original, `false` copy, `null` not said. */
  original: boolean | null;
  /** `Bản chính` / `Bản sao` / `Original` / `Copy`; `''` when not said. */
  originalText: string;
  /** A note; `''` when none. */
  note: string;
}

/** A channel or online level, as an id and its words. */
export interface ChoiceView {
  /** The value in the YAML: `direct`, `online`, `postal`, `full`… */
  id: string;
  /** Its words in the locale. */
  text: string;
}

/** The administrative-procedure facts (TTHC), for a procedure with `service:`. */
export interface ServiceView {
  /** Code on the national public-service portal; `''` when none. */
  portalCode: string;
  /** Field (Lĩnh vực); `''` when none. */
  field: string;
  /** Conditions (Điều kiện thực hiện); `''` when none. */
  conditions: string;
  /** Dossier components. */
  dossier: DossierItemView[];
  /** The statutory time limit; `null` when none. */
  timeLimit: DurationView | null;
  /** Limits that differ by case. */
  timeLimitVariants: Array<{ when: string; limit: DurationView | null }>;
  /** Where dossiers are received and results returned; `''` when not said. */
  receivingPlace: string;
  /** The fee in words: `Không thu phí, lệ phí`, `50.000 đồng`, `No fee`; `''` when not said. */
  fee: string;
  /** Submission channels. */
  channels: ChoiceView[];
  /** The channels in one line: `Trực tiếp; Trực tuyến; Qua dịch vụ bưu chính công ích`. */
  channelsText: string;
  /** Online service level (Decree 42/2022); `null` when not said. */
  online: ChoiceView | null;
  /** The result (Kết quả thực hiện); `''` when not said. */
  result: string;
  /** Legal basis (Cơ sở pháp lý). */
  legalBasis: string[];
  /** True when the total time fits the time limit; `null` when either is unknown. */
  withinTimeLimit: boolean | null;
}

/** A form of the procedure (section 6, Biểu mẫu). */
export interface FormView {
  /** Row number, from 1. */
  no: number;
  /** Its code. */
  code: string;
  /** Its title. */
  title: string;
  /** Path of the blank form, relative to the procedure file; `''` when none. */
  file: string;
}

/** A record the procedure keeps (section 7, Hồ sơ cần lưu; ISO 9001 7.5.3). */
export interface RecordView {
  /** Row number, from 1. */
  no: number;
  /** Its code. */
  code: string;
  /** Its title. */
  title: string;
  /** Who keeps it; `null` when not said. */
  keeper: RoleView | null;
  /** How long, in words: `5 năm`, `Vĩnh viễn`, `10 years`; `''` when not said. */
  retention: string;
  /** Where it is kept; `''` when not said. */
  location: string;
  /** When it moves to the archive, in words; `''` when not said. */
  archiveTransfer: string;
  /** The form it is made on; `null` when none. */
  form: ItemRefView | null;
}

/** The total time of the procedure: its longest path, without steps that pause the clock. */
export interface TotalTimeView {
  /** Working days (unrounded). */
  workingDays: number;
  /** In words: `0,94 ngày làm việc`, `1 working day`. */
  text: string;
  /** As working hours and minutes: `7 giờ 30 phút`. */
  hoursText: string;
  /** The steps of that path, first step first. */
  path: StepRefView[];
}

/** The flowchart: one Mermaid source for the preview, the Markdown and the picture. */
export interface FlowchartView {
  /** The Mermaid source (`flowchart TD`, swimlanes by role); `''` when the procedure has no steps. */
  mermaid: string;
  /** The picture, drawn from `mermaid` by the toolkit's renderer (trusted SVG markup); `null` when it could not be drawn (the HTML then shows the source). */
  svg: TrustedMarkup | null;
}

/** A term and its meaning (section 4, Định nghĩa / Viết tắt). */
export interface TermView {
  /** Row number, from 1. */
  no: number;
  /** The term or abbreviation. */
  term: string;
  /** What it means. */
  definition: string;
}

/** A role taking part in the procedure, with its steps (the "Responsibilities" section). */
export interface ResponsibilityView {
  /** Row number, from 1, in order of first appearance in the steps. */
  no: number;
  /** The role. */
  role: RoleView;
  /** The steps it performs, in order. */
  steps: StepRefView[];
}

/** The process a procedure or document belongs to. */
export interface ProcessRefView {
  /** `P-05`. */
  id: string;
  /** Its name; the id when no process defines it. */
  name: string;
}

/** The view model of a procedure: `procedure.hbs` / `procedure.md.hbs`. */
export interface ProcedureView extends ViewBase {
  /** Always `procedure`. */
  kind: 'procedure';
  /** The output's file name without extension (`QT-BCHQS-01`): links between outputs. */
  fileBase: string;
  /** The document-control header, approval block, history, stamps. */
  doc: ControlledHeaderView;
  /** The process it belongs to; `null` when none. */
  process: ProcessRefView | null;
  /** Section 1: purpose; `''` when none. */
  purpose: string;
  /** Section 2: scope; `''` when none. */
  scope: string;
  /** Section 3: references. */
  references: string[];
  /** Section 4: terms and abbreviations, in the YAML's order. */
  terms: TermView[];
  /** Section 5: the TTHC facts; `null` when the procedure is not an administrative procedure. */
  service: ServiceView | null;
  /** The flowchart. */
  flowchart: FlowchartView;
  /** The step table. */
  steps: StepView[];
  /** True when some step has a phase. */
  hasPhases: boolean;
  /** Every role that performs a step, with its steps, in order of first appearance. */
  responsibilities: ResponsibilityView[];
  /** The longest path's time; `null` when the flow never reaches an end. */
  totalTime: TotalTimeView | null;
  /** Section 6: forms. */
  forms: FormView[];
  /** Section 7: records to keep. */
  records: RecordView[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const CHANNELS = {
  vi: { direct: 'Trực tiếp', online: 'Trực tuyến', postal: 'Qua dịch vụ bưu chính công ích' },
  en: { direct: 'In person', online: 'Online', postal: 'By post' },
} as const;
const ONLINE = {
  vi: { full: 'Toàn trình', partial: 'Một phần', none: 'Không cung cấp trực tuyến' },
  en: { full: 'Full online', partial: 'Partly online', none: 'Not available online' },
} as const;

function choice(table: Record<string, string>, id: unknown): ChoiceView | null {
  if (typeof id !== 'string' || !id) return null;
  return { id, text: table[id] ?? id };
}

export function feeText(fee: unknown, ctx: ViewContext): string {
  if (typeof fee === 'number') {
    if (fee === 0) return ctx.locale === 'vi' ? 'Không thu phí, lệ phí' : 'No fee';
    return ctx.locale === 'vi' ? `${formatNumber(fee, 'vi')} đồng` : formatNumber(fee, 'en');
  }
  return str(fee);
}

export function procedureView(file: SourceFile, ctx: ViewContext, flowchart: FlowchartView, fileBase: string): ProcedureView {
  const model = file.model as ProcedureFile;
  const forms = list<Form>(model.forms).filter(isRecord);
  const records = list<RecordDefinition>(model.records).filter(isRecord);
  const formTitles = new Map(forms.filter((f) => typeof f.code === 'string').map((f) => [f.code, str(f.title)] as const));
  const recordTitles = new Map(records.filter((r) => typeof r.code === 'string').map((r) => [r.code, str(r.title)] as const));
  const formRef = (code: unknown): ItemRefView | null => (typeof code === 'string' && code ? { code, title: formTitles.get(code) ?? '', kind: 'form' } : null);
  const recordRef = (code: unknown): ItemRefView | null => (typeof code === 'string' && code ? { code, title: recordTitles.get(code) ?? '', kind: 'record' } : null);

  const graph = flowGraphOf(model);
  const path = criticalPath(graph, ctx.calendar.hoursPerDay);
  const onPath = new Set(path?.steps.map((s) => s.index) ?? []);
  const ref = (index: number): StepRefView => {
    const step = graph.steps[index]!;
    return { no: index + 1, id: step.id ?? '', name: step.name ?? '' };
  };

  let previousPhase = '';
  const steps: StepView[] = graph.steps.map((node) => {
    const step = node.step as Partial<Step>;
    const phase = str(step.phase);
    const phaseHeading = phase && phase !== previousPhase ? phase : '';
    if (phase) previousPhase = phase;
    const branches: BranchView[] = node.isDecision
      ? list<{ when?: unknown; next?: unknown }>(step.branches)
          .filter(isRecord)
          .map((branch) => {
            const target = typeof branch.next === 'string' ? graph.byId.get(branch.next) : undefined;
            return { when: str(branch.when), target: target ? ref(target.index) : null };
          })
      : [];
    // A jump or a fork is worth printing; flowing on to the following row is not.
    const jumps = node.exit === 'next' && !(node.out.length === 1 && node.out[0]!.to.index === node.index + 1);
    const stepForms = list(step.forms).map(formRef).filter((f): f is ItemRefView => f !== null);
    const stepRecords = list(step.records).map(recordRef).filter((r): r is ItemRefView => r !== null);
    return {
      no: node.index + 1,
      id: node.id ?? '',
      name: node.name ?? '',
      description: str(step.description),
      phase,
      phaseHeading,
      role: roleView(step.role, ctx),
      duration: durationView(step.duration, ctx),
      pausesClock: node.pausesClock,
      isDecision: node.isDecision,
      decision: node.isDecision ? str(step.decision) : '',
      branches,
      next: jumps ? node.out.map((edge) => ref(edge.to.index)) : [],
      isEnd: node.exit === 'end',
      isFork: node.exit === 'next' && node.out.length > 1,
      onCriticalPath: onPath.has(node.index),
      forms: stepForms,
      records: stepRecords,
      outputs: [...stepForms, ...stepRecords],
    };
  });

  const totalTime: TotalTimeView | null = path
    ? {
        workingDays: path.days,
        text: formatWorkingDays(path.days, ctx.locale),
        hoursText: formatHours(path.days * ctx.calendar.hoursPerDay, ctx.locale),
        path: path.steps.map((s) => ref(s.index)),
      }
    : null;

  const responsibilities: ResponsibilityView[] = [];
  for (const step of steps) {
    if (!step.role) continue;
    let entry = responsibilities.find((r) => r.role.id === step.role!.id);
    if (!entry) responsibilities.push((entry = { no: responsibilities.length + 1, role: step.role, steps: [] }));
    entry.steps.push({ no: step.no, id: step.id, name: step.name });
  }

  const processId = str(model.process);
  const processEntry = processId ? ctx.processes.get(processId) : undefined;

  return {
    ...viewBase(ctx),
    kind: 'procedure',
    fileBase,
    doc: controlledHeaderView(model, ctx),
    process: processId ? { id: processId, name: str(processEntry?.model.name) || processId } : null,
    purpose: str(model.purpose),
    scope: str(model.scope),
    references: list(model.references).map(str).filter(Boolean),
    terms: isRecord(model.terms) ? Object.entries(model.terms).map(([term, definition], i) => ({ no: i + 1, term, definition: str(definition) })) : [],
    service: isRecord(model.service) ? serviceView(model.service, ctx, formRef, totalTime) : null,
    flowchart,
    steps,
    hasPhases: steps.some((s) => s.phase !== ''),
    responsibilities,
    totalTime,
    forms: forms.map((form, i) => ({ no: i + 1, code: str(form.code), title: str(form.title), file: str(form.file) })),
    records: records.map((record, i) => ({
      no: i + 1,
      code: str(record.code),
      title: str(record.title),
      keeper: roleView(record.keeper, ctx),
      retention: typeof record.retention === 'string' ? formatRetention(record.retention, ctx.locale) : '',
      location: str(record.location),
      archiveTransfer: typeof record.archive_transfer === 'string' ? formatRetention(record.archive_transfer, ctx.locale) : '',
      form: formRef(record.form),
    })),
  };
}

function serviceView(service: ServiceFacts, ctx: ViewContext, formRef: (code: unknown) => ItemRefView | null, total: TotalTimeView | null): ServiceView {
  const channels = list(service.channels).map((c) => choice(CHANNELS[ctx.locale], c)).filter((c): c is ChoiceView => c !== null);
  const timeLimit = durationView(service.time_limit, ctx);
  const limitDays = timeLimit?.workingDays ?? null;
  return {
    portalCode: str(service.portal_code),
    field: str(service.field),
    conditions: str(service.conditions),
    dossier: list<NonNullable<ServiceFacts['dossier']>[number]>(service.dossier)
      .filter(isRecord)
      .map((entry, i) => {
        const copies = typeof entry.copies === 'number' ? entry.copies : null;
        const original = typeof entry.original === 'boolean' ? entry.original : null;
        return {
          no: i + 1,
          item: str(entry.item),
          form: formRef(entry.form),
          copies,
          copiesText: copies === null ? '' : ctx.locale === 'vi' ? twoDigits(copies) : String(copies),
          original,
          originalText: original === null ? '' : ctx.locale === 'vi' ? (original ? 'Bản chính' : 'Bản sao') : original ? 'Original' : 'Copy',
          note: str(entry.note),
        };
      }),
    timeLimit,
    timeLimitVariants: list<{ when?: unknown; limit?: unknown }>(service.time_limit_variants)
      .filter(isRecord)
      .map((v) => ({ when: str(v.when), limit: durationView(v.limit, ctx) })),
    receivingPlace: str(service.receiving_place),
    fee: feeText(service.fee, ctx),
    channels,
    channelsText: channels.map((c) => c.text).join('; '),
    online: choice(ONLINE[ctx.locale], service.online),
    result: str(service.result),
    legalBasis: list(service.legal_basis).map(str).filter(Boolean),
    withinTimeLimit: total && limitDays !== null ? total.workingDays <= limitDays + 1e-9 : null,
  };
}

