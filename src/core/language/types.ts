import type { LocalizedText, SourceRange } from '../findings';

/**
 * What the language service hands the editor. Offsets are 0-based into the file's text (BOM
 * removed), like every offset in core; ranges in other files are `SourceRange`s, which carry both.
 */
export interface OffsetSpan {
  start: number;
  end: number;
}

/** A place in some file of the workspace. */
export interface Location {
  file: string;
  range: SourceRange;
}

/** What an id or code names: the things the editor can follow, find and rename. */
export type SymbolKind = 'role' | 'unit' | 'external' | 'process' | 'controlled' | 'step' | 'form' | 'record';

export interface QmsSymbol {
  kind: SymbolKind;
  id: string;
  /** Steps, forms and records belong to their procedure: the file that defines them. */
  file?: string;
}

export type CompletionKind =
  | 'role'
  | 'unit'
  | 'external'
  | 'process'
  | 'procedure'
  | 'document'
  | 'step'
  | 'form'
  | 'record'
  | 'clause'
  | 'value'
  | 'property';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** One line next to the label (a name, a clause title). */
  detail?: LocalizedText;
  /** Markdown shown beside the list. */
  documentation?: LocalizedText;
  insertText: string;
  /** What the editor matches the typed text against (the insert text, without a leading space). */
  filterText: string;
  /** Keeps the order the service chose (file order, schema order). */
  sortText: string;
  /** The text the item replaces: the value or key under the cursor, or an empty span at it. */
  range: OffsetSpan;
}

export interface HoverResult {
  /** Markdown. */
  contents: LocalizedText;
  range: SourceRange;
}

export interface PrepareRenameResult {
  range: SourceRange;
  placeholder: string;
}

export interface RenameEdit {
  start: number;
  end: number;
  newText: string;
  /** The same span as a range, so that a file need not be opened to place the edit. */
  range: SourceRange;
}

export interface RenameFileEdits {
  file: string;
  edits: RenameEdit[];
}

/** An answer, or why there is none (shown to the user). */
export type Refusal = { error: LocalizedText };

export type OutlineKind =
  | 'header'
  | 'field'
  | 'list'
  | 'step'
  | 'decision'
  | 'form'
  | 'record'
  | 'service'
  | 'unit'
  | 'role'
  | 'external'
  | 'input'
  | 'output'
  | 'kpi'
  | 'risk'
  | 'section';

export interface OutlineSymbol {
  name: LocalizedText;
  detail?: LocalizedText;
  kind: OutlineKind;
  /** The whole entry. */
  range: SourceRange;
  /** The part to reveal and highlight: the id or the key. Inside `range`. */
  selectionRange: SourceRange;
  children: OutlineSymbol[];
}

/** The same text in both languages (names written in the files are not translated). */
export function same(text: string): LocalizedText {
  return { en: text, vi: text };
}

/** Text from a file, safe inside Markdown. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`);
}
