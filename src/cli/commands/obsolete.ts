import { obsoleteDocument } from '../../core/change/release';
import { describeVersion } from '../../core/change/lock';
import { parseArgs } from '../args';
import { UsageError } from '../errors';
import { EXIT_OK, type CliParams } from '../context';
import { changeControl, dateOption, localeOf, shown, workspaceRootOf } from './change-support';

export const OBSOLETE_USAGE = `Usage: qmskit obsolete <code> [folder] [--date YYYY-MM-DD] [--locale en|vi]

Marks an approved procedure or document obsolete (withdrawn): sets \`status: obsolete\` and records
the withdrawal in qms.lock. The released content is kept under .qms/released/.
Exit code: 0 done, 2 refused or failed (nothing written).`;

export async function obsoleteCommand(params: CliParams, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { booleans: ['help'], values: ['date', 'locale'] });
  if (args.options.has('help')) {
    params.stdout(OBSOLETE_USAGE + '\n');
    return EXIT_OK;
  }
  const locale = localeOf(params, args);
  const [code, folder, ...extra] = args.positionals;
  if (!code) throw new UsageError('give the code of the document to make obsolete');
  if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
  const date = dateOption(args, 'date');
  const root = await workspaceRootOf(params, folder);
  const { plan } = await changeControl(locale, () => obsoleteDocument(params.fs, root, code, { today: params.today, date }));
  const version = describeVersion(plan.version)[locale];
  params.stdout(
    locale === 'vi'
      ? `Đã đánh dấu hết hiệu lực ${plan.code} ${version} từ ngày ${plan.date}.\n  ${shown(params, plan.file)}\n  ${shown(params, plan.lockPath)}\n`
      : `Marked ${plan.code} ${version} obsolete as of ${plan.date}.\n  ${shown(params, plan.file)}\n  ${shown(params, plan.lockPath)}\n`,
  );
  return EXIT_OK;
}
