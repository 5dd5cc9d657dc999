import { isCollection, isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { SourceFile } from '../model/source-file';
import type { ParsedYaml } from '../yaml/parse';
import { joinPointer, keyText } from '../yaml/pointer';
import type { OffsetSpan } from './types';

export type PathSegment = string | number;

/**
 * Where the cursor is in a file, in the terms of the format: the path of the property or list
 * item, whether the cursor is on a key or a value, and the text a completion would replace.
 * Works on what the user is typing, too: `role: ` with nothing after it, `next: [a, ]`, a new
 * line in a step, `- ` under `steps:`, a key without its colon yet.
 */
export interface NodeAt {
  /**
   * On a value: the value's path (`['steps', 2, 'role']`, `['steps', 2, 'next', 1]`). On a key:
   * the property's path, whose last segment is the key as typed so far (`''` on an empty line).
   */
  path: PathSegment[];
  pointer: string;
  on: 'key' | 'value';
  /** The scalar under the cursor (the key itself on a key); undefined where nothing is written yet. */
  node: Scalar | undefined;
  /** The mapping (for a key) or the mapping or list (for a value) that holds the place; undefined when it does not exist yet. */
  parent: YAMLMap | YAMLSeq | undefined;
  /** The text a completion replaces: the scalar (quotes included), or an empty span at the cursor. */
  span: OffsetSpan;
  /** On a key: whether a `:` follows it already. */
  hasColon: boolean;
}

export function nodeAt(file: SourceFile | ParsedYaml, offset: number): NodeAt | undefined {
  const parsed = 'parsed' in file ? file.parsed : file;
  return new Locator(parsed.text, Math.max(0, Math.min(offset, parsed.text.length))).locate(parsed.document?.contents ?? null);
}

type Found = Omit<NodeAt, 'pointer'>;

class Locator {
  private readonly lineStart: number;
  private readonly lineEnd: number;
  /** The cursor's line up to the cursor. */
  private readonly prefix: string;
  /** Indentation of the cursor's line (spaces before its first character). */
  private readonly indent: number;
  private readonly blank: boolean;

  constructor(
    private readonly text: string,
    private readonly o: number,
  ) {
    this.lineStart = text.lastIndexOf('\n', o - 1) + 1;
    const end = text.indexOf('\n', o);
    this.lineEnd = end === -1 ? text.length : end > 0 && text[end - 1] === '\r' ? end - 1 : end;
    this.prefix = text.slice(this.lineStart, o);
    this.indent = /^ */.exec(text.slice(this.lineStart, this.lineEnd))![0].length;
    this.blank = /^\s*$/.test(this.prefix);
  }

  locate(root: Node | null): NodeAt | undefined {
    if (this.inComment()) return undefined;
    let found: Found | undefined;
    if (!root || (isScalar(root) && (root.value === null || isEmpty(root)))) {
      found = this.blank ? this.newKey([], undefined) : undefined;
    } else if (isScalar(root)) {
      // A first word without its colon yet: a key of the root mapping.
      found = this.within(root) ? this.key([], root, undefined) : undefined;
    } else {
      found = this.visit(root, []);
    }
    return found && { ...found, pointer: joinPointer(found.path) };
  }

  private visit(node: Node, path: PathSegment[]): Found | undefined {
    if (isMap(node)) return node.flow ? this.flowMap(node, path) : this.blockMap(node, path);
    if (isSeq(node)) return node.flow ? this.flowSeq(node, path) : this.blockSeq(node, path);
    if (isScalar(node) && this.within(node)) return this.value(path, node, undefined);
    return undefined;
  }

  private blockMap(map: YAMLMap, path: PathSegment[]): Found | undefined {
    const pairs = map.items.filter((p): p is Pair<Scalar, Node | null> => isPair(p) && isScalar(p.key) && !!(p.key as Scalar).range);
    const keyColumn = pairs.length ? this.columnOf(pairs[0]!.key.range![0]) : this.indent;
    let owner: Pair<Scalar, Node | null> | undefined;
    for (const pair of pairs) if (pair.key.range![0] <= this.o) owner = pair;
    if (!owner) return this.blank && this.o - this.lineStart === keyColumn ? this.newKey(path, map) : undefined;
    const [keyStart, keyEnd] = owner.key.range!;
    const key = keyText(owner.key) ?? '';
    if (this.o >= keyStart && this.o <= keyEnd) return this.key(path, owner.key, map);
    if (keyStart >= this.lineStart) return this.afterKey(map, owner, [...path, key]);
    // A later line than the owner's key.
    if (this.blank) {
      const column = this.o - this.lineStart;
      if (column === keyColumn) return this.newKey(path, map);
      if (column < keyColumn) return undefined;
    } else if (this.indent < keyColumn || (this.indent === keyColumn && !(this.dashLine() && isSeq(owner.value)))) {
      return undefined;
    }
    return this.inside(owner.value, [...path, key]);
  }

  /** The cursor is on the key's line, after the key. */
  private afterKey(map: YAMLMap, pair: Pair<Scalar, Node | null>, path: PathSegment[]): Found | undefined {
    const colon = this.text.indexOf(':', pair.key.range![1]);
    if (colon === -1 || colon >= this.o || colon > this.lineEnd) return undefined;
    const value = pair.value;
    if (value && isCollection(value)) return value.flow && this.withinCollection(value) ? this.visit(value, path) : undefined;
    if (value && isScalar(value) && !isEmpty(value) && value.range![0] <= this.lineEnd) {
      return this.o >= value.range![0] ? this.value(path, value, map) : undefined;
    }
    return this.value(path, undefined, map);
  }

  /** The cursor is on a line below `key:`, indented deeper: inside the key's value. */
  private inside(value: Node | null, path: PathSegment[]): Found | undefined {
    if (value && isCollection(value)) return value.flow ? (this.withinCollection(value) ? this.visit(value, path) : undefined) : this.visit(value, path);
    if (!value || (isScalar(value) && (value.value === null || isEmpty(value)))) {
      // Nothing under the key yet: the first key of a mapping, or the first item of a list.
      if (this.blank) return this.newKey(path, undefined);
      if (/^\s*-\s+$/.test(this.prefix)) return this.value([...path, 0], undefined, undefined);
      return undefined;
    }
    if (isScalar(value) && this.within(value)) return this.value(path, value, undefined);
    return undefined;
  }

  private blockSeq(seq: YAMLSeq, path: PathSegment[]): Found | undefined {
    const items = seq.items as Array<Node | null>;
    const dashes = items.map((item) => (item?.range ? this.text.lastIndexOf('-', item.range[0] - (isEmpty(item) ? 0 : 1)) : -1));
    const dashColumn = dashes[0] !== undefined && dashes[0] >= 0 ? this.columnOf(dashes[0]) : this.indent;
    if (this.dashLine() && this.indent === dashColumn) {
      const dash = this.lineStart + this.indent;
      if (this.o <= dash) return undefined;
      const index = dashes.findIndex((d) => d === dash);
      if (index === -1) return /^\s*-\s*$/.test(this.prefix) ? this.value([...path, items.length], undefined, seq) : undefined;
      return this.item(seq, items[index] ?? null, [...path, index], true);
    }
    if (!this.blank && this.indent <= dashColumn) return undefined;
    if (this.blank && this.o - this.lineStart <= dashColumn) return undefined;
    let index = -1;
    dashes.forEach((d, i) => {
      if (d >= 0 && d < this.lineStart) index = i;
    });
    if (index === -1) return undefined;
    return this.item(seq, items[index] ?? null, [...path, index], false);
  }

  private item(seq: YAMLSeq, item: Node | null, path: PathSegment[], onDashLine: boolean): Found | undefined {
    if (item && isCollection(item)) return item.flow && !this.withinCollection(item) ? undefined : this.visit(item, path);
    if (!item || (isScalar(item) && (item.value === null || isEmpty(item)))) {
      if (onDashLine) return this.value(path, undefined, seq);
      // `- ` and nothing, then a deeper line: the item becomes a mapping.
      return this.blank ? this.newKey(path, undefined) : undefined;
    }
    if (isScalar(item)) {
      if (this.within(item)) return this.value(path, item, seq);
      if (onDashLine && this.o > item.range![1]) return this.value(path, item, seq);
    }
    return undefined;
  }

  private flowSeq(seq: YAMLSeq, path: PathSegment[]): Found | undefined {
    if (!this.withinCollection(seq)) return undefined;
    const items = seq.items as Array<Node | null>;
    for (const [i, item] of items.entries()) {
      if (!item?.range || this.o < item.range[0] || this.o > item.range[1]) continue;
      if (isCollection(item)) return this.visit(item, [...path, i]);
      if (isScalar(item)) return this.value([...path, i], item, seq);
    }
    const index = items.filter((item) => item?.range && item.range[1] <= this.o).length;
    return this.value([...path, index], undefined, seq);
  }

  private flowMap(map: YAMLMap, path: PathSegment[]): Found | undefined {
    if (!this.withinCollection(map)) return undefined;
    const pairs = map.items.filter((p): p is Pair<Scalar, Node | null> => isPair(p) && isScalar(p.key) && !!(p.key as Scalar).range);
    for (const [i, pair] of pairs.entries()) {
      const [keyStart, keyEnd] = pair.key.range!;
      const key = keyText(pair.key) ?? '';
      if (this.o >= keyStart && this.o <= keyEnd) return this.key(path, pair.key, map);
      const value = pair.value;
      if (value?.range && !isEmpty(value) && this.o >= value.range[0] && this.o <= value.range[1]) {
        return isCollection(value) ? this.visit(value, [...path, key]) : isScalar(value) ? this.value([...path, key], value, map) : undefined;
      }
      const colon = this.text.indexOf(':', keyEnd);
      const nextStart = pairs[i + 1]?.key.range![0] ?? map.range![1];
      if ((!value || isEmpty(value)) && colon !== -1 && this.o > colon && this.o < nextStart && !this.text.slice(colon, this.o).includes(',')) {
        return this.value([...path, key], undefined, map);
      }
    }
    return this.newKey(path, map);
  }

  private key(path: PathSegment[], key: Scalar, map: YAMLMap | undefined): Found {
    const [start, end] = key.range!;
    return { path: [...path, keyText(key) ?? ''], on: 'key', node: key, parent: map, span: { start, end }, hasColon: /^[ \t]*:/.test(this.text.slice(end)) };
  }

  private newKey(path: PathSegment[], map: YAMLMap | undefined): Found {
    return { path: [...path, ''], on: 'key', node: undefined, parent: map, span: { start: this.o, end: this.o }, hasColon: false };
  }

  private value(path: PathSegment[], node: Scalar | undefined, parent: YAMLMap | YAMLSeq | undefined): Found {
    if (!node) return { path, on: 'value', node: undefined, parent, span: { start: this.o, end: this.o }, hasColon: false };
    const [start, end] = node.range!;
    // A completion replaces text on the cursor's line only.
    const span = { start: Math.max(start, this.lineStart), end: Math.max(Math.min(end, this.lineEnd), this.o) };
    return { path, on: 'value', node, parent, span, hasColon: false };
  }

  private within(node: Node): boolean {
    return !!node.range && this.o >= node.range[0] && this.o <= node.range[1];
  }

  /** Inside a flow collection's brackets (an unclosed one runs to its end). */
  private withinCollection(node: YAMLMap | YAMLSeq): boolean {
    const [start, end] = node.range ?? [0, 0];
    const closed = /[\]}]/.test(this.text[end - 1] ?? '');
    return this.o > start && (closed ? this.o < end : this.o <= end);
  }

  private dashLine(): boolean {
    return /^-(\s|$)/.test(this.text.slice(this.lineStart + this.indent, this.lineEnd + 1));
  }

  private columnOf(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  /** After a `#` that starts a comment on the cursor's line (outside quotes). */
  private inComment(): boolean {
    let quote: string | undefined;
    for (let i = 0; i < this.prefix.length; i++) {
      const c = this.prefix[i]!;
      if (quote) {
        if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") {
        if (i === 0 || /[\s:[{,-]/.test(this.prefix[i - 1]!)) quote = c;
      } else if (c === '#' && (i === 0 || /\s/.test(this.prefix[i - 1]!))) {
        return true;
      }
    }
    return false;
  }
}

function isEmpty(node: Node): boolean {
  const [start, end] = node.range ?? [0, 0];
  return end <= start && !isCollection(node);
}
