import type { Locale } from '../../findings';
import { clauseByNumber, clauseHeading, DEFAULT_STANDARD, editionOf } from '../../data/clauses';
import { calendarOf, type WorkCalendar } from '../../flow/calendar';
import { parseDuration } from '../../flow/duration';
import { reviewScheduleOf } from '../../model/review';
import type { SourceFile } from '../../model/source-file';
import type { ApprovalEntry, ControlledFile, HistoryEntry, ProcedureFile, ProcessFile, Role, Status, SystemFile } from '../../model/types';
import { systemModel, type Workspace } from '../../model/workspace';
import { formatDate, formatDuration, formatLongDate, twoDigits } from '../format';
import { label } from '../labels';

/**
 * Pieces every view model shares. A view model is what a template sees: plain data computed
 * from the workspace, already formatted for the document's locale. Templates never see the raw
 * YAML. Every field is always present (an absent value is `''`, `null` or `[]`, as its type
 * says), because templates are compiled strict: a field that does not exist is an error.
 */

/** A date, ready to print. */
export interface DateView {
  /** As in the data: `2026-02-20`. */
  iso: string;
  /** The locale's short form: `20/02/2026` (vi), `2026-02-20` (en). */
  text: string;
  /** The long form: `ngày 20 tháng 02 năm 2026` (vi, Decree 30/2020 style), `20 February 2026` (en). */
  long: string;
}

/** A duration, ready to print. */
export interface DurationView {
  /** As written in the YAML: `2 hours`, `15 phút`. */
  raw: string;
  /** In the locale's words: `2 giờ`, `0,5 ngày làm việc`, `1 working day`. */
  text: string;
  /** Working days it counts for (hours through `calendar.hours_per_day`); `null` for months, years or unreadable text. */
  workingDays: number | null;
}

/** The organisation that issues the documents (qms.yaml `organization`). */
export interface OrganizationView {
  /** Full name: `Ban Chỉ huy Quân sự quận Nam Từ Liêm`. */
  name: string;
  /** The full name in capitals, as Vietnamese headers print it. */
  nameUpper: string;
  /** Short code used in document codes (`BCHQS`); `''` when none. */
  short: string;
  /** Governing body (VN: cơ quan chủ quản); `''` when none. */
  parent: string;
  /** The governing body in capitals; `''` when none. */
  parentUpper: string;
}

/** A role from qms.yaml, resolved. */
export interface RoleView {
  /** The role id as written. */
  id: string;
  /** The role's name (`Chỉ huy trưởng`); the id itself when qms.yaml does not define it. */
  name: string;
  /** The named person holding it (`Thượng tá Chu Minh Đạo`); `''` when none. */
  holder: string;
  /** The role's unit name; `''` when none. */
  unit: string;
  /** `name (holder)` or just `name`. */
  display: string;
}

/** An organisational unit from qms.yaml. */
export interface UnitView {
  /** The unit id. */
  id: string;
  /** Its name; the id when qms.yaml does not define it. */
  name: string;
}

/** An ISO 9001 clause, with its title in the document's language. */
export interface ClauseView {
  /** `8.5.1`. */
  number: string;
  /** Its heading in the locale (a sub-clause without a heading borrows its parent's); `''` when not in the catalogue. */
  title: string;
  /** `8.5.1 Control of production and service provision`, or the number alone. */
  display: string;
}

/** One signature of the approval block (ISO 9001 7.5.2 c). */
export interface ApprovalEntryView {
  /** `prepared`, `reviewed` or `approved`. */
  stage: 'prepared' | 'reviewed' | 'approved';
  /** The stage in words: `Soạn thảo`, `Reviewed by`. */
  label: string;
  /** The role that signs; `null` when the YAML names none. */
  role: RoleView | null;
  /** When it was signed; `null` when not yet. */
  date: DateView | null;
}

/** The approval block: the three signatures, also as a list in order. */
export interface ApprovalView {
  /** Prepared by (VN: Soạn thảo). */
  prepared: ApprovalEntryView;
  /** Reviewed by (VN: Xem xét). */
  reviewed: ApprovalEntryView;
  /** Approved by (VN: Phê duyệt). */
  approved: ApprovalEntryView;
  /** The three, in signing order, for `{{#each}}`. */
  entries: ApprovalEntryView[];
}

/** One row of the revision history (VN: Theo dõi sửa đổi tài liệu), newest first as in the YAML. */
export interface HistoryRowView {
  /** Row number, from 1. */
  no: number;
  /** The issue number. */
  revision: number;
  /** The amendment within the issue; `null` when the entry has none. */
  amendment: number | null;
  /** `02` or `02/01` (issue/amendment) in Vietnamese; `2` or `2.1` in English. */
  revisionText: string;
  /** When. */
  date: DateView | null;
  /** What changed. */
  change: string;
  /** Pages or sections changed; `''` when not given. */
  pages: string;
}

/** One status stamp a document carries. */
export interface StampView {
  /** `draft` (draft or in review), `obsolete`, or `uncontrolled` (printed copies). */
  kind: 'draft' | 'obsolete' | 'uncontrolled';
  /** The stamp's words: `DỰ THẢO`, `OBSOLETE`, `UNCONTROLLED WHEN PRINTED`. */
  text: string;
}

/** The stamps of a document, per status: a draft is always stamped. */
export interface StampsView {
  /** The watermark across every page (`DRAFT` when not approved, `OBSOLETE` when obsolete); `null` for an approved document. */
  watermark: StampView | null;
  /** The footer of every printed page: `UNCONTROLLED WHEN PRINTED`. */
  print: StampView;
  /** Every stamp, watermark first. */
  all: StampView[];
}

/** The document-control header shared by procedures and documents (7.5.2). */
export interface ControlledHeaderView {
  /** `QT-BCHQS-01`. */
  code: string;
  /** `Quy trình kiểm soát thông tin dạng văn bản`. */
  title: string;
  /** The title in capitals (covers). */
  titleUpper: string;
  /** Issue number (VN: Lần ban hành). */
  revision: number;
  /** `02` (vi, two digits) or `2` (en). */
  revisionText: string;
  /** Amendment within the issue (VN: Lần sửa đổi); `null` when the YAML has none. */
  amendment: number | null;
  /** `00`/`0`, or `''` when there is no amendment counter. */
  amendmentText: string;
  /** Date the revision takes effect; `null` when not set. */
  effective: DateView | null;
  /** Periodic review (7.5.2 c): the next review date; `null` without a date to count from. */
  nextReview: DateView | null;
  /** The review interval in words: `12 tháng`. */
  reviewInterval: string;
  /** The owner role. */
  owner: RoleView | null;
  /** `draft`, `review`, `approved` or `obsolete`. */
  status: Status;
  /** The status in words: `Có hiệu lực`, `Draft`. */
  statusText: string;
  /** True when `status` is `approved`. */
  isApproved: boolean;
  /** The approval block. */
  approval: ApprovalView;
  /** Revision history, newest first. */
  history: HistoryRowView[];
  /** Units holding controlled copies (7.5.3.1). */
  distribution: UnitView[];
  /** ISO 9001 clauses addressed. */
  clauses: ClauseView[];
  /** Status stamps. */
  stamps: StampsView;
}

/** What every view model carries about where it comes from. */
export interface ViewBase {
  /** Language of the document: `vi` or `en`. */
  locale: Locale;
  /** The issuing organisation. */
  organization: OrganizationView;
  /** The ISO 9001 edition in force: `ISO 9001:2015`. */
  standard: string;
  /** From this output to the output folder's root: `''`, or `../` for outputs in a subfolder. Links: `{{root}}{{fileBase}}.html`. */
  root: string;
}

/** Lookups over a workspace, built once per generation and shared by every view model. */
export interface ViewContext {
  workspace: Workspace;
  system: SystemFile | undefined;
  locale: Locale;
  edition: string;
  calendar: WorkCalendar;
  roles: Map<string, Role>;
  units: Map<string, string>;
  externals: Map<string, string>;
  processes: Map<string, { file: SourceFile; model: ProcessFile }>;
  controlled: Map<string, { file: SourceFile; model: ControlledFile }>;
  /** Headers already built, by model: a procedure's header serves its document, its decision and the master list. */
  headers: WeakMap<object, ControlledHeaderView>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export function list<T = unknown>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** The language documents are generated in: qms.yaml `locale` (`vi` or `en`); English when it says nothing. */
export function localeOf(system: SystemFile | undefined): Locale {
  return system?.locale === 'vi' ? 'vi' : 'en';
}

export function viewContext(workspace: Workspace, locale?: Locale): ViewContext {
  const system = systemModel(workspace);
  const roles = new Map<string, Role>();
  for (const role of list<Role>(system?.roles)) if (isRecord(role) && typeof role.id === 'string' && !roles.has(role.id)) roles.set(role.id, role);
  const named = (items: unknown) => {
    const map = new Map<string, string>();
    for (const item of list(items)) if (isRecord(item) && typeof item.id === 'string' && !map.has(item.id)) map.set(item.id, str(item.name) || item.id);
    return map;
  };
  const processes = new Map<string, { file: SourceFile; model: ProcessFile }>();
  const controlled = new Map<string, { file: SourceFile; model: ControlledFile }>();
  for (const file of workspace.files) {
    const model = file.model;
    if (model?.kind === 'process' && typeof model.id === 'string' && !processes.has(model.id)) processes.set(model.id, { file, model });
    if ((model?.kind === 'procedure' || model?.kind === 'document') && typeof model.code === 'string' && !controlled.has(model.code)) controlled.set(model.code, { file, model });
  }
  return {
    workspace,
    system,
    locale: locale ?? localeOf(system),
    edition: editionOf(system?.standard) ?? DEFAULT_STANDARD,
    calendar: calendarOf(system),
    roles,
    units: named(system?.units),
    externals: named(system?.externals),
    processes,
    controlled,
    headers: new WeakMap(),
  };
}

export function t(ctx: Pick<ViewContext, 'locale'>, key: string): string {
  return label(key, ctx.locale) ?? key;
}

/** Upper case as Vietnamese headers print it (`đ` → `Đ`; locale-independent rules are enough for vi and en). */
export function upper(text: string): string {
  return text.toUpperCase();
}

export function organizationView(ctx: ViewContext): OrganizationView {
  const org = isRecord(ctx.system?.organization) ? ctx.system!.organization : undefined;
  const name = str(org?.name);
  const parent = str(org?.parent);
  return { name, nameUpper: upper(name), short: str(org?.short), parent, parentUpper: upper(parent) };
}

export function viewBase(ctx: ViewContext, root = ''): ViewBase {
  return { locale: ctx.locale, organization: organizationView(ctx), standard: ctx.edition, root };
}

/** A procedure or document named by code, as lists and other documents show it. */
export interface ControlledRefView {
  /** `QT-BCHQS-01`. */
  code: string;
  /** Its title; `''` when no file defines the code. */
  title: string;
  /** `procedure` or `document`; `''` when no file defines the code. */
  kind: string;
  /** Issue number as the locale prints it; `''` when unknown. */
  revisionText: string;
  /** `draft`, `review`, `approved`, `obsolete`; `''` when unknown. */
  status: string;
  /** The status in words; `''` when unknown. */
  statusText: string;
  /** Its output's path from the output root, without extension (`QT-BCHQS-01`); `''` when it has none. */
  fileBase: string;
  /** True when a file in the workspace defines the code. */
  exists: boolean;
}

/** Output paths (from the output root, without extension) of every controlled document, by code. */
export type FileBases = ReadonlyMap<string, string>;

export function controlledRefView(code: unknown, ctx: ViewContext, fileBases: FileBases): ControlledRefView | null {
  if (typeof code !== 'string' || !code) return null;
  const entry = ctx.controlled.get(code);
  if (!entry) return { code, title: '', kind: '', revisionText: '', status: '', statusText: '', fileBase: '', exists: false };
  const status = statusOf(entry.model.status);
  const revision = typeof entry.model.revision === 'number' ? entry.model.revision : 0;
  return {
    code,
    title: str(entry.model.title),
    kind: entry.model.kind,
    revisionText: ctx.locale === 'vi' ? twoDigits(revision) : String(revision),
    status,
    statusText: t(ctx, `status.${status}`),
    fileBase: fileBases.get(code) ?? '',
    exists: true,
  };
}

/** Something a process exchanges with: another process or an external party. */
export interface PartyView {
  /** Its id. */
  id: string;
  /** Its name; the id when nothing defines it. */
  name: string;
  /** `process`, `external`, or `unknown` when the id names neither. */
  kind: 'process' | 'external' | 'unknown';
}

export function partyView(id: unknown, ctx: ViewContext): PartyView | null {
  if (typeof id !== 'string' || !id) return null;
  const process = ctx.processes.get(id);
  if (process) return { id, name: str(process.model.name) || id, kind: 'process' };
  const external = ctx.externals.get(id);
  if (external !== undefined) return { id, name: external, kind: 'external' };
  return { id, name: id, kind: 'unknown' };
}

export function dateView(value: unknown, locale: Locale): DateView | null {
  if (typeof value !== 'string' || !value) return null;
  return { iso: value, text: formatDate(value, locale), long: formatLongDate(value, locale) };
}

export function durationView(value: unknown, ctx: ViewContext): DurationView | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const parsed = parseDuration(value);
  let workingDays: number | null = null;
  if (parsed) {
    if (parsed.unit === 'minutes') workingDays = parsed.value / 60 / ctx.calendar.hoursPerDay;
    else if (parsed.unit === 'hours') workingDays = parsed.value / ctx.calendar.hoursPerDay;
    else if (parsed.unit === 'workingDays') workingDays = parsed.value;
  }
  return { raw: value, text: formatDuration(value, ctx.locale), workingDays };
}

export function roleView(id: unknown, ctx: ViewContext): RoleView | null {
  if (typeof id !== 'string' || !id) return null;
  const role = ctx.roles.get(id);
  const name = str(role?.name) || id;
  const holder = str(role?.holder);
  const unitId = str(role?.unit);
  return { id, name, holder, unit: unitId ? ctx.units.get(unitId) ?? unitId : '', display: holder ? `${name} (${holder})` : name };
}

export function unitView(id: unknown, ctx: ViewContext): UnitView | null {
  if (typeof id !== 'string' || !id) return null;
  return { id, name: ctx.units.get(id) ?? id };
}

export function clauseView(number: unknown, ctx: ViewContext): ClauseView | null {
  if (typeof number !== 'string' && typeof number !== 'number') return null;
  const text = String(number);
  const heading = clauseByNumber(text, ctx.edition) ? clauseHeading(text, ctx.edition) : undefined;
  const title = heading ? heading[ctx.locale] : '';
  return { number: text, title, display: title ? `${text} ${title}` : text };
}

export function revisionText(revision: number, amendment: number | null, locale: Locale): string {
  if (locale === 'vi') return amendment === null ? twoDigits(revision) : `${twoDigits(revision)}/${twoDigits(amendment)}`;
  return amendment === null || amendment === 0 ? String(revision) : `${revision}.${amendment}`;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const STAGES = ['prepared', 'reviewed', 'approved'] as const;

export function approvalView(approval: unknown, ctx: ViewContext): ApprovalView {
  const entry = (stage: (typeof STAGES)[number]): ApprovalEntryView => {
    const raw = (isRecord(approval) ? approval[stage] : undefined) as ApprovalEntry | undefined;
    return { stage, label: t(ctx, `approval.${stage}`), role: roleView(isRecord(raw) ? raw.role : undefined, ctx), date: dateView(isRecord(raw) ? raw.date : undefined, ctx.locale) };
  };
  const [prepared, reviewed, approved] = STAGES.map(entry) as [ApprovalEntryView, ApprovalEntryView, ApprovalEntryView];
  return { prepared, reviewed, approved, entries: [prepared, reviewed, approved] };
}

export function historyView(history: unknown, ctx: ViewContext): HistoryRowView[] {
  return list<HistoryEntry>(history)
    .filter(isRecord)
    .map((entry, i) => {
      const revision = numberOrNull(entry.revision) ?? 0;
      const amendment = numberOrNull(entry.amendment);
      return {
        no: i + 1,
        revision,
        amendment,
        revisionText: revisionText(revision, amendment, ctx.locale),
        date: dateView(entry.date, ctx.locale),
        change: str(entry.change),
        pages: str(entry.pages),
      };
    });
}

export function stampsView(status: Status, ctx: ViewContext): StampsView {
  const watermark: StampView | null =
    status === 'obsolete' ? { kind: 'obsolete', text: t(ctx, 'stamp.obsolete') } : status === 'approved' ? null : { kind: 'draft', text: t(ctx, 'stamp.draft') };
  const print: StampView = { kind: 'uncontrolled', text: t(ctx, 'stamp.uncontrolled') };
  return { watermark, print, all: watermark ? [watermark, print] : [print] };
}

export function statusOf(value: unknown): Status {
  return value === 'approved' || value === 'review' || value === 'obsolete' ? value : 'draft';
}

export function controlledHeaderView(model: ControlledFile | ProcedureFile, ctx: ViewContext): ControlledHeaderView {
  const known = ctx.headers.get(model);
  if (known) return known;
  const header = buildControlledHeaderView(model, ctx);
  ctx.headers.set(model, header);
  return header;
}

function buildControlledHeaderView(model: ControlledFile | ProcedureFile, ctx: ViewContext): ControlledHeaderView {
  const status = statusOf(model.status);
  const revision = numberOrNull(model.revision) ?? 0;
  const amendment = numberOrNull(model.amendment);
  const schedule = reviewScheduleOf(model, ctx.system);
  const title = str(model.title);
  return {
    code: str(model.code),
    title,
    titleUpper: upper(title),
    revision,
    revisionText: ctx.locale === 'vi' ? twoDigits(revision) : String(revision),
    amendment,
    amendmentText: amendment === null ? '' : ctx.locale === 'vi' ? twoDigits(amendment) : String(amendment),
    effective: dateView(model.effective, ctx.locale),
    nextReview: schedule ? dateView(schedule.next, ctx.locale) : null,
    reviewInterval: schedule ? formatDuration(schedule.interval, ctx.locale) : '',
    owner: roleView(model.owner, ctx),
    status,
    statusText: t(ctx, `status.${status}`),
    isApproved: status === 'approved',
    approval: approvalView(model.approval, ctx),
    history: historyView(model.history, ctx),
    distribution: list(model.distribution).map((id) => unitView(id, ctx)).filter((u): u is UnitView => u !== null),
    clauses: list(model.clauses).map((n) => clauseView(n, ctx)).filter((c): c is ClauseView => c !== null),
    stamps: stampsView(status, ctx),
  };
}

/** Codes compared the way people read them: `QT-2` before `QT-10`. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (i % 2 === 1) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}
