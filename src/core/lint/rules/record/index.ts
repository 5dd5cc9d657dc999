import type { Rule } from '../../rule';

/** The record/* rules, in the order RULES.md lists them. */
export const RECORD_RULES: readonly Rule[] = [];
