import * as path from 'node:path';
import type { Finding, LocalizedText, TextEdit } from '../findings';
import { parseIsoDate } from '../flow/calendar';
import type { FileSystem } from '../io/file-system';
import { lintWorkspace } from '../lint/engine';
import { yamlScalar } from '../lint/fix-builder';
import type { SourceFile } from '../model/source-file';
import { loadWorkspace, systemModel, type Workspace } from '../model/workspace';
import { closestMatch } from '../schema/did-you-mean';
import { parseYaml } from '../yaml/parse';
import { fingerprintDocument } from './fingerprint';
import {
  compareVersions,
  describeVersion,
  documentVersion,
  entriesFor,
  entryFor,
  formatLock,
  lastRelease,
  lockInsertion,
  lockPathOf,
  snapshotPath,
  versionLabel,
  type DocumentVersion,
  type LockEvent,
  type NewLockEntry,
} from './lock';
import { applyTextEdits, YamlTextEditor } from './yaml-editor';

/**
 * Releasing a new revision, marking a document obsolete, and recording documents in `qms.lock`:
 * the three operations that write change control. Each is planned first — a pure function of the
 * loaded workspace that says exactly which texts change — then checked by linting the workspace as
 * it would be, then written: the released copy, the document, and last the lock (the lock is the
 * commit point the linter trusts), each file atomically, the earlier ones restored if a later one
 * fails. The editor calls the same functions with its own FileSystem.
 *
 * Decisions (docs/change-control.md):
 * - **Which counter.** `--amendment` / `--revision` choose; otherwise `release.counter` in
 *   qms.yaml; otherwise `revision`. A new revision of a document that keeps amendments starts at
 *   amendment 0; an amendment of a document without the field adds `amendment: 1`.
 * - **Bump or not.** A document whose current version is already recorded (or an approved one
 *   never recorded and with no earlier record) gets the next version. A version not recorded yet
 *   while an earlier one is — a draft of the next revision, numbered by hand — is released as it
 *   stands.
 * - **Dates.** `effective` is the release date (`--date`, else today), never before the previous
 *   release. An approval signature whose date is missing, or not later than the previous release
 *   (it belongs to the previous revision), gets the release date — or the date of a later
 *   signature of this revision, when that is earlier, so that prepared ≤ reviewed ≤ approved; a
 *   date later than the previous release was signed for this revision and is kept. Roles are
 *   never invented: a missing signature stops the release (the linter says which).
 * - **History.** A new first entry `revision` (`amendment` when kept), `date` (the approval date),
 *   `change` (the summary); when the history already starts with the version being released, it
 *   is kept, with its `change` replaced by the summary if one is given.
 */

/** Editor commands the change-control quick fixes stand for (`Fix.command`), with `[{ root, code, file }]`. */
export const RELEASE_COMMAND = 'qms.releaseNewRevision';
export const RECORD_COMMAND = 'qms.recordRelease';

export class ChangeControlError extends Error {
  constructor(
    readonly text: LocalizedText,
    /** Further lines (the lint findings that stopped the operation). */
    readonly details: string[] = [],
  ) {
    super(text.en);
    this.name = 'ChangeControlError';
  }
}

export type Counter = 'revision' | 'amendment';

export interface ReleaseOptions {
  /** Today, `YYYY-MM-DD` (the core never reads the clock). */
  today: string;
  /** What changed, for the history entry (VN: Nội dung sửa đổi). */
  summary?: string;
  /** The effective date of the release; today by default. */
  date?: string;
  /** The counter to increase, overriding `release.counter` of qms.yaml. */
  counter?: Counter;
  /** Release a new revision even when the content did not change since the last release. */
  force?: boolean;
  /**
   * Only the edits are wanted (a quick fix's preview, computed as the user types): the check that
   * the edited text parses to the same content is skipped. Never set when the plan is written.
   */
  preview?: boolean;
}

/** A file a plan writes: the whole new text (with the BOM the file had), and what it replaces. */
export interface PlannedWrite {
  path: string;
  text: string;
  /** The text the plan was made from; undefined for a new file. */
  previous: string | undefined;
  /** Released copies of an obsolete document are written only when absent. */
  onlyIfAbsent?: boolean;
}

export interface ChangePlan {
  code: string;
  /** The document's file. */
  file: string;
  event: LockEvent;
  version: DocumentVersion;
  label: string;
  date: string;
  fingerprint: string;
  /** The counter increased, or undefined when the version was released as it stands. */
  bumped: Counter | undefined;
  /** Edits of the document's text (BOM removed), for a preview or a quick fix. */
  documentEdits: TextEdit[];
  /** The edit of `qms.lock` (BOM removed), or undefined when the lock is created. */
  lockEdit: TextEdit | undefined;
  lockPath: string;
  /** Released copy, then document, then lock. */
  writes: PlannedWrite[];
}

const DOC_WORDS: Record<'procedure' | 'document', LocalizedText> = {
  procedure: { en: 'procedure', vi: 'quy trình' },
  document: { en: 'document', vi: 'tài liệu' },
};

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function isoDate(value: unknown): string | undefined {
  return parseIsoDate(value) ? (value as string) : undefined;
}

function fullText(file: SourceFile, text = file.parsed.text): string {
  return (file.parsed.hadBom ? '\uFEFF' : '') + text;
}

/** The file that defines a controlled document, or a clear error. */
export function findControlledDocument(workspace: Workspace, code: string): SourceFile {
  const definitions = workspace.index.controlled.get(code) ?? [];
  if (definitions.length === 0) {
    const suggestion = closestMatch(code, workspace.index.controlled.keys());
    const hint: LocalizedText = suggestion ? { en: ` Did you mean ${suggestion}?`, vi: ` Có phải ý bạn là ${suggestion}?` } : { en: '', vi: '' };
    throw new ChangeControlError({
      en: `No procedure or document has the code ${code} in this workspace.${hint.en}`,
      vi: `Không có quy trình hoặc tài liệu nào mang mã ${code} trong không gian làm việc này.${hint.vi}`,
    });
  }
  if (definitions.length > 1) {
    throw new ChangeControlError({
      en: `${definitions.length} files define ${code}: ${definitions.map((d) => path.relative(workspace.root, d.file)).join(', ')}. Give each document its own code first.`,
      vi: `${definitions.length} tệp cùng khai báo mã ${code}: ${definitions.map((d) => path.relative(workspace.root, d.file)).join(', ')}. Hãy đặt mã riêng cho từng tài liệu trước.`,
    });
  }
  const file = workspace.index.byPath.get(definitions[0]!.file);
  if (!file || !file.model || file.parsed.findings.length > 0) {
    throw new ChangeControlError({
      en: `${code} cannot be read as YAML: fix the syntax errors \`qmskit lint\` reports first.`,
      vi: `Không đọc được ${code} dưới dạng YAML: hãy sửa các lỗi cú pháp mà \`qmskit lint\` báo trước.`,
    });
  }
  return file;
}

function usableLock(workspace: Workspace) {
  const lock = workspace.lock;
  if (lock && !lock.valid) {
    throw new ChangeControlError({
      en: 'qms.lock has problems (see `qmskit lint`): repair or restore it first; it is never written over.',
      vi: 'qms.lock đang có lỗi (xem `qmskit lint`): hãy sửa hoặc khôi phục tệp trước; QMS Kit không ghi đè lên tệp lỗi.',
    });
  }
  return lock;
}

function checkDate(date: string, label: LocalizedText): void {
  if (!parseIsoDate(date)) {
    throw new ChangeControlError({ en: `${label.en} must be a date written YYYY-MM-DD; got "${date}".`, vi: `${label.vi} phải là ngày dạng YYYY-MM-DD; nhận được "${date}".` });
  }
}

function lockWrite(workspace: Workspace, entries: readonly NewLockEntry[]): { write: PlannedWrite; edit: TextEdit | undefined } {
  const lock = workspace.lock;
  const lockPath = lockPathOf(workspace.root);
  if (!lock) return { write: { path: lockPath, text: formatLock(entries), previous: undefined }, edit: undefined };
  let text = lock.text;
  let edit: TextEdit | undefined;
  for (const entry of entries) {
    edit = lockInsertion(text, entry, lockPath);
    text = applyTextEdits(text, [edit]);
  }
  return { write: { path: lockPath, text, previous: lock.text }, edit: entries.length === 1 ? edit : undefined };
}

function checkNotBeforeLastRecord(workspace: Workspace, code: string, date: string): void {
  const newest = workspace.lock ? entriesFor(workspace.lock, code).reduce<string | undefined>((max, e) => (max === undefined || e.date > max ? e.date : max), undefined) : undefined;
  if (newest && date < newest) {
    throw new ChangeControlError({
      en: `${code} was last released or withdrawn on ${newest}; a new record cannot be dated earlier (${date}). Give a later --date.`,
      vi: `${code} được ban hành hoặc thu hồi gần nhất ngày ${newest}; bản ghi mới không thể có ngày sớm hơn (${date}). Hãy chọn --date muộn hơn.`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Release
// ---------------------------------------------------------------------------------------------

const STAGES = ['prepared', 'reviewed', 'approved'] as const;

/** The plan of a release: pure, from the loaded workspace. Throws `ChangeControlError`. */
export function planRelease(workspace: Workspace, code: string, options: ReleaseOptions): ChangePlan {
  const lock = usableLock(workspace);
  const file = findControlledDocument(workspace, code);
  const model = file.model as unknown as Record<string, unknown> & { kind: 'procedure' | 'document' };
  const what = DOC_WORDS[model.kind];
  const status = typeof model.status === 'string' ? model.status : undefined;
  if (status === 'obsolete') {
    throw new ChangeControlError({
      en: `${code} is obsolete: an obsolete ${what.en} is not released again. Create a new ${what.en}, or set its status to draft to revive it.`,
      vi: `${code} đã hết hiệu lực: ${what.vi} hết hiệu lực không được ban hành lại. Hãy tạo ${what.vi} mới, hoặc chuyển trạng thái về draft để sử dụng lại.`,
    });
  }
  const current = documentVersion(model);
  if (!current) {
    throw new ChangeControlError({
      en: `${code} has no usable \`revision\` (a whole number from 1) or \`amendment\` (from 0): correct it first.`,
      vi: `${code} chưa có \`revision\` hợp lệ (số nguyên từ 1) hoặc \`amendment\` hợp lệ (số nguyên từ 0): hãy sửa trước.`,
    });
  }
  const date = options.date ?? options.today;
  checkDate(date, { en: 'The release date', vi: 'Ngày ban hành' });
  const fingerprint = fingerprintDocument(model);
  const recorded = lock ? entryFor(lock, code, current) : undefined;
  const last = lock ? lastRelease(lock, code) : undefined;
  if (!recorded && last && compareVersions(current, last.version) < 0) {
    throw new ChangeControlError({
      en: `${code} says ${describeVersion(current).en}, but ${describeVersion(last.version).en} was already released on ${last.date}: correct \`revision\`/\`amendment\` first.`,
      vi: `${code} ghi ${describeVersion(current).vi}, nhưng ${describeVersion(last.version).vi} đã được ban hành ngày ${last.date}: hãy sửa \`revision\`/\`amendment\` trước.`,
    });
  }
  // Released as it stands: a version not recorded yet, drafted after an earlier recorded one (or
  // a first draft). Otherwise the next version.
  const asItStands = !recorded && (last !== undefined || status !== 'approved');
  if (recorded && recorded.fingerprint === fingerprint && status === 'approved' && !options.force) {
    throw new ChangeControlError({
      en: `${code} ${describeVersion(current).en} is released and has not changed since (${recorded.date}): nothing to release. Use --force to issue a new revision anyway.`,
      vi: `${code} ${describeVersion(current).vi} đã được ban hành (${recorded.date}) và không thay đổi: không có gì để ban hành. Dùng --force nếu vẫn muốn ban hành lần mới.`,
    });
  }
  const counter: Counter = options.counter ?? systemModel(workspace)?.release?.counter ?? 'revision';
  let version: DocumentVersion;
  let bumped: Counter | undefined;
  if (asItStands) version = current;
  else if (counter === 'amendment') {
    version = { revision: current.revision, amendment: (current.amendment ?? 0) + 1 };
    bumped = 'amendment';
  } else {
    version = current.amendment === undefined ? { revision: current.revision + 1 } : { revision: current.revision + 1, amendment: 0 };
    bumped = 'revision';
  }
  checkNotBeforeLastRecord(workspace, code, date);

  const editor = new YamlTextEditor(file.parsed);
  if (status !== 'approved') editor.replaceScalar(['status'], 'approved');
  if (version.revision !== current.revision) editor.replaceScalar(['revision'], String(version.revision));
  if (version.amendment !== undefined && version.amendment !== current.amendment) {
    if (current.amendment !== undefined) editor.replaceScalar(['amendment'], String(version.amendment));
    else editor.setProperty([], 'amendment', String(version.amendment), ['revision']);
  }
  if (model.effective !== date) editor.setProperty([], 'effective', date, ['amendment', 'revision']);

  // Signatures from the previous revision (dated on or before its release) are renewed, latest
  // stage first: a renewed date is the release date, or the date of a later signature kept for
  // this revision when that is earlier (prepared ≤ reviewed ≤ approved).
  const previousRelease = bumped ? (recorded?.date ?? last?.date ?? isoDate(model.effective)) : last?.date;
  const approval = record(model.approval);
  let approvedOn = isoDate(record(approval?.approved)?.date);
  let bound = date;
  for (const stage of [...STAGES].reverse()) {
    const entry = record(approval?.[stage]);
    if (!entry) continue;
    const signed = isoDate(entry.date);
    if (signed && (previousRelease === undefined || signed > previousRelease)) {
      if (signed < bound) bound = signed;
      continue;
    }
    if (!editor.setProperty(['approval', stage], 'date', bound)) continue;
    if (stage === 'approved') approvedOn = bound;
  }

  const history = Array.isArray(model.history) ? model.history : undefined;
  const top = record(history?.[0]);
  const topVersion = top ? documentVersion(top) : undefined;
  const summary = options.summary?.trim();
  if (top && topVersion && compareVersions(topVersion, version) === 0 && (topVersion.amendment ?? 0) === (version.amendment ?? 0)) {
    if (summary) editor.replaceScalar(['history', 0, 'change'], yamlScalar(summary));
  } else {
    if (!summary) {
      throw new ChangeControlError({
        en: `Say what changed in ${describeVersion(version).en} of ${code}: give --summary "…" (it becomes the history entry).`,
        vi: `Hãy nêu nội dung sửa đổi của ${describeVersion(version).vi} của ${code}: thêm --summary "…" (dùng cho dòng theo dõi sửa đổi).`,
      });
    }
    const keepsAmendment = version.amendment !== undefined && (version.amendment > 0 || (history ?? []).some((h) => record(h)?.amendment !== undefined));
    const lines = [
      `revision: ${version.revision}`,
      ...(keepsAmendment ? [`amendment: ${version.amendment}`] : []),
      `date: ${approvedOn && approvedOn <= date ? approvedOn : date}`,
      `change: ${yamlScalar(summary)}`,
    ];
    if (!editor.prependItem(['history'], lines)) {
      throw new ChangeControlError({
        en: `The \`history\` of ${code} is not a block list QMS Kit can add to (it is empty or in \`[ ]\` style): write it as a block list, one \`- revision: …\` item per revision.`,
        vi: `Mục \`history\` của ${code} không phải danh sách dạng khối để QMS Kit thêm dòng (rỗng hoặc viết kiểu \`[ ]\`): hãy viết dạng khối, mỗi lần ban hành một mục \`- revision: …\`.`,
      });
    }
  }

  const documentEdits = editor.textEdits();
  const newText = editor.apply();
  const check = options.preview ? undefined : parseYaml(newText, file.path);
  const after = check ? record(check.value) : undefined;
  if (check && (check.findings.length || !after || fingerprintDocument(after) !== fingerprint || after.status !== 'approved')) {
    // The edits touch only release fields; anything else is a bug, and nothing is written.
    throw new ChangeControlError({
      en: `QMS Kit could not edit ${code} safely (its YAML layout is unusual); nothing was written. Please report this.`,
      vi: `QMS Kit không sửa được ${code} một cách an toàn (cấu trúc YAML khác thường); chưa ghi gì. Vui lòng báo lại lỗi này.`,
    });
  }
  const label = versionLabel(version);
  const entry: NewLockEntry = { code, version, label, date, event: 'approved', fingerprint };
  const lockChange = lockWrite(workspace, [entry]);
  const documentText = fullText(file, newText);
  return {
    code,
    file: file.path,
    event: 'approved',
    version,
    label,
    date,
    fingerprint,
    bumped,
    documentEdits,
    lockEdit: lockChange.edit,
    lockPath: lockChange.write.path,
    writes: [
      { path: snapshotPath(workspace.root, entry), text: documentText, previous: undefined },
      { path: file.path, text: documentText, previous: fullText(file) },
      lockChange.write,
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Obsolete
// ---------------------------------------------------------------------------------------------

export interface ObsoleteOptions {
  today: string;
  /** The date the document is withdrawn; today by default. */
  date?: string;
}

/** The plan of withdrawing an approved document: `status: obsolete` and an `obsolete` record. */
export function planObsolete(workspace: Workspace, code: string, options: ObsoleteOptions): ChangePlan {
  const lock = usableLock(workspace);
  const file = findControlledDocument(workspace, code);
  const model = file.model as unknown as Record<string, unknown> & { kind: 'procedure' | 'document' };
  const what = DOC_WORDS[model.kind];
  if (model.status !== 'approved') {
    throw new ChangeControlError({
      en: `${code} is ${String(model.status)}: only an approved ${what.en} in force is made obsolete.`,
      vi: `${code} đang ở trạng thái ${String(model.status)}: chỉ ${what.vi} đã phê duyệt, đang có hiệu lực mới được đánh dấu hết hiệu lực.`,
    });
  }
  const version = documentVersion(model);
  if (!version) {
    throw new ChangeControlError({
      en: `${code} has no usable \`revision\`: correct it first.`,
      vi: `${code} chưa có \`revision\` hợp lệ: hãy sửa trước.`,
    });
  }
  const date = options.date ?? options.today;
  checkDate(date, { en: 'The withdrawal date', vi: 'Ngày thu hồi' });
  const fingerprint = fingerprintDocument(model);
  const recorded = lock ? entryFor(lock, code, version) : undefined;
  if (recorded && recorded.fingerprint !== fingerprint) {
    throw new ChangeControlError({
      en: `${code} changed since ${describeVersion(version).en} was released: release the change or undo it before making the ${what.en} obsolete (\`qmskit diff ${code}\` shows what changed).`,
      vi: `${code} đã thay đổi kể từ khi ${describeVersion(version).vi} được ban hành: hãy ban hành hoặc hoàn tác thay đổi trước khi đánh dấu hết hiệu lực (\`qmskit diff ${code}\` cho biết thay đổi).`,
    });
  }
  checkNotBeforeLastRecord(workspace, code, date);
  const editor = new YamlTextEditor(file.parsed);
  editor.replaceScalar(['status'], 'obsolete');
  const documentEdits = editor.textEdits();
  const label = recorded?.label ?? versionLabel(version);
  const entry: NewLockEntry = { code, version, label, date, event: 'obsolete', fingerprint };
  const lockChange = lockWrite(workspace, [entry]);
  return {
    code,
    file: file.path,
    event: 'obsolete',
    version,
    label,
    date,
    fingerprint,
    bumped: undefined,
    documentEdits,
    lockEdit: lockChange.edit,
    lockPath: lockChange.write.path,
    writes: [
      // The content withdrawn, kept when no release wrote it (ISO 7.5.3.2: retain obsolete originals).
      { path: snapshotPath(workspace.root, { code, label }), text: fullText(file), previous: undefined, onlyIfAbsent: true },
      { path: file.path, text: fullText(file, editor.apply()), previous: fullText(file) },
      lockChange.write,
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Record (adopting change control for documents already approved)
// ---------------------------------------------------------------------------------------------

export interface RecordPlan {
  /** Records added, one per document. */
  recorded: NewLockEntry[];
  /** Documents already recorded at their current version with the same content. */
  unchanged: string[];
  /** Documents that could not be recorded, with why. */
  refused: Array<{ code: string; reason: LocalizedText }>;
  /** Released copies, then the lock; empty when nothing is recorded. */
  writes: PlannedWrite[];
}

/**
 * Records approved documents as released at their current version, content and effective date,
 * without touching them: how a workspace adopts change control (`qmskit lock --record-all`), and
 * how a release made by hand is recorded (`doc/lock-missing`). A document already recorded at
 * that version with other content is refused: that is a change, and a change is released.
 */
export function planRecord(workspace: Workspace, codes: readonly string[] | 'all', options: { today: string }): RecordPlan {
  const lock = usableLock(workspace);
  const plan: RecordPlan = { recorded: [], unchanged: [], refused: [], writes: [] };
  const files: Array<{ code: string; file: SourceFile }> = [];
  if (codes === 'all') {
    for (const [code, definitions] of [...workspace.index.controlled].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const file = definitions.length === 1 ? workspace.index.byPath.get(definitions[0]!.file) : undefined;
      if (definitions.length > 1) {
        if (definitions.some((d) => workspace.index.byPath.get(d.file)?.model && (workspace.index.byPath.get(d.file)!.model as { status?: unknown }).status === 'approved')) {
          plan.refused.push({ code, reason: { en: 'several files define this code', vi: 'nhiều tệp cùng khai báo mã này' } });
        }
        continue;
      }
      if (file?.model && (file.model as { status?: unknown }).status === 'approved') files.push({ code, file });
    }
  } else {
    for (const code of codes) {
      try {
        files.push({ code, file: findControlledDocument(workspace, code) });
      } catch (error) {
        if (!(error instanceof ChangeControlError)) throw error;
        plan.refused.push({ code, reason: error.text });
      }
    }
  }
  const snapshots: PlannedWrite[] = [];
  for (const { code, file } of files) {
    const model = file.model as unknown as Record<string, unknown>;
    if (model.status !== 'approved') {
      plan.refused.push({ code, reason: { en: `it is ${String(model.status)}, not approved`, vi: `đang ở trạng thái ${String(model.status)}, chưa phê duyệt` } });
      continue;
    }
    if (file.parsed.findings.length > 0) {
      plan.refused.push({ code, reason: { en: 'its YAML has syntax errors', vi: 'YAML có lỗi cú pháp' } });
      continue;
    }
    const version = documentVersion(model);
    if (!version) {
      plan.refused.push({ code, reason: { en: 'it has no usable `revision`', vi: 'chưa có `revision` hợp lệ' } });
      continue;
    }
    const fingerprint = fingerprintDocument(model);
    const recorded = lock ? entryFor(lock, code, version) : undefined;
    if (recorded) {
      if (recorded.fingerprint === fingerprint) plan.unchanged.push(code);
      else {
        plan.refused.push({
          code,
          reason: {
            en: `it changed since ${describeVersion(version).en} was released: release a new revision (qmskit release ${code})`,
            vi: `đã thay đổi kể từ khi ${describeVersion(version).vi} được ban hành: hãy ban hành lần mới (qmskit release ${code})`,
          },
        });
      }
      continue;
    }
    const last = lock ? lastRelease(lock, code) : undefined;
    if (last && compareVersions(version, last.version) < 0) {
      plan.refused.push({
        code,
        reason: { en: `${describeVersion(last.version).en} is already recorded, after ${describeVersion(version).en}`, vi: `${describeVersion(last.version).vi} đã được ghi, sau ${describeVersion(version).vi}` },
      });
      continue;
    }
    const date = isoDate(model.effective) ?? options.today;
    const entry: NewLockEntry = { code, version, label: versionLabel(version), date, event: 'approved', fingerprint };
    plan.recorded.push(entry);
    snapshots.push({ path: snapshotPath(workspace.root, entry), text: fullText(file), previous: undefined });
  }
  if (plan.recorded.length) plan.writes = [...snapshots, lockWrite(workspace, plan.recorded).write];
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Checking and writing
// ---------------------------------------------------------------------------------------------

export interface ApplyOptions {
  today: string;
  /** Unsaved editor buffers, by absolute path: the plan is made from them. */
  overlays?: ReadonlyMap<string, string>;
  /** Files whose lint errors stop the operation (the document and the lock). */
  checkFiles?: readonly string[];
}

function describeFinding(finding: Finding, root: string): string {
  return `${path.relative(root, finding.file)}:${finding.range.start.line}:${finding.range.start.column} ${finding.message.en} (${finding.ruleId})`;
}

/**
 * Lints the workspace as the plan would leave it; errors on the checked files stop everything.
 * Returns the workspace as it would be.
 */
export async function checkPlan(fs: FileSystem, root: string, writes: readonly PlannedWrite[], options: ApplyOptions): Promise<Workspace> {
  const overlays = new Map(options.overlays ?? []);
  for (const write of writes) overlays.set(write.path, write.text);
  const workspace = await loadWorkspace(fs, root, { overlays });
  const checked = new Set(options.checkFiles ?? []);
  const errors = lintWorkspace(workspace, { today: options.today }).findings.filter((f) => f.severity === 'error' && checked.has(f.file));
  if (errors.length) {
    throw new ChangeControlError(
      {
        en: `Nothing was written: the result would not lint clean (${errors.length} error${errors.length === 1 ? '' : 's'}). Fix these first:`,
        vi: `Chưa ghi gì: kết quả sẽ còn ${errors.length} lỗi khi kiểm tra. Hãy sửa các lỗi sau trước:`,
      },
      errors.map((f) => describeFinding(f, root)),
    );
  }
  return workspace;
}

/**
 * Writes a plan's files in order, each atomically (the FileSystem's temp-and-rename). Before
 * writing, every file must still hold the text the plan was made from (no edit in between); if a
 * write fails, the files already written are put back, so the document and the lock never
 * disagree. A released copy left behind by a failure is harmless: nothing refers to it.
 */
export async function applyWrites(fs: FileSystem, writes: readonly PlannedWrite[], overlays?: ReadonlyMap<string, string>): Promise<string[]> {
  for (const write of writes) {
    if (write.previous === undefined || overlays?.has(write.path)) continue;
    let current: string | undefined;
    try {
      current = await fs.readFile(write.path);
    } catch {
      current = undefined;
    }
    if (current !== write.previous) {
      throw new ChangeControlError({
        en: `${path.basename(write.path)} changed on disk while the change was being prepared: nothing was written. Run the command again.`,
        vi: `${path.basename(write.path)} đã thay đổi trên đĩa trong lúc chuẩn bị: chưa ghi gì. Hãy chạy lại lệnh.`,
      });
    }
  }
  const done: PlannedWrite[] = [];
  const written: string[] = [];
  try {
    for (const write of writes) {
      if (write.onlyIfAbsent && (await fs.exists(write.path))) continue;
      if (write.previous !== undefined && write.previous === write.text) continue;
      await fs.writeFile(write.path, write.text);
      done.push(write);
      written.push(write.path);
    }
  } catch (error) {
    for (const write of done.reverse()) {
      if (write.previous !== undefined) await fs.writeFile(write.path, write.previous).catch(() => undefined);
    }
    throw new ChangeControlError({
      en: `Writing failed (${error instanceof Error ? error.message : String(error)}); the files written were restored.`,
      vi: `Ghi tệp thất bại (${error instanceof Error ? error.message : String(error)}); các tệp đã ghi được khôi phục.`,
    });
  }
  return written;
}

export interface ChangeResult {
  plan: ChangePlan;
  /** Absolute paths written. */
  written: string[];
  /** The workspace as written. */
  workspace: Workspace;
}

type Planner<O> = (workspace: Workspace, code: string, options: O) => ChangePlan;

async function planCheckWrite<O extends { today: string }>(fs: FileSystem, root: string, code: string, options: O & { overlays?: ReadonlyMap<string, string> }, planner: Planner<O>): Promise<ChangeResult> {
  const workspace = await loadWorkspace(fs, root, { overlays: options.overlays });
  const plan = planner(workspace, code, options);
  const after = await checkPlan(fs, workspace.root, plan.writes, { today: options.today, overlays: options.overlays, checkFiles: [plan.file, plan.lockPath] });
  const written = await applyWrites(fs, plan.writes, options.overlays);
  return { plan, written, workspace: after };
}

/** `qmskit release`: plan, check (the document and the lock must lint without errors), write. */
export function releaseDocument(fs: FileSystem, root: string, code: string, options: ReleaseOptions & { overlays?: ReadonlyMap<string, string> }): Promise<ChangeResult> {
  return planCheckWrite(fs, root, code, { ...options, preview: false }, planRelease);
}

/** `qmskit obsolete`: plan, check, write. */
export function obsoleteDocument(fs: FileSystem, root: string, code: string, options: ObsoleteOptions & { overlays?: ReadonlyMap<string, string> }): Promise<ChangeResult> {
  return planCheckWrite(fs, root, code, options, planObsolete);
}

/** `qmskit lock --record…`: plan, check the lock, write the released copies and the lock. */
export async function recordDocuments(
  fs: FileSystem,
  root: string,
  codes: readonly string[] | 'all',
  options: { today: string; overlays?: ReadonlyMap<string, string> },
): Promise<{ plan: RecordPlan; written: string[] }> {
  const workspace = await loadWorkspace(fs, root, { overlays: options.overlays });
  const plan = planRecord(workspace, codes, options);
  if (plan.writes.length === 0) return { plan, written: [] };
  await checkPlan(fs, workspace.root, plan.writes, { today: options.today, overlays: options.overlays, checkFiles: [lockPathOf(workspace.root)] });
  return { plan, written: await applyWrites(fs, plan.writes, options.overlays) };
}
