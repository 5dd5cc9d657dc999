import { localDefinitionsOf, referencesOf, type ReferenceKind } from '../model/references';
import type { SourceFile } from '../model/source-file';
import type { Workspace } from '../model/workspace';
import type { Definition } from '../model/workspace-index';
import { idRangeAt, tolerant } from './model';
import { symbolAt, symbolKindOf } from './symbols-at';
import type { Location, QmsSymbol } from './types';

/** A place that names a symbol: the file, and the JSON pointer of the id's value. */
export interface Site {
  file: SourceFile;
  pointer: string;
}

function globalDefinitions(workspace: Workspace, symbol: QmsSymbol): Definition[] {
  const { index } = workspace;
  switch (symbol.kind) {
    case 'role':
      return index.roles.get(symbol.id) ?? [];
    case 'unit':
      return index.units.get(symbol.id) ?? [];
    case 'external':
      return index.externals.get(symbol.id) ?? [];
    case 'process':
      return index.processes.get(symbol.id) ?? [];
    case 'controlled':
      return index.controlled.get(symbol.id) ?? [];
    default:
      return [];
  }
}

/** Where a symbol is defined (more than one place when it is defined twice). */
export function definitionSites(workspace: Workspace, symbol: QmsSymbol): Site[] {
  if (symbol.file) {
    const file = workspace.index.byPath.get(symbol.file);
    if (!file) return [];
    return localDefinitionsOf(tolerant(file))
      .filter((d) => d.kind === symbol.kind && d.id === symbol.id)
      .map((d) => ({ file, pointer: d.pointer }));
  }
  return globalDefinitions(workspace, symbol).flatMap((d) => {
    const file = workspace.index.byPath.get(d.file);
    return file ? [{ file, pointer: d.pointer }] : [];
  });
}

function matches(kind: ReferenceKind, id: string, symbol: QmsSymbol, workspace: Workspace): boolean {
  if (id !== symbol.id) return false;
  if (kind === 'party') return symbolKindOf(kind, id, workspace) === symbol.kind;
  return (kind === 'controlled' ? 'controlled' : kind) === symbol.kind;
}

/** Every place that refers to a symbol (not its definition), in workspace file order. */
export function referenceSites(workspace: Workspace, symbol: QmsSymbol): Site[] {
  const files = symbol.file ? [workspace.index.byPath.get(symbol.file)].filter((f): f is SourceFile => !!f) : workspace.files;
  const sites: Site[] = [];
  for (const file of files) {
    for (const reference of referencesOf(tolerant(file))) {
      if (matches(reference.kind, reference.id, symbol, workspace)) sites.push({ file, pointer: reference.pointer });
    }
  }
  return sites;
}

export function locationOf(site: Site): Location | undefined {
  const range = idRangeAt(site.file, site.pointer);
  return range && { file: site.file.path, range };
}

function locations(sites: Site[]): Location[] {
  return sites.map(locationOf).filter((l): l is Location => !!l);
}

/** Go to definition: where the id or code under the cursor is defined, in whichever file. */
export function definition(workspace: Workspace, file: SourceFile, offset: number): Location[] {
  const found = symbolAt(workspace, file, offset);
  return found ? locations(definitionSites(workspace, found.symbol)) : [];
}

/** Find all references: every place that names the id or code under the cursor (from its definition or any reference). */
export function references(workspace: Workspace, file: SourceFile, offset: number, includeDeclaration: boolean): Location[] {
  const found = symbolAt(workspace, file, offset);
  if (!found) return [];
  const declarations = includeDeclaration ? definitionSites(workspace, found.symbol) : [];
  return locations([...declarations, ...referenceSites(workspace, found.symbol)]);
}
