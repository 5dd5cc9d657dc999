import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/core/io/node-file-system';
import { main, type CliParams } from '../../src/cli/main';

const REPO = path.join(__dirname, '../..');
const TODAY = '2026-11-21';
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A temp copy of an example (with its qms.lock and released copies). */
function exampleCopy(example: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qmskit-change-'));
  temps.push(dir);
  cpSync(path.join(REPO, 'examples', example), dir, { recursive: true });
  return dir;
}

async function run(argv: string[], cwd: string, extra: Partial<CliParams> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd,
    fs: nodeFileSystem,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    today: TODAY,
    defaultLocale: 'en',
    ...extra,
  });
  return { code, stdout, stderr };
}

function replaceOnce(text: string, find: string, replace: string): string {
  expect(text.split(find).length - 1, `"${find}" must occur once`).toBe(1);
  return text.replace(find, replace);
}

const QT06 = 'procedures/QT-BCHQS-06.qms.yaml';
const SHORTER = ['    role: tro-ly-quan-luc\n    duration: 2 giờ\n', '    role: tro-ly-quan-luc\n    duration: 1.5 giờ   # rút ngắn theo góp ý của công dân\n'] as const;

describe('change control from the command line (the issue scenario)', () => {
  it('edit an approved procedure → lint fails naming the step → release → lint clean, lock and history updated, comments kept', async () => {
    const dir = exampleCopy('ban-chqs');
    const file = path.join(dir, QT06);
    const pristine = readFileSync(file, 'utf8');
    const edited = replaceOnce(pristine, ...SHORTER);
    writeFileSync(file, edited);

    // 1. The change is caught, with the step that changed and how.
    const lint = await run(['lint', '.'], dir);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('procedures/QT-BCHQS-06.qms.yaml');
    expect(lint.stdout).toContain('7:11');
    expect(lint.stdout).toContain('doc/changed-without-revision');
    expect(lint.stdout).toContain('step `tham-dinh` (duration) changed');
    expect(lint.stdout).toContain('✖ 1 problem (1 error, 0 warnings, 0 info)');

    // The multi-threaded lint path of the real CLI sees the lock too.
    const threaded = await run(['lint', '.', '--format', 'json'], dir, { workerScript: 'unused-with-one-thread', threads: 1 });
    expect((JSON.parse(threaded.stdout) as Array<{ ruleId: string }>).map((f) => f.ruleId)).toEqual(['doc/changed-without-revision']);

    // 2. What changed, step by step; and the master list.
    const diff = await run(['diff', 'QT-BCHQS-06'], dir);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('working copy against revision 2, amendment 0, released 2026-03-16');
    expect(diff.stdout).toContain('  ~ tham-dinh (Thẩm định hồ sơ, đối chiếu điều kiện đăng ký)\n      duration: 2 giờ → 1.5 giờ\n');
    const status = await run(['status'], dir);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/QT-BCHQS-06 +Quy trình đăng ký nghĩa vụ quân sự lần đầu +approved +r2\.0 +2026-03-16 +2027-03-16 +CHANGED since release/);
    expect(status.stdout).toContain('11 documents; 1 changed since release (as of 2026-11-21).');

    // 3. Release.
    const release = await run(['release', 'QT-BCHQS-06', '--summary', 'Rút ngắn thời gian thẩm định hồ sơ'], dir);
    expect(release.code, release.stderr).toBe(0);
    expect(release.stdout).toContain('Released QT-BCHQS-06 revision 3, amendment 0 (effective 2026-11-21).');

    // 4. Clean again.
    const after = await run(['lint', '.'], dir);
    expect(after.code, after.stdout).toBe(0);
    expect(after.stdout).toBe('No problems found.\n');

    // The file: exactly the release fields changed; every other byte (comments included) kept.
    const released = readFileSync(file, 'utf8');
    let expected = edited;
    expected = replaceOnce(expected, '\nrevision: 2\n', '\nrevision: 3\n');
    expected = replaceOnce(expected, 'effective: 2026-03-16\n', 'effective: 2026-11-21\n');
    expected = replaceOnce(expected, 'prepared: { role: tro-ly-quan-luc, date: 2026-03-02 }', 'prepared: { role: tro-ly-quan-luc, date: 2026-11-21 }');
    expected = replaceOnce(expected, 'reviewed: { role: pho-chi-huy-truong, date: 2026-03-05 }', 'reviewed: { role: pho-chi-huy-truong, date: 2026-11-21 }');
    expected = replaceOnce(expected, 'approved: { role: chi-huy-truong, date: 2026-03-10 }', 'approved: { role: chi-huy-truong, date: 2026-11-21 }');
    expected = replaceOnce(expected, 'history:\n', 'history:\n  - revision: 3\n    date: 2026-11-21\n    change: Rút ngắn thời gian thẩm định hồ sơ\n');
    expect(released).toBe(expected);
    expect(released).toContain('# rút ngắn theo góp ý của công dân');
    expect(released).toContain('portal_code: "1.008731"   # mã minh họa;');

    // The lock: a new line on top of the document's block; the released copy beside it.
    const lock = readFileSync(path.join(dir, 'qms.lock'), 'utf8');
    const pristineLock = readFileSync(path.join(REPO, 'examples/ban-chqs/qms.lock'), 'utf8');
    expect(lock.replace(/^QT-BCHQS-06 r3\.0 2026-11-21 approved sha256:[0-9a-f]{64}\n/m, '')).toBe(pristineLock);
    expect(readFileSync(path.join(dir, '.qms/released/QT-BCHQS-06@r3.0.yaml'), 'utf8')).toBe(released);

    const json = await run(['status', '--format', 'json'], dir);
    const row = (JSON.parse(json.stdout) as Array<Record<string, unknown>>).find((r) => r.code === 'QT-BCHQS-06')!;
    expect(row).toMatchObject({ version: 'r3.0', revision: 3, amendment: 0, effective: '2026-11-21', nextReview: '2027-11-21', changeControl: 'released', changedSinceRelease: false });
    expect((row.lastRelease as { version: string }).version).toBe('r3.0');

    // Nothing left to release.
    const again = await run(['release', 'QT-BCHQS-06', '--summary', 'x'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('nothing to release');
    const noDiff = await run(['diff', 'QT-BCHQS-06'], dir);
    expect(noDiff.stdout).toContain('No changes.');
  }, 60_000);

  it('refuses a release whose result would not lint clean, and writes nothing', async () => {
    const dir = exampleCopy('ban-chqs');
    const file = path.join(dir, QT06);
    const tooLong = replaceOnce(readFileSync(file, 'utf8'), '    role: tro-ly-quan-luc\n    duration: 2 giờ\n', '    role: tro-ly-quan-luc\n    duration: 4 giờ\n');
    writeFileSync(file, tooLong);
    const lockBefore = readFileSync(path.join(dir, 'qms.lock'), 'utf8');
    const result = await run(['release', 'QT-BCHQS-06', '--summary', 'Tăng thời gian', '--locale', 'vi'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('qmskit release: Chưa ghi gì');
    expect(result.stderr).toContain('(time/exceeds-limit)');
    expect(readFileSync(file, 'utf8')).toBe(tooLong);
    expect(readFileSync(path.join(dir, 'qms.lock'), 'utf8')).toBe(lockBefore);
    expect(existsSync(path.join(dir, '.qms/released/QT-BCHQS-06@r3.0.yaml'))).toBe(false);
  }, 60_000);

  it('amends instead of re-issuing with --amendment, dated with --date', async () => {
    const dir = exampleCopy('ban-chqs');
    const file = path.join(dir, QT06);
    writeFileSync(file, replaceOnce(readFileSync(file, 'utf8'), ...SHORTER));
    const result = await run(['release', 'QT-BCHQS-06', dir, '--summary', 'Rút ngắn thời gian thẩm định', '--amendment', '--date', '2026-12-01'], REPO);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Released QT-BCHQS-06 revision 2, amendment 1 (effective 2026-12-01).');
    expect(readFileSync(path.join(dir, 'qms.lock'), 'utf8')).toMatch(/^QT-BCHQS-06 r2\.1 2026-12-01 approved sha256:[0-9a-f]{64}\nQT-BCHQS-06 r2\.0 2026-03-16 approved /m);
    expect((await run(['lint', dir], REPO)).code).toBe(0);
  }, 60_000);

  it('marks a document obsolete and records it', async () => {
    const dir = exampleCopy('ban-chqs');
    const result = await run(['obsolete', 'QT-BCHQS-04', '--date', '2026-12-31'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Marked QT-BCHQS-04 revision 1, amendment 0 obsolete as of 2026-12-31.');
    expect(readFileSync(path.join(dir, 'procedures/QT-BCHQS-04.qms.yaml'), 'utf8')).toContain('\nstatus: obsolete\n');
    expect(readFileSync(path.join(dir, 'qms.lock'), 'utf8')).toMatch(/^QT-BCHQS-04 r1\.0 2026-12-31 obsolete sha256:/m);
    const lint = await run(['lint', '.', '--format', 'json'], dir);
    expect(lint.code).toBe(0);
    expect((JSON.parse(lint.stdout) as Array<{ ruleId: string }>).map((f) => f.ruleId)).toEqual(['doc/obsolete-referenced']);
    expect((await run(['status'], dir)).stdout).toMatch(/QT-BCHQS-04 .* obsolete +r1\.0 .* withdrawn/);
  }, 60_000);

  it('adopts change control in a workspace without qms.lock (lock --record-all), and reports a damaged lock', async () => {
    const dir = exampleCopy('acme-en');
    rmSync(path.join(dir, 'qms.lock'));
    rmSync(path.join(dir, '.qms'), { recursive: true });
    expect((await run(['status'], dir)).stdout).toMatch(/SOP-001 .* —\n/);
    const record = await run(['lock', '--record-all'], dir);
    expect(record.code, record.stderr).toBe(0);
    expect(record.stdout).toContain('recorded  SOP-001 r2 2026-03-02');
    expect(readFileSync(path.join(dir, 'qms.lock'), 'utf8')).toBe(readFileSync(path.join(REPO, 'examples/acme-en/qms.lock'), 'utf8'));
    expect((await run(['lock', '--record-all'], dir)).stdout).toContain('Nothing to record.');

    writeFileSync(path.join(dir, 'qms.lock'), readFileSync(path.join(dir, 'qms.lock'), 'utf8').slice(0, -40));
    const lint = await run(['lint', '.'], dir);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/qms\.lock\n {2}19:32 +error +`sha256:[0-9a-f]+` is not a fingerprint/);
    expect(lint.stdout).toContain('lock/invalid');
    const release = await run(['release', 'SOP-001', '--summary', 'x', '--force'], dir);
    expect(release.code).toBe(2);
    expect(release.stderr).toContain('qms.lock has problems');
  }, 60_000);

  it('a first release in a workspace without qms.lock creates it; the other documents are then recorded', async () => {
    const dir = exampleCopy('acme-en');
    rmSync(path.join(dir, 'qms.lock'));
    rmSync(path.join(dir, '.qms'), { recursive: true });
    const sop = path.join(dir, 'procedures/SOP-002.qms.yaml');
    writeFileSync(sop, replaceOnce(readFileSync(sop, 'utf8'), 'against capability, tooling and machine capacity.', 'against capability, tooling, machine capacity and subcontract options.'));
    const release = await run(['release', 'SOP-002', '--summary', 'Subcontract options in the technical review'], dir);
    expect(release.code, release.stderr).toBe(0);
    expect(release.stdout).toContain('Released SOP-002 revision 2 (effective 2026-11-21).');
    expect(release.stdout).toContain('Created qms.lock: record the other approved documents with `qmskit lock --record-all`.');
    const lint = await run(['lint', '.', '--format', 'json'], dir);
    expect(lint.code).toBe(0);
    expect(new Set((JSON.parse(lint.stdout) as Array<{ ruleId: string; severity: string }>).map((f) => `${f.severity} ${f.ruleId}`))).toEqual(new Set(['warning doc/lock-missing']));
    expect((await run(['lock', '--record-all'], dir)).code).toBe(0);
    expect((await run(['lint', '.'], dir)).stdout).toBe('No problems found.\n');
  }, 60_000);

  it('explains its usage and refuses bad arguments', async () => {
    expect((await run(['release', '--help'], REPO)).stdout).toContain('Usage: qmskit release <code>');
    expect((await run(['--help'], REPO)).stdout).toContain('release <code> --summary');
    const noCode = await run(['release'], REPO);
    expect([noCode.code, noCode.stderr.includes('give the code')]).toEqual([2, true]);
    const badDate = await run(['release', 'QT-BCHQS-06', 'examples/ban-chqs', '--summary', 'x', '--date', '21/11/2026'], REPO);
    expect([badDate.code, badDate.stderr.includes('YYYY-MM-DD')]).toEqual([2, true]);
    const both = await run(['release', 'QT-BCHQS-06', '--amendment', '--revision'], REPO);
    expect(both.code).toBe(2);
    const unknown = await run(['diff', 'QT-BCHQS-60', 'examples/ban-chqs'], REPO);
    expect([unknown.code, unknown.stderr.includes('Did you mean QT-BCHQS-06?')]).toEqual([2, true]);
    const outside = await run(['status'], os.tmpdir());
    expect([outside.code, outside.stderr.includes('no qms.yaml')]).toEqual([2, true]);
  }, 60_000);
});
