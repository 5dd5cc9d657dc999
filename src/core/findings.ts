/**
 * A finding is what every part of QMS Kit reports: the CLI prints it, the extension turns it into a
 * diagnostic, SARIF carries it. Positions are 1-based line and column counted in UTF-16 code
 * units (what VS Code and most editors count), plus 0-based offsets into the text without its BOM.
 */

export type Severity = 'error' | 'warning' | 'info';
export type Locale = 'en' | 'vi';
export const LOCALES: readonly Locale[] = ['en', 'vi'];

/** Text a person reads, in every language we ship. */
export interface LocalizedText {
  en: string;
  vi: string;
}

export interface SourcePosition {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** 0-based offset into the text (BOM removed). */
  offset: number;
}

export interface SourceRange {
  start: SourcePosition;
  end: SourcePosition;
}

/** Replace the text between two offsets (BOM removed) with `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: LocalizedText;
  /** Edits per file path; most fixes touch only the finding's own file. */
  edits: FileEdit[];
  /** Safe fixes are applied by `qmskit lint --fix` and "Fix all"; others are offered only. */
  safe: boolean;
  /**
   * A fix that is more than text edits (releasing a revision asks for a summary and writes a
   * released copy): the editor runs this command instead of applying `edits`. `edits` are then
   * the text part of what the command does — a preview, and what a client without the command
   * can apply. Such a fix is never `safe`.
   */
  command?: FixCommand;
}

/** An editor command a fix stands for, with JSON-serialisable arguments. */
export interface FixCommand {
  /** e.g. `qms.releaseNewRevision`, `qms.recordRelease`. */
  id: string;
  arguments: unknown[];
}

export interface FileEdit {
  file: string;
  edits: TextEdit[];
}

export interface RelatedLocation {
  file: string;
  range: SourceRange;
  message: LocalizedText;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: LocalizedText;
  /** Absolute path of the file the finding is about. */
  file: string;
  range: SourceRange;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.range.start.offset - b.range.start.offset ||
    a.range.end.offset - b.range.end.offset ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** Fill `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function formatTemplate(template: string, data: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in data ? String(data[name]) : whole,
  );
}

/** Values to fill a message with: plain values, or text that differs per language. */
export type MessageData = Record<string, string | number | LocalizedText>;

export function isLocalizedText(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && typeof (value as LocalizedText).en === 'string' && typeof (value as LocalizedText).vi === 'string';
}

export function localize(text: LocalizedText, data: MessageData = {}): LocalizedText {
  const pick = (locale: Locale) => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, isLocalizedText(v) ? v[locale] : v]));
  return { en: formatTemplate(text.en, pick('en')), vi: formatTemplate(text.vi, pick('vi')) };
}

/** Where each rule's page lives; the one place that knows the docs address. */
export const DOCS_BASE_URL = 'https://github.com/qmskit/qmskit/blob/main/docs/rules/';

export function docsUrlForRule(ruleId: string): string {
  const page = ruleId.startsWith('schema/') ? 'schema' : ruleId;
  return `${DOCS_BASE_URL}${page}.md`;
}
