import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithRelease } from '../../src/core/change/compare';
import { procedureFlowchartDiff } from '../../src/core/diagram/flowchart-diff';
import type { FileSystem } from '../../src/core/io/file-system';
import { nodeFileSystem } from '../../src/core/io/node-file-system';
import { loadWorkspace, withFileText, type Workspace } from '../../src/core/model/workspace';

// The working copy against its last release, as `qmskit diff` and the preview's comparison both
// get it, on the example workspace and its shipped qms.lock and released copies.

const EXAMPLE = path.join(__dirname, '../../examples/ban-chqs');
const PROCEDURE = path.join(EXAMPLE, 'procedures', 'QT-BCHQS-06.qms.yaml');
const TEXT = readFileSync(PROCEDURE, 'utf8');
const COPY = path.join(EXAMPLE, '.qms', 'released', 'QT-BCHQS-06@r2.0.yaml');

function modelOf(workspace: Workspace): unknown {
  return workspace.index.byPath.get(PROCEDURE)!.model;
}

/** The disk, except that the released copies are not there. */
const withoutCopies: FileSystem = {
  ...nodeFileSystem,
  readFile: (file) => (file.includes(`${path.sep}.qms${path.sep}`) ? Promise.reject(new Error('ENOENT')) : nodeFileSystem.readFile(file)),
};

describe('compareWithRelease', () => {
  it('finds the release, reads its copy and diffs: nothing changed in the example', async () => {
    const workspace = await loadWorkspace(nodeFileSystem, EXAMPLE);
    const result = await compareWithRelease(nodeFileSystem, EXAMPLE, workspace.lock, modelOf(workspace));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entry).toMatchObject({ code: 'QT-BCHQS-06', label: 'r2.0', date: '2026-03-16' });
    expect(result.releasedFile).toBe(COPY);
    expect(result.diff.identical).toBe(true);
  });

  it('sees a step edited in the working copy, and the flowchart marks its node', async () => {
    const base = await loadWorkspace(nodeFileSystem, EXAMPLE);
    expect(TEXT).toContain('    duration: 2 giờ\n    phase: Giải quyết\n');
    const workspace = withFileText(base, PROCEDURE, TEXT.replace('    duration: 2 giờ\n    phase: Giải quyết\n', '    duration: 1.5 giờ\n    phase: Giải quyết\n'));
    const result = await compareWithRelease(nodeFileSystem, EXAMPLE, workspace.lock, modelOf(workspace));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.diff.steps.changed.map((c) => [c.key, c.changes.map((f) => [f.field, f.before, f.after])])).toEqual([['tham-dinh', [['duration', '2 giờ', '1.5 giờ']]]]);
    const file = workspace.index.byPath.get(PROCEDURE)!;
    const diagram = procedureFlowchartDiff(workspace, file, result, { locale: 'vi' })!;
    expect(diagram.changes).toEqual({ added: [], changed: ['s5'], removed: [] });
  });

  it('reads the released copy from disk when the workspace did not', async () => {
    const workspace = await loadWorkspace(nodeFileSystem, EXAMPLE);
    const lock = { ...workspace.lock!, snapshots: new Map() };
    const result = await compareWithRelease(nodeFileSystem, EXAMPLE, lock, modelOf(workspace));
    expect(result.ok && result.diff.identical).toBe(true);
  });

  it('says why there is nothing to compare with, and what to do', async () => {
    const workspace = await loadWorkspace(nodeFileSystem, EXAMPLE);
    const model = modelOf(workspace);

    const noLock = await compareWithRelease(nodeFileSystem, EXAMPLE, undefined, model);
    expect(noLock).toMatchObject({ ok: false, problem: 'no-lock' });
    expect(!noLock.ok && noLock.message.en).toMatch(/no qms\.lock.*QT-BCHQS-06.*qmskit lock --record-all/);

    const invalid = await compareWithRelease(nodeFileSystem, EXAMPLE, { ...workspace.lock!, valid: false }, model);
    expect(invalid).toMatchObject({ ok: false, problem: 'lock-invalid' });

    const renamed = withFileText(workspace, PROCEDURE, TEXT.replace('code: QT-BCHQS-06', 'code: QT-BCHQS-66'));
    const never = await compareWithRelease(nodeFileSystem, EXAMPLE, renamed.lock, modelOf(renamed));
    expect(never).toMatchObject({ ok: false, problem: 'not-released' });
    expect(!never.ok && never.message.vi).toContain('QT-BCHQS-66 chưa có lần ban hành nào');

    const missing = await compareWithRelease(withoutCopies, EXAMPLE, { ...workspace.lock!, snapshots: new Map() }, model);
    expect(missing).toMatchObject({ ok: false, problem: 'copy' });
    expect(!missing.ok && missing.message.en).toBe(
      'The released copy .qms/released/QT-BCHQS-06@r2.0.yaml is missing: cannot compare. Restore it from version control or from the archive of revision 2, amendment 0.',
    );
  });

  it('does not trust a released copy that does not match its fingerprint', async () => {
    const workspace = await loadWorkspace(nodeFileSystem, EXAMPLE);
    const tampered = readFileSync(COPY, 'utf8').replace('duration: 2 giờ', 'duration: 3 giờ');
    const lock = { ...workspace.lock!, snapshots: new Map([['QT-BCHQS-06@r2.0', tampered]]) };
    const result = await compareWithRelease(nodeFileSystem, EXAMPLE, lock, modelOf(workspace));
    expect(result).toMatchObject({ ok: false, problem: 'copy' });
    expect(!result.ok && result.message.en).toContain('does not match its fingerprint in qms.lock');
  });
});
