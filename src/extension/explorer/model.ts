import { releaseStatusOf } from '../../core/change/state';
import { formatIsoDate, parseIsoDate } from '../../core/flow/calendar';
import { isReviewOverdue, reviewScheduleOf } from '../../core/model/review';
import type { SourceFile } from '../../core/model/source-file';
import type { Status } from '../../core/model/types';
import { systemModel, type Workspace } from '../../core/model/workspace';

/**
 * What the QMS explorer shows of one workspace, computed from the loaded `Workspace` alone: no
 * `vscode` here (labels are localised by the tree in `tree.ts`), so it stays plain data.
 */

export const STATUSES: readonly Status[] = ['approved', 'review', 'draft', 'obsolete'];

/** A place in a file: what clicking an item opens and selects. */
export interface Target {
  file: string;
  /** JSON pointer of the node to select. */
  pointer: string;
}

export interface StepEntry {
  id: string;
  name: string;
  index: number;
  role?: string;
  duration?: string;
  /** The question of a decision step. */
  decision?: string;
  end: boolean;
  target: Target;
}

export interface ControlledEntry {
  kind: 'procedure' | 'document';
  code: string;
  title: string;
  status: Status | undefined;
  /** The process a procedure names (`process:`). */
  process?: string;
  file: string;
  target: Target;
  steps: StepEntry[];
}

export interface ProcessEntry {
  id: string;
  name: string;
  file: string;
  target: Target;
  /** Procedures whose `process` is this one, and those its `procedures:` lists, by code. */
  procedures: ControlledEntry[];
}

export interface ReviewEntry {
  document: ControlledEntry;
  /** The next review date, `YYYY-MM-DD`. */
  next: string;
  /** Where that date comes from in the document (`/effective`, `/history/0/date`). */
  target: Target;
}

export interface WorkspaceTree {
  root: string;
  /** `organization.name` of qms.yaml, when there is one. */
  organization?: string;
  systemFile?: string;
  processes: ProcessEntry[];
  /** Procedures whose process is not a process of the workspace. */
  unassigned: ControlledEntry[];
  byStatus: Record<Status, ControlledEntry[]>;
  /** Approved documents due for review between today and today + the horizon. */
  reviewDue: ReviewEntry[];
  /** Approved documents whose review date has passed (doc/review-overdue reports them too). */
  overdue: ReviewEntry[];
  /**
   * Approved documents whose content no longer matches the fingerprint `qms.lock` recorded for
   * their revision (what doc/changed-without-revision reports): the tree's "Changed since release"
   * group. Undefined when there is none, so the group shows only when something needs releasing.
   */
  changedSinceRelease?: ControlledEntry[];
}

export interface TreeOptions {
  /** Today, `YYYY-MM-DD`, local date. */
  today: string;
  /** How many days ahead "review due" looks (`qms.explorer.reviewHorizonDays`). */
  horizonDays: number;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);
const byCode = (a: ControlledEntry, b: ControlledEntry) => compare(a.code, b.code) || compare(a.file, b.file);
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function stepsOf(file: SourceFile): StepEntry[] {
  const steps = (file.model as { steps?: unknown } | undefined)?.steps;
  if (!Array.isArray(steps)) return [];
  const entries: StepEntry[] = [];
  steps.forEach((step, index) => {
    if (typeof step !== 'object' || step === null || Array.isArray(step)) return;
    const s = step as Record<string, unknown>;
    entries.push({
      id: text(s.id) ?? `#${index + 1}`,
      name: text(s.name) ?? '',
      index,
      role: text(s.role),
      duration: text(s.duration),
      decision: text(s.decision),
      end: s.end === true,
      target: { file: file.path, pointer: `/steps/${index}` },
    });
  });
  return entries;
}

function controlledEntry(file: SourceFile): ControlledEntry | undefined {
  const model = file.model as Record<string, unknown> | undefined;
  if (!model || (model.kind !== 'procedure' && model.kind !== 'document')) return undefined;
  const code = text(model.code);
  const status = STATUSES.includes(model.status as Status) ? (model.status as Status) : undefined;
  return {
    kind: model.kind,
    code: code ?? file.path.split(/[\\/]/).pop()!.replace(/\.qms\.yaml$/, ''),
    title: text(model.title) ?? '',
    status,
    process: model.kind === 'procedure' ? text(model.process) : undefined,
    file: file.path,
    target: { file: file.path, pointer: code ? '/code' : '' },
    steps: model.kind === 'procedure' ? stepsOf(file) : [],
  };
}

/** `today` plus `days` calendar days, `YYYY-MM-DD`. */
export function addDays(today: string, days: number): string {
  const date = parseIsoDate(today);
  if (!date) return today;
  date.setUTCDate(date.getUTCDate() + days);
  return formatIsoDate(date);
}

export function buildWorkspaceTree(workspace: Workspace, options: TreeOptions): WorkspaceTree {
  const system = systemModel(workspace);
  const controlled: ControlledEntry[] = [];
  const processes: ProcessEntry[] = [];
  const listed = new Map<string, Set<string>>();
  for (const file of workspace.files) {
    const entry = controlledEntry(file);
    if (entry) {
      controlled.push(entry);
      continue;
    }
    const model = file.model as Record<string, unknown> | undefined;
    if (model?.kind !== 'process') continue;
    const id = text(model.id) ?? file.path.split(/[\\/]/).pop()!.replace(/\.qms\.yaml$/, '');
    processes.push({ id, name: text(model.name) ?? '', file: file.path, target: { file: file.path, pointer: text(model.id) ? '/id' : '' }, procedures: [] });
    const codes = Array.isArray(model.procedures) ? model.procedures.filter((c): c is string => typeof c === 'string') : [];
    listed.set(file.path, new Set(codes));
  }
  controlled.sort(byCode);
  processes.sort((a, b) => compare(a.id, b.id) || compare(a.file, b.file));

  const procedures = controlled.filter((c) => c.kind === 'procedure');
  const assigned = new Set<ControlledEntry>();
  for (const process of processes) {
    const codes = listed.get(process.file)!;
    process.procedures = procedures.filter((p) => p.process === process.id || codes.has(p.code));
    process.procedures.forEach((p) => assigned.add(p));
  }
  const unassigned = procedures.filter((p) => !assigned.has(p));

  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, [] as ControlledEntry[]])) as Record<Status, ControlledEntry[]>;
  for (const entry of controlled) if (entry.status) byStatus[entry.status].push(entry);

  const reviewDue: ReviewEntry[] = [];
  const overdue: ReviewEntry[] = [];
  const horizon = addDays(options.today, options.horizonDays);
  for (const entry of controlled) {
    // As doc/review-overdue: only documents in force are reviewed (drafts are not yet, obsolete no longer).
    if (entry.status !== 'approved') continue;
    const schedule = reviewScheduleOf(workspace.index.byPath.get(entry.file)?.model, system);
    if (!schedule) continue;
    const review: ReviewEntry = { document: entry, next: schedule.next, target: { file: entry.file, pointer: schedule.basisPointer } };
    if (isReviewOverdue(schedule, options.today)) overdue.push(review);
    else if (schedule.next <= horizon) reviewDue.push(review);
  }
  const byDate = (a: ReviewEntry, b: ReviewEntry) => compare(a.next, b.next) || byCode(a.document, b.document);
  reviewDue.sort(byDate);
  overdue.sort(byDate);

  const changedSinceRelease = controlled.filter((entry) => entry.status === 'approved' && changedSinceItsRelease(workspace, entry));

  return {
    root: workspace.root,
    organization: text(system?.organization?.name),
    systemFile: workspace.system?.path,
    processes,
    unassigned,
    byStatus,
    reviewDue,
    overdue,
    ...(changedSinceRelease.length ? { changedSinceRelease } : {}),
  };
}

/** As doc/changed-without-revision judges it: a code several files define matches no record. */
function changedSinceItsRelease(workspace: Workspace, entry: ControlledEntry): boolean {
  if ((workspace.index.controlled.get(entry.code)?.length ?? 0) !== 1) return false;
  return releaseStatusOf(workspace.lock, workspace.index.byPath.get(entry.file)?.model).state === 'changed';
}
