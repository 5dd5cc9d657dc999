import { nodeFileSystem } from '../core/io/node-file-system';
import type { Locale } from '../core/findings';
import { main } from './main';

/** The process-facing shim: the only place that reads argv, env, the clock, and exits. */
function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function localeFromEnvironment(): Locale {
  const lang = process.env.QMSKIT_LOCALE || process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return /^vi/i.test(lang) ? 'vi' : 'en';
}

main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  fs: nodeFileSystem,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  today: process.env.QMSKIT_TODAY || localDate(),
  defaultLocale: localeFromEnvironment(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`qmskit: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
