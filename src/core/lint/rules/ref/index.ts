import type { Rule } from '../../rule';
import { unknownRole } from './unknown-role';

/** The ref/* rules, in the order RULES.md lists them. */
export const REF_RULES: readonly Rule[] = [unknownRole];
