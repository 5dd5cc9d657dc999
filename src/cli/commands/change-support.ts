import * as path from 'node:path';
import { LOCALES, type Locale } from '../../core/findings';
import { ChangeControlError } from '../../core/change/release';
import { findWorkspaceRoot } from '../../core/model/discover';
import { oneOf, type ParsedArgs } from '../args';
import { RunError } from '../errors';
import type { CliParams } from '../context';

/** What the change-control commands (release, obsolete, lock, status, diff) share. */

export function localeOf(params: CliParams, args: ParsedArgs): Locale {
  return oneOf(args.options.get('locale'), LOCALES, 'locale', params.defaultLocale);
}

/** The workspace holding `folder` (default: the current folder): the nearest folder at or above it with a qms.yaml. */
export async function workspaceRootOf(params: CliParams, folder: string | undefined): Promise<string> {
  const start = path.resolve(params.cwd, folder ?? '.');
  const root = await findWorkspaceRoot(params.fs, start);
  if (!root) throw new RunError(`no qms.yaml in ${path.relative(params.cwd, start) || '.'} or any folder above it: run the command inside a QMS workspace, or name its folder.`);
  return root;
}

/** A value option that must be a date. */
export function dateOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  if (value === undefined) return undefined;
  if (value === true || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RunError(`--${name} needs a date written YYYY-MM-DD`);
  return value;
}

/** Runs a change-control operation, turning its refusal into the CLI's run error (exit 2) in the user's language. */
export async function changeControl<T>(locale: Locale, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ChangeControlError) {
      throw new RunError([error.text[locale], ...error.details.map((line) => `  ${line}`)].join('\n'));
    }
    throw error;
  }
}

export function shown(params: CliParams, file: string): string {
  return path.relative(params.cwd, file) || file;
}
