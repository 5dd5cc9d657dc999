import type { Locale } from '../findings';
import type { RuleMeta } from './rule';

/** The README's rule table, generated from rule metadata so that it can never drift. */
export function ruleTable(rules: readonly RuleMeta[], locale: Locale = 'en'): string {
  const header = locale === 'vi' ? '| quy tắc | mức mặc định | điều khoản | sửa tự động | báo cáo |' : '| rule | default | ISO 9001:2015 | fix | what it reports |';
  const lines = [header, '| --- | --- | --- | --- | --- |'];
  for (const rule of rules) {
    const page = rule.id === 'schema/*' ? 'schema' : rule.id;
    lines.push(
      `| [\`${rule.id}\`](docs/rules/${page}.md) | ${rule.severity} | ${rule.clauses.join(', ') || '—'} | ${rule.fixable ? '✓' : ''} | ${rule.description[locale].replace(/\|/g, '\\|')} |`,
    );
  }
  return lines.join('\n');
}

export const RULE_TABLE_START = '<!-- rules:start (generated from rule metadata: UPDATE_DOCS=1 npx vitest run test/docs) -->';
export const RULE_TABLE_END = '<!-- rules:end -->';
