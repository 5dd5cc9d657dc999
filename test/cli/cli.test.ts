import { cpSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/core/io/node-file-system';
import { main } from '../../src/cli/main';

const REPO = path.join(__dirname, '../..');
const TODAY = '2026-11-21';
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempCopy(source?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qmskit-cli-'));
  temps.push(dir);
  if (source) cpSync(source, dir, { recursive: true });
  return dir;
}

async function run(argv: string[], cwd = REPO, locale: 'en' | 'vi' = 'en') {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd,
    fs: nodeFileSystem,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    today: TODAY,
    defaultLocale: locale,
  });
  return { code, stdout, stderr };
}

/** One scenario a line: arguments, the folder to run in, the exit code, what the output says. */
const SCENARIOS: Array<[name: string, argv: string[], cwd: string, exit: number, stdoutHas: string[], stderrHas: string[]]> = [
  ['a clean example', ['lint', 'examples/acme-en'], REPO, 0, ['No problems found.'], []],
  ['errors found', ['lint', 'test/fixtures/cli/broken'], REPO, 1, ['QT-DV-01.qms.yaml', 'schema/enum', 'did you mean `revision`?', '✖ 3 problems (3 errors, 0 warnings, 0 info)'], []],
  ['one file of a workspace', ['lint', 'test/fixtures/cli/broken/procedures/QT-DV-01.qms.yaml'], REPO, 1, ['schema/enum'], []],
  ['messages in Vietnamese', ['lint', '--locale', 'vi', 'test/fixtures/cli/broken'], REPO, 1, ['có phải ý bạn là `revision`', '✖ 3 vấn đề (3 lỗi, 0 cảnh báo, 0 thông tin)'], []],
  ['errors only with --quiet', ['lint', '--quiet', 'test/fixtures/cli/broken'], REPO, 1, ['schema/pattern'], []],
  ['a folder without qms.yaml', ['lint', 'test/fixtures/cli/no-system'], REPO, 1, ['No qms.yaml in', 'qmskit init'], []],
  ['a path that does not exist', ['lint', 'no/such/folder'], REPO, 2, [], ['cannot read no/such/folder']],
  ['a YAML file that is not ours', ['lint', 'test/fixtures/cli/broken/notes.yaml'], REPO, 2, [], ['is not a QMS file']],
  ['an unknown format', ['lint', '--format', 'xml'], REPO, 2, [], ['--format must be one of: stylish, json, sarif, codeframe']],
  ['an unknown option', ['lint', '--frobnicate'], REPO, 2, [], ['unknown option --frobnicate']],
  ['an unknown command', ['frobnicate'], REPO, 2, [], ['unknown command "frobnicate"']],
  ['help', ['lint', '--help'], REPO, 0, ['Usage: qmskit lint'], []],
];

describe('qmskit CLI scenarios', () => {
  for (const [name, argv, cwd, exit, stdoutHas, stderrHas] of SCENARIOS) {
    it(name, async () => {
      const result = await run(argv, cwd);
      expect(result.code, result.stderr).toBe(exit);
      for (const text of stdoutHas) expect(result.stdout).toContain(text);
      for (const text of stderrHas) expect(result.stderr).toContain(text);
    });
  }

  it('prints each finding with its exact position', async () => {
    const { stdout } = await run(['lint', 'test/fixtures/cli/broken']);
    expect(stdout).toContain('  6:9    error  `aproved` is not an allowed value for `status`.');
    expect(stdout).toContain('  7:1    error  Unknown property `revison`: did you mean `revision`?');
  });

  it('prints JSON with 1-based positions and docs links', async () => {
    const { stdout, code } = await run(['lint', '--format', 'json', 'test/fixtures/cli/broken']);
    expect(code).toBe(1);
    const findings = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'test/fixtures/cli/broken/procedures/QT-DV-01.qms.yaml:6:9 schema/enum',
      'test/fixtures/cli/broken/procedures/QT-DV-01.qms.yaml:7:1 schema/additionalProperties',
      'test/fixtures/cli/broken/procedures/QT-DV-01.qms.yaml:12:15 schema/pattern',
    ]);
    expect(findings[0]!.docs).toMatch(/docs\/rules\/schema\.md$/);
  });

  it('writes SARIF 2.1.0 that validates against the SARIF schema', async () => {
    const { stdout } = await run(['lint', '--format', 'sarif', 'test/fixtures/cli/broken']);
    const log = JSON.parse(stdout);
    const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run0 = log.runs[0];
    expect(run0.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['schema/additionalProperties', 'schema/enum', 'schema/pattern']);
    expect(run0.tool.driver.rules[0].helpUri).toMatch(/docs\/rules\/schema\.md$/);
    expect(run0.results[0].locations[0].physicalLocation.region).toEqual({ startLine: 6, startColumn: 9, endLine: 6, endColumn: 16 });
    // The validator really checks: a result without a message is rejected.
    const broken = structuredClone(log);
    delete broken.runs[0].results[0].message;
    expect(validate(broken)).toBe(false);
  });

  for (const locale of ['vi', 'en'] as const) {
    it(`init --locale ${locale} makes a workspace that lints clean`, async () => {
      const dir = tempCopy();
      const init = await run(['init', 'starter', '--locale', locale], dir);
      expect(init.code, init.stderr).toBe(0);
      expect(existsSync(path.join(dir, 'starter/qms.yaml'))).toBe(true);
      // Clean: no error, no warning. The one info finding is the to-do list of clauses of the
      // standard that the starter, being one process and one procedure, does not address yet.
      const lint = await run(['lint', 'starter', '--format', 'json'], dir);
      expect(lint.code).toBe(0);
      expect((JSON.parse(lint.stdout) as Array<{ ruleId: string; severity: string }>).map((f) => `${f.severity} ${f.ruleId}`)).toEqual(['info system/clause-coverage']);
      const again = await run(['init', 'starter'], dir);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already exists; nothing was written');
    });
  }
});
