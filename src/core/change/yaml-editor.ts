import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { TextEdit } from '../findings';
import type { ParsedYaml } from '../yaml/parse';
import { resolvePointer } from '../yaml/pointer';

/**
 * Surgical edits of a parsed YAML text: each edit replaces or inserts text at a node's range, so
 * everything outside the edited fields — comments, blank lines, quoting, flow or block style,
 * key order — stays byte for byte. Edits are collected against the original text and applied
 * at once; two edits at the same place keep the order they were made in.
 */
export class YamlTextEditor {
  private readonly edits: Array<TextEdit & { seq: number }> = [];
  readonly eol: string;

  constructor(readonly parsed: ParsedYaml) {
    this.eol = parsed.text.includes('\r\n') ? '\r\n' : '\n';
  }

  get text(): string {
    return this.parsed.text;
  }

  node(pointer: ReadonlyArray<string | number>): Node | undefined {
    return resolvePointer(this.parsed, pointer).node;
  }

  /** The end of a node's value, without the line breaks a block scalar owns. */
  valueEnd(node: Node): number {
    let end = node.range?.[1] ?? 0;
    const start = node.range?.[0] ?? 0;
    while (end > start && /\s/.test(this.text[end - 1]!)) end--;
    return end;
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Offset just after the line holding `offset` (after its line break), or the end of the text. */
  private afterLine(offset: number): { at: number; prefix: string } {
    const end = this.text.indexOf('\n', offset);
    return end === -1 ? { at: this.text.length, prefix: this.eol } : { at: end + 1, prefix: '' };
  }

  add(start: number, end: number, newText: string): void {
    this.edits.push({ start, end, newText, seq: this.edits.length });
  }

  /** Replace a scalar's text (the whole value for a block scalar). */
  replaceScalar(pointer: ReadonlyArray<string | number>, yamlText: string): boolean {
    const node = this.node(pointer);
    if (!node || !isScalar(node) || !node.range) return false;
    this.add(node.range[0], this.valueEnd(node), yamlText);
    return true;
  }

  /**
   * Set `key: value` in the mapping at `mapPointer`: the value is replaced when the key is there
   * (and is a scalar), otherwise the property is added after the first of `afterKeys` present
   * (block style), or at the end of the mapping.
   */
  setProperty(mapPointer: ReadonlyArray<string | number>, key: string, yamlValue: string, afterKeys: readonly string[] = []): boolean {
    const map = this.node(mapPointer);
    if (!isMap(map) || !map.range) return false;
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
    if (pair) {
      const value = pair.value as Node | null;
      if (value && isScalar(value) && value.range) {
        this.add(value.range[0], this.valueEnd(value), yamlValue);
        return true;
      }
      if (!value) {
        // `key:` with nothing after it.
        const keyNode = pair.key as Node;
        const end = this.valueEnd(keyNode);
        const colon = this.text.indexOf(':', end);
        if (colon < 0) return false;
        this.add(colon + 1, colon + 1, ` ${yamlValue}`);
        return true;
      }
      return false;
    }
    if (map.flow) {
      const last = map.items[map.items.length - 1];
      if (!last) {
        const close = this.text.lastIndexOf('}', map.range[1]);
        if (close < 0) return false;
        this.add(close, close, `${key}: ${yamlValue} `);
        return true;
      }
      const after = this.valueEnd(((last.value as Node | null) ?? (last.key as Node)) as Node);
      this.add(after, after, `, ${key}: ${yamlValue}`);
      return true;
    }
    const first = map.items[0]?.key as Node | undefined;
    if (!first?.range) return false;
    const indent = ' '.repeat(first.range[0] - this.lineStart(first.range[0]));
    const anchorPair =
      afterKeys.map((k) => map.items.find((item) => isScalar(item.key) && item.key.value === k)).find((p) => p !== undefined) ?? map.items[map.items.length - 1]!;
    const anchor = ((anchorPair.value as Node | null) ?? (anchorPair.key as Node)) as Node;
    const { at, prefix } = this.afterLine(this.valueEnd(anchor));
    this.add(at, at, `${prefix}${indent}${key}: ${yamlValue}${this.eol}`);
    return true;
  }

  /**
   * Put a new first item (a mapping, given as `key: value` lines) on the block sequence at
   * `seqPointer`, or add the sequence as the last property of the root mapping when it is absent.
   * False for a sequence in flow style or an empty one, where no block item can go.
   */
  prependItem(seqPointer: ReadonlyArray<string | number>, itemLines: readonly string[]): boolean {
    const target = resolvePointer(this.parsed, seqPointer);
    const seq = target.node;
    if (isSeq(seq)) {
      const first = seq.items[0] as Node | null | undefined;
      if (seq.flow || !first?.range) return false;
      const dash = this.text.lastIndexOf('-', first.range[0]);
      if (dash < 0) return false;
      const start = this.lineStart(dash);
      const indent = this.text.slice(start, dash);
      if (!/^[ ]*$/.test(indent)) return false;
      const body = itemLines.map((line, i) => `${indent}${i === 0 ? '- ' : '  '}${line}`).join(this.eol);
      this.add(start, start, body + this.eol);
      return true;
    }
    if (target.node !== undefined || target.pair) return false;
    const parentPointer = seqPointer.slice(0, -1);
    const key = String(seqPointer[seqPointer.length - 1]);
    const map = this.node(parentPointer);
    if (!isMap(map) || map.flow || !map.items[0]) return false;
    const firstKey = map.items[0].key as Node;
    const indent = ' '.repeat(firstKey.range![0] - this.lineStart(firstKey.range![0]));
    const last = map.items[map.items.length - 1]!;
    const { at, prefix } = this.afterLine(this.valueEnd(((last.value as Node | null) ?? (last.key as Node)) as Node));
    const body = itemLines.map((line, i) => `${indent}${i === 0 ? '  - ' : '    '}${line}`).join(this.eol);
    this.add(at, at, `${prefix}${indent}${key}:${this.eol}${body}${this.eol}`);
    return true;
  }

  /** The edits, sorted, as plain text edits (for a `Fix`). */
  textEdits(): TextEdit[] {
    return [...this.edits].sort((a, b) => a.start - b.start || a.seq - b.seq).map(({ start, end, newText }) => ({ start, end, newText }));
  }

  /** The text with every edit applied; throws on overlapping edits (a bug, never a user error). */
  apply(): string {
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.seq - b.seq);
    let out = '';
    let at = 0;
    for (const edit of sorted) {
      if (edit.start < at) throw new Error('overlapping YAML edits');
      out += this.text.slice(at, edit.start) + edit.newText;
      at = edit.end;
    }
    return out + this.text.slice(at);
  }
}

/** Text edits applied to a text in one pass (same-offset inserts in the order given). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (edit.start < at) throw new Error('overlapping text edits');
    out += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return out + text.slice(at);
}
