import type { Rule } from '../../rule';

/** The legal/* rules, in the order RULES.md lists them. */
export const LEGAL_RULES: readonly Rule[] = [];
