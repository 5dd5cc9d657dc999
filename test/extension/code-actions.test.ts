import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Finding, Fix } from '../../src/core/findings';
import { memoryFileSystem } from '../../src/core/io/memory-file-system';
import { lintWorkspace } from '../../src/core/lint/engine';
import { loadWorkspace } from '../../src/core/model/workspace';
import { filesUnder } from '../helpers/fixture-workspace';
import { fakeDocument } from '../helpers/fake-vscode';

// The fake editor API has no code actions; these follow the VS Code API as far as the provider uses it.
vi.mock('vscode', async (importOriginal) => {
  class CodeActionKind {
    static readonly QuickFix = new CodeActionKind('quickfix');
    static readonly SourceFixAll = new CodeActionKind('source.fixAll');
    constructor(readonly value: string) {}
    append(part: string): CodeActionKind {
      return new CodeActionKind(`${this.value}.${part}`);
    }
    contains(other: CodeActionKind): boolean {
      return other.value === this.value || other.value.startsWith(`${this.value}.`);
    }
  }
  class CodeAction {
    edit?: unknown;
    command?: { command: string; title: string; arguments?: unknown[] };
    diagnostics?: unknown[];
    isPreferred?: boolean;
    constructor(readonly title: string, readonly kind: CodeActionKind) {}
  }
  return { ...(await importOriginal<object>()), CodeActionKind, CodeAction, workspace: { textDocuments: [] } };
});

const { QmsCodeActionProvider, quickFixOf } = await import('../../src/extension/lint/code-actions');
const vscode = await import('vscode');
const { QmsDiagnostic } = await import('../../src/extension/convert');

const ROOT = '/ws';
const TODAY = '2026-11-21';
const QT05 = 'procedures/QT-BCHQS-05.qms.yaml';
const QT05_PATH = path.posix.join(ROOT, QT05);

function replaceOnce(text: string, find: string, replace: string): string {
  expect(text.split(find).length - 1, `"${find}" must occur once`).toBe(1);
  return text.replace(find, replace);
}

/** The example workspace, with `change` applied to its files, linted as the editor would. */
async function lintedExample(change: (files: Record<string, string>) => void) {
  const files = filesUnder(path.join(__dirname, '../../examples/ban-chqs'));
  change(files);
  const fs = memoryFileSystem(Object.fromEntries(Object.entries(files).map(([rel, text]) => [path.posix.join(ROOT, rel), text])));
  const workspace = await loadWorkspace(fs, ROOT);
  const findings = lintWorkspace(workspace, { today: TODAY }).findings;
  const linter = { current: workspace, findingsOf: (file: string) => findings.filter((f) => f.file === file) };
  const provider = new QmsCodeActionProvider({ linterFor: () => linter } as never);
  const document = fakeDocument(QT05_PATH, files[QT05]!);
  return { findings, provider, document };
}

function quickFixesFor(provider: InstanceType<typeof QmsCodeActionProvider>, document: ReturnType<typeof fakeDocument>, finding: Finding) {
  const diagnostic = new QmsDiagnostic(finding, 'en');
  const actions = provider.provideCodeActions(document as never, diagnostic.range as never, { diagnostics: [diagnostic], only: vscode.CodeActionKind.QuickFix } as never);
  return { diagnostic, actions };
}

describe('quick fixes that run a command', () => {
  it('doc/changed-without-revision offers "Release new revision…", which runs qms.releaseNewRevision with the fix\'s arguments', async () => {
    const { findings, provider, document } = await lintedExample((files) => {
      files[QT05] = replaceOnce(files[QT05]!, '    role: nhan-vien-mot-cua\n    duration: 2 giờ\n', '    role: nhan-vien-mot-cua\n    duration: 4 giờ\n');
    });
    const finding = findings.find((f) => f.ruleId === 'doc/changed-without-revision' && f.file === QT05_PATH);
    expect(finding, findings.map((f) => `${f.file} ${f.ruleId}`).join('\n')).toBeDefined();
    // The fix previews edits of the procedure and of qms.lock (which is not open): the command, not the edits, is what runs.
    expect(finding!.fixes![0]!.edits.map((e) => path.posix.basename(e.file))).toEqual(['QT-BCHQS-05.qms.yaml', 'qms.lock']);

    const { diagnostic, actions } = quickFixesFor(provider, document, finding!);
    const release = actions.find((a) => a.title === 'Release new revision…');
    expect(release, actions.map((a) => a.title).join(' | ')).toBeDefined();
    expect(release!.command).toEqual({ command: 'qms.releaseNewRevision', title: 'Release new revision…', arguments: [{ root: ROOT, code: 'QT-BCHQS-05', file: QT05_PATH }] });
    expect(release!.edit).toBeUndefined();
    expect(release!.diagnostics).toEqual([diagnostic]);
    expect(release!.isPreferred).toBe(false);
    // "Disable … for this line" is still offered beside it, as an edit.
    const disable = actions.find((a) => a.title === 'Disable doc/changed-without-revision for this line');
    expect(disable?.edit).toBeDefined();
    expect(disable?.command).toBeUndefined();
  });

  it('doc/lock-missing offers "Record … in qms.lock", which runs qms.recordRelease', async () => {
    const { findings, provider, document } = await lintedExample((files) => {
      files['qms.lock'] = files['qms.lock']!.replace(/^QT-BCHQS-05 .*\n\n/m, '');
    });
    const finding = findings.find((f) => f.ruleId === 'doc/lock-missing' && f.file === QT05_PATH);
    expect(finding, findings.map((f) => `${f.file} ${f.ruleId}`).join('\n')).toBeDefined();
    const { actions } = quickFixesFor(provider, document, finding!);
    const record = actions.find((a) => a.command?.command === 'qms.recordRelease');
    expect(record, actions.map((a) => a.title).join(' | ')).toBeDefined();
    expect(record!.title).toBe('Record QT-BCHQS-05 r1.0 in qms.lock');
    expect(record!.command!.arguments).toEqual([{ root: ROOT, code: 'QT-BCHQS-05', file: QT05_PATH }]);
    expect(record!.edit).toBeUndefined();
  });
});

describe('quickFixOf', () => {
  const file = '/ws/p.qms.yaml';
  const text = 'kind: process\nowner: x\n';
  const start = text.indexOf('x');
  const fix: Fix = { title: { en: 'Change to `y`', vi: 'Đổi thành `y`' }, safe: true, edits: [{ file, edits: [{ start, end: start + 1, newText: 'y' }] }] };

  it('applies a plain fix\'s edits, titled in the editor\'s language', () => {
    const action = quickFixOf(fix, 'vi', (f) => (f === file ? (fakeDocument(file, text) as never) : undefined))!;
    expect(action.title).toBe('Đổi thành `y`');
    expect(action.command).toBeUndefined();
    expect((action.edit as unknown as { replacements: Array<{ newText: string }> }).replacements.map((r) => r.newText)).toEqual(['y']);
  });

  it('offers no edit fix when a file it edits is not open, but always offers a command fix', () => {
    expect(quickFixOf(fix, 'en', () => undefined)).toBeUndefined();
    const withCommand: Fix = { ...fix, safe: false, command: { id: 'qms.recordRelease', arguments: [{ code: 'X-01' }] } };
    expect(quickFixOf(withCommand, 'en', () => undefined)!.command).toEqual({ command: 'qms.recordRelease', title: 'Change to `y`', arguments: [{ code: 'X-01' }] });
  });
});
