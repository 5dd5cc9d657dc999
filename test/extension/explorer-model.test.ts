import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryFileSystem } from '../../src/core/io/memory-file-system';
import { loadWorkspace } from '../../src/core/model/workspace';
import { buildWorkspaceTree } from '../../src/extension/explorer/model';
import { filesUnder } from '../helpers/fixture-workspace';

const ROOT = '/ws';
const TODAY = '2026-11-21';
const QT05 = 'procedures/QT-BCHQS-05.qms.yaml';
const QT07 = 'procedures/QT-BCHQS-07.qms.yaml';

function replaceOnce(text: string, find: string | RegExp, replace: string): string {
  const next = text.replace(find, replace);
  expect(next, `${String(find)} not found`).not.toBe(text);
  return next;
}

/** The explorer's model of the example workspace, after `change` to its files. */
async function treeOf(change: (files: Record<string, string>) => void = () => undefined) {
  const files = filesUnder(path.join(__dirname, '../../examples/ban-chqs'));
  change(files);
  const fs = memoryFileSystem(Object.fromEntries(Object.entries(files).map(([rel, text]) => [path.posix.join(ROOT, rel), text])));
  return buildWorkspaceTree(await loadWorkspace(fs, ROOT), { today: TODAY, horizonDays: 30 });
}

const changeStep = (files: Record<string, string>, file: string) => {
  files[file] = replaceOnce(files[file]!, /^( {4}duration: ).+$/m, '$17 ngày làm việc');
};

describe('explorer model: "Changed since release"', () => {
  it('has no such group while every approved document matches qms.lock', async () => {
    const tree = await treeOf();
    expect(tree.byStatus.approved.length).toBeGreaterThan(5);
    expect(tree.changedSinceRelease).toBeUndefined();
  });

  it('lists the approved documents whose content changed since their release, by code', async () => {
    const tree = await treeOf((files) => {
      changeStep(files, QT07);
      changeStep(files, QT05);
    });
    expect(tree.changedSinceRelease?.map((e) => e.code)).toEqual(['QT-BCHQS-05', 'QT-BCHQS-07']);
    expect(tree.changedSinceRelease![0]!.file).toBe(path.posix.join(ROOT, QT05));
  });

  it('ignores how the YAML is written: a comment or a re-quoted value is no change', async () => {
    const tree = await treeOf((files) => {
      files[QT05] = replaceOnce(files[QT05]!, 'title: Quy trình', '# Tên quy trình\ntitle: "Quy trình').replace(/^(title: "[^\n]*)$/m, '$1"');
    });
    expect(tree.changedSinceRelease).toBeUndefined();
  });

  it('leaves out drafts, documents released as a new revision not yet recorded, and workspaces without qms.lock', async () => {
    const draft = await treeOf((files) => {
      changeStep(files, QT05);
      files[QT05] = replaceOnce(files[QT05]!, 'status: approved', 'status: draft');
    });
    expect(draft.changedSinceRelease).toBeUndefined();

    const raisedByHand = await treeOf((files) => {
      changeStep(files, QT05);
      files[QT05] = replaceOnce(files[QT05]!, '\nrevision: 1\n', '\nrevision: 2\n');
    });
    expect(raisedByHand.changedSinceRelease).toBeUndefined();

    const untracked = await treeOf((files) => {
      changeStep(files, QT05);
      delete files['qms.lock'];
    });
    expect(untracked.changedSinceRelease).toBeUndefined();
  });
});
