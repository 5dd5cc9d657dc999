import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULE_META } from '../../src/core/lint/registry';
import { RULE_TABLE_END, RULE_TABLE_START, ruleTable } from '../../src/core/lint/rule-table';
import { fixtureFiles, lintFiles } from '../helpers/fixture-workspace';

const REPO = path.join(__dirname, '../..');
const DOCS = path.join(REPO, 'docs/rules');
/** Rules about the workspace as a whole or the toolkit itself: no single-file example fits. */
const WITHOUT_EXAMPLES = new Set(['workspace/missing-system', 'workspace/unreadable-file', 'lint/rule-error']);

function pageOf(ruleId: string): string {
  return path.join(DOCS, `${ruleId === 'schema/*' ? 'schema' : ruleId}.md`);
}

interface Example {
  kind: 'wrong' | 'right';
  file: string;
  text: string;
}

/** ```yaml wrong / ```yaml right blocks; a first line `# file: path` says where the file goes. */
export function examplesIn(markdown: string): Example[] {
  const examples: Example[] = [];
  for (const match of markdown.matchAll(/^```yaml (wrong|right)\n([\s\S]*?)^```$/gm)) {
    const text = match[2]!;
    const file = /^# file: (\S+)/.exec(text)?.[1] ?? 'procedures/QT-DV-01.qms.yaml';
    examples.push({ kind: match[1] as Example['kind'], file, text });
  }
  return examples;
}

describe('rule documentation', () => {
  for (const rule of ALL_RULE_META) {
    describe(rule.id, () => {
      it('has a page with its id, severity and clauses', () => {
        const page = pageOf(rule.id);
        expect(existsSync(page), `missing ${path.relative(REPO, page)}`).toBe(true);
        const text = readFileSync(page, 'utf8');
        expect(text.split('\n')[0]).toBe(`# ${rule.id}`);
        expect(text).toContain(`Default severity: \`${rule.severity}\``);
        expect(text).toMatch(/^## Why$/m);
        for (const clause of rule.clauses) expect(text).toContain(clause);
      });

      if (WITHOUT_EXAMPLES.has(rule.id)) return;

      it('has wrong and right examples that the linter agrees with', async () => {
        const examples = examplesIn(readFileSync(pageOf(rule.id), 'utf8'));
        expect(examples.some((e) => e.kind === 'wrong')).toBe(true);
        expect(examples.some((e) => e.kind === 'right')).toBe(true);
        const matches = (id: string) => (rule.id === 'schema/*' ? id.startsWith('schema/') : id === rule.id);
        for (const example of examples) {
          const { findings } = await lintFiles(fixtureFiles(undefined, { [example.file]: example.text }));
          if (example.kind === 'wrong') {
            expect(findings.filter((f) => matches(f.ruleId)).length, `wrong example in ${rule.id} reports nothing`).toBeGreaterThan(0);
          } else {
            expect(findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.ruleId}`), `right example in ${rule.id}`).toEqual([]);
          }
        }
      });
    });
  }
});

describe('README rule table', () => {
  it('is generated from the rule metadata and up to date', () => {
    const readmePath = path.join(REPO, 'README.md');
    const readme = readFileSync(readmePath, 'utf8');
    const start = readme.indexOf(RULE_TABLE_START);
    const end = readme.indexOf(RULE_TABLE_END);
    const fresh = `${RULE_TABLE_START}\n${ruleTable(ALL_RULE_META)}\n${RULE_TABLE_END}`;
    if (process.env.UPDATE_DOCS && start >= 0 && end > start) {
      writeFileSync(readmePath, readme.slice(0, start) + fresh + readme.slice(end + RULE_TABLE_END.length));
    }
    expect(start, 'README has no rule table markers').toBeGreaterThanOrEqual(0);
    const current = readFileSync(readmePath, 'utf8');
    const table = current.slice(current.indexOf(RULE_TABLE_START), current.indexOf(RULE_TABLE_END) + RULE_TABLE_END.length);
    expect(table, 'README rule table is stale: run UPDATE_DOCS=1 npx vitest run test/docs').toBe(fresh);
  });
});
