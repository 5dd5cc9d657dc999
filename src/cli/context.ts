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
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILED = 2;
