import type { Rule } from '../../rule';
import { clauseCoverage } from './clause-coverage';

/** The system/* rules, in the order RULES.md lists them. */
export const SYSTEM_RULES: readonly Rule[] = [clauseCoverage];
