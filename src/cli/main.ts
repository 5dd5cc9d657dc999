import { lintCommand, LINT_USAGE } from './commands/lint';
import { RunError, UsageError } from './errors';
import { initCommand, INIT_USAGE } from './commands/init';
import { generateCommand, GENERATE_USAGE } from './commands/generate';
import { releaseCommand, RELEASE_USAGE } from './commands/release';
import { obsoleteCommand, OBSOLETE_USAGE } from './commands/obsolete';
import { lockCommand, LOCK_USAGE } from './commands/lock';
import { statusCommand, STATUS_USAGE } from './commands/status';
import { diffCommand, DIFF_USAGE } from './commands/diff';
import { EXIT_FAILED, EXIT_OK, type CliParams } from './context';
import { TOOL_VERSION } from './version';

export type { CliParams } from './context';

const COMMANDS: Record<string, { run: (params: CliParams, argv: readonly string[]) => Promise<number>; usage: string }> = {
  lint: { run: lintCommand, usage: LINT_USAGE },
  init: { run: initCommand, usage: INIT_USAGE },
  generate: { run: generateCommand, usage: GENERATE_USAGE },
  status: { run: statusCommand, usage: STATUS_USAGE },
  diff: { run: diffCommand, usage: DIFF_USAGE },
  release: { run: releaseCommand, usage: RELEASE_USAGE },
  obsolete: { run: obsoleteCommand, usage: OBSOLETE_USAGE },
  lock: { run: lockCommand, usage: LOCK_USAGE },
};

export const USAGE = `QMS Kit ${TOOL_VERSION} — ISO 9001 processes and controlled documents as YAML

Usage: qmskit <command> [options]

Commands:
  init [folder] [--locale vi|en]   create a starter workspace that lints clean
  lint [folder-or-files…]          check files against the schema and the lint rules
  generate [folder]                issue the controlled documents (HTML, Markdown) into the output folder
  status [folder]                  list controlled documents: revision, dates, changed since release
  diff <code> [folder]             show what changed since the last release (steps, sections)
  release <code> --summary "…"     release a new revision and record it in qms.lock
  obsolete <code> [--date]         mark a document obsolete and record it in qms.lock
  lock --record-all                record approved documents in qms.lock (adopt change control)

Run \`qmskit <command> --help\` for a command's options.`;

/** The whole CLI as a function: arguments in, exit code out (0 ok, 1 findings, 2 failed). */
export async function main(params: CliParams): Promise<number> {
  const [command, ...rest] = params.argv;
  if (!command || command === '--help' || command === 'help') {
    params.stdout(USAGE + '\n');
    return command ? EXIT_OK : EXIT_FAILED;
  }
  if (command === '--version') {
    params.stdout(TOOL_VERSION + '\n');
    return EXIT_OK;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    params.stderr(`qmskit: unknown command "${command}".\n\n${USAGE}\n`);
    return EXIT_FAILED;
  }
  try {
    return await entry.run(params, rest);
  } catch (error) {
    if (error instanceof UsageError) {
      params.stderr(`qmskit ${command}: ${error.message}\n\n${entry.usage}\n`);
      return EXIT_FAILED;
    }
    if (error instanceof RunError) {
      params.stderr(`qmskit ${command}: ${error.message}\n`);
      return EXIT_FAILED;
    }
    params.stderr(`qmskit ${command}: unexpected failure: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
}
