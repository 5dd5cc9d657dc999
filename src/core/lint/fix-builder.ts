import { isMap, isSeq, type Node } from 'yaml';
import type { FileEdit, LocalizedText, TextEdit, Fix } from '../findings';
import type { SourceFile } from '../model/source-file';
import { resolvePointer, type PointerTarget } from '../yaml/pointer';
import type { Pointer } from './rule';

/**
 * Builds fixes as plain text edits against the file's text, so applying one keeps every
 * comment and all formatting outside the edited span. A builder returns undefined when the
 * shape of the YAML does not allow a safe edit (flow style it cannot extend, missing nodes).
 */
export interface FixBuilder {
  /** Replace the value at `at` with YAML text. */
  replaceValue(at: Pointer, yamlText: string, title: LocalizedText, safe?: boolean): Fix | undefined;
  /** Add `key: value` to the mapping at `mapAt`, after its last property. */
  insertProperty(mapAt: Pointer, key: string, yamlValue: string, title: LocalizedText, safe?: boolean): Fix | undefined;
  /** Append an item (given as YAML lines of a mapping) to the sequence at `seqAt`, creating the property when absent. */
  appendSequenceItem(seqAt: Pointer, itemLines: string[], title: LocalizedText, safe?: boolean): Fix | undefined;
  /** Insert a full-line comment above the given 1-based line, at that line's indentation. */
  insertCommentAbove(line: number, comment: string, title: LocalizedText, safe?: boolean): Fix | undefined;
}

export function fixBuilder(file: SourceFile): FixBuilder {
  const { text } = file.parsed;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const fix = (title: LocalizedText, edits: TextEdit[], safe: boolean): Fix => ({ title, safe, edits: [{ file: file.path, edits }] satisfies FileEdit[] });

  const lineStart = (offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = (offset: number): number => {
    const i = text.indexOf('\n', offset);
    return i === -1 ? text.length : i;
  };
  const columnOf = (offset: number): number => offset - lineStart(offset);
  /** The offset just after the line holding `offset`, adding a line break when the file ends without one. */
  const afterLine = (offset: number): { at: number; prefix: string } => {
    const end = lineEnd(offset);
    return end >= text.length ? { at: text.length, prefix: eol } : { at: end + 1, prefix: '' };
  };
  const target = (at: Pointer): PointerTarget => resolvePointer(file.parsed, at);
  const endOfNode = (node: Node): number => {
    // The value end excludes trailing comments; the line may still hold a comment after it.
    const [, valueEnd] = node.range ?? [0, 0];
    let end = valueEnd;
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    return end;
  };

  return {
    replaceValue(at, yamlText, title, safe = true) {
      const found = target(at);
      if (!found.node?.range) return undefined;
      const [start, end] = found.node.range;
      return fix(title, [{ start, end, newText: yamlText }], safe);
    },

    insertProperty(mapAt, key, yamlValue, title, safe = true) {
      const found = target(mapAt);
      const map = found.node;
      if (!isMap(map) || !map.range) return undefined;
      if (map.flow) {
        const lastPair = map.items[map.items.length - 1];
        if (!lastPair) {
          const close = text.lastIndexOf('}', map.range[1]);
          return close < 0 ? undefined : fix(title, [{ start: close, end: close, newText: `${key}: ${yamlValue}` }], safe);
        }
        // Right after the last value, so `{ a: 1 }` becomes `{ a: 1, b: 2 }`.
        const after = endOfNode(((lastPair.value as Node | null) ?? (lastPair.key as Node)) as Node);
        return fix(title, [{ start: after, end: after, newText: `, ${key}: ${yamlValue}` }], safe);
      }
      const first = map.items[0]?.key as Node | undefined;
      const last = map.items[map.items.length - 1];
      if (!first?.range || !last) return undefined;
      const indent = ' '.repeat(columnOf(first.range[0]));
      const lastNode = ((last.value as Node | null) ?? (last.key as Node)) as Node;
      const { at, prefix } = afterLine(endOfNode(lastNode));
      return fix(title, [{ start: at, end: at, newText: `${prefix}${indent}${key}: ${yamlValue}${eol}` }], safe);
    },

    appendSequenceItem(seqAt, itemLines, title, safe = true) {
      const found = target(seqAt);
      const seq = found.node;
      if (isSeq(seq) && seq.range && !seq.flow && seq.items.length > 0) {
        const firstItem = seq.items[0] as Node;
        const dashColumn = columnOf(text.lastIndexOf('-', firstItem.range![0]));
        const indent = ' '.repeat(dashColumn);
        const body = itemLines.map((line, i) => `${indent}${i === 0 ? '- ' : '  '}${line}`).join(eol);
        const { at, prefix } = afterLine(endOfNode(seq.items[seq.items.length - 1] as Node));
        return fix(title, [{ start: at, end: at, newText: `${prefix}${body}${eol}` }], safe);
      }
      if (found.node !== undefined || found.pair) return undefined;
      // The property is absent: add it to its parent mapping as a block sequence.
      const segments = typeof seqAt === 'string' ? seqAt.split('/').slice(1) : seqAt.map(String);
      const key = segments[segments.length - 1]!;
      const parent = resolvePointer(file.parsed, segments.slice(0, -1));
      const map = parent.node;
      if (!isMap(map) || map.flow || !map.items[0]) return undefined;
      const indent = ' '.repeat(columnOf((map.items[0].key as Node).range![0]));
      const body = itemLines.map((line, i) => `${indent}${i === 0 ? '  - ' : '    '}${line}`).join(eol);
      const last = map.items[map.items.length - 1]!;
      const { at, prefix } = afterLine(endOfNode(((last.value as Node | null) ?? (last.key as Node)) as Node));
      return fix(title, [{ start: at, end: at, newText: `${prefix}${indent}${key}:${eol}${body}${eol}` }], safe);
    },

    insertCommentAbove(line, comment, title, safe = false) {
      const offsets = file.parsed.lineCounter.lineStarts;
      const start = offsets[line - 1];
      if (start === undefined) return undefined;
      const indent = /^[ ]*/.exec(text.slice(start))![0];
      return fix(title, [{ start, end: start, newText: `${indent}# ${comment}${eol}` }], safe);
    },
  };
}

/** A scalar as YAML text: plain when that reads back as the same string, double-quoted otherwise. */
export function yamlScalar(value: string): string {
  const plainSafe = /^[\p{L}\p{N}_(][^\n:#'"{}[\],&*!|>%@`]*$/u.test(value) && !/\s$/.test(value) && !/^(true|false|null|~|yes|no|on|off|[-+]?[0-9.]+([eE][-+]?[0-9]+)?)$/i.test(value);
  return plainSafe ? value : JSON.stringify(value);
}
