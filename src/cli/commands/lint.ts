import * as path from 'node:path';
import { LOCALES, type Finding, type Locale } from '../../core/findings';
import { isQmsFile, findWorkspaceRoot } from '../../core/model/discover';
import { lintAndFix } from '../../core/lint/run';
import { lintInParallel } from '../parallel-lint';
import { parseArgs, oneOf } from '../args';
import { RunError, UsageError } from '../errors';
import { EXIT_FINDINGS, EXIT_OK, type CliParams } from '../context';
import { FORMATTERS, FORMAT_NAMES } from '../formatters';
import { TOOL_VERSION } from '../version';

export const LINT_USAGE = `Usage: qmskit lint [folder-or-files…] [options]

Checks qms.yaml and *.qms.yaml files against the schema and every lint rule.

Options:
  --format stylish|json|sarif|codeframe   output format (default: stylish)
  --locale en|vi                          language of messages
  --fix                                   apply safe fixes, then lint again
  --quiet                                 report errors only
  --max-warnings N                        exit 1 when there are more than N warnings
Exit code: 0 no errors, 1 errors found, 2 the run failed.`;

interface Target {
  root: string;
  /** undefined: every file of the workspace. */
  files: Set<string> | undefined;
}

export async function lintCommand(params: CliParams, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { booleans: ['fix', 'quiet', 'help'], values: ['format', 'locale', 'max-warnings'] });
  if (args.options.has('help')) {
    params.stdout(LINT_USAGE + '\n');
    return EXIT_OK;
  }
  const format = oneOf(args.options.get('format'), FORMAT_NAMES, 'format', 'stylish');
  const locale: Locale = oneOf(args.options.get('locale'), LOCALES, 'locale', params.defaultLocale);
  const maxWarningsOption = args.options.get('max-warnings');
  const maxWarnings = maxWarningsOption === undefined ? Infinity : Number(maxWarningsOption);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) throw new UsageError('--max-warnings needs a whole number');

  const targets = await resolveTargets(params, args.positionals.length ? args.positionals : ['.']);
  const findings: Finding[] = [];
  const sources = new Map<string, string>();
  const lintOptions = { today: params.today };
  for (const target of targets) {
    if (args.options.has('fix')) {
      const result = await lintAndFix(params.fs, target.root, { ...lintOptions, only: target.files });
      for (const [file, count] of result.fixedFiles) params.stderr(`fixed ${count} problem(s) in ${path.relative(params.cwd, file)}\n`);
      findings.push(...result.findings);
      for (const file of result.workspace.files) sources.set(file.path, file.parsed.text);
    } else {
      // On every core for a large workspace; on this thread for a small one or without a worker script.
      const result = await lintInParallel(params.fs, target.root, { ...lintOptions, only: target.files }, params.workerScript, params.threads);
      findings.push(...result.findings);
      for (const [file, text] of result.sources) sources.set(file, text);
    }
  }
  const shown = args.options.has('quiet') ? findings.filter((f) => f.severity === 'error') : findings;
  params.stdout(FORMATTERS[format]({ findings: shown, sources, locale, cwd: params.cwd, toolVersion: TOOL_VERSION }));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return errors > 0 || warnings > maxWarnings ? EXIT_FINDINGS : EXIT_OK;
}

/** Folders are workspaces; files are linted within the workspace that holds them. */
async function resolveTargets(params: CliParams, inputs: readonly string[]): Promise<Target[]> {
  const byRoot = new Map<string, Target>();
  for (const input of inputs) {
    const absolute = path.resolve(params.cwd, input);
    let isDirectory: boolean;
    try {
      isDirectory = await isFolder(params, absolute);
    } catch {
      throw new RunError(`cannot read ${input}: no such file or folder.`);
    }
    if (isDirectory) {
      byRoot.set(absolute, { root: absolute, files: undefined });
      continue;
    }
    if (!isQmsFile(absolute)) {
      throw new RunError(`${input} is not a QMS file: only qms.yaml and *.qms.yaml files are linted.`);
    }
    const root = (await findWorkspaceRoot(params.fs, path.dirname(absolute))) ?? path.dirname(absolute);
    const existing = byRoot.get(root);
    if (existing?.files === undefined && existing) continue;
    const target = existing ?? { root, files: new Set<string>() };
    target.files!.add(absolute);
    byRoot.set(root, target);
  }
  return [...byRoot.values()];
}

async function isFolder(params: CliParams, absolute: string): Promise<boolean> {
  try {
    await params.fs.readDirectory(absolute);
    return true;
  } catch (error) {
    if (await params.fs.exists(absolute)) return false;
    throw error;
  }
}

