import { releaseDocument, type Counter } from '../../core/change/release';
import { describeVersion } from '../../core/change/lock';
import { parseArgs } from '../args';
import { UsageError } from '../errors';
import { EXIT_OK, type CliParams } from '../context';
import { changeControl, dateOption, localeOf, shown, workspaceRootOf } from './change-support';

export const RELEASE_USAGE = `Usage: qmskit release <code> [folder] --summary "…" [options]

Releases a new revision of an approved procedure or document: checks that it lints without errors,
raises \`revision\` (or \`amendment\`), sets \`effective\` and the approval dates, adds the \`history\`
entry, sets \`status: approved\`, and records the release in qms.lock with a released copy under
.qms/released/. A draft whose revision was already raised by hand is released as it stands.
Only those fields are edited; comments and layout elsewhere are kept.

Options:
  --summary "…"        what changed (the history entry); needed unless the history has it already
  --date YYYY-MM-DD    effective date of the release (default: today)
  --amendment          raise \`amendment\` (Lần sửa đổi) instead of \`revision\`
  --revision           raise \`revision\` (Lần ban hành), whatever \`release.counter\` in qms.yaml says
  --force              release a new revision even when nothing changed since the last release
  --locale en|vi       language of messages
Exit code: 0 released, 2 refused or failed (nothing written).`;

export async function releaseCommand(params: CliParams, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { booleans: ['help', 'amendment', 'revision', 'force'], values: ['summary', 'date', 'locale'] });
  if (args.options.has('help')) {
    params.stdout(RELEASE_USAGE + '\n');
    return EXIT_OK;
  }
  const locale = localeOf(params, args);
  const [code, folder, ...extra] = args.positionals;
  if (!code) throw new UsageError('give the code of the document to release');
  if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
  if (args.options.has('amendment') && args.options.has('revision')) throw new UsageError('--amendment and --revision cannot be used together');
  const summary = args.options.get('summary');
  if (summary === true) throw new UsageError('--summary needs a value');
  const counter: Counter | undefined = args.options.has('amendment') ? 'amendment' : args.options.has('revision') ? 'revision' : undefined;
  const date = dateOption(args, 'date');
  const root = await workspaceRootOf(params, folder);
  const { plan } = await changeControl(locale, () => releaseDocument(params.fs, root, code, { today: params.today, summary, date, counter, force: args.options.has('force') }));
  const version = describeVersion(plan.version)[locale];
  params.stdout(
    locale === 'vi'
      ? `Đã ban hành ${plan.code} ${version} (hiệu lực ${plan.date}).\n  ${shown(params, plan.file)}\n  ${shown(params, plan.lockPath)}: ${plan.code} ${plan.label} ${plan.date} ${plan.fingerprint.slice(0, 19)}…\n`
      : `Released ${plan.code} ${version} (effective ${plan.date}).\n  ${shown(params, plan.file)}\n  ${shown(params, plan.lockPath)}: ${plan.code} ${plan.label} ${plan.date} ${plan.fingerprint.slice(0, 19)}…\n`,
  );
  if (plan.writes.find((w) => w.path === plan.lockPath)?.previous === undefined) {
    params.stdout(
      locale === 'vi'
        ? `Đã tạo ${shown(params, plan.lockPath)}: hãy ghi nhận các tài liệu đã phê duyệt khác bằng \`qmskit lock --record-all\`.\n`
        : `Created ${shown(params, plan.lockPath)}: record the other approved documents with \`qmskit lock --record-all\`.\n`,
    );
  }
  return EXIT_OK;
}
