import type { Rule } from '../../rule';

/** The flow/* rules, in the order RULES.md lists them. */
export const FLOW_RULES: readonly Rule[] = [];
