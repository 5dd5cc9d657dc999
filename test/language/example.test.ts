import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/core/io/node-file-system';
import { applyEdits } from '../../src/core/lint/apply-fixes';
import { lintWorkspace } from '../../src/core/lint/engine';
import { complete, hover, outline, references, rename } from '../../src/core/language';
import { loadWorkspace, withFileText } from '../../src/core/model/workspace';
import { offsetOf } from './helpers';

const EXAMPLE = path.join(__dirname, '../../examples/ban-chqs');
const PROCEDURE = path.join(EXAMPLE, 'procedures/QT-BCHQS-06.qms.yaml');
const SYSTEM = path.join(EXAMPLE, 'qms.yaml');
const TODAY = '2026-06-15';

describe('the language service on examples/ban-chqs', () => {
  it('completes roles, hovers a clause, outlines the steps', async () => {
    const workspace = await loadWorkspace(nodeFileSystem, EXAMPLE);
    const file = workspace.index.byPath.get(PROCEDURE)!;
    const text = file.parsed.text;
    const roles = [...workspace.index.roles.keys()];
    expect(complete(workspace, file, offsetOf(text, 'role: |nhan-vien-mot-cua')).map((i) => i.label)).toEqual(roles);
    expect(hover(workspace, file, offsetOf(text, '"8.5|.1"'))!.contents.en).toMatch(/^\*\*8\.5\.1 — Control of production and service provision\*\*/);
    const steps = outline(file).find((s) => s.name.en === 'steps')!;
    expect(steps.children.map((s) => s.name.en.split(' — ')[0])).toEqual([
      'tiep-nhan',
      '◇ kiem-tra-ho-so',
      'yeu-cau-bo-sung',
      'tu-choi',
      'vao-so',
      'tham-dinh',
      'ghi-so-dang-ky',
      'kiem-tra-trinh-ky',
      'ky-giay-chung-nhan',
      'tra-ket-qua',
      'luu-ho-so',
      'thong-bao-phuong',
    ]);
  });

  it('renaming a role in qms.yaml updates every file, and leaves no dangling reference', async () => {
    let workspace = await loadWorkspace(nodeFileSystem, EXAMPLE);
    expect(lintWorkspace(workspace, { today: TODAY }).findings).toEqual([]);
    const system = workspace.index.byPath.get(SYSTEM)!;
    const at = offsetOf(system.parsed.text, '  - id: tro-ly-quan|-luc');
    const refs = references(workspace, system, at, true);
    expect(refs).toHaveLength(23);
    const result = rename(workspace, system, at, 'can-bo-quan-luc');
    if ('error' in result) throw new Error(result.error.en);
    expect(result.map((f) => path.relative(EXAMPLE, f.file)).sort()).toEqual([
      'procedures/QT-BCHQS-05.qms.yaml',
      'procedures/QT-BCHQS-06.qms.yaml',
      'procedures/QT-BCHQS-07.qms.yaml',
      'procedures/QT-BCHQS-08.qms.yaml',
      'qms.yaml',
    ]);
    for (const { file, edits } of result) {
      const before = workspace.index.byPath.get(file)!.parsed.text;
      const after = applyEdits(before, edits).text;
      expect(after).not.toMatch(/tro-ly-quan-luc/);
      workspace = withFileText(workspace, file, after);
    }
    // Nothing dangles; what remains is change control doing its job: the four procedures are
    // approved and locked in qms.lock, so a changed role id in them needs a new revision.
    const findings = lintWorkspace(workspace, { today: TODAY }).findings.map((f) => `${path.relative(EXAMPLE, f.file)} ${f.ruleId}`);
    expect(findings.sort()).toEqual([
      'procedures/QT-BCHQS-05.qms.yaml doc/changed-without-revision',
      'procedures/QT-BCHQS-06.qms.yaml doc/changed-without-revision',
      'procedures/QT-BCHQS-07.qms.yaml doc/changed-without-revision',
      'procedures/QT-BCHQS-08.qms.yaml doc/changed-without-revision',
    ]);
  });

  it('renaming an external party used by processes keeps the workspace clean', async () => {
    let workspace = await loadWorkspace(nodeFileSystem, EXAMPLE);
    const system = workspace.index.byPath.get(SYSTEM)!;
    const result = rename(workspace, system, offsetOf(system.parsed.text, '  - id: cong|-dan'), 'nguoi-dan');
    if ('error' in result) throw new Error(result.error.en);
    expect(result.map((f) => [path.relative(EXAMPLE, f.file), f.edits.length])).toEqual([
      ['qms.yaml', 1],
      ['processes/P-02.qms.yaml', 2],
    ]);
    for (const { file, edits } of result) workspace = withFileText(workspace, file, applyEdits(workspace.index.byPath.get(file)!.parsed.text, edits).text);
    expect(lintWorkspace(workspace, { today: TODAY }).findings).toEqual([]);
  });
});
