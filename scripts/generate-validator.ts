// Writes ajv's standalone validation code for the entry schema (build step; see build.mjs).
import { writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import standaloneCode from 'ajv/dist/standalone';
import { createAjv, ENTRY_SCHEMA } from '../src/core/schema/validator';

const out = process.argv[2]!;
const ajv = createAjv({ source: true });
const validate = ajv.compile(ENTRY_SCHEMA as object);
const code = standaloneCode(ajv, validate);
mkdirSync(path.dirname(out), { recursive: true });
// The module the bundles import in place of src/core/schema/precompiled-validator.ts.
writeFileSync(out, `${code}\nmodule.exports.precompiledValidator = module.exports;\n`);
