import type { LocalizedText } from '../findings';
import { canonicalJson, releasedContent } from './fingerprint';

/**
 * What changed in a controlled document between two of its versions (the released copy and the
 * working copy): top-level sections, and steps, forms and records matched by their id or code.
 * Only the content a fingerprint covers is compared (see fingerprint.ts), so the diff is empty
 * exactly when the fingerprints are equal. Used by `doc/changed-without-revision` for its
 * message, by `qmskit diff`, and by the editor's flowchart diff.
 */

export interface FieldChange {
  field: string;
  /** undefined when the field is absent on that side. */
  before: unknown;
  after: unknown;
}

export interface ItemRef {
  key: string;
  /** Position in its list: in the working copy for added and changed items, in the released copy for removed ones. */
  index: number;
  /** `name` (steps) or `title` (forms, records), when there is one. */
  label?: string;
}

export interface ItemChange extends ItemRef {
  /** Index in the released copy. */
  releasedIndex: number;
  changes: FieldChange[];
}

export interface ListDiff {
  added: ItemRef[];
  removed: ItemRef[];
  changed: ItemChange[];
  /** The items both sides have are in a different order. */
  reordered: boolean;
}

export interface DocumentDiff {
  /** Top-level fields, other than `steps`, that appeared, disappeared or changed (sorted). */
  sections: { added: string[]; removed: string[]; changed: string[] };
  steps: ListDiff;
  forms: ListDiff;
  records: ListDiff;
  /** True when nothing differs. */
  identical: boolean;
}

/** Lists whose items are matched by a key rather than by position. */
const KEYED_LISTS = { steps: 'id', forms: 'code', records: 'code' } as const;

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

interface Keyed {
  key: string;
  index: number;
  value: unknown;
  label?: string;
}

function keyedItems(list: unknown, keyField: string): Keyed[] {
  if (!Array.isArray(list)) return [];
  const seen = new Map<string, number>();
  return list.map((value, index) => {
    const record = asRecord(value);
    const raw = record?.[keyField];
    let key = typeof raw === 'string' && raw !== '' ? raw : `#${index + 1}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count > 1) key = `${key}#${count}`;
    const label = typeof record?.name === 'string' ? record.name : typeof record?.title === 'string' ? record.title : undefined;
    return { key, index, value, label };
  });
}

function diffFields(before: unknown, after: unknown): FieldChange[] {
  const a = asRecord(before);
  const b = asRecord(after);
  if (!a || !b) return same(before, after) ? [] : [{ field: '', before, after }];
  // The order a quality officer reads a step in: as written in the working copy, then the rest.
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.filter((field) => !same(a[field], b[field])).map((field) => ({ field, before: a[field], after: b[field] }));
}

export function diffLists(before: unknown, after: unknown, keyField: string): ListDiff {
  const released = keyedItems(before, keyField);
  const working = keyedItems(after, keyField);
  const releasedByKey = new Map(released.map((item) => [item.key, item]));
  const workingKeys = new Set(working.map((item) => item.key));
  const diff: ListDiff = { added: [], removed: [], changed: [], reordered: false };
  for (const item of working) {
    const old = releasedByKey.get(item.key);
    if (!old) {
      diff.added.push({ key: item.key, index: item.index, label: item.label });
      continue;
    }
    const changes = diffFields(old.value, item.value);
    if (changes.length) diff.changed.push({ key: item.key, index: item.index, releasedIndex: old.index, label: item.label, changes });
  }
  for (const item of released) if (!workingKeys.has(item.key)) diff.removed.push({ key: item.key, index: item.index, label: item.label });
  const commonBefore = released.filter((item) => workingKeys.has(item.key)).map((item) => item.key);
  const commonAfter = working.filter((item) => releasedByKey.has(item.key)).map((item) => item.key);
  diff.reordered = commonBefore.some((key, i) => commonAfter[i] !== key);
  return diff;
}

function emptyList(diff: ListDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0 && !diff.reordered;
}

/** The structural difference between a released and a working version of one document. */
export function diffDocuments(released: unknown, working: unknown): DocumentDiff {
  const before = releasedContent(asRecord(released) ?? {});
  const after = releasedContent(asRecord(working) ?? {});
  const sections = { added: [] as string[], removed: [] as string[], changed: [] as string[] };
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    if (key === 'steps') continue;
    if (!(key in before)) sections.added.push(key);
    else if (!(key in after)) sections.removed.push(key);
    else if (!same(before[key], after[key])) sections.changed.push(key);
  }
  const steps = diffLists(before.steps, after.steps, KEYED_LISTS.steps);
  if (('steps' in before) !== ('steps' in after) && emptyList(steps)) (('steps' in before) ? sections.removed : sections.added).push('steps');
  const forms = diffLists(before.forms, after.forms, KEYED_LISTS.forms);
  const records = diffLists(before.records, after.records, KEYED_LISTS.records);
  const identical = sections.added.length + sections.removed.length + sections.changed.length === 0 && emptyList(steps);
  return { sections, steps, forms, records, identical };
}

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

const MAX_LISTED = 6;

function listed(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(', ');
  return items.length > MAX_LISTED ? `${shown}, … (+${items.length - MAX_LISTED})` : shown;
}

/**
 * One sentence part per kind of change, for a message: "step `tham-dinh` changed (duration);
 * step `x` added; sections changed: `purpose`".
 */
export function summarizeDiff(diff: DocumentDiff): LocalizedText {
  const en: string[] = [];
  const vi: string[] = [];
  const code = (key: string) => `\`${key}\``;
  const { steps, sections } = diff;
  if (steps.changed.length) {
    const items = steps.changed.map((c) => `${code(c.key)} (${c.changes.map((f) => f.field || 'value').join(', ')})`);
    en.push(`${steps.changed.length === 1 ? 'step' : 'steps'} ${listed(items)} changed`);
    vi.push(`sửa bước ${listed(items)}`);
  }
  if (steps.added.length) {
    const items = steps.added.map((s) => code(s.key));
    en.push(`${steps.added.length === 1 ? 'step' : 'steps'} ${listed(items)} added`);
    vi.push(`thêm bước ${listed(items)}`);
  }
  if (steps.removed.length) {
    const items = steps.removed.map((s) => code(s.key));
    en.push(`${steps.removed.length === 1 ? 'step' : 'steps'} ${listed(items)} removed`);
    vi.push(`bỏ bước ${listed(items)}`);
  }
  if (steps.reordered) {
    en.push('steps reordered');
    vi.push('đổi thứ tự các bước');
  }
  const changedSections = [...sections.changed, ...sections.added, ...sections.removed].sort();
  if (changedSections.length) {
    const items = changedSections.map(code);
    en.push(`${changedSections.length === 1 ? 'section' : 'sections'} ${listed(items)} changed`);
    vi.push(`sửa mục ${listed(items)}`);
  }
  return { en: en.join('; '), vi: vi.join('; ') };
}

/** A value in one line, for "before → after". */
export function showValue(value: unknown, locale: 'en' | 'vi' = 'en'): string {
  if (value === undefined) return locale === 'vi' ? '(không có)' : '(none)';
  let text: string;
  if (typeof value === 'string') text = value.replace(/\s+/g, ' ').trim();
  else if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) text = `[${value.map((v) => String(v)).join(', ')}]`;
  else if (typeof value === 'object' && value !== null) text = JSON.stringify(value);
  else text = String(value);
  return text.length > 80 ? text.slice(0, 77) + '...' : text;
}

const WORDS = {
  en: { steps: 'Steps', forms: 'Forms', records: 'Records', sections: 'Sections', reordered: 'order changed', none: 'No changes.', added: 'added', removed: 'removed', changed: 'changed' },
  vi: { steps: 'Các bước', forms: 'Biểu mẫu', records: 'Hồ sơ', sections: 'Các mục', reordered: 'đổi thứ tự', none: 'Không có thay đổi.', added: 'thêm', removed: 'bỏ', changed: 'sửa' },
} as const;

/** The diff as text lines, for `qmskit diff`: `+` added, `-` removed, `~` changed with each field's before → after. */
export function formatDiff(diff: DocumentDiff, locale: 'en' | 'vi' = 'en'): string[] {
  const w = WORDS[locale];
  if (diff.identical) return [w.none];
  const lines: string[] = [];
  const label = (item: ItemRef) => (item.label ? ` (${showValue(item.label, locale)})` : '');
  const list = (title: string, d: ListDiff) => {
    if (emptyList(d)) return;
    lines.push(`${title}:`);
    for (const item of d.added) lines.push(`  + ${item.key}${label(item)}`);
    for (const item of d.removed) lines.push(`  - ${item.key}${label(item)}`);
    for (const item of d.changed) {
      lines.push(`  ~ ${item.key}${label(item)}`);
      for (const change of item.changes) lines.push(`      ${change.field || 'value'}: ${showValue(change.before, locale)} → ${showValue(change.after, locale)}`);
    }
    if (d.reordered) lines.push(`  ↕ ${w.reordered}`);
  };
  list(w.steps, diff.steps);
  list(w.forms, diff.forms);
  list(w.records, diff.records);
  const { added, removed, changed } = diff.sections;
  const other = [...added.map((k) => `  + ${k}`), ...removed.map((k) => `  - ${k}`), ...changed.filter((k) => k !== 'forms' && k !== 'records').map((k) => `  ~ ${k}`)];
  if (other.length) lines.push(`${w.sections}:`, ...other);
  return lines;
}
