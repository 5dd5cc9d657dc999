import * as path from 'node:path';
import { controlledDocumentStatuses, type ControlledDocumentStatus } from '../../core/change/state';
import { versionLabel } from '../../core/change/lock';
import { loadWorkspace } from '../../core/model/workspace';
import type { Locale } from '../../core/findings';
import { oneOf, parseArgs } from '../args';
import { UsageError } from '../errors';
import { EXIT_OK, type CliParams } from '../context';
import { localeOf, workspaceRootOf } from './change-support';

export const STATUS_USAGE = `Usage: qmskit status [folder] [--format table|json] [--locale en|vi]

Lists every controlled procedure and document (the master list): code, title, status, revision
(and amendment), effective date, next periodic review, and whether it changed since its release
recorded in qms.lock.
Exit code: 0 (the list is information; \`qmskit lint\` is the check).`;

const FORMATS = ['table', 'json'] as const;

type ReleaseColumn = 'released' | 'changed' | 'not-recorded' | 'unreleased' | 'withdrawn' | 'no-lock' | 'lock-invalid' | 'unknown';

/** One word for where a document stands against qms.lock. */
export function releaseColumn(row: ControlledDocumentStatus): ReleaseColumn {
  const { release } = row;
  if (release.state === 'untracked') return 'no-lock';
  if (release.state === 'lock-invalid') return 'lock-invalid';
  if (row.withdrawn) return 'withdrawn';
  if (release.state === 'unchanged') return 'released';
  if (release.state === 'changed') return 'changed';
  if (release.state === 'unrecorded') return row.status === 'approved' ? 'not-recorded' : 'unreleased';
  return 'unknown';
}

const RELEASE_WORDS: Record<Locale, Record<ReleaseColumn, string>> = {
  en: {
    released: 'released',
    changed: 'CHANGED since release',
    'not-recorded': 'not recorded',
    unreleased: 'not released',
    withdrawn: 'withdrawn',
    'no-lock': '—',
    'lock-invalid': 'qms.lock invalid',
    unknown: '?',
  },
  vi: {
    released: 'đã ban hành',
    changed: 'ĐÃ SỬA sau ban hành',
    'not-recorded': 'chưa ghi nhận',
    unreleased: 'chưa ban hành',
    withdrawn: 'đã thu hồi',
    'no-lock': '—',
    'lock-invalid': 'qms.lock lỗi',
    unknown: '?',
  },
};

const HEADERS: Record<Locale, string[]> = {
  en: ['Code', 'Title', 'Status', 'Rev.', 'Effective', 'Next review', 'Change control'],
  vi: ['Mã', 'Tên', 'Trạng thái', 'Lần BH', 'Hiệu lực', 'Xem xét tới', 'Kiểm soát thay đổi'],
};

const MAX_TITLE = 50;

function clip(text: string, width: number): string {
  const chars = [...text];
  return chars.length > width ? chars.slice(0, width - 1).join('') + '…' : text;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

function table(rows: ControlledDocumentStatus[], locale: Locale, today: string): string {
  if (rows.length === 0) return locale === 'vi' ? 'Không có quy trình hoặc tài liệu nào.\n' : 'No procedures or documents.\n';
  const overdue = locale === 'vi' ? ' (quá hạn)' : ' (overdue)';
  const cells = rows.map((row) => [
    row.code,
    clip(row.title ?? '', MAX_TITLE),
    row.status ?? '?',
    row.version ? versionLabel(row.version) : '?',
    row.effective ?? '—',
    row.nextReview ? row.nextReview + (row.reviewOverdue ? overdue : '') : '—',
    RELEASE_WORDS[locale][releaseColumn(row)],
  ]);
  const all = [HEADERS[locale], ...cells];
  const widths = HEADERS[locale].map((_, i) => Math.max(...all.map((r) => [...r[i]!].length)));
  const line = (r: string[]) => r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i]!))).join('  ').trimEnd();
  const changed = rows.filter((r) => releaseColumn(r) === 'changed').length;
  const footer =
    locale === 'vi'
      ? `${rows.length} tài liệu; ${changed} đã sửa sau ban hành (ngày ${today}).`
      : `${rows.length} document${rows.length === 1 ? '' : 's'}; ${changed} changed since release (as of ${today}).`;
  return [line(HEADERS[locale]), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line), '', footer].join('\n') + '\n';
}

function json(rows: ControlledDocumentStatus[], root: string): string {
  return (
    JSON.stringify(
      rows.map((row) => ({
        code: row.code,
        title: row.title ?? null,
        kind: row.kind,
        file: path.relative(root, row.file).split(path.sep).join('/'),
        status: row.status ?? null,
        revision: row.version?.revision ?? null,
        amendment: row.version?.amendment ?? null,
        version: row.version ? versionLabel(row.version) : null,
        effective: row.effective ?? null,
        nextReview: row.nextReview ?? null,
        reviewOverdue: row.reviewOverdue,
        changeControl: releaseColumn(row),
        changedSinceRelease: row.release.changedSinceRelease ?? null,
        fingerprint: row.release.fingerprint ?? null,
        lastRelease: row.release.last ? { version: row.release.last.label, date: row.release.last.date, fingerprint: row.release.last.fingerprint } : null,
      })),
      null,
      2,
    ) + '\n'
  );
}

export async function statusCommand(params: CliParams, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { booleans: ['help'], values: ['format', 'locale'] });
  if (args.options.has('help')) {
    params.stdout(STATUS_USAGE + '\n');
    return EXIT_OK;
  }
  const locale = localeOf(params, args);
  const format = oneOf(args.options.get('format'), FORMATS, 'format', 'table');
  const [folder, ...extra] = args.positionals;
  if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
  const root = await workspaceRootOf(params, folder);
  const workspace = await loadWorkspace(params.fs, root);
  const rows = controlledDocumentStatuses(workspace, params.today);
  params.stdout(format === 'json' ? json(rows, root) : table(rows, locale, params.today));
  return EXIT_OK;
}
