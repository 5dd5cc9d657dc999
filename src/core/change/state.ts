import { isReviewOverdue, reviewScheduleOf } from '../model/review';
import type { SourceFile } from '../model/source-file';
import { systemModel, type Workspace } from '../model/workspace';
import { parseYaml } from '../yaml/parse';
import { diffDocuments, type DocumentDiff } from './diff';
import { compareCodePoints, fingerprintDocument } from './fingerprint';
import { documentVersion, entryFor, lastRelease, snapshotKey, snapshotRelativePath, type DocumentVersion, type LockEntry, type WorkspaceLock } from './lock';

/**
 * Where a controlled document stands against `qms.lock`: shared by the change-control rules,
 * `qmskit status` / `qmskit diff`, and the editor (explorer groups, "Release new revision…").
 */

export type ChangeState =
  /** The workspace has no `qms.lock`: change control is not in use. */
  | 'untracked'
  /** `qms.lock` has problems (reported on it): nothing is judged until it is repaired. */
  | 'lock-invalid'
  /** Not a usable controlled document (no code, no revision, not parsed). */
  | 'unknown'
  /** The current version is recorded and the content matches. */
  | 'unchanged'
  /** The current version is recorded and the content differs: changed without a new revision. */
  | 'changed'
  /** The current version has no record in the lock (never released with the toolkit, or a draft of the next revision). */
  | 'unrecorded';

export interface ReleaseStatus {
  code: string | undefined;
  status: string | undefined;
  version: DocumentVersion | undefined;
  fingerprint: string | undefined;
  /** The `approved` record of the current version. */
  entry: LockEntry | undefined;
  /** The newest `approved` record, whatever its version. */
  last: LockEntry | undefined;
  state: ChangeState;
  /** Whether the content differs from the last release (the current version's, else the newest): undefined when nothing was released. */
  changedSinceRelease: boolean | undefined;
}

function isControlled(model: unknown): model is Record<string, unknown> & { kind: 'procedure' | 'document' } {
  const kind = (model as { kind?: unknown } | undefined)?.kind;
  return typeof model === 'object' && model !== null && (kind === 'procedure' || kind === 'document');
}

export function releaseStatusOf(lock: WorkspaceLock | undefined, model: unknown): ReleaseStatus {
  const record = isControlled(model) ? model : undefined;
  const code = typeof record?.code === 'string' ? record.code : undefined;
  const status = typeof record?.status === 'string' ? record.status : undefined;
  const version = record ? documentVersion(record) : undefined;
  const fingerprint = record ? fingerprintDocument(record) : undefined;
  const base = { code, status, version, fingerprint, entry: undefined, last: undefined, changedSinceRelease: undefined };
  if (!lock) return { ...base, state: 'untracked' };
  if (!lock.valid) return { ...base, state: 'lock-invalid' };
  if (!code || !version || !fingerprint) return { ...base, state: 'unknown' };
  const entry = entryFor(lock, code, version);
  const last = lastRelease(lock, code);
  const reference = entry ?? last;
  const changedSinceRelease = reference ? reference.fingerprint !== fingerprint : undefined;
  const state: ChangeState = entry ? (entry.fingerprint === fingerprint ? 'unchanged' : 'changed') : 'unrecorded';
  return { ...base, entry, last, state, changedSinceRelease };
}

export function releaseStatusOfFile(workspace: Pick<Workspace, 'lock'>, file: SourceFile): ReleaseStatus {
  return releaseStatusOf(workspace.lock, file.model);
}

export type SnapshotState = 'ok' | 'missing' | 'unreadable' | 'mismatch';

export interface ReleasedCopy {
  state: SnapshotState;
  /** The released copy's parsed value, when `ok`. */
  value?: unknown;
  /** Where the copy is, relative to the workspace root. */
  relativePath: string;
}

const parsedCopies = new WeakMap<WorkspaceLock, Map<string, ReleasedCopy>>();

/**
 * The released copy of a record, parsed and checked: its fingerprint must be the record's, or it
 * is not trusted (`mismatch`). `text` is given when the caller read it; otherwise the copy read
 * with the workspace is used.
 */
export function releasedCopy(lock: WorkspaceLock, entry: LockEntry, text?: string): ReleasedCopy {
  const key = snapshotKey(entry);
  let cache = parsedCopies.get(lock);
  if (text === undefined) {
    const cached = cache?.get(key);
    if (cached) return cached;
  }
  const relativePath = snapshotRelativePath(entry);
  const source = text ?? lock.snapshots.get(key);
  let copy: ReleasedCopy;
  if (source === undefined) copy = { state: 'missing', relativePath };
  else {
    const parsed = parseYaml(source, relativePath);
    const value = parsed.value;
    if (parsed.findings.length || !isControlled(value)) copy = { state: 'unreadable', relativePath };
    else if (fingerprintDocument(value) !== entry.fingerprint) copy = { state: 'mismatch', relativePath };
    else copy = { state: 'ok', value, relativePath };
  }
  if (text === undefined) {
    if (!cache) parsedCopies.set(lock, (cache = new Map()));
    cache.set(key, copy);
  }
  return copy;
}

/** What changed since a record's release, when its released copy is there and trustworthy. */
export function diffSinceRelease(lock: WorkspaceLock, entry: LockEntry, working: unknown, text?: string): { copy: ReleasedCopy; diff: DocumentDiff | undefined } {
  const copy = releasedCopy(lock, entry, text);
  return { copy, diff: copy.state === 'ok' ? diffDocuments(copy.value, working) : undefined };
}

// ---------------------------------------------------------------------------------------------
// The master list (qmskit status, the explorer)
// ---------------------------------------------------------------------------------------------

export interface ControlledDocumentStatus {
  code: string;
  title: string | undefined;
  kind: 'procedure' | 'document';
  /** Absolute path of its file. */
  file: string;
  status: string | undefined;
  version: DocumentVersion | undefined;
  effective: string | undefined;
  /** The next periodic review date (src/core/model/review.ts). */
  nextReview: string | undefined;
  reviewOverdue: boolean;
  release: ReleaseStatus;
  /** The `obsolete` record of its current version, when it was withdrawn through QMS Kit. */
  withdrawn: LockEntry | undefined;
}

/** Every controlled document of the workspace, sorted by code (then file, for duplicates). */
export function controlledDocumentStatuses(workspace: Workspace, today: string): ControlledDocumentStatus[] {
  const system = systemModel(workspace);
  const rows: ControlledDocumentStatus[] = [];
  for (const [code, definitions] of workspace.index.controlled) {
    for (const definition of definitions) {
      const file = workspace.index.byPath.get(definition.file);
      const model = file?.model as Record<string, unknown> | undefined;
      if (!file || !model || (model.kind !== 'procedure' && model.kind !== 'document')) continue;
      const release = releaseStatusOf(workspace.lock, model);
      const schedule = model.status === 'approved' ? reviewScheduleOf(model, system) : undefined;
      const effective = typeof model.effective === 'string' ? model.effective : undefined;
      const withdrawn = workspace.lock?.valid && release.version ? entryFor(workspace.lock, code, release.version, 'obsolete') : undefined;
      rows.push({
        code,
        title: typeof model.title === 'string' ? model.title : undefined,
        kind: model.kind,
        file: file.path,
        status: release.status,
        version: release.version,
        effective,
        nextReview: schedule?.next,
        reviewOverdue: schedule ? isReviewOverdue(schedule, today) : false,
        release,
        withdrawn,
      });
    }
  }
  return rows.sort((a, b) => compareCodePoints(a.code, b.code) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
