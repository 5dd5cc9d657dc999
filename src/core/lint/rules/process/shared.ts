import { isSeq } from 'yaml';
import type { Fix, LocalizedText, TextEdit } from '../../../findings';
import type { SourceFile } from '../../../model/source-file';
import type { SystemFile } from '../../../model/types';
import { resolvePointer } from '../../../yaml/pointer';
import { yamlScalar, type FixBuilder } from '../../fix-builder';
import type { Pointer } from '../../rule';

/**
 * Helpers shared by the process/* rules: tolerant reads (a value may still be malformed when
 * the schema failed) and the list edits the fix builder lacks.
 */

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function field(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The language placeholder text is written in: the workspace's `locale` (Vietnamese unless `en`). */
export function placeholderLocale(system: SystemFile | undefined): 'vi' | 'en' {
  return system?.locale === 'en' ? 'en' : 'vi';
}

/** A list that is absent, or present and empty: "no entries" (anything else is the schema's to report). */
export function isMissingList(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0);
}

/** A mapping as a one-line YAML flow mapping: `{ name: x, target: y }`. */
export function flowMapping(entries: ReadonlyArray<[string, string]>): string {
  return `{ ${entries.map(([key, value]) => `${key}: ${yamlScalar(value)}`).join(', ')} }`;
}

/**
 * Give the list at `at` one item: append it to a block list, replace an empty `[]` (or a `key:`
 * with nothing after it) by a one-item flow list, or add the property when it is absent. A
 * non-empty flow list gets `, item` before its closing bracket.
 */
export function addListItem(
  file: SourceFile,
  builder: FixBuilder,
  at: Pointer,
  item: { lines: string[]; flow: string },
  title: LocalizedText,
  safe = false,
): Fix | undefined {
  const found = resolvePointer(file.parsed, at);
  const node = found.node;
  if (node === undefined && found.pair) {
    // `key:` with nothing after it: write the list right after the colon.
    const keyEnd = (found.pair.key as { range?: [number, number, number] }).range?.[1];
    const colon = keyEnd === undefined ? -1 : file.parsed.text.indexOf(':', keyEnd);
    if (colon < 0) return undefined;
    return editFix(file, title, [{ start: colon + 1, end: colon + 1, newText: ` [${item.flow}]` }], safe);
  }
  if (isSeq(node) && node.flow && node.range) {
    const text = file.parsed.text;
    const close = text.lastIndexOf(']', node.range[1]);
    if (close < node.range[0]) return undefined;
    return editFix(file, title, [{ start: close, end: close, newText: node.items.length === 0 ? item.flow : `, ${item.flow}` }], safe);
  }
  return builder.appendSequenceItem(at, item.lines, title, safe);
}

export function editFix(file: SourceFile, title: LocalizedText, edits: TextEdit[], safe: boolean): Fix {
  return { title, safe, edits: [{ file: file.path, edits }] };
}

/**
 * One fix doing what several do, for findings only a combination removes. Insertions at the same
 * offset are joined in the order given (applying them separately would reverse them).
 */
export function combineFixes(title: LocalizedText, fixes: Array<Fix | undefined>, safe = false): Fix | undefined {
  if (fixes.some((f) => f === undefined)) return undefined;
  const byFile = new Map<string, TextEdit[]>();
  for (const fix of fixes as Fix[]) {
    for (const { file, edits } of fix.edits) {
      const list = byFile.get(file) ?? [];
      for (const edit of edits) {
        const same = list.find((e) => e.start === edit.start && e.end === edit.start && edit.end === edit.start);
        if (same) same.newText += edit.newText.replace(/^\r?\n/, '');
        else list.push({ ...edit });
      }
      byFile.set(file, list);
    }
  }
  return { title, safe, edits: [...byFile].map(([file, edits]) => ({ file, edits })) };
}

/** "Process `P-01`", or "This process" without a usable id, in both languages. */
export function processLabel(id: unknown): LocalizedText {
  return typeof id === 'string' && id !== ''
    ? { en: `Process \`${id}\``, vi: `Quá trình \`${id}\`` }
    : { en: 'This process', vi: 'Quá trình này' };
}
