import type { Rule } from '../../rule';
import { unknownRole } from './unknown-role';
import { unknownStep } from './unknown-step';
import { unknownForm } from './unknown-form';
import { unknownRecord } from './unknown-record';
import { unknownProcess } from './unknown-process';
import { unknownProcedure } from './unknown-procedure';
import { duplicateId } from './duplicate-id';
import { unusedForm } from './unused-form';
import { unusedRecord } from './unused-record';

/** The ref/* rules, in the order RULES.md lists them. */
export const REF_RULES: readonly Rule[] = [
  unknownRole,
  unknownStep,
  unknownForm,
  unknownRecord,
  unknownProcess,
  unknownProcedure,
  duplicateId,
  unusedForm,
  unusedRecord,
];
