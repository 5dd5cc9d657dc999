import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareEntries,
  entriesFor,
  entryFor,
  formatLock,
  insertLockEntry,
  LOCK_FORMAT_LINE,
  lockInsertion,
  parseLock,
  snapshotRelativePath,
  type NewLockEntry,
} from '../../src/core/change/lock';
import { memoryFileSystem } from '../../src/core/io/memory-file-system';
import { lintWorkspace } from '../../src/core/lint/engine';
import { loadWorkspace, withFileText } from '../../src/core/model/workspace';
import { fixtureFiles, FIXTURE_ROOT, FIXTURE_TODAY } from '../helpers/fixture-workspace';
import { describeFindings } from '../helpers/expectations';

const FP_A = 'sha256:' + 'a'.repeat(64);
const FP_B = 'sha256:' + 'b'.repeat(64);
const FP_C = 'sha256:' + 'c'.repeat(64);

const GOOD = `# a comment
${LOCK_FORMAT_LINE}

CS-01 r2 2026-01-12 approved ${FP_A}
CS-01 r1 2024-01-10 approved ${FP_B}

QT-BCHQS-06 r2.0 2026-03-16 approved ${FP_C}
`;

/** `line:column-line:column rule: message` of each finding, for compact assertions. */
function where(text: string): string[] {
  return parseLock(text, '/w/qms.lock').findings.map((f) => `${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.ruleId}: ${f.message.en}`);
}

/** Each finding's place, and the start of its message. */
function startsWith(text: string, expected: string[]): void {
  const found = where(text);
  expect(found.length, found.join('\n')).toBe(expected.length);
  found.forEach((line, i) => expect(line.startsWith(expected[i]!), `${line}\nshould start with\n${expected[i]}`).toBe(true));
}

describe('parsing qms.lock', () => {
  it('reads records, versions with and without amendment, comments and blank lines', () => {
    const lock = parseLock(GOOD, '/w/qms.lock');
    expect(lock.findings).toEqual([]);
    expect(lock.entries.map((e) => [e.code, e.label, e.version, e.date, e.event, e.line])).toEqual([
      ['CS-01', 'r2', { revision: 2 }, '2026-01-12', 'approved', 4],
      ['CS-01', 'r1', { revision: 1 }, '2024-01-10', 'approved', 5],
      ['QT-BCHQS-06', 'r2.0', { revision: 2, amendment: 0 }, '2026-03-16', 'approved', 7],
    ]);
    expect(entryFor(lock, 'QT-BCHQS-06', { revision: 2 })?.fingerprint).toBe(FP_C);
    expect(entryFor(lock, 'CS-01', { revision: 1, amendment: 0 })?.fingerprint).toBe(FP_B);
    expect(entriesFor(lock, 'CS-01').map((e) => e.label)).toEqual(['r2', 'r1']);
  });

  it('reads CRLF files and a BOM', () => {
    const lock = parseLock('\uFEFF' + GOOD.replace(/\n/g, '\r\n'), '/w/qms.lock');
    expect(lock.findings).toEqual([]);
    expect(lock.entries).toHaveLength(3);
    expect(lock.eol).toBe('\r\n');
  });

  it('reports a merge conflict once, on its opening marker', () => {
    const conflicted = GOOD.replace(
      `QT-BCHQS-06 r2.0 2026-03-16 approved ${FP_C}\n`,
      `<<<<<<< HEAD\nQT-BCHQS-06 r3.0 2026-11-21 approved ${FP_A}\n=======\nQT-BCHQS-06 r3.0 2026-11-20 approved ${FP_B}\n>>>>>>> feature\nQT-BCHQS-06 r2.0 2026-03-16 approved ${FP_C}\n`,
    );
    startsWith(conflicted, ['7:1-7:13 lock/invalid: qms.lock has an unresolved merge conflic']);
  });

  it('reports a truncated file on the field that is cut short', () => {
    const truncated = GOOD.slice(0, GOOD.length - 30);
    startsWith(truncated, ['7:38-7:80 lock/invalid: `sha256:cccccccccccccccccccccccccccccccc']);
  });

  it('reports hand edits on the field that is wrong', () => {
    startsWith(GOOD.replace('CS-01 r2 2026-01-12', 'CS-01 2 2026-01-12'), ['4:7-4:8 lock/invalid: `2` is not a version: write `r<revision>']);
    startsWith(GOOD.replace('2026-01-12', '2026-02-30'), ['4:10-4:20 lock/invalid: `2026-02-30` is not a date `YYYY-MM-DD`.']);
    startsWith(GOOD.replace('r2 2026-01-12 approved', 'r2 2026-01-12 released'), ['4:21-4:29 lock/invalid: `released` is not a release event: `appro']);
    startsWith(GOOD.replace('CS-01 r2', 'cs-01 r2'), ['4:1-4:6 lock/invalid: `cs-01` is not a document code (capital']);
    startsWith(GOOD.replace(FP_A, FP_A.toUpperCase().replace('SHA256', 'sha256')), ['4:30-4:101 lock/invalid: `sha256:AAAA']);
    startsWith(GOOD.replace('CS-01 r2 2026-01-12', 'CS-01  r2 2026-01-12'), ['4:1-4:102 lock/invalid: This line is not a release record: expe']);
    startsWith(GOOD.replace(`approved ${FP_A}`, `approved ${FP_A} # ok`), ['4:1-4:106 lock/invalid: This line is not a release record: expe']);
  });

  it('reports a missing or unknown format line, a newer format, and an empty file', () => {
    startsWith(GOOD.replace(LOCK_FORMAT_LINE, 'lock 1'), ['2:1-2:7 lock/invalid: qms.lock must start with the line `qms-l']);
    startsWith(GOOD.replace(LOCK_FORMAT_LINE, 'qms-lock 2'), ['2:1-2:11 lock/invalid: qms.lock is written in format 2, which t']);
    startsWith('', ['1:1-1:1 lock/invalid: qms.lock is empty. Restore qms.lock fr']);
    startsWith('# only a comment\n', ['1:1-1:2 lock/invalid: qms.lock is empty. Restore qms.lock fr']);
  });

  it('reports the same release recorded twice, and two records that contradict each other', () => {
    const twice = GOOD + `CS-01 r2 2026-01-12 approved ${FP_A}\n`;
    startsWith(twice, ['8:1-8:101 lock/invalid: CS-01 r2 is recorded as approved twice (']);
    const contradicting = GOOD + `CS-01 r2 2026-01-12 approved ${FP_C}\n`;
    startsWith(contradicting, ['8:1-8:101 lock/invalid: CS-01 r2 is recorded as approved twice with different dates or fingerprints']);
    expect(parseLock(contradicting, 'x').findings[0]!.message.en).toContain('different dates or fingerprints');
  });

  it('never throws, whatever the bytes', () => {
    for (const text of ['\0\0\0', '<<<<<<<', '=======\n>>>>>>>', 'qms-lock 1\n' + 'x '.repeat(10000), '\r\r\r', 'qms-lock 1\nA r1 2026-01-01 approved sha256:']) {
      expect(() => parseLock(text, 'x')).not.toThrow();
      expect(parseLock(text, 'x').findings.length).toBeGreaterThan(0);
    }
  });
});

describe('writing qms.lock', () => {
  const entry = (code: string, label: string, date: string, fingerprint = FP_A, event: 'approved' | 'obsolete' = 'approved'): NewLockEntry => ({
    code,
    label,
    version: { revision: Number(label.slice(1).split('.')[0]), ...(label.includes('.') ? { amendment: Number(label.split('.')[1]) } : {}) },
    date,
    event,
    fingerprint,
  });

  it('writes a header, the format line, and one block per document sorted by code, newest first', () => {
    const text = formatLock([entry('QT-02', 'r1', '2026-01-01'), entry('CS-01', 'r1', '2024-01-01', FP_B), entry('CS-01', 'r2', '2026-01-01')]);
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('#')).length).toBeGreaterThan(0);
    expect(lines.slice(lines.indexOf(LOCK_FORMAT_LINE))).toEqual([
      LOCK_FORMAT_LINE,
      '',
      `CS-01 r2 2026-01-01 approved ${FP_A}`,
      `CS-01 r1 2024-01-01 approved ${FP_B}`,
      '',
      `QT-02 r1 2026-01-01 approved ${FP_A}`,
      '',
    ]);
    expect(parseLock(text, 'x').findings).toEqual([]);
  });

  it('adds a record as one inserted chunk, every other byte kept', () => {
    const cases: Array<[NewLockEntry, string]> = [
      [entry('CS-01', 'r3', '2026-11-21'), `# a comment\n${LOCK_FORMAT_LINE}\n\nCS-01 r3 2026-11-21 approved ${FP_A}\nCS-01 r2`],
      [entry('AA-01', 'r1', '2026-11-21'), `${LOCK_FORMAT_LINE}\n\nAA-01 r1 2026-11-21 approved ${FP_A}\n\nCS-01 r2`],
      [entry('MT-01', 'r1', '2026-11-21'), `2024-01-10 approved ${FP_B}\n\nMT-01 r1 2026-11-21 approved ${FP_A}\n\nQT-BCHQS-06`],
      [entry('ZZ-01', 'r1', '2026-11-21'), `approved ${FP_C}\n\nZZ-01 r1 2026-11-21 approved ${FP_A}\n`],
      [entry('QT-BCHQS-06', 'r2.0', '2026-11-21', FP_A, 'obsolete'), `\nQT-BCHQS-06 r2.0 2026-11-21 obsolete ${FP_A}\nQT-BCHQS-06 r2.0 2026-03-16 approved`],
    ];
    for (const [added, expected] of cases) {
      const edit = lockInsertion(GOOD, added);
      expect(edit.end).toBe(edit.start);
      const after = insertLockEntry(GOOD, added);
      expect(after.slice(0, edit.start) + after.slice(edit.start + edit.newText.length)).toBe(GOOD);
      expect(after).toContain(expected);
      const parsed = parseLock(after, 'x');
      expect(parsed.findings).toEqual([]);
      // The file stays in the order `formatLock` writes.
      const order = parsed.entries.map((e) => `${e.code} ${e.label} ${e.event}`);
      expect(order).toEqual([...parsed.entries].sort(compareEntries).map((e) => `${e.code} ${e.label} ${e.event}`));
    }
  });

  it('keeps CRLF line endings, and builds the same file record by record as all at once', () => {
    const crlf = insertLockEntry(GOOD.replace(/\n/g, '\r\n'), entry('MT-01', 'r1', '2026-11-21'));
    expect(crlf.replace(/\r\n/g, '')).not.toContain('\n');
    const entries = [entry('QT-02', 'r1', '2026-01-01'), entry('CS-01', 'r1', '2024-01-01', FP_B), entry('CS-01', 'r2', '2026-01-01'), entry('AB-1', 'r1.1', '2025-01-01', FP_C)];
    let text = formatLock([]);
    for (const e of entries) text = insertLockEntry(text, e);
    expect(text).toBe(formatLock(entries));
  });

  it('refuses to write over a lock with problems', () => {
    expect(() => insertLockEntry(GOOD + '<<<<<<< HEAD\n', entry('ZZ-01', 'r1', '2026-11-21'))).toThrow(/not written over/);
  });

  it('names released copies by code and version, a `/` in a code made safe', () => {
    expect(snapshotRelativePath({ code: 'QT-BCHQS-06', label: 'r2.0' })).toBe('.qms/released/QT-BCHQS-06@r2.0.yaml');
    expect(snapshotRelativePath({ code: 'QT-02/CX', label: 'r1' })).toBe('.qms/released/QT-02_CX@r1.yaml');
  });
});

describe('qms.lock in the workspace', () => {
  const lockPath = path.posix.join(FIXTURE_ROOT, 'qms.lock');

  async function load(files: Record<string, string>) {
    const fs = memoryFileSystem(Object.fromEntries(Object.entries(files).map(([rel, text]) => [path.posix.join(FIXTURE_ROOT, rel), text])));
    return loadWorkspace(fs, FIXTURE_ROOT);
  }

  it('is absent when the workspace has no qms.lock, and change control stays silent', async () => {
    const workspace = await load(fixtureFiles(undefined));
    expect(workspace.lock).toBeUndefined();
    expect(lintWorkspace(workspace, { today: FIXTURE_TODAY }).findings).toEqual([]);
  });

  it('reports a damaged lock on the lock file, and lints the rest of the workspace as usual', async () => {
    const files = fixtureFiles(undefined, {
      'qms.lock': `${LOCK_FORMAT_LINE}\n\n<<<<<<< HEAD\nQT-DV-01 r1 2026-03-01 approved ${FP_A}\n=======\n>>>>>>> other\n`,
      'procedures/QT-DV-01.qms.yaml': fixtureFiles(undefined)['procedures/QT-DV-01.qms.yaml']!.replace('role: mot-cua\n    duration: 2 hours', 'role: mot-cuaa\n    duration: 2 hours'),
    });
    const workspace = await load(files);
    expect(workspace.lock?.valid).toBe(false);
    const findings = lintWorkspace(workspace, { today: FIXTURE_TODAY }).findings;
    expect(describeFindings(findings, FIXTURE_ROOT + '/')).toEqual(['procedures/QT-DV-01.qms.yaml:23:11 ref/unknown-role', 'qms.lock:3:1 lock/invalid']);
    expect(findings.find((f) => f.ruleId === 'lock/invalid')!.file).toBe(lockPath);
  });

  it('reads the released copy of each document’s last release with it', async () => {
    const files = fixtureFiles(path.join(__dirname, '../fixtures/rules/doc/changed-without-revision/valid'));
    const workspace = await load(files);
    expect(workspace.lock?.valid).toBe(true);
    expect([...workspace.lock!.snapshots.keys()].sort()).toEqual(['CS-DV-01@r1', 'QT-DV-01@r1']);
  });

  it('survives an editor keystroke (withFileText)', async () => {
    const files = fixtureFiles(path.join(__dirname, '../fixtures/rules/doc/changed-without-revision/valid'));
    const workspace = await load(files);
    const file = path.posix.join(FIXTURE_ROOT, 'procedures/QT-DV-01.qms.yaml');
    const typed = withFileText(workspace, file, files['procedures/QT-DV-01.qms.yaml']!.replace('duration: 2 hours   # unchanged', 'duration: 3 hours   # changed'));
    expect(typed.lock).toBe(workspace.lock);
    const findings = lintWorkspace(typed, { today: FIXTURE_TODAY, only: new Set([file]) }).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['doc/changed-without-revision']);
    expect(findings[0]!.message.en).toContain('step `kiem-tra` (duration) changed');
  });
});
