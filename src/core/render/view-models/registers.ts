import { CLAUSE_CATALOGUES, isCovered, isWithin, type DocumentedInformation } from '../../data/clauses';
import type { RecordDefinition } from '../../model/types';
import { formatRetention } from '../format';
import { documentTypeText } from './document';
import {
  compareCodes,
  controlledHeaderView,
  list,
  roleView,
  str,
  t,
  viewBase,
  type DateView,
  type FileBases,
  type RoleView,
  type ViewBase,
  type ViewContext,
} from './common';

/** One row of the master list of documents (VN: Danh mục tài liệu nội bộ). */
export interface MasterListRowView {
  /** Row number, from 1. */
  no: number;
  /** `QT-BCHQS-01`. */
  code: string;
  /** Its title. */
  title: string;
  /** `procedure` or `document`. */
  kind: 'procedure' | 'document';
  /** `procedure`, `manual`, `policy`, `objectives`, `instruction` or `other`. */
  type: string;
  /** The type in words: `Quy trình`, `Policy`. */
  typeText: string;
  /** Issue number. */
  revision: number;
  /** Issue number as the locale prints it (`02`, `2`). */
  revisionText: string;
  /** Amendment as the locale prints it; `''` when none. */
  amendmentText: string;
  /** Effective date; `null` when not set. */
  effective: DateView | null;
  /** `draft`, `review`, `approved` or `obsolete`. */
  status: string;
  /** The status in words. */
  statusText: string;
  /** The owner role. */
  owner: RoleView | null;
  /** The next periodic review; `null` when there is no date to count from. */
  nextReview: DateView | null;
  /** The process it belongs to (procedures); `''` otherwise. */
  process: string;
  /** Its output's path from the output root, without extension. */
  fileBase: string;
}

/** Counts by status, for the list's footer. */
export interface StatusCountsView {
  /** Every listed document. */
  total: number;
  /** Drafts and documents in review. */
  draft: number;
  /** Approved (in force). */
  approved: number;
  /** Obsolete. */
  obsolete: number;
}

/** The view model of the master list of documents: `master-list.hbs`. Procedures and documents, by code. */
export interface MasterListView extends ViewBase {
  /** Always `master-list`. */
  kind: 'master-list';
  /** Every controlled document, ordered by code (numbers in codes compare as numbers). */
  documents: MasterListRowView[];
  /** Counts by status. */
  counts: StatusCountsView;
}

/** One row of the records register (VN: Danh mục hồ sơ; ISO 9001 7.5.3). */
export interface RegisterRowView {
  /** Row number, from 1. */
  no: number;
  /** `HS-01/QT-BCHQS-06`. */
  code: string;
  /** The record. */
  title: string;
  /** The procedure that defines it. */
  procedure: { code: string; title: string; fileBase: string };
  /** Who keeps it; `null` when not said. */
  keeper: RoleView | null;
  /** Retention in words (`5 năm`, `Vĩnh viễn`); `''` when not said. */
  retention: string;
  /** Where it is kept; `''` when not said. */
  location: string;
  /** When it moves to the archive, in words; `''` when not said. */
  archiveTransfer: string;
}

/** The view model of the records register: `records-register.hbs`. Records by procedure code, in each procedure's order. */
export interface RecordsRegisterView extends ViewBase {
  /** Always `records-register`. */
  kind: 'records-register';
  /** Every record of every procedure that is not obsolete. */
  records: RegisterRowView[];
}

/** Whether a file addresses a clause: `full` (it lists the clause or one containing it), `part` (it lists a sub-clause), `''` (neither). */
export type CoverageMark = 'full' | 'part' | '';

/** A process or document that lists clauses: a column of the coverage matrix. */
export interface CoverageColumnView {
  /** Process id or document code. */
  code: string;
  /** Its name or title. */
  title: string;
  /** `process`, `procedure` or `document`. */
  kind: string;
}

/** One clause row of the coverage matrix. */
export interface CoverageRowView {
  /** `7.5.3`. */
  number: string;
  /** Its title in the locale. */
  title: string;
  /** Depth: 1 for clauses 4–10, 2 for 7.5, 3 for 7.5.3… */
  depth: number;
  /** What documented information the clause explicitly calls for: `maintain`, `retain`, `both`, or `''`. */
  documentedInformation: DocumentedInformation | '';
  /** That in words; `''` when none. */
  documentedInformationText: string;
  /** Processes addressing it (fully or in part). */
  processes: Array<{ code: string; title: string; mark: CoverageMark }>;
  /** Procedures and documents addressing it (fully or in part). */
  documents: Array<{ code: string; title: string; mark: CoverageMark }>;
  /** True when some file lists the clause or a clause containing it. */
  covered: boolean;
  /** True when the clause calls for documented information and nothing covers it: it stands out. */
  gap: boolean;
  /** One mark per column of `matrix.columns` (`●` full, `◐` part, `''`); empty when there is no matrix. */
  cells: string[];
}

/** The view model of the clause coverage matrix: `clause-coverage.hbs`. */
export interface ClauseCoverageView extends ViewBase {
  /** Always `clause-coverage`. */
  kind: 'clause-coverage';
  /** Every clause of the edition's catalogue, in catalogue order. */
  clauses: CoverageRowView[];
  /** The clauses that stand out (calling for documented information, not covered). */
  gaps: CoverageRowView[];
  /** The matrix's columns (processes by id, then documents by code); `null` when there are more than `MATRIX_MAX_COLUMNS` (the rows then list who addresses each clause). */
  matrix: { columns: CoverageColumnView[] } | null;
}

/** A matrix wider than this is not printed as one (it could not be read on A4). */
export const MATRIX_MAX_COLUMNS = 30;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortedControlled(ctx: ViewContext) {
  return [...ctx.controlled.entries()].sort(([a], [b]) => compareCodes(a, b));
}

export function masterListView(ctx: ViewContext, fileBases: FileBases): MasterListView {
  const documents: MasterListRowView[] = sortedControlled(ctx).map(([code, { model }], i) => {
    const header = controlledHeaderView(model, ctx);
    const type = model.kind === 'procedure' ? 'procedure' : str(model.type) || 'other';
    return {
      no: i + 1,
      code,
      title: header.title,
      kind: model.kind,
      type,
      typeText: documentTypeText(type, ctx),
      revision: header.revision,
      revisionText: header.revisionText,
      amendmentText: header.amendmentText,
      effective: header.effective,
      status: header.status,
      statusText: header.statusText,
      owner: header.owner,
      nextReview: header.status === 'obsolete' ? null : header.nextReview,
      process: model.kind === 'procedure' ? str(model.process) : '',
      fileBase: fileBases.get(code) ?? '',
    };
  });
  const count = (...statuses: string[]) => documents.filter((d) => statuses.includes(d.status)).length;
  return {
    ...viewBase(ctx),
    kind: 'master-list',
    documents,
    counts: { total: documents.length, draft: count('draft', 'review'), approved: count('approved'), obsolete: count('obsolete') },
  };
}

export function recordsRegisterView(ctx: ViewContext, fileBases: FileBases): RecordsRegisterView {
  const records: RegisterRowView[] = [];
  for (const [code, { model }] of sortedControlled(ctx)) {
    if (model.kind !== 'procedure' || model.status === 'obsolete') continue;
    for (const record of list<RecordDefinition>(model.records).filter(isRecord)) {
      records.push({
        no: records.length + 1,
        code: str(record.code),
        title: str(record.title),
        procedure: { code, title: str(model.title), fileBase: fileBases.get(code) ?? '' },
        keeper: roleView(record.keeper, ctx),
        retention: typeof record.retention === 'string' ? formatRetention(record.retention, ctx.locale) : '',
        location: str(record.location),
        archiveTransfer: typeof record.archive_transfer === 'string' ? formatRetention(record.archive_transfer, ctx.locale) : '',
      });
    }
  }
  return { ...viewBase(ctx), kind: 'records-register', records };
}

function mark(listed: readonly string[], number: string): CoverageMark {
  if (listed.some((entry) => isWithin(number, entry))) return 'full';
  if (listed.some((entry) => isWithin(entry, number))) return 'part';
  return '';
}

export function clauseCoverageView(ctx: ViewContext): ClauseCoverageView {
  const catalogue = CLAUSE_CATALOGUES[ctx.edition] ?? [];
  const clausesOf = (value: unknown) => list(value).filter((c) => typeof c === 'string' || typeof c === 'number').map(String);
  const processes = [...ctx.processes.entries()]
    .sort(([a], [b]) => compareCodes(a, b))
    .map(([code, { model }]) => ({ code, title: str(model.name), kind: 'process', listed: clausesOf(model.clauses) }));
  const documents = sortedControlled(ctx)
    .filter(([, { model }]) => model.status !== 'obsolete')
    .map(([code, { model }]) => ({ code, title: str(model.title), kind: model.kind as string, listed: clausesOf(model.clauses) }));
  const columns = [...processes, ...documents].filter((c) => c.listed.length > 0);
  const allListed = columns.flatMap((c) => c.listed);
  const withMatrix = columns.length <= MATRIX_MAX_COLUMNS;
  const rows: CoverageRowView[] = catalogue.map((clause) => {
    const addressing = (items: typeof processes) =>
      items.map((item) => ({ code: item.code, title: item.title, mark: mark(item.listed, clause.number) })).filter((item) => item.mark !== '');
    const covered = isCovered(clause.number, allListed);
    const di = clause.documentedInformation ?? '';
    return {
      number: clause.number,
      title: clause.title[ctx.locale],
      depth: clause.number.split('.').length,
      documentedInformation: di,
      documentedInformationText: di ? t(ctx, `di.${di}`) : '',
      processes: addressing(processes),
      documents: addressing(documents),
      covered,
      gap: di !== '' && !covered,
      cells: withMatrix ? columns.map((c) => ({ full: '●', part: '◐', '': '' })[mark(c.listed, clause.number)]) : [],
    };
  });
  return {
    ...viewBase(ctx),
    kind: 'clause-coverage',
    clauses: rows,
    gaps: rows.filter((r) => r.gap),
    matrix: withMatrix ? { columns: columns.map(({ code, title, kind }) => ({ code, title, kind })) } : null,
  };
}
