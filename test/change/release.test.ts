import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, type Node } from 'yaml';
import { fingerprintDocument, RELEASE_FIELDS } from '../../src/core/change/fingerprint';
import { LOCK_FORMAT_LINE, parseLock, snapshotRelativePath } from '../../src/core/change/lock';
import {
  applyWrites,
  ChangeControlError,
  obsoleteDocument,
  planRelease,
  recordDocuments,
  releaseDocument,
  type ReleaseOptions,
} from '../../src/core/change/release';
import { applyTextEdits } from '../../src/core/change/yaml-editor';
import type { FileSystem } from '../../src/core/io/file-system';
import { memoryFileSystem } from '../../src/core/io/memory-file-system';
import { lintWorkspace } from '../../src/core/lint/engine';
import { loadWorkspace } from '../../src/core/model/workspace';
import { parseYaml } from '../../src/core/yaml/parse';
import { filesUnder, fixtureFiles } from '../helpers/fixture-workspace';

const EXAMPLES = path.join(__dirname, '../../examples');
const TODAY = '2026-11-21';
const ROOT = '/ws';
const QT06 = 'procedures/QT-BCHQS-06.qms.yaml';

function workspaceOf(files: Record<string, string>) {
  return memoryFileSystem(Object.fromEntries(Object.entries(files).map(([rel, text]) => [path.posix.join(ROOT, rel), text])));
}

function banChqs(): Record<string, string> {
  return filesUnder(path.join(EXAMPLES, 'ban-chqs'));
}

function edit(text: string, find: string, replace: string): string {
  expect(text.split(find).length - 1, `"${find}" must occur once`).toBe(1);
  return text.replace(find, replace);
}

/** QT-BCHQS-06 with a step shortened (a real change) and comments next to every field release edits. */
function changedQt06(original: string): string {
  let text = original;
  text = edit(text, '    role: tro-ly-quan-luc\n    duration: 2 giờ\n', '    role: tro-ly-quan-luc\n    duration: 1.5 giờ   # rút ngắn\n');
  text = edit(text, 'status: approved\n', 'status: approved   # trạng thái\n');
  text = edit(text, '\nrevision: 2\n', '\n# Lần ban hành / lần sửa đổi\nrevision: 2 # lần ban hành\n');
  text = edit(text, 'effective: 2026-03-16\n', 'effective: 2026-03-16   # ngày hiệu lực\n');
  text = edit(text, 'approval:\n', 'approval:   # ba chữ ký\n');
  text = edit(text, 'history:\n', '# Bảng theo dõi sửa đổi\nhistory:\n');
  return text;
}

async function lintClean(fs: FileSystem) {
  const workspace = await loadWorkspace(fs, ROOT);
  return lintWorkspace(workspace, { today: TODAY }).findings.map((f) => `${path.posix.relative(ROOT, f.file)}:${f.range.start.line}:${f.range.start.column} ${f.ruleId}`);
}

async function refusal(promise: Promise<unknown>): Promise<ChangeControlError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ChangeControlError);
    return error as ChangeControlError;
  }
  throw new Error('expected the operation to be refused');
}

/** The top-level key whose lines hold `offset` (from its key to the start of the next key). */
function topLevelKeyAt(text: string, offset: number): string | undefined {
  const parsed = parseYaml(text, 'x');
  const map = parsed.document?.contents;
  if (!isMap(map)) return undefined;
  const pairs = map.items.filter(isPair);
  for (let i = 0; i < pairs.length; i++) {
    const key = pairs[i]!.key as Node;
    const start = text.lastIndexOf('\n', key.range![0] - 1) + 1;
    const next = pairs[i + 1]?.key as Node | undefined;
    const end = next ? text.lastIndexOf('\n', next.range![0] - 1) + 1 : text.length;
    // An insertion at the start of a key's line belongs to the key before it (it follows that value).
    if (offset > start && offset <= end) return isScalar(key) ? String(key.value) : undefined;
    if (offset === start && i === 0) return isScalar(key) ? String(key.value) : undefined;
  }
  return undefined;
}

describe('releasing a new revision', () => {
  it('edits only the release fields, keeps every other byte, records the release, and lints clean', async () => {
    const files = banChqs();
    const original = changedQt06(files[QT06]!);
    const fs = workspaceOf({ ...files, [QT06]: original });
    expect(await lintClean(fs)).toEqual([`${QT06}:8:11 doc/changed-without-revision`]);

    const { plan, written } = await releaseDocument(fs, ROOT, 'QT-BCHQS-06', { today: TODAY, summary: 'Rút ngắn thời gian thẩm định hồ sơ xuống 1,5 giờ' });
    const released = fs.files.get(path.posix.join(ROOT, QT06))!;

    // The written text is the original with the plan's edits, and nothing else.
    expect(applyTextEdits(original, plan.documentEdits)).toBe(released);
    // Every edit sits in a release field; everything outside the edited spans is unchanged.
    for (const e of plan.documentEdits) expect(RELEASE_FIELDS, `edit at ${e.start}: ${JSON.stringify(e.newText)}`).toContain(topLevelKeyAt(original, e.start));
    let cursor = 0;
    let rebuilt = '';
    for (const e of [...plan.documentEdits].sort((a, b) => a.start - b.start)) {
      const kept = original.slice(cursor, e.start);
      expect(released.includes(kept)).toBe(true);
      rebuilt += kept + e.newText;
      cursor = e.end;
    }
    expect(rebuilt + original.slice(cursor)).toBe(released);
    for (const comment of original.match(/#.*$/gm)!) expect(released).toContain(comment);

    expect(plan.bumped).toBe('revision');
    expect(plan.label).toBe('r3.0');
    const value = parseYaml(released, 'x').value as Record<string, unknown>;
    expect(value).toMatchObject({
      status: 'approved',
      revision: 3,
      amendment: 0,
      effective: TODAY,
      approval: { prepared: { date: TODAY }, reviewed: { date: TODAY }, approved: { date: TODAY } },
    });
    expect((value.history as unknown[])[0]).toEqual({ revision: 3, date: TODAY, change: 'Rút ngắn thời gian thẩm định hồ sơ xuống 1,5 giờ' });
    expect(released).toContain('revision: 3 # lần ban hành\n');
    expect(released).toContain('effective: 2026-11-21   # ngày hiệu lực\n');
    expect(released).toContain('# Bảng theo dõi sửa đổi\nhistory:\n  - revision: 3\n    date: 2026-11-21\n    change: "Rút ngắn');

    // The lock: the new record on top of the old one; the released copy is the file as written.
    const lock = parseLock(fs.files.get(path.posix.join(ROOT, 'qms.lock'))!, 'qms.lock');
    expect(lock.findings).toEqual([]);
    expect(lock.entries.filter((e) => e.code === 'QT-BCHQS-06').map((e) => `${e.label} ${e.date} ${e.fingerprint === fingerprintDocument(value)}`)).toEqual([
      'r3.0 2026-11-21 true',
      'r2.0 2026-03-16 false',
    ]);
    expect(fs.files.get(path.posix.join(ROOT, snapshotRelativePath({ code: 'QT-BCHQS-06', label: 'r3.0' })))).toBe(released);
    expect(written.map((w) => path.posix.relative(ROOT, w))).toEqual(['.qms/released/QT-BCHQS-06@r3.0.yaml', QT06, 'qms.lock']);
    expect(await lintClean(fs)).toEqual([]);
   }, 60_000);

  it('keeps CRLF line endings and a BOM', async () => {
    const files = banChqs();
    const original = '\uFEFF' + changedQt06(files[QT06]!).replace(/\n/g, '\r\n');
    const fs = workspaceOf({ ...files, [QT06]: original });
    await releaseDocument(fs, ROOT, 'QT-BCHQS-06', { today: TODAY, summary: 'Rút ngắn thời gian thẩm định' });
    const released = fs.files.get(path.posix.join(ROOT, QT06))!;
    expect(released.startsWith('\uFEFF')).toBe(true);
    expect(released.replace(/\r\n/g, '')).not.toContain('\n');
    expect(await lintClean(fs)).toEqual([]);
  });

  it('raises the amendment when asked, or when qms.yaml says so', async () => {
    const files = banChqs();
    const fs = workspaceOf({ ...files, [QT06]: changedQt06(files[QT06]!) });
    const { plan } = await releaseDocument(fs, ROOT, 'QT-BCHQS-06', { today: TODAY, summary: 'Sửa đổi thời gian thẩm định', counter: 'amendment' });
    expect([plan.bumped, plan.label]).toEqual(['amendment', 'r2.1']);
    const value = parseYaml(fs.files.get(path.posix.join(ROOT, QT06))!, 'x').value as Record<string, unknown>;
    expect([value.revision, value.amendment]).toEqual([2, 1]);
    expect((value.history as unknown[])[0]).toMatchObject({ revision: 2, amendment: 1 });
    expect(await lintClean(fs)).toEqual([]);

    const configured = { ...files, 'qms.yaml': files['qms.yaml']! + 'release:\n  counter: amendment\n', [QT06]: changedQt06(files[QT06]!) };
    const fs2 = workspaceOf(configured);
    expect((await releaseDocument(fs2, ROOT, 'QT-BCHQS-06', { today: TODAY, summary: 'Sửa đổi' })).plan.label).toBe('r2.1');
    expect((await releaseDocument(workspaceOf(configured), ROOT, 'QT-BCHQS-06', { today: TODAY, summary: 'Ban hành lại', counter: 'revision' })).plan.label).toBe('r3.0');
  });

  it('adds `amendment` to a document that had only a revision, when amending', async () => {
    const files = filesUnder(path.join(EXAMPLES, 'acme-en'));
    const sop = 'procedures/SOP-002.qms.yaml';
    const changed = edit(files[sop]!, 'against capability, tooling and machine capacity.', 'against capability, tooling, machine capacity and subcontract options.');
    const fs = workspaceOf({ ...files, [sop]: changed });
    const { plan } = await releaseDocument(fs, ROOT, 'SOP-002', { today: TODAY, summary: 'Subcontract options in the technical review', counter: 'amendment' });
    expect(plan.label).toBe('r1.1');
    const text = fs.files.get(path.posix.join(ROOT, sop))!;
    expect(text).toContain('revision: 1\namendment: 1\neffective: 2026-11-21\n');
    expect(await lintClean(fs)).toEqual([]);
  });

  it('releases a draft whose revision was raised by hand as it stands, keeping signatures of this revision', async () => {
    const files = banChqs();
    let draft = changedQt06(files[QT06]!);
    draft = edit(draft, 'status: approved   # trạng thái\n', 'status: review\n');
    draft = edit(draft, 'revision: 2 # lần ban hành\n', 'revision: 3\n');
    draft = edit(draft, 'prepared: { role: tro-ly-quan-luc, date: 2026-03-02 }', 'prepared: { role: tro-ly-quan-luc, date: 2026-11-02 }');
    draft = edit(draft, 'reviewed: { role: pho-chi-huy-truong, date: 2026-03-05 }', 'reviewed: { role: pho-chi-huy-truong }');
    const fs = workspaceOf({ ...files, [QT06]: draft });
    const { plan } = await releaseDocument(fs, ROOT, 'QT-BCHQS-06', { today: TODAY, date: '2026-12-01', summary: 'Rút ngắn thời gian thẩm định' });
    expect([plan.bumped, plan.label, plan.date]).toEqual([undefined, 'r3.0', '2026-12-01']);
    const value = parseYaml(fs.files.get(path.posix.join(ROOT, QT06))!, 'x').value as Record<string, unknown>;
    expect(value).toMatchObject({
      status: 'approved',
      revision: 3,
      effective: '2026-12-01',
      approval: { prepared: { date: '2026-11-02' }, reviewed: { date: '2026-12-01' }, approved: { date: '2026-12-01' } },
    });
    expect(fs.files.get(path.posix.join(ROOT, QT06))).toContain('reviewed: { role: pho-chi-huy-truong, date: 2026-12-01 }');
    expect(await lintClean(fs)).toEqual([]);
  });

  it('gives a first draft its effective date, signature dates and a history', async () => {
    const files = fixtureFiles(undefined);
    const qt = 'procedures/QT-DV-01.qms.yaml';
    let draft = files[qt]!;
    draft = edit(draft, 'status: approved\n', 'status: draft\n');
    draft = edit(draft, 'effective: 2026-03-01\n', '');
    draft = edit(draft, 'prepared: { role: tro-ly, date: 2026-02-10 }', 'prepared: { role: tro-ly }');
    draft = edit(draft, 'reviewed: { role: pho-chi-huy-truong, date: 2026-02-15 }', 'reviewed: { role: pho-chi-huy-truong, date: 2026-06-10 }');
    draft = edit(draft, 'approved: { role: chi-huy-truong, date: 2026-02-20 }', 'approved:\n    role: chi-huy-truong');
    draft = draft.slice(0, draft.indexOf('history:\n'));
    const fs = workspaceOf({ ...files, [qt]: draft });
    const { plan } = await releaseDocument(fs, ROOT, 'QT-DV-01', { today: '2026-06-15', summary: 'Ban hành lần đầu' }).catch((error: ChangeControlError) => {
      throw new Error(`${error.message}\n${error.details.join('\n')}`);
    });
    expect([plan.bumped, plan.label]).toEqual([undefined, 'r1']);
    const text = fs.files.get(path.posix.join(ROOT, qt))!;
    expect(text).toContain('status: approved\nrevision: 1\neffective: 2026-06-15\n');
    expect(text).toContain('prepared: { role: tro-ly, date: 2026-06-10 }');
    expect(text).toContain('reviewed: { role: pho-chi-huy-truong, date: 2026-06-10 }');
    expect(text).toContain('  approved:\n    role: chi-huy-truong\n    date: 2026-06-15\n');
    expect(text.endsWith('history:\n  - revision: 1\n    date: 2026-06-15\n    change: Ban hành lần đầu\n')).toBe(true);
    expect(fs.files.get(path.posix.join(ROOT, 'qms.lock'))).toContain(`${LOCK_FORMAT_LINE}\n\nQT-DV-01 r1 2026-06-15 approved sha256:`);
    const workspace = await loadWorkspace(fs, ROOT);
    expect(lintWorkspace(workspace, { today: '2026-06-15' }).findings).toEqual([]);
  });
});

describe('what a release refuses (and then writes nothing)', () => {
  async function refused(files: Record<string, string>, code: string, options: ReleaseOptions): Promise<ChangeControlError> {
    const fs = workspaceOf(files);
    const before = new Map(fs.files);
    const error = await refusal(releaseDocument(fs, ROOT, code, options));
    expect(fs.files).toEqual(before);
    return error;
  }

  it('a document that did not change since its release', async () => {
    const error = await refused(banChqs(), 'QT-BCHQS-06', { today: TODAY, summary: 'x' });
    expect(error.text.en).toContain('nothing to release');
  });

  it('a change without a summary', async () => {
    const files = banChqs();
    const error = await refused({ ...files, [QT06]: changedQt06(files[QT06]!) }, 'QT-BCHQS-06', { today: TODAY });
    expect(error.text.en).toContain('--summary');
  });

  it('a result that would not lint clean, listing the errors', async () => {
    const files = banChqs();
    const tooLong = edit(files[QT06]!, '    role: tro-ly-quan-luc\n    duration: 2 giờ\n', '    role: tro-ly-quan-luc\n    duration: 4 giờ\n');
    const error = await refused({ ...files, [QT06]: tooLong }, 'QT-BCHQS-06', { today: TODAY, summary: 'Tăng thời gian' });
    expect(error.text.en).toContain('would not lint clean');
    expect(error.details.join('\n')).toMatch(/procedures\/QT-BCHQS-06\.qms\.yaml:\d+:\d+ .*\(time\/exceeds-limit\)/);
  });

  it('a damaged qms.lock', async () => {
    const files = banChqs();
    const error = await refused({ ...files, [QT06]: changedQt06(files[QT06]!), 'qms.lock': files['qms.lock']! + '<<<<<<< HEAD\n' }, 'QT-BCHQS-06', { today: TODAY, summary: 'x' });
    expect(error.text.en).toContain('qms.lock has problems');
  });

  it('an unknown code (with a suggestion), an obsolete document, a date before the last release', async () => {
    const files = banChqs();
    expect((await refused(files, 'QT-BCHQS-60', { today: TODAY, summary: 'x' })).text.en).toContain('Did you mean QT-BCHQS-06?');
    const obsolete = edit(files['procedures/QT-BCHQS-04.qms.yaml']!, 'status: approved', 'status: obsolete');
    expect((await refused({ ...files, 'procedures/QT-BCHQS-04.qms.yaml': obsolete }, 'QT-BCHQS-04', { today: TODAY, summary: 'x' })).text.en).toContain('is obsolete');
    expect((await refused({ ...files, [QT06]: changedQt06(files[QT06]!) }, 'QT-BCHQS-06', { today: TODAY, date: '2026-03-01', summary: 'x' })).text.en).toContain('cannot be dated earlier');
  });
});

describe('writing is all or nothing', () => {
  it('puts the document back when the lock cannot be written', async () => {
    const files = banChqs();
    const original = changedQt06(files[QT06]!);
    const inner = workspaceOf({ ...files, [QT06]: original });
    const failing: FileSystem = {
      ...inner,
      async writeFile(file, content) {
        if (file.endsWith('qms.lock')) throw new Error('disk full');
        return inner.writeFile(file, content);
      },
    };
    const error = await refusal(releaseDocument(failing, ROOT, 'QT-BCHQS-06', { today: TODAY, summary: 'x' }));
    expect(error.text.en).toContain('disk full');
    expect(inner.files.get(path.posix.join(ROOT, QT06))).toBe(original);
    expect(inner.files.get(path.posix.join(ROOT, 'qms.lock'))).toBe(files['qms.lock']);
    // Only the released copy of the refused release is left: nothing refers to it.
    const workspace = await loadWorkspace(inner, ROOT);
    expect(lintWorkspace(workspace, { today: TODAY }).findings.map((f) => f.ruleId)).toEqual(['doc/changed-without-revision']);
  });

  it('writes nothing when a file changed after the plan was made', async () => {
    const files = banChqs();
    const fs = workspaceOf({ ...files, [QT06]: changedQt06(files[QT06]!) });
    const plan = planRelease(await loadWorkspace(fs, ROOT), 'QT-BCHQS-06', { today: TODAY, summary: 'x' });
    await fs.writeFile(path.posix.join(ROOT, QT06), files[QT06]! + '# edited meanwhile\n');
    const before = new Map(fs.files);
    const error = await refusal(applyWrites(fs, plan.writes));
    expect(error.text.en).toContain('changed on disk');
    expect(fs.files).toEqual(before);
  });
});

describe('making a document obsolete', () => {
  it('sets `status: obsolete` and records the withdrawal, keeping the rest of the file', async () => {
    const files = banChqs();
    const fs = workspaceOf(files);
    const { plan } = await obsoleteDocument(fs, ROOT, 'QT-BCHQS-04', { today: TODAY, date: '2026-12-31' });
    const text = fs.files.get(path.posix.join(ROOT, 'procedures/QT-BCHQS-04.qms.yaml'))!;
    expect(text).toBe(files['procedures/QT-BCHQS-04.qms.yaml']!.replace('status: approved', 'status: obsolete'));
    expect(fs.files.get(path.posix.join(ROOT, 'qms.lock'))).toContain(`QT-BCHQS-04 r1.0 2026-12-31 obsolete ${plan.fingerprint}\nQT-BCHQS-04 r1.0 2026-03-02 approved ${plan.fingerprint}\n`);
    // The released copy already existed; it is kept as it was.
    expect(fs.files.get(path.posix.join(ROOT, '.qms/released/QT-BCHQS-04@r1.0.yaml'))).toBe(files['.qms/released/QT-BCHQS-04@r1.0.yaml']);
    // A process still lists it: a warning, as for any obsolete document.
    expect(await lintClean(fs)).toEqual(['processes/P-01.qms.yaml:25:27 doc/obsolete-referenced']);
  });

  it('refuses a document changed since its release, or not approved', async () => {
    const files = banChqs();
    expect((await refusal(obsoleteDocument(workspaceOf({ ...files, [QT06]: changedQt06(files[QT06]!) }), ROOT, 'QT-BCHQS-06', { today: TODAY }))).text.en).toContain('changed since');
    const draft = edit(files[QT06]!, 'status: approved', 'status: draft');
    expect((await refusal(obsoleteDocument(workspaceOf({ ...files, [QT06]: draft }), ROOT, 'QT-BCHQS-06', { today: TODAY }))).text.en).toContain('only an approved');
  });
});

describe('recording documents (adopting change control)', () => {
  for (const example of ['ban-chqs', 'acme-en']) {
    it(`reproduces the qms.lock and released copies examples/${example} ships`, async () => {
      const shipped = filesUnder(path.join(EXAMPLES, example));
      const unlocked = Object.fromEntries(Object.entries(shipped).filter(([rel]) => rel !== 'qms.lock' && !rel.startsWith('.qms/')));
      const fs = workspaceOf(unlocked);
      const { plan } = await recordDocuments(fs, ROOT, 'all', { today: TODAY });
      expect(plan.refused).toEqual([]);
      const produced = Object.fromEntries([...fs.files].filter(([file]) => file.endsWith('qms.lock') || file.includes('/.qms/')).map(([file, text]) => [path.posix.relative(ROOT, file), text]));
      const expected = Object.fromEntries(Object.entries(shipped).filter(([rel]) => rel === 'qms.lock' || rel.startsWith('.qms/')));
      expect(produced).toEqual(expected);
    });
  }

  it('records only what is missing, and refuses a change at a recorded revision', async () => {
    const files = banChqs();
    const lock = files['qms.lock']!.replace(/^MT-01 .*\n\n/m, '');
    const fs = workspaceOf({ ...files, 'qms.lock': lock, [QT06]: changedQt06(files[QT06]!) });
    const { plan } = await recordDocuments(fs, ROOT, 'all', { today: TODAY });
    expect(plan.recorded.map((e) => `${e.code} ${e.label} ${e.date}`)).toEqual(['MT-01 r1 2026-01-12']);
    expect(plan.refused.map((r) => r.code)).toEqual(['QT-BCHQS-06']);
    expect(plan.unchanged).toHaveLength(9);
    expect(fs.files.get(path.posix.join(ROOT, 'qms.lock'))).toBe(files['qms.lock']);
  });
});

describe('the quick fixes stand for the editor commands', () => {
  it('doc/changed-without-revision: "Release new revision…", previewing the release, with related places', async () => {
    const files = banChqs();
    const fs = workspaceOf({ ...files, [QT06]: changedQt06(files[QT06]!) });
    const workspace = await loadWorkspace(fs, ROOT);
    const [finding] = lintWorkspace(workspace, { today: TODAY }).findings;
    expect(finding!.ruleId).toBe('doc/changed-without-revision');
    expect(finding!.related?.map((r) => `${r.range.start.line}:${r.range.start.column} ${r.message.en}`)).toEqual([
      '115:15 Step `tham-dinh` changed since the release (duration).',
    ]);
    const [fix] = finding!.fixes!;
    expect(fix!.safe).toBe(false);
    expect(fix!.title.en).toBe('Release new revision…');
    expect(fix!.command).toEqual({ id: 'qms.releaseNewRevision', arguments: [{ root: ROOT, code: 'QT-BCHQS-06', file: path.posix.join(ROOT, QT06) }] });
    expect(fix!.edits.map((e) => path.posix.relative(ROOT, e.file))).toEqual([QT06, 'qms.lock']);
    const plan = planRelease(workspace, 'QT-BCHQS-06', { today: TODAY, summary: 'Mô tả nội dung sửa đổi' });
    expect(fix!.edits[0]!.edits).toEqual(plan.documentEdits);
  });

  it('doc/lock-missing: "Record … in qms.lock", the record as an edit of the lock', async () => {
    const files = banChqs();
    const lock = files['qms.lock']!.replace(/^MT-01 .*\n\n/m, '');
    const fs = workspaceOf({ ...files, 'qms.lock': lock });
    const [finding] = lintWorkspace(await loadWorkspace(fs, ROOT), { today: TODAY }).findings;
    expect(finding!.ruleId).toBe('doc/lock-missing');
    const [fix] = finding!.fixes!;
    expect(fix!.command?.id).toBe('qms.recordRelease');
    expect(fix!.safe).toBe(false);
    expect(applyTextEdits(lock, fix!.edits[0]!.edits)).toBe(files['qms.lock']!.replace(/^(MT-01 .*\n)\n/m, '$1\n'));
  });
});
