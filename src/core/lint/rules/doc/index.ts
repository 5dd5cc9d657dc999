import type { Rule } from '../../rule';

/** The doc/* rules, in the order RULES.md lists them. */
export const DOC_RULES: readonly Rule[] = [];
