/**
 * Mermaid text building shared by the three diagrams: escaping, wrapping, and the few statements
 * they write. Pure string work; nothing here throws on any string.
 *
 * How a label stays a label (read against Mermaid 11's `encodeEntities`, preprocessor and
 * flowchart lexer):
 *
 * - Every label is written as a `"..."` string. Inside it the lexer takes everything up to the
 *   next `"`, so the only character that can end it is `"`: written `#quot;`.
 * - Before lexing, Mermaid turns `#name;` / `#123;` into placeholders and back into HTML entities
 *   (`&quot;`, `&#123;`) in the final SVG. So `#` itself is written `#35;` (a name containing
 *   `#quot;` is shown as typed, not as a quote), and `&`, `<`, `>` are written `#amp;`, `#lt;`,
 *   `#gt;`: no label can carry markup; the only markup we write is our own `<br/>`.
 * - `%` is written `#37;`: Mermaid looks for `%%{init: ...}%%` directives anywhere in the text,
 *   quotes or not.
 * - `:` and `;` are written `#58;` / `#59;`: a pre-pass strips the last `;` of any line matching
 *   `style.*:\S*#.*;` (so a step named "Lifestyle:#1;" would lose a character).
 * - A backtick right after the opening quote starts a Markdown string: written `#96;`.
 * - `|` (edge label delimiters), brackets and braces (shape delimiters), `\` (an escape in the
 *   YAML of `@{ ... }` shape data) are written as codes too, so that a label is inert in every
 *   position we use it (node, edge, subgraph title, shape data).
 * - `$` is written `#36;`: with HTML labels, Mermaid renders `$$...$$` as KaTeX mathematics.
 *   (`:` as a code also keeps `fa:fa-name` from turning into an icon.) Plain strings are never
 *   read as Markdown, so `*` and `_` stay as they are.
 * - `ﬂ` and `¶` are written as codes: Mermaid's own placeholders are made of them.
 * - The lexer has rules `.*direction\s+LR[^\n]*` (and TB, BT, RL, TD) tried before node syntax:
 *   a line holding "direction LR" anywhere, labels included, is swallowed whole and the node
 *   silently disappears. The space after "direction" is written `#32;`.
 * - Newlines (and U+2028/2029) become `<br/>`; other control characters become spaces.
 * - Everything else (Vietnamese diacritics, emoji, parentheses, apostrophes) is kept as is.
 */

const CODES: Record<string, string> = {
  '"': '#quot;',
  '#': '#35;',
  '%': '#37;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  ';': '#59;',
  ':': '#58;',
  '|': '#124;',
  '`': '#96;',
  '[': '#91;',
  ']': '#93;',
  '{': '#123;',
  '}': '#125;',
  '\\': '#92;',
  $: '#36;',
  '\uFB02': '#64258;',
  '\u00B6': '#182;',
};

const DIRECTION = /direction\s/i;
const DIRECTIONS = /(direction)\s/gi;

/** Default width of a label line, in characters. */
export const WRAP_WIDTH = 30;

/** One line of label text, escaped to sit inside `"..."` in any position (no line breaks expected). */
export function escapeLine(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 128 && NEEDS_CODE[c] === 1) || c === 0xfb02 || c === 0xb6) {
      out += text.slice(from, i) + CODES[text[i]!]!;
      from = i + 1;
    }
  }
  out = from === 0 ? text : out + text.slice(from);
  return DIRECTION.test(out) ? out.replace(DIRECTIONS, '$1#32;') : out;
}

const NEEDS_CODE = new Uint8Array(128);
for (const ch of Object.keys(CODES)) if (ch.charCodeAt(0) < 128) NEEDS_CODE[ch.charCodeAt(0)] = 1;

/** 1: white space (control characters count as spaces), 2: a line break. */
function spaceKind(c: number): 0 | 1 | 2 {
  if (c > 0x20) {
    if (c < 0x7f) return 0;
    if (c === 0x7f || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return 1;
    return c === 0x2028 || c === 0x2029 ? 2 : 0;
  }
  return c === 0x0a || c === 0x0d ? 2 : 1;
}

/**
 * How many characters a code unit adds to a line, for wrapping: 0 for a low surrogate (counted
 * with its high surrogate) and for the combining marks, joiners and variation selectors of
 * decomposed (NFD) Vietnamese and emoji sequences. Close enough for choosing line breaks.
 */
function unitWidth(c: number): 0 | 1 {
  if (c < 0x300) return 1;
  return (c >= 0xdc00 && c <= 0xdfff) ||
    c <= 0x36f ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x200b && c <= 0x200d) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    (c >= 0xfe20 && c <= 0xfe2f)
    ? 0
    : 1;
}

/** Characters of a word as a reader counts them: a base character with its combining marks (and zero-width-joined partners). */
function graphemes(word: string): string[] {
  return word.match(/\P{M}\p{M}*(?:\u200D\P{M}\p{M}*)*|\p{M}+/gu) ?? [];
}

/**
 * Text split into lines of about `width` characters, between words; the text's own line breaks
 * are kept, runs of white space (and control characters) become one space, a word longer than
 * `width` is cut. One pass over the text: wrapping is most of the time a flowchart takes.
 */
export function wrapText(text: string, width = WRAP_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const place = (word: string, w: number) => {
    if (w > width) {
      // A very long word (a URL, a code): cut it so that one node cannot grow without bound.
      if (line) lines.push(line);
      const chars = graphemes(word);
      let i = 0;
      for (; chars.length - i > width; i += width) lines.push(chars.slice(i, i + width).join(''));
      line = chars.slice(i).join('');
      lineWidth = chars.length - i;
    } else if (!line) {
      line = word;
      lineWidth = w;
    } else if (lineWidth + 1 + w <= width) {
      line += ' ' + word;
      lineWidth += 1 + w;
    } else {
      lines.push(line);
      line = word;
      lineWidth = w;
    }
  };
  let start = -1;
  let w = 0;
  for (let i = 0; i <= text.length; i++) {
    const kind = i === text.length ? 2 : spaceKind(text.charCodeAt(i));
    if (kind === 0) {
      if (start < 0) {
        start = i;
        w = 0;
      }
      w += unitWidth(text.charCodeAt(i));
      continue;
    }
    if (start >= 0) {
      place(text.slice(start, i), w);
      start = -1;
    }
    if (kind === 2) {
      if (line) lines.push(line);
      line = '';
      lineWidth = 0;
      if (text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    }
  }
  return lines;
}

/** A label: each part wrapped (or, with width 0, kept on one line) and escaped, lines joined by `<br/>`. */
export function label(parts: ReadonlyArray<string | undefined>, width = WRAP_WIDTH): string {
  let out = '';
  for (const part of parts) {
    if (part === undefined) continue;
    const lines = width > 0 ? wrapText(part, width) : [wrapText(part, Infinity).join(' ')];
    for (const line of lines) if (line) out += (out ? '<br/>' : '') + escapeLine(line);
  }
  // Mermaid rejects an empty string label: callers pass visible text, this is only a safety net.
  return out || '#160;';
}

/** A string value, or undefined for anything else (the model may be malformed). */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

const VISIBLE = /[^\s\u0000-\u001F\u007F]/;

/** A string value with something to show (not only white space or control characters). */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && VISIBLE.test(value) ? value : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Mermaid lines with indentation, and `class` statements grouped by class (in `classDef` order). */
export class MermaidWriter {
  private readonly lines: string[];
  private readonly classes = new Map<string, string[]>();
  private depth = 1;

  constructor(header: string) {
    this.lines = [header];
  }

  line(statement: string): void {
    this.lines.push('  '.repeat(this.depth) + statement);
  }

  open(statement: string): void {
    this.line(statement);
    this.depth++;
  }

  close(): void {
    this.depth--;
    this.line('end');
  }

  classify(id: string, className: string): void {
    const ids = this.classes.get(className);
    if (ids) ids.push(id);
    else this.classes.set(className, [id]);
  }

  /** The text: statements, then `classDef`s, then `class` statements for the classes used. */
  finish(classDefs: ReadonlyArray<readonly [string, string]>): string {
    for (const [name, style] of classDefs) this.line(`classDef ${name} ${style}`);
    for (const [name] of classDefs) {
      const ids = this.classes.get(name);
      if (ids?.length) this.line(`class ${ids.join(',')} ${name}`);
    }
    return this.lines.join('\n') + '\n';
  }
}
