import { formatDiff } from '../../core/change/diff';
import { describeVersion, documentVersion, entryFor, lastRelease, readSnapshot } from '../../core/change/lock';
import { findControlledDocument } from '../../core/change/release';
import { diffSinceRelease } from '../../core/change/state';
import { loadWorkspace } from '../../core/model/workspace';
import { parseArgs } from '../args';
import { RunError, UsageError } from '../errors';
import { EXIT_OK, type CliParams } from '../context';
import { changeControl, localeOf, workspaceRootOf } from './change-support';

export const DIFF_USAGE = `Usage: qmskit diff <code> [folder] [--locale en|vi]

Shows what changed in a procedure or document since its last release recorded in qms.lock: steps
added (+), removed (-) and changed (~, with each field's old → new value: role, duration, next…),
forms, records, and the other sections. Compares with the released copy under .qms/released/.
Exit code: 0 (changes are not an error here; \`qmskit lint\` is the check), 2 the run failed.`;

export async function diffCommand(params: CliParams, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { booleans: ['help'], values: ['locale'] });
  if (args.options.has('help')) {
    params.stdout(DIFF_USAGE + '\n');
    return EXIT_OK;
  }
  const locale = localeOf(params, args);
  const vi = locale === 'vi';
  const [code, folder, ...extra] = args.positionals;
  if (!code) throw new UsageError('give the code of the document to compare');
  if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
  const root = await workspaceRootOf(params, folder);
  const workspace = await loadWorkspace(params.fs, root);
  const file = await changeControl(locale, async () => findControlledDocument(workspace, code));
  const lock = workspace.lock;
  if (!lock) {
    params.stdout(vi ? `Không gian làm việc chưa có qms.lock: chưa có lần ban hành nào để so sánh với ${code}.\n` : `This workspace has no qms.lock: there is no release to compare ${code} with.\n`);
    return EXIT_OK;
  }
  if (!lock.valid) throw new RunError(vi ? 'qms.lock đang có lỗi (xem `qmskit lint`): hãy sửa trước.' : 'qms.lock has problems (see `qmskit lint`): repair it first.');
  const version = documentVersion(file.model);
  const entry = (version && entryFor(lock, code, version)) || lastRelease(lock, code);
  if (!entry) {
    params.stdout(vi ? `${code} chưa có lần ban hành nào được ghi trong qms.lock: không có gì để so sánh.\n` : `${code} has no release recorded in qms.lock: nothing to compare with.\n`);
    return EXIT_OK;
  }
  const text = await readSnapshot(params.fs, root, lock, entry);
  const { copy, diff } = diffSinceRelease(lock, entry, file.model, text);
  if (!diff) {
    const why = {
      missing: vi ? 'không tìm thấy' : 'is missing',
      unreadable: vi ? 'không đọc được' : 'cannot be read',
      mismatch: vi ? 'không khớp với dấu vân tay trong qms.lock' : 'does not match its fingerprint in qms.lock',
      ok: '',
    }[copy.state];
    throw new RunError(vi ? `bản lưu khi ban hành ${copy.relativePath} ${why}: không thể so sánh.` : `the released copy ${copy.relativePath} ${why}: cannot compare.`);
  }
  const released = describeVersion(entry.version)[locale];
  const title = typeof (file.model as { title?: unknown }).title === 'string' ? ` (${(file.model as { title: string }).title})` : '';
  const header = vi ? `${code}${title}: bản đang sửa so với ${released} ban hành ngày ${entry.date}` : `${code}${title}: working copy against ${released}, released ${entry.date}`;
  params.stdout([header, ...formatDiff(diff, locale)].join('\n') + '\n');
  return EXIT_OK;
}
