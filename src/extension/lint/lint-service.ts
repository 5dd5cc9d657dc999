import * as path from 'node:path';
import * as vscode from 'vscode';
import { isQmsFile, LOCK_FILE_NAME, SYSTEM_FILE_NAME } from '../../core/model/discover';
import { WorkspaceLinter } from './workspace-linter';

export type LintTrigger = 'onType' | 'onSave';

/**
 * Finds the QMS workspaces (folders with a qms.yaml) and keeps their diagnostics current as the
 * user types: debounced per document, stale results dropped by each linter's generation counter.
 */
export class LintService implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('qms');
  private readonly linters = new Map<string, WorkspaceLinter>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];
  private readonly changeEmitter = new vscode.EventEmitter<WorkspaceLinter>();
  /** Fires after a workspace was linted (the explorer and the preview listen). */
  readonly onDidLint = this.changeEmitter.event;

  constructor() {
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.trigger(event.document) === 'onType' && event.contentChanges.length) this.schedule(event.document);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.trigger(document) === 'onSave') this.schedule(document, 0);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (this.isOurs(document) && !this.linterFor(document.uri.fsPath)) void this.discover();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.discover()),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/{qms.yaml,*.qms.yaml,qms.lock}');
    // A release rewrites qms.lock: every approved document is checked against it again.
    const reloadForLock = (uri: vscode.Uri) => {
      const linter = path.basename(uri.fsPath) === LOCK_FILE_NAME ? this.all.find((l) => l.root === path.dirname(uri.fsPath)) : undefined;
      if (linter) void this.run(linter, () => linter.reload());
    };
    const reloadFor = (uri: vscode.Uri) => {
      if (path.basename(uri.fsPath) === LOCK_FILE_NAME) return reloadForLock(uri);
      const linter = this.linterFor(uri.fsPath);
      if (path.basename(uri.fsPath) === SYSTEM_FILE_NAME || !linter) void this.discover();
      else void this.run(linter, () => linter.reload());
    };
    this.disposables.push(watcher, watcher.onDidCreate(reloadFor), watcher.onDidDelete(reloadFor), watcher.onDidChange(reloadForLock));
  }

  isOurs(document: vscode.TextDocument): boolean {
    return document.uri.scheme === 'file' && isQmsFile(document.uri.fsPath);
  }

  linterFor(file: string): WorkspaceLinter | undefined {
    let best: WorkspaceLinter | undefined;
    for (const linter of this.linters.values()) {
      if (linter.owns(file) && (!best || linter.root.length > best.root.length)) best = linter;
    }
    return best;
  }

  get all(): WorkspaceLinter[] {
    return [...this.linters.values()];
  }

  /** Finds every qms.yaml in the open folders and lints each workspace once. */
  async discover(): Promise<void> {
    const found = await vscode.workspace.findFiles('**/qms.yaml', '**/{node_modules,.git}/**');
    const roots = new Set(found.filter((uri) => uri.scheme === 'file').map((uri) => path.dirname(uri.fsPath)));
    for (const [root, linter] of this.linters) {
      if (!roots.has(root)) {
        linter.dispose();
        this.linters.delete(root);
      }
    }
    const fresh: WorkspaceLinter[] = [];
    for (const root of roots) {
      if (this.linters.has(root)) continue;
      const linter = new WorkspaceLinter(root, this.diagnostics);
      this.linters.set(root, linter);
      fresh.push(linter);
    }
    await Promise.all(fresh.map((linter) => this.run(linter, () => linter.reload())));
  }

  /** Re-reads and re-lints every workspace ("QMS: Lint Workspace"). */
  async lintAll(): Promise<void> {
    await this.discover();
    await Promise.all(this.all.map((linter) => this.run(linter, () => linter.reload())));
  }

  private trigger(document: vscode.TextDocument): LintTrigger | undefined {
    if (!this.isOurs(document)) return undefined;
    return vscode.workspace.getConfiguration('qms', document.uri).get<LintTrigger>('lint.run', 'onType');
  }

  private schedule(document: vscode.TextDocument, delay?: number): void {
    const linter = this.linterFor(document.uri.fsPath);
    if (!linter) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const wait = delay ?? vscode.workspace.getConfiguration('qms', document.uri).get<number>('lint.debounce', 250);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.run(linter, () => linter.update(document.uri.fsPath, document.getText()));
      }, wait),
    );
  }

  private async run(linter: WorkspaceLinter, work: () => Promise<void>): Promise<void> {
    try {
      await work();
      this.changeEmitter.fire(linter);
    } catch (error) {
      // A bug in a rule must not take the editor down with it; say so once, in the output.
      console.error('[qmskit] lint failed', error);
      void vscode.window.showErrorMessage(vscode.l10n.t('QMS Kit could not lint {0}: {1}', linter.root, error instanceof Error ? error.message : String(error)));
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const linter of this.linters.values()) linter.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
