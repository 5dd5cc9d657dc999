import { createHash } from 'node:crypto';

/**
 * The fingerprint of a controlled document: what `qms.lock` records when a revision is released,
 * and what the linter compares against to find a document changed without a new revision
 * (`doc/changed-without-revision`). Documented for quality officers in docs/change-control.md;
 * this comment is the normative definition, and the golden fingerprints pinned in
 * test/change/fingerprint.test.ts fail when any part of it changes by accident.
 *
 * Fingerprint version 1:
 *
 * 1. **What is covered: the content a revision approves.** The parsed document (YAML 1.2 core
 *    schema, aliases expanded), without the top-level fields a release writes itself:
 *    `status`, `revision`, `amendment`, `effective`, `approval` and `history`. They say which
 *    revision this is, who signed it and when, and how it came about — not what was approved —
 *    and the release command sets them, so a fingerprint that covered them would change at every
 *    release and could not be computed before it. Everything else is covered, down to the last
 *    list item: `code`, `title`, `owner`, `process`, `distribution`, `clauses`,
 *    `review_interval`, `purpose`, `scope`, `references`, `terms`, `service`, `steps`, `forms`,
 *    `records`, `type`, `sections`, `kind` and any field added to the format later.
 * 2. **What does not matter: how the YAML is written.** Only the parsed value counts, so comments,
 *    key order, indentation, quoting, flow (`{ }`, `[ ]`) versus block style, anchors and aliases,
 *    folded text re-wrapped at another width, `1.0` versus `1`, `True` versus `true`, and line
 *    endings (LF, CRLF) make no difference.
 * 3. **Values are normalised as follows.** Strings and mapping keys are put in Unicode NFC (a
 *    Vietnamese letter typed precomposed or with combining marks is the same letter), line breaks
 *    become LF, and line breaks at the very end of a string are dropped (the block-scalar chomping
 *    indicator `|` / `|-` is a style). Nothing else inside a string is touched: a changed word,
 *    space or line break inside a text is a change. Numbers and strings stay distinct (`1` is not
 *    `"1"`), as do `null`, `true`/`false`, an empty list and a missing field. List order matters.
 * 4. **Canonical text.** The value is written as JSON without insignificant whitespace, with
 *    mapping keys sorted by Unicode code point; strings in double quotes with `"` and `\` escaped
 *    by a backslash, the control characters U+0000–U+001F and unpaired surrogates escaped as
 *    `\u` + four lowercase hex digits, and every other character written as itself; numbers as
 *    ECMAScript writes them (the shortest text that reads back as the same double; `-0` as `0`),
 *    with `NaN`, `Infinity` and `-Infinity` written as those words.
 * 5. **Hash.** SHA-256 of the UTF-8 bytes of `qms-fingerprint/1` + LF + the canonical text,
 *    written `sha256:` + 64 lowercase hex digits. The full digest is kept: the lock is written by
 *    the toolkit, so the length costs nothing, and no reader has to weigh a collision risk.
 */

export const FINGERPRINT_VERSION = 1;
export const FINGERPRINT_PREFIX = 'sha256:';
export const FINGERPRINT_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** The top-level fields a release writes: left out of the fingerprint. */
export const RELEASE_FIELDS: readonly string[] = ['status', 'revision', 'amendment', 'effective', 'approval', 'history'];

const RELEASE_FIELD_SET = new Set(RELEASE_FIELDS);

/** The content a fingerprint covers: the document without its release fields. */
export function releasedContent(document: Record<string, unknown>): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) if (!RELEASE_FIELD_SET.has(key)) content[key] = value;
  return content;
}

/** The canonical text of any parsed YAML value (step 3 and 4 above). */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

function write(value: unknown, out: string[]): void {
  if (value === null || value === undefined) {
    out.push('null');
  } else if (typeof value === 'string') {
    out.push(quote(normaliseString(value)));
  } else if (typeof value === 'number') {
    out.push(Number.isNaN(value) ? 'NaN' : value === Infinity ? 'Infinity' : value === -Infinity ? '-Infinity' : Object.is(value, -0) ? '0' : String(value));
  } else if (typeof value === 'bigint') {
    out.push(value.toString());
  } else if (typeof value === 'boolean') {
    out.push(value ? 'true' : 'false');
  } else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (i > 0) out.push(',');
      write(item, out);
    });
    out.push(']');
  } else if (value instanceof Map) {
    writeEntries([...value.entries()].map(([k, v]) => [String(k), v]), out);
  } else if (value instanceof Set) {
    write([...value], out);
  } else if (typeof value === 'object') {
    writeEntries(Object.entries(value as Record<string, unknown>), out);
  } else {
    out.push(quote(String(value)));
  }
}

function writeEntries(entries: Array<[string, unknown]>, out: string[]): void {
  const normalised = entries.map(([key, value]): [string, unknown] => [key.normalize('NFC'), value]);
  normalised.sort(([a], [b]) => compareCodePoints(a, b));
  out.push('{');
  normalised.forEach(([key, value], i) => {
    if (i > 0) out.push(',');
    out.push(quote(key), ':');
    write(value, out);
  });
  out.push('}');
}

function normaliseString(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

/** Code point order (UTF-16 code unit order differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx - cy;
  }
}

function quote(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) out += '\\"';
    else if (code === 0x5c) out += '\\\\';
    else if (code < 0x20) out += '\\u' + code.toString(16).padStart(4, '0');
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i]! + text[i + 1]!;
        i++;
      } else out += '\\u' + code.toString(16);
    } else if (code >= 0xdc00 && code <= 0xdfff) out += '\\u' + code.toString(16);
    else out += text[i];
  }
  return out + '"';
}

/** `sha256:<hex>` of a canonical text (step 5). */
export function hashCanonical(canonical: string): string {
  return FINGERPRINT_PREFIX + createHash('sha256').update(`qms-fingerprint/${FINGERPRINT_VERSION}\n${canonical}`, 'utf8').digest('hex');
}

const cache = new WeakMap<object, string>();

/**
 * The fingerprint of a parsed procedure or document (its `model`, or any plain value of one).
 * Cached per value object: the linter asks once per lint for files that did not change.
 */
export function fingerprintDocument(document: Record<string, unknown>): string {
  const cached = cache.get(document);
  if (cached) return cached;
  const fingerprint = hashCanonical(canonicalJson(releasedContent(document)));
  cache.set(document, fingerprint);
  return fingerprint;
}

/** A short form for tables and messages (`sha256:1a2b3c4d5e6f`); never used to compare. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprint.slice(0, FINGERPRINT_PREFIX.length + 12);
}
