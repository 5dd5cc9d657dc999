import type { Rule } from '../../rule';

/** The system/* rules, in the order RULES.md lists them. */
export const SYSTEM_RULES: readonly Rule[] = [];
