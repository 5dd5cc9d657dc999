import { isScalar } from 'yaml';
import { localDefinitionsOf, referencesOf, type ReferenceKind } from '../model/references';
import type { SourceFile } from '../model/source-file';
import type { Kind } from '../model/types';
import type { Workspace } from '../model/workspace';
import { emptyIndex, indexFile, type DefinitionKind } from '../model/workspace-index';
import { joinPointer } from '../yaml/pointer';
import { modelOf, tolerant, withValueAt } from './model';
import { nodeAt, type NodeAt, type PathSegment } from './node-at';
import type { QmsSymbol, SymbolKind } from './types';

/** What a value place expects: an id or code defined elsewhere, or a clause number. */
export type Slot = ReferenceKind | 'clause';

const PROBE = '\u0000qms-probe';

/**
 * The reference kind expected at `path`, asked of `referencesOf` itself (with a probe value put
 * there), so that the editor and the ref/* rules always agree on what refers to what.
 */
export function slotAt(file: SourceFile, path: readonly PathSegment[]): Slot | undefined {
  const model = modelOf(file);
  if (!model) return undefined;
  if (model.kind !== 'system' && path.length === 2 && path[0] === 'clauses' && typeof path[1] === 'number') return 'clause';
  const probed = withValueAt(model, path, PROBE);
  if (probed === undefined) return undefined;
  const pointer = joinPointer(path);
  return referencesOf({ ...file, model: probed as SourceFile['model'] }).find((r) => r.pointer === pointer && r.id === PROBE)?.kind;
}

export function fileKind(file: SourceFile): Kind | undefined {
  return file.kind ?? modelOf(file)?.kind;
}

/** What a reference of this kind names, once its id is known (`party` is an external or a process). */
export function symbolKindOf(kind: ReferenceKind, id: string, workspace: Workspace): SymbolKind {
  switch (kind) {
    case 'party':
      if (workspace.index.externals.has(id)) return 'external';
      if (workspace.index.processes.has(id)) return 'process';
      return /^[a-z0-9-]+$/.test(id) ? 'external' : 'process';
    case 'controlled':
      return 'controlled';
    default:
      return kind;
  }
}

const DEFINITION_KIND: Record<DefinitionKind, SymbolKind> = {
  role: 'role',
  unit: 'unit',
  external: 'external',
  process: 'process',
  procedure: 'controlled',
  document: 'controlled',
};

/** The symbol a file defines at `pointer` (a role in qms.yaml, a step in a procedure…). */
export function definitionAt(file: SourceFile, pointer: string): QmsSymbol | undefined {
  const readable = tolerant(file);
  const local = localDefinitionsOf(readable).find((d) => d.pointer === pointer);
  if (local) return { kind: local.kind, id: local.id, file: file.path };
  const index = emptyIndex();
  indexFile(index, readable);
  for (const map of [index.roles, index.units, index.externals, index.processes, index.controlled]) {
    for (const definitions of map.values()) {
      const found = definitions.find((d) => d.pointer === pointer);
      if (found) return { kind: DEFINITION_KIND[found.kind], id: found.id };
    }
  }
  return undefined;
}

export interface SymbolAt {
  symbol: QmsSymbol;
  at: NodeAt;
  /** The cursor is on the definition itself (not on a reference to it). */
  isDefinition: boolean;
}

/** The id or code under the cursor, and what it names. */
export function symbolAt(workspace: Workspace, file: SourceFile, offset: number): SymbolAt | undefined {
  const at = nodeAt(file, offset);
  if (!at || at.on !== 'value' || !at.node || !isScalar(at.node) || typeof at.node.value !== 'string' || at.node.value === '') return undefined;
  const id = at.node.value;
  const definition = definitionAt(file, at.pointer);
  if (definition) return { symbol: definition, at, isDefinition: true };
  const slot = slotAt(file, at.path);
  if (!slot || slot === 'clause') return undefined;
  const kind = symbolKindOf(slot, id, workspace);
  const local = kind === 'step' || kind === 'form' || kind === 'record';
  return { symbol: local ? { kind, id, file: file.path } : { kind, id }, at, isDefinition: false };
}
