import { LineCounter, isMap, isSeq, parseDocument, type Node, type Pair, type YAMLSeq } from 'yaml';
import type { ParsedYaml } from './parse';

/**
 * Re-parsing a 300-step procedure takes tens of milliseconds; a keystroke changes one step. When
 * an edit stays inside one item of a top-level list (a step, a form, a record, a history entry),
 * only that item is parsed again and spliced into the previous tree; every other node keeps its
 * place, shifted by the length difference. Anything else (an edit across items, anchors, errors)
 * returns undefined and the caller parses the whole text.
 *
 * The previous tree is reused, not copied: after a successful splice the previous ParsedYaml
 * must not be used again (its file has a new one).
 */
export function reparseIncrementally(previous: ParsedYaml, rawText: string): ParsedYaml | undefined {
  if (!previous.document || previous.findings.length || previous.value === undefined) return undefined;
  const hadBom = rawText.charCodeAt(0) === 0xfeff;
  const text = hadBom ? rawText.slice(1) : rawText;
  const old = previous.text;
  if (hadBom !== previous.hadBom || text === old) return undefined;
  if (text.includes('&') || text.includes('*') || old.includes('&') || old.includes('*')) return undefined;

  // The changed span: old [start, oldEnd) became new [start, newEnd).
  let start = 0;
  const limit = Math.min(old.length, text.length);
  while (start < limit && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = old.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  const delta = text.length - old.length;

  const item = enclosingListItem(previous, start, oldEnd);
  if (!item) return undefined;
  const { seq, index, lineStart, end, dashColumn } = item;
  const snippet = text.slice(lineStart, end + delta);
  // The item must still end where it ended: the next line with content is not indented deeper
  // than the dash (deleting `end: true` can make the next root key part of the last step).
  if (nextContentIndent(text, end + delta) > dashColumn) return undefined;
  const reparsed = parseDocument(snippet, { prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core', strict: true });
  const contents = reparsed.contents;
  if (reparsed.errors.length || reparsed.warnings.length || !isSeq(contents) || contents.items.length !== 1 || contents.flow) return undefined;
  const fresh = contents.items[0] as Node;
  if (!isMap(fresh) || fresh.flow) return undefined;

  // Shift what lies after the item (subtrees wholly before it are left alone), then put the new
  // item in place with offsets of the whole text.
  shiftRanges(previous.document.contents as Node, end, delta);
  shiftRanges(fresh, 0, lineStart);
  seq.node.items[index] = fresh;

  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);

  // A new root value and list, so that caches keyed by the old model see a new object.
  const value = { ...(previous.value as Record<string, unknown>) };
  const list = [...(value[seq.key] as unknown[])];
  list[index] = fresh.toJS(reparsed);
  value[seq.key] = list;
  return { file: previous.file, text, hadBom, document: previous.document, lineCounter, value, findings: [] };
}

interface ListItem {
  seq: { key: string; node: YAMLSeq };
  index: number;
  /** Start of the line holding the item's dash. */
  lineStart: number;
  /** Where the item's text ends: the start of the next item's line, or the end of the list. */
  end: number;
  /** The column of the item's dash. */
  dashColumn: number;
}

/** Indentation of the first line at or after `offset` holding something other than a comment; -1 at the end. */
function nextContentIndent(text: string, offset: number): number {
  let lineStart = offset;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, newline === -1 ? text.length : newline);
    const content = line.trimStart();
    if (content !== '' && content !== '\r' && !content.startsWith('#')) return line.length - content.length;
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return -1;
}

/** The item of a root-level block list whose lines contain the whole changed span. */
function enclosingListItem(parsed: ParsedYaml, changeStart: number, changeEnd: number): ListItem | undefined {
  const root = parsed.document?.contents;
  if (!isMap(root) || root.flow) return undefined;
  const text = parsed.text;
  for (const pair of root.items as Array<Pair<Node, Node | null>>) {
    const seq = pair.value;
    if (!isSeq(seq) || seq.flow || !seq.range) continue;
    const key = (pair.key as { value?: unknown }).value;
    if (typeof key !== 'string' || !Array.isArray((parsed.value as Record<string, unknown>)[key])) continue;
    const [, seqEnd] = seq.range;
    if (changeStart > seqEnd) continue;
    for (let i = 0; i < seq.items.length; i++) {
      const node = seq.items[i] as Node;
      if (!node.range) return undefined;
      const dash = text.lastIndexOf('-', node.range[0]);
      const lineStart = text.lastIndexOf('\n', dash) + 1;
      const next = seq.items[i + 1] as Node | undefined;
      // The last item ends with the line of its last character (the list's own range may run on).
      const end = next?.range ? text.lastIndexOf('\n', text.lastIndexOf('-', next.range[0])) + 1 : lineEndAfter(text, Math.max(lineStart, node.range[1] - 1));
      // Strictly inside the item's content: the dash and its indentation stay untouched.
      if (changeStart > dash + 1 && changeEnd < end) return { seq: { key, node: seq }, index: i, lineStart, end, dashColumn: dash - lineStart };
      if (changeStart < end) return undefined;
    }
  }
  return undefined;
}

/** Adds `delta` to every offset ≥ `from` in the subtree; subtrees that end before `from` are skipped. */
function shiftRanges(node: Node | null | undefined, from: number, delta: number): void {
  if (!node) return;
  const range = node.range;
  if (range) {
    if (range[2] < from) return;
    node.range = [range[0] >= from ? range[0] + delta : range[0], range[1] >= from ? range[1] + delta : range[1], range[2] + delta];
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      shiftRanges(pair.key as Node, from, delta);
      shiftRanges(pair.value as Node | null, from, delta);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) shiftRanges(item as Node, from, delta);
  }
}

function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}
