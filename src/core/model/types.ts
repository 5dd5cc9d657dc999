/**
 * The QMS format as TypeScript types. The JSON Schemas in `schemas/` are the source of truth;
 * these types describe a value that passed them (optional where the schema leaves a field to a
 * semantic rule). Keep them in step with the schemas when either changes.
 */

export type Kind = 'system' | 'process' | 'procedure' | 'document';
export const KINDS: readonly Kind[] = ['system', 'process', 'procedure', 'document'];

export type Status = 'draft' | 'review' | 'approved' | 'obsolete';
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type RuleSetting = 'off' | 'info' | 'warning' | 'error';

export interface NamedEntity {
  id: string;
  name: string;
}

export interface Role extends NamedEntity {
  unit?: string;
  holder?: string;
}

export interface SupersededInstrument {
  instrument: string;
  replaced_by?: string;
  since: string;
  note?: string;
}

export interface SystemFile {
  kind: 'system';
  organization: { name: string; short?: string; parent?: string; address?: string; place?: string };
  locale?: 'vi' | 'en';
  standard?: string;
  review_interval?: string;
  calendar?: { workdays?: Weekday[]; hours_per_day?: number; holidays?: string[] };
  units?: Array<NamedEntity & { parent?: string }>;
  roles: Role[];
  externals?: NamedEntity[];
  numbering?: Partial<Record<'procedure' | 'form' | 'record' | 'process' | 'document', string>>;
  output?: { dir?: string; formats?: Array<'html' | 'md'> };
  templates?: Record<string, string>;
  lint?: { rules?: Record<string, RuleSetting> };
  superseded?: SupersededInstrument[];
  release?: { counter?: 'revision' | 'amendment' };
}

export interface ProcessFile {
  kind: 'process';
  id: string;
  name: string;
  owner: string;
  purpose?: string;
  clauses?: string[];
  inputs?: Array<{ name: string; from?: string }>;
  outputs?: Array<{ name: string; to?: string }>;
  procedures?: string[];
  resources?: string[];
  kpis?: Array<{ name: string; target?: string; frequency?: string; method?: string }>;
  risks?: Array<{ id?: string; description: string; likelihood?: number; impact?: number; treatment?: string }>;
  opportunities?: Array<{ description: string; action?: string }>;
}

export interface ApprovalEntry {
  role?: string;
  date?: string;
}

export interface HistoryEntry {
  revision: number;
  amendment?: number;
  date: string;
  change: string;
  pages?: string;
}

/** The document-control header shared by procedures and other controlled documents (7.5.2). */
export interface ControlledDocument {
  code: string;
  title: string;
  owner: string;
  status: Status;
  revision: number;
  amendment?: number;
  effective?: string;
  review_interval?: string;
  approval?: { prepared?: ApprovalEntry; reviewed?: ApprovalEntry; approved?: ApprovalEntry };
  distribution?: string[];
  clauses?: string[];
  history?: HistoryEntry[];
}

export interface Step {
  id: string;
  name: string;
  role?: string;
  duration?: string;
  phase?: string;
  forms?: string[];
  records?: string[];
  next?: string | string[];
  decision?: string;
  branches?: Array<{ when: string; next: string }>;
  end?: boolean;
  pauses_clock?: boolean;
  description?: string;
}

export interface Form {
  code: string;
  title: string;
  file?: string;
}

export interface RecordDefinition {
  code: string;
  title: string;
  keeper?: string;
  retention?: string;
  location?: string;
  archive_transfer?: string;
  form?: string;
}

export interface ServiceFacts {
  portal_code?: string;
  field?: string;
  conditions?: string;
  dossier?: Array<{ item: string; form?: string; copies?: number; original?: boolean; note?: string }>;
  time_limit?: string;
  time_limit_variants?: Array<{ when: string; limit: string }>;
  receiving_place?: string;
  fee?: number | string;
  channels?: Array<'direct' | 'online' | 'postal'>;
  online?: 'full' | 'partial' | 'none';
  result?: string;
  legal_basis?: string[];
}

export interface ProcedureFile extends ControlledDocument {
  kind: 'procedure';
  process: string;
  purpose?: string;
  scope?: string;
  references?: string[];
  terms?: Record<string, string>;
  service?: ServiceFacts;
  steps: Step[];
  forms?: Form[];
  records?: RecordDefinition[];
}

export interface DocumentFile extends ControlledDocument {
  kind: 'document';
  type: 'manual' | 'policy' | 'objectives' | 'instruction' | 'other';
  references?: string[];
  sections?: Array<{ title: string; body: string }>;
}

export type QmsFile = SystemFile | ProcessFile | ProcedureFile | DocumentFile;
export type ControlledFile = ProcedureFile | DocumentFile;
