import * as path from 'node:path';
import type { LocalizedText } from '../../../findings';
import { localDefinitionsOf, referencesOf, type LocalDefinition, type Reference } from '../../../model/references';
import type { SourceFile } from '../../../model/source-file';
import type { Workspace } from '../../../model/workspace';
import type { WorkspaceIndex } from '../../../model/workspace-index';
import { closestMatch } from '../../../schema/did-you-mean';

/**
 * Helpers shared by the ref/* rules and record/missing-retention (not a rule itself): cached
 * references and definitions, "did you mean" for codes, message fragments, fix placeholders.
 */


/** " Did you mean `x`?" in both languages. */
export function didYouMean(suggestion: string): LocalizedText {
  return { en: ` Did you mean \`${suggestion}\`?`, vi: ` Có phải ý bạn là \`${suggestion}\`?` };
}

/** "`a`, `b`, `c`" (at most `max`, then "…"). */
export function codeList(ids: Iterable<string>, max = 6): string {
  const all = [...new Set(ids)];
  const shown = all.slice(0, max).map((id) => `\`${id}\``);
  return all.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** A file's path relative to the workspace root, with forward slashes, for messages. */
export function workspacePath(workspace: Pick<Workspace, 'root'>, file: string): string {
  return path.relative(workspace.root, file).split(path.sep).join('/');
}

/** `Step \`id\`` or, without a usable id, `Step 3` (1-based), in both languages. */
export function stepLabel(step: unknown, index: number): LocalizedText {
  const id = field(step, 'id');
  return typeof id === 'string' && id !== ''
    ? { en: `Step \`${id}\``, vi: `Bước \`${id}\`` }
    : { en: `Step ${index + 1}`, vi: `Bước thứ ${index + 1}` };
}

/** `Record \`code\`` or `Record 2` (1-based), in both languages. */
export function recordLabel(record: unknown, index: number): LocalizedText {
  const code = field(record, 'code');
  return typeof code === 'string' && code !== ''
    ? { en: `Record \`${code}\``, vi: `Hồ sơ \`${code}\`` }
    : { en: `Record ${index + 1}`, vi: `Hồ sơ thứ ${index + 1}` };
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/** `/steps/3/forms/0` → ['steps', 3, 'forms', 0]: numbers for list indexes. */
export function segmentsOf(pointer: string): Array<string | number> {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
}

/** Where a form or record code is defined: the procedure file and the entry's title. */
export interface LocalCodeSite {
  file: string;
  title: string | undefined;
}

/**
 * Form and record codes each procedure defines, by code: built once per lint run (keyed by the
 * workspace index), so that "defined in another procedure" costs a lookup, not a scan.
 */
export interface LocalCodeIndex {
  forms: Map<string, LocalCodeSite[]>;
  records: Map<string, LocalCodeSite[]>;
}

const localCodeIndexes = new WeakMap<WorkspaceIndex, LocalCodeIndex>();

export function localCodeIndex(workspace: Workspace): LocalCodeIndex {
  let index = localCodeIndexes.get(workspace.index);
  if (index) return index;
  index = { forms: new Map(), records: new Map() };
  const add = (map: Map<string, LocalCodeSite[]>, entry: unknown, file: string) => {
    const code = field(entry, 'code');
    if (typeof code !== 'string') return;
    const title = field(entry, 'title');
    const site = { file, title: typeof title === 'string' && title.trim() !== '' ? title : undefined };
    const sites = map.get(code);
    if (!sites) map.set(code, [site]);
    else if (!sites.some((s) => s.file === file)) sites.push(site);
  };
  for (const file of workspace.files) {
    const model = file.model;
    if (model?.kind !== 'procedure') continue;
    for (const form of list(model.forms)) add(index.forms, form, file.path);
    for (const record of list(model.records)) add(index.records, record, file.path);
  }
  localCodeIndexes.set(workspace.index, index);
  return index;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A role id to put in a generated entry: the procedure's owner when it is a defined role, else the first defined role. */
export function placeholderRole(workspace: Workspace, owner: unknown): string | undefined {
  if (typeof owner === 'string' && ID.test(owner) && workspace.index.roles.has(owner)) return owner;
  for (const id of workspace.index.roles.keys()) if (ID.test(id)) return id;
  return undefined;
}

/** A retention period placeholder in the workspace's language. */
export function placeholderRetention(locale: unknown): string {
  return locale === 'vi' ? '5 năm' : '5 years';
}

/**
 * The other values of the list holding the value at `pointer` (empty when its parent is not a
 * list): a "did you mean" must not suggest one of them, or the list would hold it twice.
 */
export function siblingsOf(model: unknown, pointer: string): Set<string> {
  const segments = segmentsOf(pointer);
  const last = segments[segments.length - 1];
  if (typeof last !== 'number') return new Set();
  let node: unknown = model;
  for (const segment of segments.slice(0, -1)) node = typeof segment === 'number' ? list(node)[segment] : field(node, segment);
  return new Set(list(node).filter((value, i): value is string => i !== last && typeof value === 'string'));
}

/** The numbers in an id or code, as numbers: `BM-01/QT-05` → "1,5". */
function numbersOf(id: string): string {
  return (id.match(/\d+/g) ?? []).map((n) => String(Number(n))).join(',');
}

/**
 * "Did you mean" for ids and codes: the closest candidate that carries the same numbers. In a
 * code, another number is another document (`BM-04` is not a typo of `BM-01`, and replacing it
 * would be a wrong "safe" fix), while `BM-1`, `BM-O1` and `bm-01` are typos of `BM-01`.
 */
export function suggestId(word: string, candidates: Iterable<string>, exclude: ReadonlySet<string> = new Set()): string | undefined {
  const numbers = numbersOf(word);
  const same = [...candidates].filter((c) => !exclude.has(c) && numbersOf(c) === numbers);
  return closestMatch(word, same);
}

const referenceCache = new WeakMap<SourceFile, Reference[]>();
const definitionCache = new WeakMap<SourceFile, LocalDefinition[]>();

/**
 * `referencesOf` / `localDefinitionsOf`, computed once per loaded file and shared by the rules
 * (a SourceFile is immutable: an edit loads a new one).
 */
export function cachedReferencesOf(file: SourceFile): Reference[] {
  let refs = referenceCache.get(file);
  if (!refs) referenceCache.set(file, (refs = referencesOf(file)));
  return refs;
}

export function cachedLocalDefinitionsOf(file: SourceFile): LocalDefinition[] {
  let defs = definitionCache.get(file);
  if (!defs) definitionCache.set(file, (defs = localDefinitionsOf(file)));
  return defs;
}
