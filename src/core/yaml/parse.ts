import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document } from 'yaml';
import type { Finding, LocalizedText, SourceRange } from '../findings';

/**
 * A YAML file parsed once, with everything later stages need: the AST with offsets, a line
 * counter to turn offsets into line/column, the plain value, and the syntax findings.
 * The text never contains a BOM: editors hand us text without one, and offsets must agree.
 */
export interface ParsedYaml {
  file: string;
  text: string;
  hadBom: boolean;
  document: Document.Parsed | undefined;
  lineCounter: LineCounter;
  /** The plain data (undefined when the file has no usable content). */
  value: unknown;
  findings: Finding[];
}

/** Aliases expanded beyond this count are treated as an alias bomb (billion laughs). */
export const MAX_ALIAS_COUNT = 100;

const PARSE_OPTIONS = {
  prettyErrors: false,
  uniqueKeys: true,
  version: '1.2',
  // YAML 1.2 core: dates stay strings, `yes`/`no` stay strings; merge keys are not special.
  schema: 'core',
  strict: true,
} as const;

export function parseYaml(rawText: string, file: string): ParsedYaml {
  const hadBom = rawText.charCodeAt(0) === 0xfeff;
  const text = hadBom ? rawText.slice(1) : rawText;
  const lineCounter = new LineCounter();
  const parsed: ParsedYaml = { file, text, hadBom, document: undefined, lineCounter, value: undefined, findings: [] };
  try {
    const document = parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
    parsed.document = document;
    for (const error of document.errors) {
      parsed.findings.push(syntaxFinding(parsed, error.pos[0], error.pos[1], describeYamlError(error.code, error.message, text, error.pos[0])));
    }
    if (document.errors.length === 0) parsed.value = toPlainValue(parsed, document);
  } catch (error) {
    // The parser recurses on nesting; absurdly deep input exhausts the stack. Report, never throw.
    const tooDeep = error instanceof RangeError;
    parsed.findings.push(
      syntaxFinding(parsed, 0, Math.min(text.length, 1), tooDeep
        ? { en: 'The YAML is nested too deeply to read. Flatten the structure.', vi: 'YAML lồng nhau quá sâu, không thể đọc. Hãy giảm số cấp lồng nhau.' }
        : { en: `The YAML could not be read: ${messageOf(error)}`, vi: `Không thể đọc YAML: ${messageOf(error)}` }),
    );
  }
  return parsed;
}

function toPlainValue(parsed: ParsedYaml, document: Document.Parsed): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const anchor = firstAliasOffset(parsed.text);
    parsed.findings.push(
      syntaxFinding(parsed, anchor, anchor + 1, {
        en: `Aliases expand to too much data (more than ${MAX_ALIAS_COUNT} expansions): this looks like an alias bomb. Write the values out instead of nesting aliases.`,
        vi: `Các alias mở rộng thành quá nhiều dữ liệu (hơn ${MAX_ALIAS_COUNT} lần): có vẻ là một "alias bomb". Hãy viết trực tiếp giá trị thay vì lồng các alias.`,
      }),
    );
    void error;
    return undefined;
  }
}

function firstAliasOffset(text: string): number {
  const match = /\*[^\s,\]}]+/.exec(text);
  return match ? match.index : 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A range for two offsets of a parsed file (the one place that builds ranges). */
export function rangeOfOffsets(parsed: Pick<ParsedYaml, 'lineCounter' | 'text'>, start: number, end: number): SourceRange {
  const length = parsed.text.length;
  const from = Math.max(0, Math.min(start, length));
  const to = Math.max(from, Math.min(end, length));
  const a = parsed.lineCounter.linePos(from);
  const b = parsed.lineCounter.linePos(to);
  return { start: { line: a.line, column: a.col, offset: from }, end: { line: b.line, column: b.col, offset: to } };
}

function syntaxFinding(parsed: ParsedYaml, start: number, end: number, message: LocalizedText): Finding {
  return { ruleId: 'yaml/syntax', severity: 'error', message, file: parsed.file, range: rangeOfOffsets(parsed, start, end) };
}

function describeYamlError(code: string, original: string, text: string, offset: number): LocalizedText {
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(text.slice(offset))?.[0].trim() ?? '';
      return {
        en: `Duplicate key \`${key}\`: a mapping may hold each key once. Remove or rename one of them.`,
        vi: `Khóa \`${key}\` bị lặp: mỗi khóa chỉ được xuất hiện một lần trong một ánh xạ. Hãy xóa hoặc đổi tên một khóa.`,
      };
    }
    case 'TAB_AS_INDENT':
      return {
        en: 'A tab is used for indentation. YAML indents with spaces only: replace the tab with spaces.',
        vi: 'Dùng ký tự tab để thụt lề. YAML chỉ thụt lề bằng dấu cách: hãy thay tab bằng dấu cách.',
      };
    case 'MULTIPLE_DOCS':
      return {
        en: 'The file holds more than one YAML document (`---`). Keep one document per file.',
        vi: 'Tệp chứa nhiều hơn một tài liệu YAML (`---`). Mỗi tệp chỉ chứa một tài liệu.',
      };
    default:
      return {
        en: `YAML syntax error: ${original}`,
        vi: `Lỗi cú pháp YAML: ${original}`,
      };
  }
}

/** The plain mapping at the root, or undefined when the root is not a mapping. */
export function rootMapping(parsed: ParsedYaml) {
  const contents = parsed.document?.contents;
  return isMap(contents) ? contents : undefined;
}

export { isMap, isPair, isScalar };
