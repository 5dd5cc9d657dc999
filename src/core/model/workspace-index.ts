import type { SourceFile } from './source-file';
import type { QmsFile } from './types';

export type DefinitionKind = 'process' | 'procedure' | 'document' | 'role' | 'unit' | 'external';

/** Where an id or code is defined: the file and the JSON pointer of the id's value. */
export interface Definition {
  kind: DefinitionKind;
  id: string;
  file: string;
  pointer: string;
  name?: string;
}

/**
 * Ids and codes across files. Lists, not single entries, so duplicates stay visible to
 * `ref/duplicate-id` instead of being silently overwritten.
 */
export interface WorkspaceIndex {
  roles: Map<string, Definition[]>;
  units: Map<string, Definition[]>;
  externals: Map<string, Definition[]>;
  processes: Map<string, Definition[]>;
  /** Procedures and documents share one code space: a code names one controlled document. */
  controlled: Map<string, Definition[]>;
  byPath: Map<string, SourceFile>;
}

export function emptyIndex(): WorkspaceIndex {
  return { roles: new Map(), units: new Map(), externals: new Map(), processes: new Map(), controlled: new Map(), byPath: new Map() };
}

function add(map: Map<string, Definition[]>, definition: Definition): void {
  const list = map.get(definition.id);
  if (list) list.push(definition);
  else map.set(definition.id, [definition]);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function entity(value: unknown): { id: string; name?: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, name } = value as { id?: unknown; name?: unknown };
  return typeof id === 'string' ? { id, name: typeof name === 'string' ? name : undefined } : undefined;
}

export function indexFile(index: WorkspaceIndex, file: SourceFile): void {
  index.byPath.set(file.path, file);
  const model = file.model as QmsFile | undefined;
  if (!model) return;
  switch (model.kind) {
    case 'system':
      for (const [list, kind, map] of [
        [model.roles, 'role', index.roles],
        [model.units, 'unit', index.units],
        [model.externals, 'external', index.externals],
      ] as const) {
        asList(list).forEach((item, i) => {
          const e = entity(item);
          if (e) add(map, { kind, id: e.id, name: e.name, file: file.path, pointer: `/${kind === 'role' ? 'roles' : kind === 'unit' ? 'units' : 'externals'}/${i}/id` });
        });
      }
      break;
    case 'process':
      if (typeof model.id === 'string') add(index.processes, { kind: 'process', id: model.id, name: str(model.name), file: file.path, pointer: '/id' });
      break;
    case 'procedure':
    case 'document':
      if (typeof model.code === 'string') add(index.controlled, { kind: model.kind, id: model.code, name: str(model.title), file: file.path, pointer: '/code' });
      break;
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function buildIndex(files: Iterable<SourceFile>): WorkspaceIndex {
  const index = emptyIndex();
  for (const file of files) indexFile(index, file);
  return index;
}
