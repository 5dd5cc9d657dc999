import type { Rule, RuleMeta } from './rule';
import { unusedDisableRule } from './rules/lint/unused-disable';
import { SYNTAX_RULE, SCHEMA_RULE, WORKSPACE_RULES } from './built-in-meta';

/** Every semantic rule, in the order the docs list them. */
export const ALL_RULES: readonly Rule[] = [];

/** Metadata of every rule id a finding can carry, including those reported by loading. */
export const ALL_RULE_META: readonly RuleMeta[] = [SYNTAX_RULE, SCHEMA_RULE, ...ALL_RULES, unusedDisableRule, ...WORKSPACE_RULES];

export function ruleMeta(ruleId: string): RuleMeta | undefined {
  const id = ruleId.startsWith('schema/') ? SCHEMA_RULE.id : ruleId;
  return ALL_RULE_META.find((rule) => rule.id === id);
}
