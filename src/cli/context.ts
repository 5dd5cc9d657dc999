import type { Locale } from '../core/findings';
import type { FileSystem } from '../core/io/file-system';

/** Everything a command may touch, injected: tests run commands without a process. */
export interface CliParams {
  argv: readonly string[];
  cwd: string;
  fs: FileSystem;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Today as `YYYY-MM-DD`; the shim passes the local date. */
  today: string;
  /** The language of messages when `--locale` is not given. */
  defaultLocale: Locale;
  /**
   * The script a lint worker thread runs (the CLI bundle itself). Given only by the real CLI,
   * whose file system is the disk: large workspaces are then linted on every core.
   */
  workerScript?: string;
  /** Lint threads to use, when set (QMSKIT_THREADS); otherwise chosen by workspace size. */
  threads?: number;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILED = 2;
