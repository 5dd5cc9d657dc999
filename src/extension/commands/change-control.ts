import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeVersion } from '../../core/change/lock';
import {
  ChangeControlError,
  obsoleteDocument,
  planObsolete,
  planRelease,
  recordDocuments,
  releaseDocument,
  type ChangePlan,
  type Counter,
  type PlannedWrite,
} from '../../core/change/release';
import { parseIsoDate } from '../../core/flow/calendar';
import { LOCK_FILE_NAME } from '../../core/model/discover';
import type { Workspace } from '../../core/model/workspace';
import { editorLocale } from '../convert';
import type { LintService } from '../lint/lint-service';
import { todayIso, type WorkspaceLinter } from '../lint/workspace-linter';
import { vscodeFileSystem } from '../vscode-file-system';
import { pickWorkspace } from './workspace-pick';

/**
 * "Release New Revision…", "Record Release in qms.lock" and "Mark Obsolete…": the editor's face of
 * the core's change control (docs/change-control.md). The core plans, checks and writes — the same
 * functions as `qmskit release`, `qmskit lock --record` and `qmskit obsolete` — through the
 * extension's file system; this file only picks the document, asks what the core needs, and
 * shows the outcome.
 *
 * Unsaved edits: the document is saved before anything is planned. A release records the text it
 * releases in qms.lock and in a released copy on disk, so that text has to be on disk anyway; and
 * writing the released file under a dirty buffer would leave the buffer holding the old revision,
 * whose next save would silently undo the release. Saving first (with the editor's own save
 * participants) gives the core one consistent state to check, and the clean buffer then reloads
 * the released text from disk. An unsaved qms.lock is refused rather than overwritten.
 */

/** Which document: the quick fix's `{ root, code, file }`, a file, or else the active editor's. */
export interface DocumentArgs {
  /** The QMS workspace folder (holding qms.yaml), when several are open and no file is given. */
  root?: string;
  code?: string;
  file?: string | vscode.Uri;
}

/** `qms.releaseNewRevision`: each value given skips its prompt; with a summary, nothing is asked. */
export interface ReleaseArgs extends DocumentArgs {
  /** What changed (the history entry). */
  summary?: string;
  /** Effective date, `YYYY-MM-DD`; today by default. */
  date?: string;
  counter?: Counter;
  /** Release even when nothing changed since the last release (a re-issue). */
  force?: boolean;
}

/** `qms.markObsolete`: with `confirmed`, nothing is asked. */
export interface ObsoleteArgs extends DocumentArgs {
  /** Withdrawal date, `YYYY-MM-DD`; today by default. */
  date?: string;
  confirmed?: boolean;
}

/** What a change-control command did, for callers and tests. */
export type ChangeCommandResult =
  | { outcome: 'done'; code: string; file: string; label: string; date: string; written: string[] }
  | { outcome: 'refused'; message: string }
  | { outcome: 'cancelled' };

const CANCELLED: ChangeCommandResult = { outcome: 'cancelled' };
/** Stands for the summary while only checking whether a release would be refused (nothing is written). */
const ANY_SUMMARY = '…';
/** How long to wait for an open editor to show what was written to its file before linting. */
const RELOAD_DEADLINE_MS = 5_000;

interface Target {
  linter: WorkspaceLinter;
  workspace: Workspace;
  code: string;
  /** The document's file, when known before the core looks the code up. */
  file: string | undefined;
}

export function releaseCommand(lint: LintService, arg?: ReleaseArgs | vscode.Uri): Promise<ChangeCommandResult> {
  return onDocument<ReleaseArgs>(lint, arg, async (target, args) => {
    const { linter, workspace, code } = target;
    const today = todayIso();
    const locale = editorLocale();
    const interactive = args.summary === undefined;
    const options = { today, counter: args.counter, force: args.force, preview: true };
    // Refusals (obsolete, nothing to release, a broken lock) come before any question. When the
    // history already has an entry for the version being released, the summary is optional.
    let summaryRequired = false;
    let plan: ChangePlan;
    try {
      plan = planRelease(workspace, code, options);
    } catch (error) {
      if (!(error instanceof ChangeControlError)) throw error;
      summaryRequired = true;
      plan = planRelease(workspace, code, { ...options, summary: ANY_SUMMARY });
    }
    const title = vscode.l10n.t('Release {0}: {1}', code, describeVersion(plan.version)[locale]);
    const summary = interactive
      ? await vscode.window.showInputBox({
          title,
          prompt: summaryRequired
            ? vscode.l10n.t('What changed in this revision? It becomes the entry of the history (change record).')
            : vscode.l10n.t('What changed in this revision? Leave it empty to keep the history entry already written.'),
          ignoreFocusOut: true,
          validateInput: (value) => (summaryRequired && !value.trim() ? vscode.l10n.t('Say what changed: the history of the document records it.') : undefined),
        })
      : args.summary;
    if (summary === undefined) return CANCELLED;
    const date =
      args.date ??
      (interactive
        ? await askDate(title, vscode.l10n.t('Effective date of the new revision (YYYY-MM-DD)'), today, (value) => planRelease(workspace, code, { ...options, summary: summary || ANY_SUMMARY, date: value }))
        : today);
    if (date === undefined) return CANCELLED;

    const file = await saveForChange(linter, target.file ?? plan.file);
    const result = await releaseDocument(vscodeFileSystem, linter.root, code, { today, summary: summary.trim() || undefined, date, counter: args.counter, force: args.force, overlays: linter.openBuffers() });
    await showWritten(lint, result.plan.writes, result.written);
    const released = result.plan;
    void vscode.window.showInformationMessage(vscode.l10n.t('Released {0} {1}, effective {2}.', released.code, describeVersion(released.version)[locale], released.date));
    return { outcome: 'done', code: released.code, file, label: released.label, date: released.date, written: result.written };
  });
}

export function recordReleaseCommand(lint: LintService, arg?: DocumentArgs | vscode.Uri): Promise<ChangeCommandResult> {
  return onDocument<DocumentArgs>(lint, arg, async (target) => {
    const { linter, code } = target;
    if (target.file) await saveForChange(linter, target.file);
    const { plan, written } = await recordDocuments(vscodeFileSystem, linter.root, [code], { today: todayIso(), overlays: linter.openBuffers() });
    const locale = editorLocale();
    const refused = plan.refused.find((r) => r.code === code);
    if (refused) return refuse(vscode.l10n.t('{0} was not recorded in qms.lock: {1}.', code, refused.reason[locale]));
    if (plan.unchanged.includes(code)) return refuse(vscode.l10n.t('{0} is already recorded in qms.lock at its current revision, with this content: nothing to record.', code));
    await showWritten(lint, plan.writes, written);
    const entry = plan.recorded.find((r) => r.code === code)!;
    void vscode.window.showInformationMessage(vscode.l10n.t('Recorded {0} {1} (effective {2}) in qms.lock.', code, describeVersion(entry.version)[locale], entry.date));
    // Recorded, so the core found the one file that defines the code.
    return { outcome: 'done', code, file: target.file!, label: entry.label, date: entry.date, written };
  });
}

export function markObsoleteCommand(lint: LintService, arg?: ObsoleteArgs | vscode.Uri): Promise<ChangeCommandResult> {
  return onDocument<ObsoleteArgs>(lint, arg, async (target, args) => {
    const { linter, workspace, code } = target;
    const today = todayIso();
    const locale = editorLocale();
    // Refused now (a draft, changed since its release…) rather than after the questions.
    const plan = planObsolete(workspace, code, { today, date: args.date });
    const title = vscode.l10n.t('Mark {0} obsolete', code);
    const date = args.date ?? (args.confirmed ? today : await askDate(title, vscode.l10n.t('Date from which it is withdrawn (YYYY-MM-DD)'), today, (value) => planObsolete(workspace, code, { today, date: value })));
    if (date === undefined) return CANCELLED;
    if (!args.confirmed) {
      const confirm = vscode.l10n.t('Mark Obsolete');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Withdraw {0} {1} as of {2}?', code, describeVersion(plan.version)[locale], date),
        {
          modal: true,
          detail: vscode.l10n.t('Its status becomes obsolete and qms.lock records the withdrawal; its released copy is kept. Processes and documents that still refer to it will be reported.'),
        },
        confirm,
      );
      if (answer !== confirm) return CANCELLED;
    }
    const file = await saveForChange(linter, target.file ?? plan.file);
    const result = await obsoleteDocument(vscodeFileSystem, linter.root, code, { today, date, overlays: linter.openBuffers() });
    await showWritten(lint, result.plan.writes, result.written);
    void vscode.window.showInformationMessage(vscode.l10n.t('Marked {0} {1} obsolete as of {2}.', code, describeVersion(result.plan.version)[locale], result.plan.date));
    return { outcome: 'done', code, file, label: result.plan.label, date: result.plan.date, written: result.written };
  });
}

/**
 * Runs a command on one controlled document: finds the document from the arguments, runs `run`,
 * and shows the core's refusal (a `ChangeControlError`) if it refuses.
 */
function onDocument<A extends DocumentArgs>(lint: LintService, arg: A | vscode.Uri | undefined, run: (target: Target, args: A) => Promise<ChangeCommandResult>): Promise<ChangeCommandResult> {
  const args = arg instanceof vscode.Uri ? ({ file: arg } as A) : arg && typeof arg === 'object' ? arg : ({} as A);
  return changeControl(async () => {
    const target = await targetOf(lint, args);
    return 'outcome' in target ? target : run(target, args);
  });
}

/** The workspace and code to work on, or why there is none (already shown to the user). */
async function targetOf(lint: LintService, args: DocumentArgs): Promise<Target | ChangeCommandResult> {
  let file = args.file instanceof vscode.Uri ? args.file.fsPath : args.file;
  if (file === undefined && args.code === undefined) {
    const active = vscode.window.activeTextEditor?.document;
    if (!active || active.uri.scheme !== 'file') return refuse(vscode.l10n.t('Open the procedure or document first, or run the command from its quick fix.'));
    file = active.uri.fsPath;
  }
  let linter: WorkspaceLinter | undefined;
  if (file !== undefined) {
    if (!lint.linterFor(file)?.current) await lint.discover();
    linter = lint.linterFor(file);
    if (!linter?.current) return refuse(vscode.l10n.t('{0} is not a file of a QMS workspace (a folder with a qms.yaml).', vscode.workspace.asRelativePath(file)));
  } else {
    linter = await pickWorkspace(lint, args.root);
    if (!linter?.current) return CANCELLED;
  }
  const workspace = linter.current!;
  const model = file === undefined ? undefined : (workspace.index.byPath.get(file)?.model as { kind?: unknown; code?: unknown } | undefined);
  const code = args.code ?? (typeof model?.code === 'string' && (model.kind === 'procedure' || model.kind === 'document') ? model.code : undefined);
  if (code === undefined) {
    return refuse(vscode.l10n.t('{0} is not a procedure or document with a code: change control applies to controlled documents only.', vscode.workspace.asRelativePath(file!)));
  }
  // By code alone: its file, when one file defines it (otherwise the core says what is wrong).
  const definitions = workspace.index.controlled.get(code) ?? [];
  return { linter, workspace, code, file: file ?? (definitions.length === 1 ? definitions[0]!.file : undefined) };
}

/** Asks a date, checked as the core will check it (format, not before the last record). */
function askDate(title: string, prompt: string, today: string, plan: (date: string) => unknown): Thenable<string | undefined> {
  const locale = editorLocale();
  return vscode.window.showInputBox({
    title,
    prompt,
    value: today,
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (!parseIsoDate(value.trim())) return vscode.l10n.t('Write the date as YYYY-MM-DD, e.g. {0}.', today);
      try {
        plan(value.trim());
        return undefined;
      } catch (error) {
        if (error instanceof ChangeControlError) return error.text[locale];
        throw error;
      }
    },
  }).then((value) => value?.trim());
}

/**
 * Saves the document's unsaved edits (see the top of this file) and refuses an unsaved qms.lock.
 * Returns the document's file.
 */
async function saveForChange(linter: WorkspaceLinter, file: string): Promise<string> {
  const lockFile = path.join(linter.root, LOCK_FILE_NAME);
  const open = (f: string) => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === f);
  if (open(lockFile)?.isDirty) {
    throw new ChangeControlError({
      en: 'qms.lock has unsaved changes in the editor: save or revert them first (QMS Kit writes qms.lock itself and never over unsaved edits).',
      vi: 'qms.lock đang có thay đổi chưa lưu trong trình soạn thảo: hãy lưu hoặc hoàn tác trước (QMS Kit tự ghi qms.lock và không ghi đè lên thay đổi chưa lưu).',
    });
  }
  const document = open(file);
  if (document?.isDirty && !(await document.save())) {
    throw new ChangeControlError({
      en: `${path.basename(file)} could not be saved: save it, then run the command again.`,
      vi: `Không lưu được ${path.basename(file)}: hãy lưu tệp rồi chạy lại lệnh.`,
    });
  }
  return file;
}

/** The open editor buffers of the workspace's QMS files, which the core reads over the disk. */
/**
 * Waits until the open editors of the files written show their new text (the editor reloads a
 * clean buffer when its file changes on disk), then lints again, so the diagnostics and the
 * explorer are those of the written files when the command resolves.
 */
async function showWritten(lint: LintService, writes: readonly PlannedWrite[], written: readonly string[]): Promise<void> {
  const expected = new Map(writes.filter((w) => written.includes(w.path)).map((w) => [w.path, w.text.replace(/^\uFEFF/, '')]));
  const stale = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file' && expected.has(d.uri.fsPath) && d.getText() !== expected.get(d.uri.fsPath));
  if (stale().length) {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        subscriptions.forEach((s) => s.dispose());
        resolve();
      };
      const check = () => stale().length === 0 && done();
      const timer = setTimeout(done, RELOAD_DEADLINE_MS);
      const subscriptions = [vscode.workspace.onDidChangeTextDocument(check), vscode.workspace.onDidCloseTextDocument(check)];
      check();
    });
  }
  await lint.lintAll();
}

/** Runs a change-control operation; a refusal of the core is shown, with the findings that caused it. */
async function changeControl(run: () => Promise<ChangeCommandResult>): Promise<ChangeCommandResult> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ChangeControlError)) throw error;
    const message = [error.text[editorLocale()], ...error.details].join(' ');
    const showProblems = vscode.l10n.t('Show Problems');
    void vscode.window.showErrorMessage(message, ...(error.details.length ? [showProblems] : [])).then((choice) => {
      if (choice === showProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return { outcome: 'refused', message };
  }
}

function refuse(message: string): ChangeCommandResult {
  void vscode.window.showErrorMessage(message);
  return { outcome: 'refused', message };
}
