/**
 * Escaping for each place data lands in an output. Everything from the workspace goes through
 * one of these (or through Handlebars' own HTML escaping) before it is printed.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' };

/** Text for HTML content or a quoted attribute (the same set Handlebars escapes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Text for GitHub-flavoured Markdown, inline (a paragraph or a table cell): shows as the same
 * text, never as markup. HTML is neutralised with entities, Markdown punctuation is
 * backslash-escaped, `|` cannot end a table cell, a line break cannot end a table row, and a
 * value cannot start a heading, a list or a quote.
 */
export function escapeMarkdown(text: string): string {
  // Most values (names, codes, dates) need nothing: one test instead of seven replacements.
  if (!MARKDOWN_SPECIAL.test(text)) return text;
  let out = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*_[\]~|]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*\n\s*/g, ' ');
  out = out.replace(/^(\s*)([#+-])/, '$1\\$2').replace(/^(\s*\d+)([.)])(\s|$)/, '$1\\$2$3');
  return out;
}

const MARKDOWN_SPECIAL = /[\\`*_[\]~|&<>\r\n]|^\s*(?:[#+-]|\d+[.)](?:\s|$))/;

/**
 * A CSS string literal (quotes included) for generated content such as a running header:
 * `</style>` cannot close the style element, quotes and backslashes cannot end the string,
 * line breaks become `\A` (with `white-space: pre-line` they break the line).
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n') out += '\\A ';
    else if (ch === '"' || ch === '\\' || ch === '<' || ch === '>' || ch === '&' || code < 0x20 || code === 0x7f) out += `\\${code.toString(16).toUpperCase()} `;
    else out += ch;
  }
  return out + '"';
}

/** A fence for a code block that no backtick run in `text` can close. */
export function codeFence(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}
