import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/lint/apply-fixes';
import { ALL_RULES } from '../../src/core/lint/registry';
import { unusedDisableRule } from '../../src/core/lint/rules/lint/unused-disable';
import { codeFrame } from '../../src/cli/formatters/codeframe';
import { describeExpectations, describeFindings, expectationsIn, type Expectation } from '../helpers/expectations';
import { FIXTURE_ROOT, RULE_FIXTURES, filesUnder, fixtureFiles, lintFiles } from '../helpers/fixture-workspace';

const GOLDEN = path.join(__dirname, '../golden/rules');
const RULE_IDS = [...ALL_RULES.map((r) => r.id), unusedDisableRule.id];

function expectationsOf(files: Record<string, string>): Expectation[] {
  return Object.entries(files).flatMap(([rel, text]) => expectationsIn(path.posix.join(FIXTURE_ROOT, rel), text));
}

/** Every full-line comment of a text, to check that a fix loses none. */
function commentLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => /^\s*#/.test(line)).map((l) => l.trim());
}

describe('every rule has a failing and a passing fixture', () => {
  for (const ruleId of RULE_IDS) {
    describe(ruleId, () => {
      const dir = path.join(RULE_FIXTURES, ruleId);

      it('passes its valid fixture with no finding at all', async () => {
        expect(existsSync(path.join(dir, 'valid')), `missing ${path.relative(process.cwd(), dir)}/valid`).toBe(true);
        const { findings } = await lintFiles(fixtureFiles(path.join(dir, 'valid')));
        expect(describeFindings(findings, FIXTURE_ROOT)).toEqual([]);
      });

      it('reports exactly the findings marked in its invalid fixture', async () => {
        expect(existsSync(path.join(dir, 'invalid')), `missing ${path.relative(process.cwd(), dir)}/invalid`).toBe(true);
        const files = fixtureFiles(path.join(dir, 'invalid'));
        const expected = expectationsOf(files);
        expect(expected.filter((e) => e.ruleId === ruleId).length).toBeGreaterThan(0);
        const { findings } = await lintFiles(files);
        expect(describeFindings(findings, FIXTURE_ROOT)).toEqual(describeExpectations(expected, FIXTURE_ROOT));
        for (const finding of findings) {
          expect(finding.message.en).not.toMatch(/\{\w+\}/);
          expect(finding.message.vi).not.toMatch(/\{\w+\}/);
        }
      });

      it('matches its golden code frames (English and Vietnamese)', async () => {
        const files = fixtureFiles(path.join(dir, 'invalid'));
        const { findings, workspace } = await lintFiles(files);
        const own = findings.filter((f) => f.ruleId === ruleId);
        const frames = (['en', 'vi'] as const)
          .map((locale) =>
            own
              .map((f) => codeFrame(f, workspace.index.byPath.get(f.file)!.parsed.text, locale, path.posix.relative(FIXTURE_ROOT, f.file)))
              .join('\n\n'),
          )
          .join('\n\n----\n\n');
        const golden = path.join(GOLDEN, `${ruleId}.txt`);
        if (process.env.UPDATE_GOLDEN) {
          mkdirSync(path.dirname(golden), { recursive: true });
          writeFileSync(golden, frames + '\n');
        }
        expect(existsSync(golden), `no golden file ${path.relative(process.cwd(), golden)}: run UPDATE_GOLDEN=1 npx vitest run test/lint`).toBe(true);
        expect(frames + '\n').toBe(readFileSync(golden, 'utf8'));
      });

      it('has fixes that remove what they fix, keep the YAML valid and lose no comment', async () => {
        const files = fixtureFiles(path.join(dir, 'invalid'));
        const { findings } = await lintFiles(files);
        for (const finding of findings.filter((f) => f.ruleId === ruleId)) {
          for (const fix of finding.fixes ?? []) {
            const changed = { ...files };
            for (const { file, edits } of fix.edits) {
              const rel = path.posix.relative(FIXTURE_ROOT, file);
              const original = changed[rel]!;
              changed[rel] = applyEdits(original, edits).text;
              for (const comment of commentLines(original).filter((c) => !c.includes('qms-disable-next-line'))) {
                expect(commentLines(changed[rel]!), `fix "${fix.title.en}" lost a comment`).toContain(comment);
              }
            }
            const after = (await lintFiles(changed)).findings;
            const label = `fix "${fix.title.en}" for ${describeFindings([finding], FIXTURE_ROOT)[0]}`;
            expect(after.filter((f) => f.ruleId === 'yaml/syntax' || f.ruleId.startsWith('schema/')), label).toEqual([]);
            expect(after.filter((f) => f.ruleId === ruleId).length, label).toBeLessThan(findings.filter((f) => f.ruleId === ruleId).length);
          }
        }
      });
    });
  }
});

describe('fixture folders belong to rules', () => {
  it('has no fixture folder for a rule that does not exist', () => {
    const groups = Object.keys(filesUnder(RULE_FIXTURES))
      .filter((rel) => !rel.startsWith('_base/'))
      .map((rel) => rel.split('/').slice(0, 2).join('/'));
    expect([...new Set(groups)].filter((id) => !RULE_IDS.includes(id))).toEqual([]);
  });
});
