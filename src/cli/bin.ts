import { nodeFileSystem } from '../core/io/node-file-system';
import type { Locale } from '../core/findings';
import { isMainThread, workerData } from 'node:worker_threads';
import { main } from './main';
import type { GenerateParams } from './commands/generate';
import { isLintWorker, runLintWorker } from './parallel-lint';

/** The process-facing shim: the only place that reads argv, env, the clock, and exits. */
function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function localeFromEnvironment(): Locale {
  const lang = process.env.QMSKIT_LOCALE || process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return /^vi/i.test(lang) ? 'vi' : 'en';
}

function runCli(): void {
  const params: GenerateParams = {
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  fs: nodeFileSystem,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  today: process.env.QMSKIT_TODAY || localDate(),
  defaultLocale: localeFromEnvironment(),
  workerScript: __filename,
  threads: Number(process.env.QMSKIT_THREADS) > 0 ? Number(process.env.QMSKIT_THREADS) : undefined,
  chromium: process.env.QMSKIT_CHROMIUM,
  };
  main(params).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`qmskit: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
}

if (!isMainThread && isLintWorker(workerData)) void runLintWorker();
else runCli();
