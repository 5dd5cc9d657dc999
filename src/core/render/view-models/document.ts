import type { SourceFile } from '../../model/source-file';
import type { DocumentFile } from '../../model/types';
import { controlledHeaderView, list, str, viewBase, type ControlledHeaderView, type ViewBase, type ViewContext } from './common';

/** One section of a controlled document. */
export interface SectionView {
  /** Section number, from 1. */
  no: number;
  /** Its heading. */
  title: string;
  /**
   * Its body, the author's Markdown as written. Print it with `{{markdown body}}`: in HTML the
   * helper renders and sanitises it, in Markdown it passes it through with raw HTML escaped.
   * Printed with `{{body}}` it shows as plain (escaped) text.
   */
  body: string;
}

/** The view model of a controlled document (manual, policy, objectives, instruction): `document.hbs` / `document.md.hbs`. */
export interface DocumentView extends ViewBase {
  /** Always `document`. */
  kind: 'document';
  /** The output's file name without extension. */
  fileBase: string;
  /** The document-control header, approval block, history, stamps. */
  doc: ControlledHeaderView;
  /** `manual`, `policy`, `objectives`, `instruction` or `other`. */
  type: string;
  /** The type in words: `Chính sách`, `Quality manual`. */
  typeText: string;
  /** References. */
  references: string[];
  /** The sections, in order. */
  sections: SectionView[];
}

const TYPES = {
  vi: { manual: 'Sổ tay chất lượng', policy: 'Chính sách', objectives: 'Mục tiêu', instruction: 'Hướng dẫn', other: 'Tài liệu', procedure: 'Quy trình' },
  en: { manual: 'Quality manual', policy: 'Policy', objectives: 'Objectives', instruction: 'Work instruction', other: 'Document', procedure: 'Procedure' },
} as const;

/** The kind of a controlled document in words (the master list's "Type" column). */
export function documentTypeText(type: string, ctx: Pick<ViewContext, 'locale'>): string {
  return (TYPES[ctx.locale] as Record<string, string>)[type] ?? type;
}

export function documentView(file: SourceFile, ctx: ViewContext, fileBase: string): DocumentView {
  const model = file.model as DocumentFile;
  const type = str(model.type) || 'other';
  return {
    ...viewBase(ctx),
    kind: 'document',
    fileBase,
    doc: controlledHeaderView(model, ctx),
    type,
    typeText: documentTypeText(type, ctx),
    references: list(model.references).map(str).filter(Boolean),
    sections: list<{ title?: unknown; body?: unknown }>(model.sections)
      .filter((s) => typeof s === 'object' && s !== null)
      .map((section, i) => ({ no: i + 1, title: str(section.title), body: str(section.body) })),
  };
}
