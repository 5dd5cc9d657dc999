import type { SourceFile } from './source-file';
import type { QmsFile } from './types';

/**
 * Every place a file names an id or code defined elsewhere, with its JSON pointer. The rules
 * check them; the editor follows them (go to definition, find references, rename).
 */
export type ReferenceKind =
  /** A role id from qms.yaml. */
  | 'role'
  /** A unit id from qms.yaml. */
  | 'unit'
  /** An external id or a process id (process inputs and outputs). */
  | 'party'
  /** A process id. */
  | 'process'
  /** A procedure or document code. */
  | 'controlled'
  /** A step id of the same procedure. */
  | 'step'
  /** A form code of the same procedure. */
  | 'form'
  /** A record code of the same procedure. */
  | 'record';

export interface Reference {
  kind: ReferenceKind;
  id: string;
  pointer: string;
}

/** A definition inside a procedure (steps, forms, records), local to that file. */
export interface LocalDefinition {
  kind: 'step' | 'form' | 'record';
  id: string;
  pointer: string;
  index: number;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

export function referencesOf(file: SourceFile): Reference[] {
  const model = file.model as QmsFile | undefined;
  if (!model) return [];
  const refs: Reference[] = [];
  const add = (kind: ReferenceKind, id: unknown, pointer: string) => {
    if (typeof id === 'string' && id !== '') refs.push({ kind, id, pointer });
  };
  switch (model.kind) {
    case 'system':
      list(model.roles).forEach((role, i) => add('unit', field(role, 'unit'), `/roles/${i}/unit`));
      list(model.units).forEach((unit, i) => add('unit', field(unit, 'parent'), `/units/${i}/parent`));
      break;
    case 'process':
      add('role', model.owner, '/owner');
      list(model.inputs).forEach((input, i) => add('party', field(input, 'from'), `/inputs/${i}/from`));
      list(model.outputs).forEach((output, i) => add('party', field(output, 'to'), `/outputs/${i}/to`));
      list(model.procedures).forEach((code, i) => add('controlled', code, `/procedures/${i}`));
      break;
    case 'procedure':
    case 'document': {
      add('role', model.owner, '/owner');
      const approval = field(model, 'approval');
      for (const stage of ['prepared', 'reviewed', 'approved'] as const) add('role', field(field(approval, stage), 'role'), `/approval/${stage}/role`);
      list(model.distribution).forEach((unit, i) => add('unit', unit, `/distribution/${i}`));
      if (model.kind === 'document') break;
      add('process', model.process, '/process');
      list(model.steps).forEach((step, i) => {
        add('role', field(step, 'role'), `/steps/${i}/role`);
        const next = field(step, 'next');
        if (typeof next === 'string') add('step', next, `/steps/${i}/next`);
        else list(next).forEach((target, j) => add('step', target, `/steps/${i}/next/${j}`));
        list(field(step, 'branches')).forEach((branch, j) => add('step', field(branch, 'next'), `/steps/${i}/branches/${j}/next`));
        list(field(step, 'forms')).forEach((code, j) => add('form', code, `/steps/${i}/forms/${j}`));
        list(field(step, 'records')).forEach((code, j) => add('record', code, `/steps/${i}/records/${j}`));
      });
      list(field(model.service, 'dossier')).forEach((item, i) => add('form', field(item, 'form'), `/service/dossier/${i}/form`));
      list(model.records).forEach((record, i) => {
        add('role', field(record, 'keeper'), `/records/${i}/keeper`);
        add('form', field(record, 'form'), `/records/${i}/form`);
      });
      break;
    }
  }
  return refs;
}

/** Steps, forms and records a procedure defines, in file order. */
export function localDefinitionsOf(file: SourceFile): LocalDefinition[] {
  const model = file.model as QmsFile | undefined;
  if (model?.kind !== 'procedure') return [];
  const defs: LocalDefinition[] = [];
  list(model.steps).forEach((step, index) => {
    const id = field(step, 'id');
    if (typeof id === 'string') defs.push({ kind: 'step', id, pointer: `/steps/${index}/id`, index });
  });
  list(model.forms).forEach((form, index) => {
    const code = field(form, 'code');
    if (typeof code === 'string') defs.push({ kind: 'form', id: code, pointer: `/forms/${index}/code`, index });
  });
  list(model.records).forEach((record, index) => {
    const code = field(record, 'code');
    if (typeof code === 'string') defs.push({ kind: 'record', id: code, pointer: `/records/${index}/code`, index });
  });
  return defs;
}
