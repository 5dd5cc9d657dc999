import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import commonSchema from '../../../schemas/common.schema.json';
import systemSchema from '../../../schemas/system.schema.json';
import processSchema from '../../../schemas/process.schema.json';
import procedureSchema from '../../../schemas/procedure.schema.json';
import documentSchema from '../../../schemas/document.schema.json';
import entrySchema from '../../../schemas/qms.schema.json';
import { precompiledValidator } from './precompiled-validator';

/** Annotation keywords our schemas carry for people (hover, messages), unknown to ajv. */
export const ANNOTATION_KEYWORDS = ['markdownDescription', 'x-hint'] as const;

export const SCHEMAS = [commonSchema, systemSchema, processSchema, procedureSchema, documentSchema, entrySchema] as const;
export const ENTRY_SCHEMA = entrySchema;

export type SchemaError = ErrorObject;

/**
 * The one ajv set-up, for compiling at run time and for the build, which turns the same
 * compilation into standalone code (`code.source`) so that the bundles skip the compile.
 */
export function createAjv(options: { source?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true, allowUnionTypes: false, code: { source: options.source ?? false } });
  addFormats(ajv, ['date']);
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  for (const schema of SCHEMAS.slice(0, -1)) ajv.addSchema(schema as object);
  return ajv;
}

let validator: ValidateFunction | undefined;

/**
 * The validator of the entry schema. Bundles carry it precompiled (compiling costs a quarter of a
 * second per process or thread); tests and other callers compile it once on first use.
 */
export function schemaValidator(): ValidateFunction {
  validator ??= precompiledValidator ?? createAjv().compile(entrySchema as object);
  return validator;
}

/** Validate one parsed file's value against the entry schema (which picks the kind). */
export function validateValue(value: unknown): SchemaError[] {
  const validate = schemaValidator();
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
