import { isMap, isSeq, type Node } from 'yaml';
import type { Fix, LocalizedText } from '../../../findings';
import { parseIsoDate } from '../../../flow/calendar';
import type { SourceFile } from '../../../model/source-file';
import type { SystemFile } from '../../../model/types';
import { resolvePointer } from '../../../yaml/pointer';
import type { FixBuilder } from '../../fix-builder';

/**
 * Helpers shared by the doc/* rules: tolerant reads of the document-control header (a value may
 * still be malformed when the schema failed) and the few text edits the fix builder lacks.
 */

export type Stage = 'prepared' | 'reviewed' | 'approved';
export const STAGES: readonly Stage[] = ['prepared', 'reviewed', 'approved'];

/** How a quality officer names each signature of the approval block, and the effective date. */
export const STAGE_NAMES: Record<Stage | 'effective', LocalizedText> = {
  prepared: { en: 'prepared', vi: 'soạn thảo' },
  reviewed: { en: 'reviewed', vi: 'xem xét' },
  approved: { en: 'approved', vi: 'phê duyệt' },
  effective: { en: 'effective', vi: 'hiệu lực' },
};

export function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A whole number the schema would accept as a counter (revision ≥ 1, amendment ≥ 0). */
export function counter(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** A valid `YYYY-MM-DD` date, else undefined (the schema reports malformed ones). */
export function isoDate(value: unknown): string | undefined {
  return parseIsoDate(value) ? (value as string) : undefined;
}

/** The language placeholder text is written in: the workspace's `locale` (Vietnamese unless `en`). */
export function workspaceLocale(system: SystemFile | undefined): 'vi' | 'en' {
  return system?.locale === 'en' ? 'en' : 'vi';
}

/** True when the node at `at` is a mapping written in flow style (`{ role: x, date: y }`). */
export function isFlowMap(file: SourceFile, at: string): boolean {
  const node = resolvePointer(file.parsed, at).node;
  return isMap(node) && Boolean(node.flow);
}

function fileFix(file: SourceFile, title: LocalizedText, start: number, newText: string, safe: boolean): Fix {
  return { title, safe, edits: [{ file: file.path, edits: [{ start, end: start, newText }] }] };
}

function eolOf(file: SourceFile): string {
  return file.parsed.text.includes('\r\n') ? '\r\n' : '\n';
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of a node's value, without the whitespace the parser counts into it. */
function valueEnd(text: string, node: Node): number {
  let end = node.range?.[1] ?? 0;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/**
 * Add `key: value` to the block mapping at `mapAt`, right after the first of `afterKeys` that
 * the mapping has (`effective:` goes after `revision:`, not at the end of the file); an empty
 * string in `afterKeys` stands for "before the first property". A value given as lines becomes
 * a block under the key. Falls back to the builder's "after the last property" when no place
 * is found or the mapping is in flow style (where a block value cannot go).
 */
export function insertPropertyAfter(
  file: SourceFile,
  builder: FixBuilder,
  mapAt: string,
  afterKeys: readonly string[],
  key: string,
  value: string | readonly string[],
  title: LocalizedText,
  safe = false,
): Fix | undefined {
  const { text } = file.parsed;
  const eol = eolOf(file);
  const map = resolvePointer(file.parsed, mapAt).node;
  if (isMap(map) && !map.flow && map.items.length > 0) {
    const firstKey = map.items[0]!.key as Node;
    const indent = ' '.repeat(firstKey.range![0] - lineStart(text, firstKey.range![0]));
    const lines = typeof value === 'string' ? [`${indent}${key}: ${value}`] : [`${indent}${key}:`, ...value.map((line) => `${indent}  ${line}`)];
    const newText = lines.join(eol) + eol;
    for (const after of afterKeys) {
      if (after === '') return fileFix(file, title, lineStart(text, firstKey.range![0]), newText, safe);
      const pair = map.items.find((item) => (item.key as { value?: unknown } | null)?.value === after);
      if (!pair) continue;
      const last = ((pair.value as Node | null) ?? (pair.key as Node)) as Node;
      const end = text.indexOf('\n', valueEnd(text, last));
      if (end === -1) return fileFix(file, title, text.length, eol + newText, safe);
      return fileFix(file, title, end + 1, newText, safe);
    }
  }
  if (typeof value !== 'string') return undefined;
  return builder.insertProperty(mapAt, key, value, title, safe);
}

/**
 * Insert an item (YAML lines of a mapping) before the first item of the block sequence at
 * `seqAt`: the history is newest first, so a new revision goes on top.
 */
export function insertFirstSequenceItem(file: SourceFile, seqAt: string, itemLines: readonly string[], title: LocalizedText, safe = false): Fix | undefined {
  const { text } = file.parsed;
  const seq = resolvePointer(file.parsed, seqAt).node;
  if (!isSeq(seq) || seq.flow || seq.items.length === 0) return undefined;
  const first = seq.items[0] as Node | null;
  if (!first?.range) return undefined;
  const dash = text.lastIndexOf('-', first.range[0]);
  if (dash < 0) return undefined;
  const start = lineStart(text, dash);
  const indent = text.slice(start, dash);
  if (!/^[ ]*$/.test(indent)) return undefined;
  const eol = eolOf(file);
  const body = itemLines.map((line, i) => `${indent}${i === 0 ? '- ' : '  '}${line}`).join(eol);
  return fileFix(file, title, start, `${body}${eol}`, safe);
}
