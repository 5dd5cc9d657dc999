import { formatDiff } from '../../core/change/diff';
import { compareWithRelease } from '../../core/change/compare';
import { describeVersion } from '../../core/change/lock';
import { findControlledDocument } from '../../core/change/release';
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
  const comparison = await compareWithRelease(params.fs, root, workspace.lock, file.model);
  if (!comparison.ok) {
    // Nothing released yet is an answer, not a failure; a damaged lock or copy is.
    if (comparison.problem === 'no-lock' || comparison.problem === 'not-released') {
      params.stdout(comparison.message[locale] + '\n');
      return EXIT_OK;
    }
    throw new RunError(comparison.message[locale]);
  }
  const { entry, diff } = comparison;
  const released = describeVersion(entry.version)[locale];
  const title = typeof (file.model as { title?: unknown }).title === 'string' ? ` (${(file.model as { title: string }).title})` : '';
  const header = vi ? `${code}${title}: bản đang sửa so với ${released} ban hành ngày ${entry.date}` : `${code}${title}: working copy against ${released}, released ${entry.date}`;
  params.stdout([header, ...formatDiff(diff, locale)].join('\n') + '\n');
  return EXIT_OK;
}
