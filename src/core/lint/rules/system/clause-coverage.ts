import { clauseHeading, coverageGaps, editionOf, type DocumentedInformation } from '../../../data/clauses';
import type { LocalizedText } from '../../../findings';
import { defineWorkspaceRule } from '../../rule';

const WHAT: Record<DocumentedInformation, LocalizedText> = {
  maintain: { en: 'maintain', vi: 'duy trì' },
  retain: { en: 'retain', vi: 'lưu giữ' },
  both: { en: 'maintain and retain', vi: 'duy trì và lưu giữ' },
};

/** The clauses a process, procedure or document says it addresses; an obsolete document addresses nothing. */
function listedClauses(files: ReadonlyArray<{ model?: unknown }>): string[] {
  const listed: string[] = [];
  for (const file of files) {
    const model = file.model as { kind?: unknown; status?: unknown; clauses?: unknown } | undefined;
    if (!model || (model.kind !== 'process' && model.kind !== 'procedure' && model.kind !== 'document')) continue;
    if (model.status === 'obsolete' || !Array.isArray(model.clauses)) continue;
    for (const clause of model.clauses) if (typeof clause === 'string') listed.push(clause.trim());
  }
  return listed;
}

export const clauseCoverage = defineWorkspaceRule({
  id: 'system/clause-coverage',
  severity: 'info',
  clauses: ['4.3', '4.4.2', '7.5.1'],
  scope: 'workspace',
  description: {
    en: 'Clauses of the standard that call for documented information and that no process, procedure or document lists.',
    vi: 'Các điều khoản của tiêu chuẩn yêu cầu thông tin dạng văn bản mà chưa quá trình, quy trình hay tài liệu nào liệt kê.',
  },
  messages: {
    uncovered: {
      en: 'Clauses of {standard} that call for documented information and that no process, procedure or document lists under `clauses:` ({count}): {clauses}. Add each to the `clauses:` of the file that addresses it (a clause covers its sub-clauses); one that does not apply still belongs in the quality manual, with the justification (4.3).',
      vi: 'Các điều khoản của {standard} yêu cầu thông tin dạng văn bản mà chưa quá trình, quy trình hay tài liệu nào liệt kê trong mục `clauses:` ({count}): {clauses}. Hãy thêm từng điều khoản vào mục `clauses:` của tệp đáp ứng điều khoản đó (một điều khoản bao gồm các điều khoản con); điều khoản không áp dụng vẫn cần nêu trong sổ tay chất lượng kèm lý do (4.3).',
    },
  },
  check({ workspace, system, report }) {
    const systemFile = workspace.system;
    if (!systemFile || !system) return;
    // No catalogue for the edition named (a later one not shipped yet): nothing to compare against.
    const edition = editionOf(system.standard);
    if (!edition) return;
    const gaps = coverageGaps(listedClauses(workspace.files), edition);
    if (gaps.length === 0) return;
    const describe = (locale: 'en' | 'vi') =>
      gaps.map((gap) => `${gap.number} ${clauseHeading(gap.number, edition)?.[locale] ?? ''} (${WHAT[gap.documentedInformation][locale]})`).join('; ');
    report(systemFile, {
      messageId: 'uncovered',
      at: typeof system.standard === 'string' ? '/standard' : '/kind',
      target: typeof system.standard === 'string' ? 'value' : 'key',
      data: { standard: edition, count: gaps.length, clauses: { en: describe('en'), vi: describe('vi') } },
    });
  },
});
