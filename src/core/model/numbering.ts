/**
 * Document numbering patterns (`numbering:` in qms.yaml), e.g. `QT-{org}-{seq:02}` or
 * `BM-{seq:02}/{procedure}`. Placeholders:
 *
 * - `{org}`: `organization.short` (any group of capitals and digits when the workspace has none);
 * - `{seq}`: a sequence number, any number of digits (`1`, `01`, `12`);
 * - `{seq:02}` (or `{seq:2}`, `{seq:003}`…): a number zero-padded to that width at least: `01`,
 *   `12`, `123` match `{seq:02}`, but `1` (too short) and `001` (padded beyond the width) do not;
 * - `{procedure}`: the code of the procedure that owns the form or record (any code when there
 *   is no owning procedure, e.g. in a process or document pattern).
 *
 * Everything else is literal text, compared exactly (codes are case-sensitive). Placeholder names
 * are read case-insensitively and may carry spaces (`{ seq:02 }`); any other name is unknown.
 *
 * Used by the linter (doc/code-pattern) and by whatever proposes the next free code.
 */

export type NumberingKind = 'procedure' | 'form' | 'record' | 'process' | 'document';
export const NUMBERING_KINDS: readonly NumberingKind[] = ['procedure', 'form', 'record', 'process', 'document'];

export type PatternPart =
  | { type: 'text'; text: string }
  | { type: 'org' }
  | { type: 'procedure' }
  | { type: 'seq'; width: number }
  | { type: 'unknown'; name: string };

export interface NumberingPattern {
  /** The pattern as written. */
  source: string;
  parts: PatternPart[];
  /** Placeholders that are not `{org}`, `{seq}`, `{seq:0N}` or `{procedure}`, as written (with braces). */
  unknown: string[];
  usesOrg: boolean;
  usesProcedure: boolean;
  usesSeq: boolean;
}

export interface NumberingContext {
  /** `organization.short`. */
  org?: string;
  /** The owning procedure's code (forms and records). */
  procedure?: string;
}

export interface NumberingMatch {
  /** True when the code follows the pattern. */
  matches: boolean;
  /** A code built from the pattern, for messages: `QT-BCHQS-01`, `BM-01/QT-BCHQS-01`. */
  example: string;
  /**
   * When the code does not match but has the pattern's shape (wrong padding, another procedure's
   * code, another organization), the code it most likely should be: `BM-1/QT-05` → `BM-01/QT-06`.
   */
  suggestion?: string;
}

/** What an example shows where the context has no value. */
const EXAMPLE_ORG = 'ORG';
const EXAMPLE_PROCEDURE = 'QT-01';
/** Any document code (common.schema.json#/$defs/documentCode), for a placeholder with no value. */
const ANY_CODE = '[A-Z0-9Đ]+(?:[-/.][A-Z0-9Đ]+)*';
const ANY_GROUP = '[A-Z0-9Đ]+';

const cache = new Map<string, NumberingPattern>();

export function parseNumberingPattern(source: string): NumberingPattern {
  const cached = cache.get(source);
  if (cached) return cached;
  const parts: PatternPart[] = [];
  const unknown: string[] = [];
  let last = 0;
  for (const match of source.matchAll(/\{([^{}]*)\}/g)) {
    if (match.index! > last) parts.push({ type: 'text', text: source.slice(last, match.index) });
    last = match.index! + match[0].length;
    const name = match[1]!.trim().toLowerCase();
    const seq = /^seq(?:\s*:\s*(\d+))?$/.exec(name);
    if (name === 'org') parts.push({ type: 'org' });
    else if (name === 'procedure') parts.push({ type: 'procedure' });
    else if (seq) parts.push({ type: 'seq', width: seq[1] ? Number(seq[1]) : 0 });
    else {
      parts.push({ type: 'unknown', name: match[0] });
      unknown.push(match[0]);
    }
  }
  if (last < source.length) parts.push({ type: 'text', text: source.slice(last) });
  const has = (type: PatternPart['type']) => parts.some((p) => p.type === type);
  const parsed: NumberingPattern = { source, parts, unknown, usesOrg: has('org'), usesProcedure: has('procedure'), usesSeq: has('seq') };
  if (cache.size > 500) cache.clear();
  cache.set(source, parsed);
  return parsed;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function seqRegExp(width: number, strict: boolean): string {
  if (!strict || width <= 1) return '\\d+';
  // Exactly `width` digits (leading zeros allowed), or more digits without a leading zero.
  return `(?:\\d{${width}}|[1-9]\\d{${width},})`;
}

/**
 * The pattern as a regular expression, with one capture group per placeholder. Strict: `{org}`
 * and `{procedure}` are the context's values and `{seq:0N}` is padded exactly. Loose: both are
 * any code and `{seq}` any digits, so that a near miss can be recognised and corrected.
 */
const compiled = new WeakMap<NumberingPattern, Map<string, RegExp>>();

/** Codes are checked by the thousand against a handful of patterns: each regular expression is built once. */
function toRegExp(pattern: NumberingPattern, context: NumberingContext, strict: boolean): RegExp {
  const key = `${strict}\u0000${context.org ?? ''}\u0000${context.procedure ?? ''}`;
  let byContext = compiled.get(pattern);
  if (!byContext) compiled.set(pattern, (byContext = new Map()));
  let regExp = byContext.get(key);
  if (!regExp) byContext.set(key, (regExp = buildRegExp(pattern, context, strict)));
  return regExp;
}

function buildRegExp(pattern: NumberingPattern, context: NumberingContext, strict: boolean): RegExp {
  const body = pattern.parts
    .map((part) => {
      switch (part.type) {
        case 'text':
          return escapeRegExp(part.text);
        case 'unknown':
          return escapeRegExp(part.name);
        case 'org':
          return `(${strict && context.org !== undefined ? escapeRegExp(context.org) : ANY_GROUP})`;
        case 'procedure':
          return `(${strict && context.procedure !== undefined ? escapeRegExp(context.procedure) : ANY_CODE})`;
        case 'seq':
          return `(${seqRegExp(part.width, strict)})`;
      }
    })
    .join('');
  return new RegExp(`^${body}$`, 'u');
}

/**
 * A code built from the pattern: `{org}` and `{procedure}` from the context, else from `given`
 * (what a near miss wrote there), else a stand-in; each `{seq}` the next of `seqs` (1 by default),
 * zero-padded to its width.
 */
function fill(pattern: NumberingPattern, context: NumberingContext, seqs: readonly number[], given: { org?: string[]; procedure?: string[] } = {}): string {
  let seqIndex = 0;
  let orgIndex = 0;
  let procedureIndex = 0;
  return pattern.parts
    .map((part) => {
      switch (part.type) {
        case 'text':
          return part.text;
        case 'unknown':
          return part.name;
        case 'org':
          return context.org ?? given.org?.[orgIndex++] ?? EXAMPLE_ORG;
        case 'procedure':
          return context.procedure ?? given.procedure?.[procedureIndex++] ?? EXAMPLE_PROCEDURE;
        case 'seq':
          return String(seqs[seqIndex++] ?? 1).padStart(part.width, '0');
      }
    })
    .join('');
}

/** A code built from the pattern with the given sequence numbers (1 for each by default). */
export function buildCode(pattern: string | NumberingPattern, context: NumberingContext, seqs: readonly number[] = []): string {
  return fill(typeof pattern === 'string' ? parseNumberingPattern(pattern) : pattern, context, seqs);
}

/** Whether `code` follows `pattern`, with an example code (and a likely correction when there is one). */
export function matchNumbering(pattern: string | NumberingPattern, code: string, context: NumberingContext = {}): NumberingMatch {
  const parsed = typeof pattern === 'string' ? parseNumberingPattern(pattern) : pattern;
  const strict = toRegExp(parsed, context, true);
  const example = fill(parsed, context, []);
  if (strict.test(code)) return { matches: true, example };
  const loose = toRegExp(parsed, context, false).exec(code);
  if (!loose || parsed.unknown.length) return { matches: false, example };
  const seqs: number[] = [];
  const given: { org: string[]; procedure: string[] } = { org: [], procedure: [] };
  parsed.parts
    .filter((part) => part.type === 'org' || part.type === 'procedure' || part.type === 'seq')
    .forEach((part, i) => {
      const value = loose[i + 1]!;
      if (part.type === 'seq') seqs.push(Number(value));
      else given[part.type as 'org' | 'procedure'].push(value);
    });
  const suggestion = fill(parsed, context, seqs, given);
  return suggestion !== code && strict.test(suggestion) ? { matches: false, example: suggestion, suggestion } : { matches: false, example };
}
