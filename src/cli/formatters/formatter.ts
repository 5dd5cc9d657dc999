import type { Finding, Locale } from '../../core/findings';

export interface FormatterInput {
  findings: Finding[];
  /** Absolute path → text, for formatters that show source lines. */
  sources: ReadonlyMap<string, string>;
  locale: Locale;
  /** Paths are printed relative to this folder. */
  cwd: string;
  toolVersion: string;
}

export type Formatter = (input: FormatterInput) => string;
