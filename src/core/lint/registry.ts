import type { Rule, RuleMeta } from './rule';
import { unusedDisableRule } from './rules/lint/unused-disable';
import { SYNTAX_RULE, SCHEMA_RULE, WORKSPACE_RULES } from './built-in-meta';
import { REF_RULES } from './rules/ref';
import { FLOW_RULES } from './rules/flow';
import { TIME_RULES } from './rules/time';
import { DOC_RULES } from './rules/doc';
import { LEGAL_RULES } from './rules/legal';
import { RECORD_RULES } from './rules/record';
import { PROCESS_RULES } from './rules/process';
import { SYSTEM_RULES } from './rules/system';

/** Every semantic rule, in the order RULES.md lists them. Each group's index lists its rules. */
export const ALL_RULES: readonly Rule[] = [
  ...REF_RULES,
  ...FLOW_RULES,
  ...TIME_RULES,
  ...DOC_RULES,
  ...LEGAL_RULES,
  ...RECORD_RULES,
  ...PROCESS_RULES,
  ...SYSTEM_RULES,
];

/** Metadata of every rule id a finding can carry, including those reported by loading. */
export const ALL_RULE_META: readonly RuleMeta[] = [SYNTAX_RULE, SCHEMA_RULE, ...ALL_RULES, unusedDisableRule, ...WORKSPACE_RULES];

export function ruleMeta(ruleId: string): RuleMeta | undefined {
  const id = ruleId.startsWith('schema/') ? SCHEMA_RULE.id : ruleId;
  return ALL_RULE_META.find((rule) => rule.id === id);
}
