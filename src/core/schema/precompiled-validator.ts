import type { ValidateFunction } from 'ajv/dist/2020';

/**
 * The build replaces this module with ajv's standalone code for the entry schema, generated
 * from `createAjv()` (scripts/generate-validator.ts). From source (tests), there is none and the
 * schema is compiled on first use.
 */
export const precompiledValidator: ValidateFunction | undefined = undefined;
