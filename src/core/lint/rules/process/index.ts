import type { Rule } from '../../rule';

/** The process/* rules, in the order RULES.md lists them. */
export const PROCESS_RULES: readonly Rule[] = [];
