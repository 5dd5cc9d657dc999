import type { Rule } from '../../rule';

/** The time/* rules, in the order RULES.md lists them. */
export const TIME_RULES: readonly Rule[] = [];
