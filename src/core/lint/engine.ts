import { compareFindings, localize, type Finding, type Fix, type LocalizedText } from '../findings';
import type { SourceFile } from '../model/source-file';
import { systemModel, type Workspace } from '../model/workspace';
import { rangeAtPointer } from '../yaml/pointer';
import { findSuppressions, type Suppression } from '../yaml/suppressions';
import { lintConfig } from './config';
import { fixBuilder } from './fix-builder';
import type { FileRule, LintSettings, Report, Rule, WorkspaceRule } from './rule';
import { ALL_RULES } from './registry';
import { unusedDisableRule } from './rules/lint/unused-disable';

export interface LintOptions extends LintSettings {
  rules?: readonly Rule[];
  /** Lint only these files (absolute paths); workspace rules still see every file. */
  only?: ReadonlySet<string>;
  /** Rethrow a rule's exception instead of reporting it (tests). */
  throwOnRuleError?: boolean;
}

export interface LintResult {
  findings: Finding[];
}

/**
 * Runs every rule over a loaded workspace: syntax and schema findings come from loading; rules
 * add the semantic ones; severities come from qms.yaml; suppression comments silence findings
 * and an unused suppression is itself reported.
 */
export function lintWorkspace(workspace: Workspace, options: LintOptions): LintResult {
  const rules = options.rules ?? ALL_RULES;
  const system = systemModel(workspace);
  const config = lintConfig(system);
  const raw: Finding[] = [...workspace.findings];
  const included = (file: SourceFile) => !options.only || options.only.has(file.path);

  for (const file of workspace.files) if (included(file)) raw.push(...file.findings);

  const toFinding = (rule: Rule, file: SourceFile, report: Report<string>): Finding => {
    const severity = config.severityOf(rule.id, rule.severity);
    const message = rule.messages[report.messageId] as LocalizedText | undefined;
    if (!message) throw new Error(`Rule ${rule.id} reported unknown message id "${report.messageId}"`);
    const finding: Finding = {
      ruleId: rule.id,
      severity: severity === 'off' ? rule.severity : severity,
      message: localize(message, report.data),
      file: file.path,
      range: rangeAtPointer(file.parsed, report.at, report.target ?? 'value'),
    };
    if (report.related?.length) {
      finding.related = report.related.map((related) => {
        const relatedFile = workspace.index.byPath.get(related.file) ?? file;
        return {
          file: related.file,
          range: rangeAtPointer(relatedFile.parsed, related.at, 'value'),
          message: localize(rule.messages[related.messageId] as LocalizedText, related.data),
        };
      });
    }
    const fixes = report.fixes?.filter((fix): fix is Fix => fix !== undefined);
    if (fixes?.length) finding.fixes = fixes;
    return finding;
  };

  const runSafely = (rule: Rule, file: SourceFile | undefined, run: () => void) => {
    try {
      run();
    } catch (error) {
      if (options.throwOnRuleError) throw error;
      if (file) raw.push(ruleCrashFinding(rule, file, error));
    }
  };

  const settings: LintSettings = { today: options.today };
  // Decided once: the editor lints one file of a thousand, and every rule would ask again.
  const targets = workspace.files.filter((file) => included(file) && file.model && file.kind);
  for (const rule of rules) {
    if (config.severityOf(rule.id, rule.severity) === 'off') continue;
    if (rule.scope === 'file') {
      const fileRule = rule as FileRule<string>;
      for (const file of targets) {
        if (!fileRule.kinds.includes(file.kind!)) continue;
        runSafely(rule, file, () =>
          fileRule.check({
            workspace,
            system,
            settings,
            file,
            model: file.model!,
            fix: fixBuilder(file),
            report: (report) => raw.push(toFinding(rule, file, report)),
          }),
        );
      }
    } else {
      const workspaceRule = rule as WorkspaceRule<string>;
      runSafely(rule, workspace.system ?? workspace.files[0], () =>
        workspaceRule.check({
          workspace,
          system,
          settings,
          fixFor: fixBuilder,
          includes: included,
          report: (file, report) => {
            if (included(file)) raw.push(toFinding(rule, file, report));
          },
        }),
      );
    }
  }

  dropFindingsOnRejectedValues(raw);
  const findings: Finding[] = [];
  const unusedRuleSeverity = config.severityOf(unusedDisableRule.id, unusedDisableRule.severity);
  const rawByFile = new Map<string, Finding[]>();
  for (const finding of raw) {
    const list = rawByFile.get(finding.file);
    if (list) list.push(finding);
    else rawByFile.set(finding.file, [finding]);
  }
  for (const file of workspace.files) {
    if (!included(file)) continue;
    const fileFindings = rawByFile.get(file.path) ?? [];
    const suppressions = findSuppressions(file.parsed);
    const used = new Set<string>();
    for (const finding of fileFindings) {
      const severity = finding.ruleId.includes('/') ? config.severityOf(finding.ruleId, finding.severity) : finding.severity;
      if (severity === 'off') continue;
      const silencedBy = suppressionFor(suppressions, finding);
      if (silencedBy) {
        used.add(`${silencedBy.line}|${silencedBy.ruleIds.length ? finding.ruleId : '*'}`);
        continue;
      }
      findings.push({ ...finding, severity });
    }
    if (unusedRuleSeverity !== 'off') {
      for (const finding of unusedSuppressionFindings(file, suppressions, used)) findings.push({ ...finding, severity: unusedRuleSeverity });
    }
  }
  // Findings on files outside the workspace's list (a missing qms.yaml) are kept as they are.
  const listed = new Set(workspace.files.map((f) => f.path));
  for (const finding of raw) if (!listed.has(finding.file)) findings.push(finding);
  findings.sort(compareFindings);
  return { findings };
}

/** Schema keywords that reject a value itself (as opposed to a missing or unknown property). */
const VALUE_KEYWORDS = new Set(['schema/type', 'schema/pattern', 'schema/enum', 'schema/format', 'schema/minimum', 'schema/maximum']);

/**
 * One problem, one finding: a rule that reports a value the schema already rejected (a role
 * written `Buyer`, a code with a space) would only repeat it less precisely. Done here, once,
 * rather than in every rule.
 */
function dropFindingsOnRejectedValues(findings: Finding[]): void {
  const rejected = new Set(findings.filter((f) => VALUE_KEYWORDS.has(f.ruleId)).map((f) => `${f.file}|${f.range.start.offset}|${f.range.end.offset}`));
  if (rejected.size === 0) return;
  for (let i = findings.length - 1; i >= 0; i--) {
    const f = findings[i]!;
    if (!f.ruleId.startsWith('schema/') && rejected.has(`${f.file}|${f.range.start.offset}|${f.range.end.offset}`)) findings.splice(i, 1);
  }
}

function suppressionFor(suppressions: Suppression[], finding: Finding): Suppression | undefined {
  return suppressions.find(
    (s) => s.targetLine === finding.range.start.line && (s.ruleIds.length === 0 || s.ruleIds.includes(finding.ruleId)),
  );
}

function unusedSuppressionFindings(file: SourceFile, suppressions: Suppression[], used: Set<string>): Finding[] {
  const findings: Finding[] = [];
  for (const suppression of suppressions) {
    if (suppression.ruleIds.length === 0) {
      if (!used.has(`${suppression.line}|*`)) findings.push(unusedFinding(file, suppression, undefined));
      continue;
    }
    suppression.ruleIds.forEach((ruleId, i) => {
      if (!used.has(`${suppression.line}|${ruleId}`)) findings.push(unusedFinding(file, suppression, ruleId, i));
    });
  }
  return findings;
}

function unusedFinding(file: SourceFile, suppression: Suppression, ruleId: string | undefined, index = 0): Finding {
  const messages = unusedDisableRule.messages;
  return {
    ruleId: unusedDisableRule.id,
    severity: unusedDisableRule.severity,
    file: file.path,
    range: ruleId ? suppression.ruleRanges[index]! : suppression.range,
    message: ruleId ? localize(messages.unusedRule, { ruleId, line: suppression.targetLine }) : localize(messages.unusedAll, { line: suppression.targetLine }),
    fixes: [removeSuppressionFix(file, suppression, ruleId, index)],
  };
}

function removeSuppressionFix(file: SourceFile, suppression: Suppression, ruleId: string | undefined, index: number) {
  const { text } = file.parsed;
  const title = { en: 'Remove the unused suppression', vi: 'Xóa chỉ thị bỏ qua không dùng đến' };
  if (!ruleId || suppression.ruleIds.length === 1) {
    const start = file.parsed.lineCounter.lineStarts[suppression.line - 1]!;
    const next = text.indexOf('\n', start);
    const end = next === -1 ? text.length : next + 1;
    return { title, safe: true, edits: [{ file: file.path, edits: [{ start, end, newText: '' }] }] };
  }
  const range = suppression.ruleRanges[index]!;
  // Take the separating blank before the id with it.
  let start = range.start.offset;
  while (start > 0 && /[ \t,]/.test(text[start - 1]!)) start--;
  return { title, safe: true, edits: [{ file: file.path, edits: [{ start, end: range.end.offset, newText: '' }] }] };
}

function ruleCrashFinding(rule: Rule, file: SourceFile, error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: 'lint/rule-error',
    severity: 'warning',
    file: file.path,
    range: rangeAtPointer(file.parsed, '', 'key'),
    message: {
      en: `Rule ${rule.id} could not check this file (${reason}). Fix the schema problems above first; if none are left, please report this.`,
      vi: `Quy tắc ${rule.id} không kiểm tra được tệp này (${reason}). Hãy sửa các lỗi lược đồ trước; nếu không còn lỗi nào, vui lòng báo lại.`,
    },
  };
}
