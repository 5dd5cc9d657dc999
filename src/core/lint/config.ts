import type { Severity } from '../findings';
import type { SystemFile, RuleSetting } from '../model/types';

/** The severity each rule runs at: its default, or what `lint.rules` in qms.yaml says. */
export interface LintConfig {
  severityOf(ruleId: string, defaultSeverity: Severity): Severity | 'off';
}

export function lintConfig(system: SystemFile | undefined): LintConfig {
  const settings = (system?.lint?.rules ?? {}) as Record<string, RuleSetting | undefined>;
  return {
    severityOf: (ruleId, defaultSeverity) => settings[ruleId] ?? defaultSeverity,
  };
}
