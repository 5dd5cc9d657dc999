import type { LocalizedText } from '../findings';
import type { Kind } from '../model/types';
import { ENTRY_SCHEMA, SCHEMAS } from '../schema/validator';
import type { PathSegment } from './node-at';

/**
 * The JSON Schemas read as documentation: which properties a place allows, their descriptions,
 * enum values, and which shared definition (`id`, `duration`…) a value follows. The schemas are
 * the source of truth for hover and completion text.
 */
type Schema = Record<string, unknown>;

const BY_ID = new Map<string, Schema>(SCHEMAS.map((schema) => [(schema as Schema).$id as string, schema as Schema]));
const KIND_SCHEMA: Record<Kind, string> = {
  system: 'https://qmskit.dev/schemas/system.schema.json',
  process: 'https://qmskit.dev/schemas/process.schema.json',
  procedure: 'https://qmskit.dev/schemas/procedure.schema.json',
  document: 'https://qmskit.dev/schemas/document.schema.json',
};
const COMMON = 'https://qmskit.dev/schemas/common.schema.json';

/** A place in a schema: the schema written there, then what its `$ref`s lead to. */
export interface SchemaView {
  chain: Schema[];
  /** The last shared definition reached through `$ref` (`id`, `workDuration`, `documentCode`…). */
  definition: string | undefined;
  /** The schema document relative `$ref`s resolve against. */
  base: string;
  /** Reached through `additionalProperties`: the key is the user's own (a term), not a property. */
  free?: boolean;
}

function view(schema: Schema, base: string): SchemaView {
  const chain: Schema[] = [schema];
  let definition: string | undefined;
  let current = schema;
  for (let guard = 0; typeof current.$ref === 'string' && guard < 16; guard++) {
    const [url, fragment = ''] = (current.$ref as string).split('#');
    if (url) base = url;
    let target: unknown = BY_ID.get(base);
    for (const segment of fragment.split('/').filter(Boolean)) target = (target as Schema | undefined)?.[segment];
    if (typeof target !== 'object' || target === null) break;
    definition = fragment.split('/').pop();
    current = target as Schema;
    chain.push(current);
  }
  return { chain, definition, base };
}

/** The schema of a whole file of this kind (the entry schema when the kind is not known yet). */
export function fileSchema(kind: Kind | undefined): SchemaView {
  return kind ? view(BY_ID.get(KIND_SCHEMA[kind])!, KIND_SCHEMA[kind]) : view(ENTRY_SCHEMA as Schema, (ENTRY_SCHEMA as Schema).$id as string);
}

function branches(v: SchemaView): SchemaView[] {
  const out: SchemaView[] = [];
  for (const schema of v.chain) {
    for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
      const list = schema[keyword];
      if (Array.isArray(list)) for (const branch of list) if (typeof branch === 'object' && branch) out.push(view(branch as Schema, v.base));
    }
  }
  return out;
}

/** The schema of one step down: a property (string) or a list item (number). */
export function childSchema(v: SchemaView, segment: PathSegment): SchemaView | undefined {
  for (const schema of v.chain) {
    if (typeof segment === 'number') {
      if (typeof schema.items === 'object' && schema.items) return view(schema.items as Schema, v.base);
    } else {
      const properties = schema.properties as Record<string, Schema> | undefined;
      if (properties && Object.hasOwn(properties, segment)) return view(properties[segment]!, v.base);
    }
  }
  for (const branch of branches(v)) {
    const found = childSchema(branch, segment);
    if (found) return found;
  }
  if (typeof segment === 'string') {
    for (const schema of v.chain) {
      if (typeof schema.additionalProperties === 'object' && schema.additionalProperties) return { ...view(schema.additionalProperties as Schema, v.base), free: true };
    }
  }
  return undefined;
}

export function schemaAt(kind: Kind | undefined, path: readonly PathSegment[]): SchemaView | undefined {
  // `kind` itself: every kind is offered, not only the one the file has.
  if (path.length === 1 && path[0] === 'kind') return childSchema(fileSchema(undefined), 'kind');
  let current: SchemaView | undefined = fileSchema(kind);
  for (const segment of path) {
    current = current && childSchema(current, segment);
    if (!current) return undefined;
  }
  return current;
}

export interface PropertyInfo {
  name: string;
  schema: SchemaView;
  required: boolean;
}

/** The properties an object schema allows, in schema order. */
export function propertiesOf(v: SchemaView): PropertyInfo[] {
  const seen = new Map<string, PropertyInfo>();
  const collect = (w: SchemaView) => {
    const required = new Set(w.chain.flatMap((s) => (Array.isArray(s.required) ? (s.required as string[]) : [])));
    for (const schema of w.chain) {
      const properties = schema.properties as Record<string, Schema> | undefined;
      for (const [name, property] of Object.entries(properties ?? {})) {
        if (!seen.has(name)) seen.set(name, { name, schema: view(property, w.base), required: required.has(name) });
      }
    }
  };
  collect(v);
  for (const branch of branches(v)) if (isObjectSchema(branch)) collect(branch);
  return [...seen.values()];
}

export function isObjectSchema(v: SchemaView): boolean {
  return v.chain.some((s) => s.type === 'object' || typeof s.properties === 'object') || branches(v).some((b) => b.chain.some((s) => s.type === 'object'));
}

/** Allowed values: `enum`, `const`, or `true`/`false` for a boolean. */
export function enumValues(v: SchemaView): Array<string | number | boolean> {
  const values: Array<string | number | boolean> = [];
  const add = (value: unknown) => {
    if ((typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && !values.includes(value)) values.push(value);
  };
  for (const schema of v.chain) {
    if (Array.isArray(schema.enum)) schema.enum.forEach(add);
    if ('const' in schema) add(schema.const);
    if (schema.type === 'boolean') [true, false].forEach(add);
  }
  for (const branch of branches(v)) enumValues(branch).forEach(add);
  return values;
}

/** Markdown to show for a property: the most specific `markdownDescription` or `description`. */
export function descriptionOf(v: SchemaView): string | undefined {
  for (const schema of v.chain) {
    if (typeof schema.markdownDescription === 'string') return schema.markdownDescription;
    if (typeof schema.description === 'string') return schema.description;
  }
  return undefined;
}

/** The one-line `description` (for completion details). */
export function shortDescriptionOf(v: SchemaView): string | undefined {
  for (const schema of v.chain) if (typeof schema.description === 'string') return schema.description;
  return undefined;
}

/** The pattern and the hint of a shared definition (`id`, `processId`, `documentCode`). */
export function definitionPattern(name: 'id' | 'processId' | 'documentCode'): { pattern: RegExp; hint: LocalizedText } {
  const defs = (BY_ID.get(COMMON)!.$defs ?? {}) as Record<string, Schema>;
  const def = defs[name]!;
  return { pattern: new RegExp(def.pattern as string, 'u'), hint: def['x-hint'] as LocalizedText };
}
