import { recordDocuments } from '../../core/change/release';
import { parseArgs } from '../args';
import { UsageError } from '../errors';
import { EXIT_FINDINGS, EXIT_OK, type CliParams } from '../context';
import { changeControl, localeOf, shown, workspaceRootOf } from './change-support';

export const LOCK_USAGE = `Usage: qmskit lock [folder] (--record-all | --record CODE[,CODE…]) [--locale en|vi]

Records approved documents in qms.lock as released at their current revision, content and
effective date, with a released copy under .qms/released/, without editing them: how a workspace
starts using change control, and how a revision approved by hand is recorded. Creates qms.lock when
there is none. A document already recorded at its revision with other content is refused: that is
a change, released with \`qmskit release\`.

Options:
  --record-all         every approved document not yet recorded
  --record CODE,…      these documents
Exit code: 0 done, 1 some documents were refused, 2 failed (nothing written).`;

export async function lockCommand(params: CliParams, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { booleans: ['help', 'record-all'], values: ['record', 'locale'] });
  if (args.options.has('help')) {
    params.stdout(LOCK_USAGE + '\n');
    return EXIT_OK;
  }
  const locale = localeOf(params, args);
  const [folder, ...extra] = args.positionals;
  if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
  const record = args.options.get('record');
  if (record === true) throw new UsageError('--record needs a code');
  if (!args.options.has('record-all') && record === undefined) throw new UsageError('say what to record: --record-all or --record CODE');
  if (args.options.has('record-all') && record !== undefined) throw new UsageError('--record-all and --record cannot be used together');
  const codes = record === undefined ? 'all' : record.split(',').map((c) => c.trim()).filter(Boolean);
  const root = await workspaceRootOf(params, folder);
  const { plan, written } = await changeControl(locale, () => recordDocuments(params.fs, root, codes, { today: params.today }));
  const vi = locale === 'vi';
  const lines: string[] = [];
  for (const entry of plan.recorded) lines.push(`${vi ? 'đã ghi' : 'recorded'}  ${entry.code} ${entry.label} ${entry.date}`);
  for (const code of plan.unchanged) lines.push(`${vi ? 'đã có' : 'already'}   ${code}`);
  for (const { code, reason } of plan.refused) lines.push(`${vi ? 'từ chối' : 'refused'}   ${code}: ${reason[locale]}`);
  if (written.length) lines.push(vi ? `Đã ghi ${written.length} tệp, gồm ${shown(params, written[written.length - 1]!)}.` : `Wrote ${written.length} file(s), including ${shown(params, written[written.length - 1]!)}.`);
  else lines.push(vi ? 'Không có gì để ghi.' : 'Nothing to record.');
  params.stdout(lines.join('\n') + '\n');
  return plan.refused.length ? EXIT_FINDINGS : EXIT_OK;
}
