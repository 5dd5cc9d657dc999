import * as path from 'node:path';
import { LOCALES, type Locale } from '../../core/findings';
import { starterFiles } from '../../core/scaffold/starter';
import { parseArgs, oneOf } from '../args';
import { RunError } from '../errors';
import { EXIT_OK, type CliParams } from '../context';

export const INIT_USAGE = `Usage: qmskit init [folder] [--locale vi|en]

Creates a starter QMS workspace (qms.yaml, one process, one draft procedure) that lints clean.
Refuses to overwrite an existing qms.yaml.`;

export async function initCommand(params: CliParams, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { booleans: ['help'], values: ['locale'] });
  if (args.options.has('help')) {
    params.stdout(INIT_USAGE + '\n');
    return EXIT_OK;
  }
  const locale: Locale = oneOf(args.options.get('locale'), LOCALES, 'locale', params.defaultLocale);
  const folder = path.resolve(params.cwd, args.positionals[0] ?? '.');
  const files = starterFiles(locale);
  for (const relative of Object.keys(files)) {
    if (await params.fs.exists(path.join(folder, relative))) {
      throw new RunError(`${path.join(path.relative(params.cwd, folder) || '.', relative)} already exists; nothing was written. Choose an empty folder.`);
    }
  }
  for (const [relative, text] of Object.entries(files)) await params.fs.writeFile(path.join(folder, relative), text);
  const shown = path.relative(params.cwd, folder) || '.';
  params.stdout(
    locale === 'vi'
      ? `Đã tạo không gian làm việc QMS trong ${shown}:\n${Object.keys(files).map((f) => `  ${f}`).join('\n')}\nTiếp theo: qmskit lint ${shown}\n`
      : `Created a QMS workspace in ${shown}:\n${Object.keys(files).map((f) => `  ${f}`).join('\n')}\nNext: qmskit lint ${shown}\n`,
  );
  return EXIT_OK;
}
