import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { CLAUSE_CATALOGUES } from '../data/clauses';
import type { LocalizedText } from '../findings';
import { yamlScalar } from '../lint/fix-builder';
import { localDefinitionsOf } from '../model/references';
import type { SourceFile } from '../model/source-file';
import type { Kind, ProcedureFile, Step } from '../model/types';
import type { Workspace } from '../model/workspace';
import type { Definition } from '../model/workspace-index';
import { keyText } from '../yaml/pointer';
import { clauseOf, roleDetails, stepDetails, workspacePath } from './describe';
import { modelOf, tolerant } from './model';
import { nodeAt, type NodeAt, type PathSegment } from './node-at';
import { descriptionOf, enumValues, isObjectSchema, propertiesOf, schemaAt } from './schema';
import { fileKind, slotAt, type Slot } from './symbols-at';
import { escapeMarkdown as md, same, type CompletionItem, type CompletionKind } from './types';

interface Candidate {
  value: string | number | boolean;
  kind: CompletionKind;
  detail?: LocalizedText;
  documentation?: LocalizedText;
}

/**
 * Completion at an offset: the ids and codes a place expects (roles, steps, forms, clauses…),
 * the schema's enum values, or the property names the schema allows there.
 */
export function complete(workspace: Workspace, file: SourceFile, offset: number): CompletionItem[] {
  const at = nodeAt(file, offset);
  if (!at) return [];
  const kind = fileKind(file);
  const text = file.parsed.text;
  if (at.on === 'key') return propertyItems(kind, at.path.slice(0, -1), at, presentKeys(at), text);

  const schema = schemaAt(kind, at.path);
  const slot = slotAt(file, at.path);
  if (slot) return valueItems(slotCandidates(workspace, file, slot, at), at, text);
  if (schema) {
    const values = enumValues(schema);
    if (values.length) {
      const documentation = descriptionOf(schema);
      return valueItems(values.map((value) => ({ value, kind: 'value' as const, documentation: documentation ? same(documentation) : undefined })), at, text);
    }
    // `- ` in a list of mappings (a new step): the item's properties.
    if (!at.node && isObjectSchema(schema)) return propertyItems(kind, at.path, at, new Set(), text);
  }
  return [];
}

function presentKeys(at: NodeAt): Set<string> {
  const keys = new Set<string>();
  if (isMap(at.parent)) {
    for (const pair of at.parent.items) {
      if (isPair(pair) && pair.key !== at.node) {
        const key = keyText(pair.key);
        if (key !== undefined) keys.add(key);
      }
    }
  }
  return keys;
}

function propertyItems(kind: Kind | undefined, container: PathSegment[], at: NodeAt, present: Set<string>, text: string): CompletionItem[] {
  const schema = schemaAt(kind, container);
  if (!schema) return [];
  return propertiesOf(schema)
    .filter((property) => !present.has(property.name))
    .map((property, i) => {
      const description = descriptionOf(property.schema);
      const insertText = at.hasColon ? property.name : `${property.name}: `;
      return {
        label: property.name,
        kind: 'property' as const,
        detail: property.required ? { en: 'required', vi: 'bắt buộc' } : undefined,
        documentation: description ? same(description) : undefined,
        insertText: leadingSpace(text, at) + insertText,
        filterText: property.name,
        sortText: sortKey(i),
        range: at.span,
      };
    });
}

function valueItems(candidates: Candidate[], at: NodeAt, text: string): CompletionItem[] {
  const existing = text.slice(at.span.start, at.span.end);
  const siblings = siblingValues(at);
  return candidates
    .filter((c) => !siblings.has(String(c.value)))
    .map((c, i) => {
      const insert = typeof c.value === 'string' ? quoteLike(existing, c.value) : String(c.value);
      return {
        label: String(c.value),
        kind: c.kind,
        detail: c.detail,
        documentation: c.documentation,
        insertText: leadingSpace(text, at) + insert,
        filterText: insert,
        sortText: sortKey(i),
        range: at.span,
      };
    });
}

/** Values already in the same list (a list holds each once). */
function siblingValues(at: NodeAt): Set<string> {
  const values = new Set<string>();
  if (isSeq(at.parent)) {
    for (const item of at.parent.items) if (isScalar(item) && item !== at.node && item.value !== null) values.add(String(item.value));
  }
  return values;
}

/** In the quoting the user started with; plain when YAML reads it back unchanged. */
function quoteLike(existing: string, value: string): string {
  if (existing.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  if (existing.startsWith('"')) return JSON.stringify(value);
  return yamlScalar(value);
}

/** Right after `role:`, `[a,` or a dash, the value needs a space before it. */
function leadingSpace(text: string, at: NodeAt): string {
  const before = text[at.span.start - 1];
  if (before === ':' || before === ',') return ' ';
  const lineStart = text.lastIndexOf('\n', at.span.start - 1) + 1;
  return /^\s*-$/.test(text.slice(lineStart, at.span.start)) ? ' ' : '';
}

function sortKey(i: number): string {
  return String(i).padStart(4, '0');
}

function first(definitions: Map<string, Definition[]>): Definition[] {
  return [...definitions.values()].map((list) => list[0]!).filter(Boolean);
}

function slotCandidates(workspace: Workspace, file: SourceFile, slot: Slot, at: NodeAt): Candidate[] {
  const { index } = workspace;
  const named = (d: Definition, kind: CompletionKind, documentation?: LocalizedText): Candidate => ({
    value: d.id,
    kind,
    detail: d.name ? same(d.name) : undefined,
    documentation,
  });
  const fileOf = (d: Definition): LocalizedText => same(`\`${md(workspacePath(workspace, d.file))}\``);
  switch (slot) {
    case 'role':
      return first(index.roles).map((d) => named(d, 'role', roleDetails(workspace, d.id)));
    case 'unit':
      return first(index.units).map((d) => named(d, 'unit'));
    case 'party':
      return [...first(index.externals).map((d) => named(d, 'external')), ...first(index.processes).map((d) => named(d, 'process', fileOf(d)))];
    case 'process':
      return first(index.processes).map((d) => named(d, 'process', fileOf(d)));
    case 'controlled': {
      const all = first(index.controlled);
      return [...all.filter((d) => d.kind === 'procedure'), ...all.filter((d) => d.kind !== 'procedure')].map((d) =>
        named(d, d.kind === 'procedure' ? 'procedure' : 'document', fileOf(d)),
      );
    }
    case 'step': {
      const model = modelOf(file) as ProcedureFile | undefined;
      const steps = Array.isArray(model?.steps) ? model.steps : [];
      const current = typeof at.path[1] === 'number' ? (steps[at.path[1]] as Step | undefined)?.id : undefined;
      return localDefinitionsOf(tolerant(file))
        .filter((d) => d.kind === 'step' && d.id !== current)
        .map((d) => {
          const step = steps[d.index] as Step;
          return { value: d.id, kind: 'step' as const, detail: typeof step.name === 'string' ? same(step.name) : undefined, documentation: stepDetails(workspace, step) };
        });
    }
    case 'form':
    case 'record': {
      const model = modelOf(file) as ProcedureFile | undefined;
      const entries = (slot === 'form' ? model?.forms : model?.records) ?? [];
      return localDefinitionsOf(tolerant(file))
        .filter((d) => d.kind === slot)
        .map((d) => {
          const title = (entries[d.index] as { title?: unknown } | undefined)?.title;
          return { value: d.id, kind: slot, detail: typeof title === 'string' ? same(title) : undefined };
        });
    }
    case 'clause': {
      const { edition } = clauseOf(workspace, '');
      return (CLAUSE_CATALOGUES[edition] ?? []).map((clause) => ({ value: clause.number, kind: 'clause' as const, detail: clause.title, documentation: clause.summary }));
    }
  }
}
