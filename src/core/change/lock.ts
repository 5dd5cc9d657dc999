import * as path from 'node:path';
import type { Finding, LocalizedText, SourceRange, TextEdit } from '../findings';
import { parseIsoDate } from '../flow/calendar';
import type { FileSystem } from '../io/file-system';
import { LOCK_FILE_NAME } from '../model/discover';
import { compareCodePoints, FINGERPRINT_PATTERN } from './fingerprint';

/**
 * `qms.lock`: the record of releases, written by the toolkit (release, obsolete, lock --record)
 * and committed with the workspace. The format (docs/change-control.md):
 *
 *     # comment lines and blank lines are ignored
 *     qms-lock 1
 *
 *     CS-01 r2 2026-01-15 approved sha256:<64 hex>
 *     CS-01 r1 2024-01-10 approved sha256:<64 hex>
 *
 *     QT-BCHQS-06 r2.0 2026-03-16 approved sha256:<64 hex>
 *
 * One line per release — `<code> <version> <date> <event> <fingerprint>`, single spaces — newest
 * first within a document, documents sorted by code and separated by a blank line. A version is
 * `r<revision>`, or `r<revision>.<amendment>` for a document that keeps both counters (Lần ban
 * hành / Lần sửa đổi). The date is the release's effective date; the event is `approved` (a
 * revision released) or `obsolete` (the document withdrawn). One line per release is what makes
 * the file merge well: two branches releasing different documents, or the same document at
 * different times, touch different lines.
 *
 * The file is read strictly: anything that is not a comment, a blank line, the format line or a
 * well-formed record is a `lock/invalid` finding on the lock file with its exact line and column,
 * and a lock with findings is never used to judge documents nor written over.
 */

export const LOCK_FORMAT = 1;
export const LOCK_FORMAT_LINE = `qms-lock ${LOCK_FORMAT}`;
export const LOCK_RULE_ID = 'lock/invalid';
/** Where released copies are kept, relative to the workspace root. */
export const RELEASED_DIR = '.qms/released';

export type LockEvent = 'approved' | 'obsolete';
export const LOCK_EVENTS: readonly LockEvent[] = ['approved', 'obsolete'];

/** A revision, with its amendment when the document keeps that second counter. */
export interface DocumentVersion {
  revision: number;
  /** Present when the document keeps amendments (its `amendment` field, or `r2.1` in the lock). */
  amendment?: number;
}

export interface LockEntry {
  code: string;
  version: DocumentVersion;
  /** The version as written (`r2`, `r2.0`): also the name of the released copy. */
  label: string;
  date: string;
  event: LockEvent;
  fingerprint: string;
  /** 1-based line in the lock file. */
  line: number;
}

export interface ParsedLock {
  entries: LockEntry[];
  /** `lock/invalid` findings, on the lock file. */
  findings: Finding[];
  eol: '\n' | '\r\n';
}

/** The lock as loaded with a workspace: plain data, so that it can be posted to a lint thread. */
export interface WorkspaceLock extends ParsedLock {
  path: string;
  /** The text without a BOM. */
  text: string;
  /** True when the lock has no finding: only then do the change-control rules use it. */
  valid: boolean;
  /**
   * Released copies read with the workspace, by `<code>@<label>`: the one of each document's
   * newest `approved` record, which `doc/changed-without-revision` diffs against.
   */
  snapshots: Map<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Versions
// ---------------------------------------------------------------------------------------------

function counterValue(value: unknown, min: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min ? value : undefined;
}

/** The version a procedure or document is at, or undefined when its counters are not usable. */
export function documentVersion(model: unknown): DocumentVersion | undefined {
  if (typeof model !== 'object' || model === null) return undefined;
  const { revision, amendment } = model as { revision?: unknown; amendment?: unknown };
  const rev = counterValue(revision, 1);
  if (rev === undefined) return undefined;
  if (amendment === undefined) return { revision: rev };
  const amend = counterValue(amendment, 0);
  return amend === undefined ? undefined : { revision: rev, amendment: amend };
}

export function versionLabel(version: DocumentVersion): string {
  return version.amendment === undefined ? `r${version.revision}` : `r${version.revision}.${version.amendment}`;
}

const VERSION_PATTERN = /^r([1-9][0-9]*)(?:\.(0|[1-9][0-9]*))?$/;

export function parseVersionLabel(label: string): DocumentVersion | undefined {
  const match = VERSION_PATTERN.exec(label);
  if (!match) return undefined;
  return match[2] === undefined ? { revision: Number(match[1]) } : { revision: Number(match[1]), amendment: Number(match[2]) };
}

/** Same revision and amendment; a missing amendment counts as 0 (`r2` is `r2.0`). */
export function sameVersion(a: DocumentVersion, b: DocumentVersion): boolean {
  return a.revision === b.revision && (a.amendment ?? 0) === (b.amendment ?? 0);
}

export function compareVersions(a: DocumentVersion, b: DocumentVersion): number {
  return a.revision - b.revision || (a.amendment ?? 0) - (b.amendment ?? 0);
}

/** "revision 2" or "revision 2, amendment 1" (Lần ban hành / Lần sửa đổi). */
export function describeVersion(version: DocumentVersion): LocalizedText {
  return version.amendment === undefined
    ? { en: `revision ${version.revision}`, vi: `lần ban hành ${version.revision}` }
    : { en: `revision ${version.revision}, amendment ${version.amendment}`, vi: `lần ban hành ${version.revision}, lần sửa đổi ${version.amendment}` };
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

const CODE_PATTERN = /^[A-Z0-9Đ]+(?:[-/.][A-Z0-9Đ]+)*$/;
const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(?:\s|$)/;

type Problem =
  | 'empty'
  | 'format'
  | 'newerFormat'
  | 'conflict'
  | 'fields'
  | 'code'
  | 'version'
  | 'date'
  | 'event'
  | 'fingerprint'
  | 'duplicate'
  | 'contradicts';

const RESTORE: LocalizedText = {
  en: 'Restore qms.lock from version control (it is written by QMS Kit, not by hand).',
  vi: 'Hãy khôi phục qms.lock từ hệ thống quản lý phiên bản (tệp do QMS Kit ghi, không sửa tay).',
};

function problemMessage(problem: Problem, data: Record<string, string | number>): LocalizedText {
  const d = (name: string) => String(data[name] ?? '');
  switch (problem) {
    case 'empty':
      return {
        en: `qms.lock is empty. ${RESTORE.en} If it is lost, record the approved documents again with \`qmskit lock --record-all\`.`,
        vi: `qms.lock rỗng. ${RESTORE.vi} Nếu đã mất, hãy ghi lại các tài liệu đã phê duyệt bằng \`qmskit lock --record-all\`.`,
      };
    case 'format':
      return {
        en: `qms.lock must start with the line \`${LOCK_FORMAT_LINE}\` (after any comments); found \`${d('found')}\`. The file is damaged or is not a QMS Kit lock. ${RESTORE.en}`,
        vi: `qms.lock phải bắt đầu bằng dòng \`${LOCK_FORMAT_LINE}\` (sau các dòng chú thích); gặp \`${d('found')}\`. Tệp bị hỏng hoặc không phải tệp khóa của QMS Kit. ${RESTORE.vi}`,
      };
    case 'newerFormat':
      return {
        en: `qms.lock is written in format ${d('format')}, which this version of QMS Kit does not know (it reads format ${LOCK_FORMAT}). Update QMS Kit.`,
        vi: `qms.lock được ghi theo định dạng ${d('format')}, phiên bản QMS Kit này không đọc được (chỉ đọc định dạng ${LOCK_FORMAT}). Hãy cập nhật QMS Kit.`,
      };
    case 'conflict':
      return {
        en: 'qms.lock has an unresolved merge conflict. Each line records one release, so keep the lines of both sides, delete the `<<<<<<<`, `=======` and `>>>>>>>` lines, and lint again.',
        vi: 'qms.lock còn xung đột khi gộp nhánh (merge conflict). Mỗi dòng ghi một lần ban hành: hãy giữ các dòng của cả hai phía, xóa các dòng `<<<<<<<`, `=======`, `>>>>>>>` rồi kiểm tra lại.',
      };
    case 'fields':
      return {
        en: `This line is not a release record: expected \`<code> <version> <date> <event> sha256:<64 hex digits>\` separated by single spaces, found ${d('count')} field(s). The line was edited by hand or cut short. ${RESTORE.en}`,
        vi: `Dòng này không phải một bản ghi ban hành: cần \`<mã> <phiên bản> <ngày> <sự kiện> sha256:<64 chữ số hex>\` cách nhau bởi một dấu cách, nhưng có ${d('count')} trường. Dòng đã bị sửa tay hoặc bị cắt cụt. ${RESTORE.vi}`,
      };
    case 'code':
      return {
        en: `\`${d('value')}\` is not a document code (capitals A–Z and Đ, digits, groups joined by \`-\`, \`/\` or \`.\`). ${RESTORE.en}`,
        vi: `\`${d('value')}\` không phải mã tài liệu (chữ in hoa A–Z và Đ, chữ số, các nhóm nối bằng \`-\`, \`/\` hoặc \`.\`). ${RESTORE.vi}`,
      };
    case 'version':
      return {
        en: `\`${d('value')}\` is not a version: write \`r<revision>\` or \`r<revision>.<amendment>\`, e.g. \`r2\` or \`r2.1\`. ${RESTORE.en}`,
        vi: `\`${d('value')}\` không phải phiên bản: cần dạng \`r<lần ban hành>\` hoặc \`r<lần ban hành>.<lần sửa đổi>\`, ví dụ \`r2\` hoặc \`r2.1\`. ${RESTORE.vi}`,
      };
    case 'date':
      return {
        en: `\`${d('value')}\` is not a date \`YYYY-MM-DD\`. ${RESTORE.en}`,
        vi: `\`${d('value')}\` không phải ngày dạng \`YYYY-MM-DD\`. ${RESTORE.vi}`,
      };
    case 'event':
      return {
        en: `\`${d('value')}\` is not a release event: \`approved\` or \`obsolete\`. ${RESTORE.en}`,
        vi: `\`${d('value')}\` không phải sự kiện ban hành: \`approved\` hoặc \`obsolete\`. ${RESTORE.vi}`,
      };
    case 'fingerprint':
      return {
        en: `\`${d('value')}\` is not a fingerprint: \`sha256:\` followed by 64 lowercase hex digits. The line was edited by hand or cut short. ${RESTORE.en}`,
        vi: `\`${d('value')}\` không phải dấu vân tay: cần \`sha256:\` và 64 chữ số hex viết thường. Dòng đã bị sửa tay hoặc bị cắt cụt. ${RESTORE.vi}`,
      };
    case 'duplicate':
      return {
        en: `${d('code')} ${d('label')} is recorded as ${d('event')} twice (line ${d('other')} too): each release has one line. Delete the repeated line.`,
        vi: `${d('code')} ${d('label')} được ghi là ${d('event')} hai lần (cả dòng ${d('other')}): mỗi lần ban hành chỉ có một dòng. Hãy xóa dòng lặp.`,
      };
    case 'contradicts':
      return {
        en: `${d('code')} ${d('label')} is recorded as ${d('event')} twice with different dates or fingerprints (line ${d('other')} too): one of the lines is wrong. ${RESTORE.en}`,
        vi: `${d('code')} ${d('label')} được ghi là ${d('event')} hai lần với ngày hoặc dấu vân tay khác nhau (cả dòng ${d('other')}): một trong hai dòng bị sai. ${RESTORE.vi}`,
      };
  }
}

/** Line starts of a text, for 1-based line/column positions in UTF-16 code units. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function parseLock(rawText: string, file: string): ParsedLock {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const eol: ParsedLock['eol'] = text.includes('\r\n') ? '\r\n' : '\n';
  const starts = lineStartsOf(text);
  const entries: LockEntry[] = [];
  const findings: Finding[] = [];
  const range = (start: number, end: number): SourceRange => {
    const position = (offset: number) => {
      let line = 0;
      let hi = starts.length - 1;
      while (line < hi) {
        const mid = (line + hi + 1) >> 1;
        if (starts[mid]! <= offset) line = mid;
        else hi = mid - 1;
      }
      return { line: line + 1, column: offset - starts[line]! + 1, offset };
    };
    return { start: position(start), end: position(Math.max(start, end)) };
  };
  const report = (problem: Problem, start: number, end: number, data: Record<string, string | number> = {}) =>
    findings.push({ ruleId: LOCK_RULE_ID, severity: 'error', file, range: range(start, end), message: problemMessage(problem, data) });

  let sawFormat = false;
  let inConflict = false;
  let conflictReported = false;
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index]!;
    const next = index + 1 < starts.length ? starts[index + 1]! : text.length;
    const content = text.slice(start, next).replace(/\r?\n$/, '');
    const end = start + content.length;
    const marker = CONFLICT_MARKER.exec(content);
    if (marker) {
      // One finding per conflict, on its opening marker; the lines inside are still read.
      if (marker[1]!.startsWith('<')) {
        inConflict = true;
        conflictReported = true;
        report('conflict', start, end);
      } else if (!inConflict && !conflictReported) {
        conflictReported = true;
        report('conflict', start, end);
      }
      if (marker[1]!.startsWith('>')) inConflict = false;
      continue;
    }
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (!sawFormat) {
      sawFormat = true;
      const format = /^qms-lock[ \t]+(\d+)\s*$/.exec(trimmed);
      if (format && Number(format[1]) === LOCK_FORMAT) continue;
      if (format && Number(format[1]) > LOCK_FORMAT) {
        report('newerFormat', start, end, { format: format[1]! });
        // Lines of a format we do not know are not read: their meaning may differ.
        return { entries: [], findings, eol };
      }
      report('format', start, end, { found: trimmed.length > 60 ? trimmed.slice(0, 57) + '...' : trimmed });
      return { entries: [], findings, eol };
    }
    const entry = parseEntry(content, start, index + 1, report);
    if (entry) entries.push(entry);
  }
  if (!sawFormat && findings.length === 0) report('empty', 0, Math.min(text.length, 1));
  // Inside a conflict both sides' lines are present by nature: the conflict is the one finding.
  if (!conflictReported) checkDuplicates(entries, starts, text, report);
  return { entries, findings, eol };
}

function parseEntry(content: string, start: number, line: number, report: (problem: Problem, start: number, end: number, data?: Record<string, string | number>) => void): LockEntry | undefined {
  const fields: Array<{ value: string; start: number }> = [];
  const pattern = /\S+/g;
  for (const match of content.matchAll(pattern)) fields.push({ value: match[0], start: start + match.index! });
  const canonical = fields.map((f) => f.value).join(' ');
  if (fields.length !== 5 || content !== canonical) {
    // A record has exactly five fields, single-space separated, nothing before or after.
    report('fields', start, start + content.length, { count: fields.length });
    return undefined;
  }
  const [code, label, date, event, fingerprint] = fields as [typeof fields[0], typeof fields[0], typeof fields[0], typeof fields[0], typeof fields[0]];
  const bad = (problem: Problem, field: { value: string; start: number }) => {
    report(problem, field.start, field.start + field.value.length, { value: field.value });
    return undefined;
  };
  if (!CODE_PATTERN.test(code.value)) return bad('code', code);
  const version = parseVersionLabel(label.value);
  if (!version) return bad('version', label);
  if (!parseIsoDate(date.value)) return bad('date', date);
  if (!LOCK_EVENTS.includes(event.value as LockEvent)) return bad('event', event);
  if (!FINGERPRINT_PATTERN.test(fingerprint.value)) return bad('fingerprint', fingerprint);
  return { code: code.value, version, label: label.value, date: date.value, event: event.value as LockEvent, fingerprint: fingerprint.value, line };
}

function checkDuplicates(entries: LockEntry[], starts: number[], text: string, report: (problem: Problem, start: number, end: number, data?: Record<string, string | number>) => void): void {
  const seen = new Map<string, LockEntry>();
  for (const entry of entries) {
    const key = `${entry.code}|${entry.version.revision}|${entry.version.amendment ?? 0}|${entry.event}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, entry);
      continue;
    }
    const start = starts[entry.line - 1]!;
    const lineEnd = text.indexOf('\n', start);
    const end = (lineEnd === -1 ? text.length : lineEnd) - (text[lineEnd - 1] === '\r' ? 1 : 0);
    const same = first.date === entry.date && first.fingerprint === entry.fingerprint;
    report(same ? 'duplicate' : 'contradicts', start, end, { code: entry.code, label: entry.label, event: entry.event, other: first.line });
  }
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** Newest first: higher version, then `obsolete` above `approved`, then the later date. */
export function compareEntries(a: Pick<LockEntry, 'code' | 'version' | 'event' | 'date'>, b: Pick<LockEntry, 'code' | 'version' | 'event' | 'date'>): number {
  if (a.code !== b.code) return compareCodePoints(a.code, b.code);
  return (
    compareVersions(b.version, a.version) ||
    (a.event === b.event ? 0 : a.event === 'obsolete' ? -1 : 1) ||
    (a.date === b.date ? 0 : a.date > b.date ? -1 : 1)
  );
}

/** A document's records, newest first. */
export function entriesFor(lock: Pick<ParsedLock, 'entries'>, code: string): LockEntry[] {
  return lock.entries.filter((e) => e.code === code).sort(compareEntries);
}

/** The record of a document's release at a version (`approved`), or of its withdrawal. */
export function entryFor(lock: Pick<ParsedLock, 'entries'>, code: string, version: DocumentVersion, event: LockEvent = 'approved'): LockEntry | undefined {
  return entriesFor(lock, code).find((e) => e.event === event && sameVersion(e.version, version));
}

/** The newest `approved` record of a document: its last release. */
export function lastRelease(lock: Pick<ParsedLock, 'entries'>, code: string): LockEntry | undefined {
  return entriesFor(lock, code).find((e) => e.event === 'approved');
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

export const LOCK_HEADER = [
  '# qms.lock: the releases of this QMS workspace, written by QMS Kit (qmskit release, qmskit obsolete,',
  '# qmskit lock). Commit it; do not edit it by hand. One line per release, newest first:',
  '# <code> <version> <effective date> <approved|obsolete> <fingerprint of the released content>.',
  '# Released copies are kept under .qms/released/. See docs/change-control.md.',
];

export type NewLockEntry = Omit<LockEntry, 'line'>;

export function formatEntry(entry: NewLockEntry): string {
  return `${entry.code} ${entry.label} ${entry.date} ${entry.event} ${entry.fingerprint}`;
}

/** A whole lock file for these records (a new lock). */
export function formatLock(entries: readonly NewLockEntry[], eol: '\n' | '\r\n' = '\n'): string {
  const lines = [...LOCK_HEADER, LOCK_FORMAT_LINE];
  const sorted = [...entries].sort(compareEntries);
  let previous: string | undefined;
  for (const entry of sorted) {
    if (entry.code !== previous) lines.push('');
    lines.push(formatEntry(entry));
    previous = entry.code;
  }
  return lines.join(eol) + eol;
}

/**
 * The edit that adds one record to a lock at its sorted place, everything else kept byte for byte
 * (comments, spacing, the order of other lines): the smallest diff, and the one that merges.
 * `text` is without BOM. Throws on a lock with problems: it is never written over.
 */
export function lockInsertion(text: string, entry: NewLockEntry, file = LOCK_FILE_NAME): TextEdit {
  const parsed = parseLock(text, file);
  if (parsed.findings.length > 0) throw new Error(`${file} has problems; it is not written over`);
  const { eol } = parsed;
  const starts = lineStartsOf(text);
  const line = formatEntry(entry);
  const own = parsed.entries.filter((e) => e.code === entry.code);
  const before = (lineNumber: number, newText: string): TextEdit => ({ start: starts[lineNumber - 1]!, end: starts[lineNumber - 1]!, newText });
  const atEnd = (newText: string): TextEdit => ({ start: text.length, end: text.length, newText });
  if (own.length > 0) {
    const after = own.filter((e) => compareEntries(entry, e) < 0).sort((a, b) => a.line - b.line)[0];
    if (after) return before(after.line, line + eol);
    const last = own.reduce((a, b) => (b.line > a.line ? b : a));
    return starts.length > last.line ? before(last.line + 1, line + eol) : atEnd(eol + line + eol);
  }
  const following = parsed.entries.filter((e) => compareCodePoints(e.code, entry.code) > 0).sort((a, b) => a.line - b.line)[0];
  if (following) return before(following.line, line + eol + eol);
  // Last in the file: after a blank line, whatever line breaks the file ends with.
  const trailing = /(\r?\n)*$/.exec(text)![0];
  const breaks = trailing.split('\n').length - 1;
  const prefix = breaks >= 2 ? '' : breaks === 1 ? eol : eol + eol;
  return atEnd(prefix + line + eol);
}

/** The lock text with one record added (see `lockInsertion`). */
export function insertLockEntry(text: string, entry: NewLockEntry, file = LOCK_FILE_NAME): string {
  const edit = lockInsertion(text, entry, file);
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

// ---------------------------------------------------------------------------------------------
// Released copies
// ---------------------------------------------------------------------------------------------

/** `QT-BCHQS-06@r2.yaml`; a `/` in a code (allowed by the format) becomes `_`, which codes never hold. */
export function snapshotName(code: string, label: string): string {
  return `${code.replace(/\//g, '_')}@${label}.yaml`;
}

/** The released copy of a record, relative to the workspace root, with `/` separators. */
export function snapshotRelativePath(entry: Pick<LockEntry, 'code' | 'label'>): string {
  return `${RELEASED_DIR}/${snapshotName(entry.code, entry.label)}`;
}

export function snapshotPath(root: string, entry: Pick<LockEntry, 'code' | 'label'>): string {
  return path.join(root, ...snapshotRelativePath(entry).split('/'));
}

export function snapshotKey(entry: Pick<LockEntry, 'code' | 'label'>): string {
  return `${entry.code}@${entry.label}`;
}

/** The released copy of a record: from the workspace when it was read with it, else from disk. */
export async function readSnapshot(fs: FileSystem, root: string, lock: WorkspaceLock | undefined, entry: LockEntry): Promise<string | undefined> {
  const known = lock?.snapshots.get(snapshotKey(entry));
  if (known !== undefined) return known;
  try {
    return await fs.readFile(snapshotPath(root, entry));
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Loading with the workspace
// ---------------------------------------------------------------------------------------------

export function lockPathOf(root: string): string {
  return path.join(root, LOCK_FILE_NAME);
}

/**
 * Reads `qms.lock` at the root, when there is one, and the released copy of each document's last
 * release. Its findings are added to `findings` (the workspace's, shown on the lock file). A
 * missing released copy is not a finding: the fingerprint is what counts; the copy only lets a
 * message say what changed.
 */
export async function loadWorkspaceLock(
  fs: FileSystem,
  root: string,
  options: { overlays?: ReadonlyMap<string, string> },
  findings: Finding[],
): Promise<WorkspaceLock | undefined> {
  const file = lockPathOf(root);
  let raw = options.overlays?.get(file);
  if (raw === undefined) {
    if (!(await fs.exists(file))) return undefined;
    try {
      raw = await fs.readFile(file);
    } catch (error) {
      const zero = { line: 1, column: 1, offset: 0 };
      findings.push({
        ruleId: LOCK_RULE_ID,
        severity: 'error',
        file,
        range: { start: zero, end: zero },
        message: {
          en: `qms.lock could not be read (${error instanceof Error ? error.message : String(error)}). Check that it is a readable file.`,
          vi: `Không đọc được qms.lock (${error instanceof Error ? error.message : String(error)}). Hãy kiểm tra tệp có đọc được không.`,
        },
      });
      return { path: file, text: '', entries: [], findings: findings.slice(-1), eol: '\n', valid: false, snapshots: new Map() };
    }
  }
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const parsed = parseLock(text, file);
  findings.push(...parsed.findings);
  const lock: WorkspaceLock = { ...parsed, path: file, text, valid: parsed.findings.length === 0, snapshots: new Map() };
  if (lock.valid) {
    const latest = new Map<string, LockEntry>();
    for (const entry of lock.entries) {
      if (entry.event !== 'approved') continue;
      const known = latest.get(entry.code);
      if (!known || compareEntries(entry, known) < 0) latest.set(entry.code, entry);
    }
    await Promise.all(
      [...latest.values()].map(async (entry) => {
        const overlay = options.overlays?.get(snapshotPath(root, entry));
        if (overlay !== undefined) {
          lock.snapshots.set(snapshotKey(entry), overlay);
          return;
        }
        try {
          lock.snapshots.set(snapshotKey(entry), await fs.readFile(snapshotPath(root, entry)));
        } catch {
          // No released copy: messages say so; nothing else depends on it.
        }
      }),
    );
  }
  return lock;
}
