import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import commonSchema from '../../../schemas/common.schema.json';
import systemSchema from '../../../schemas/system.schema.json';
import processSchema from '../../../schemas/process.schema.json';
import procedureSchema from '../../../schemas/procedure.schema.json';
import documentSchema from '../../../schemas/document.schema.json';
import entrySchema from '../../../schemas/qms.schema.json';

/** Annotation keywords our schemas carry for people (hover, messages), unknown to ajv. */
export const ANNOTATION_KEYWORDS = ['markdownDescription', 'x-hint'] as const;

export const SCHEMAS = [commonSchema, systemSchema, processSchema, procedureSchema, documentSchema, entrySchema] as const;

export type SchemaError = ErrorObject;

let compiled: { ajv: Ajv2020; validate: ValidateFunction } | undefined;

/** Compiled once per process: compiling costs far more than validating. */
export function schemaValidator(): { ajv: Ajv2020; validate: ValidateFunction } {
  if (!compiled) {
    const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true, allowUnionTypes: false });
    addFormats(ajv, ['date']);
    ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
    for (const schema of SCHEMAS.slice(0, -1)) ajv.addSchema(schema as object);
    compiled = { ajv, validate: ajv.compile(entrySchema as object) };
  }
  return compiled;
}

/** Validate one parsed file's value against the entry schema (which picks the kind). */
export function validateValue(value: unknown): SchemaError[] {
  const { validate } = schemaValidator();
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/** The schema object for a JSON Schema `$id` + `#/…` reference, for hover text and completion. */
export function schemaById(id: string): object | undefined {
  return schemaValidator().ajv.getSchema(id)?.schema as object | undefined;
}
