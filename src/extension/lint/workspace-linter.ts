import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import { lintWorkspace } from '../../core/lint/engine';
import { isQmsFile, SYSTEM_FILE_NAME } from '../../core/model/discover';
import { loadWorkspace, withFileText, type Workspace } from '../../core/model/workspace';
import { editorLocale, QmsDiagnostic } from '../convert';
import { vscodeFileSystem } from '../vscode-file-system';

export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * One QMS workspace (a folder with a qms.yaml) as the editor sees it: loaded once, kept up to
 * date file by file from the open buffers, linted with the same core as the CLI.
 */
export class WorkspaceLinter {
  private workspace: Workspace | undefined;
  private findingsByFile = new Map<string, Finding[]>();
  /**
   * Loads and updates run one after another: an update that started during a reload would work
   * on the workspace from before it (and lose the files the reload found).
   */
  private queue: Promise<void> = Promise.resolve();
  /** The newest update asked for, per file: an older one still waiting is dropped unrun. */
  private readonly latestUpdate = new Map<string, number>();
  private updates = 0;
  private disposed = false;

  constructor(
    readonly root: string,
    private readonly diagnostics: vscode.DiagnosticCollection,
  ) {}

  get current(): Workspace | undefined {
    return this.workspace;
  }

  findingsOf(file: string): readonly Finding[] {
    return this.findingsByFile.get(file) ?? [];
  }

  owns(file: string): boolean {
    return isQmsFile(file) && (file === path.join(this.root, SYSTEM_FILE_NAME) || file.startsWith(this.root + path.sep));
  }

  /** The editor's documents of this workspace's QMS files (saved or not). */
  openDocuments(): vscode.TextDocument[] {
    return vscode.workspace.textDocuments.filter((document) => document.uri.scheme === 'file' && this.owns(document.uri.fsPath));
  }

  /** The text of each open document of this workspace, by path: what the core reads over the disk. */
  openBuffers(): Map<string, string> {
    return new Map(this.openDocuments().map((document) => [document.uri.fsPath, document.getText()]));
  }

  private serially(work: () => Promise<void> | void): Promise<void> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Loads every file (open buffers win over the disk) and lints the whole workspace. */
  reload(): Promise<void> {
    return this.serially(() => this.loadAll());
  }

  private async loadAll(): Promise<void> {
    const workspace = await loadWorkspace(vscodeFileSystem, this.root, { overlays: this.openBuffers(), cache: this.cacheOfLoadedFiles() });
    if (this.disposed) return;
    this.workspace = workspace;
    this.publish(lintWorkspace(workspace, { today: todayIso() }).findings, undefined);
  }

  /**
   * One file's text changed. Only that file is parsed again. When what it defines for other
   * files changed (qms.yaml, a process, a code), every file is re-checked — from memory.
   */
  update(file: string, text: string): Promise<void> {
    const request = ++this.updates;
    this.latestUpdate.set(file, request);
    return this.serially(async () => {
      if (this.disposed || this.latestUpdate.get(file) !== request) return;
      if (!this.workspace) return this.loadAll();
      const before = this.workspace.index.byPath.get(file);
      const next = withFileText(this.workspace, file, text);
      this.workspace = next;
      const after = next.index.byPath.get(file)!;
      const wholeWorkspace = !before || after.kind !== 'procedure' || definitionsChanged(before.model, after.model);
      const only = wholeWorkspace ? undefined : new Set([file]);
      this.publish(lintWorkspace(next, { today: todayIso(), only }).findings, only);
    });
  }

  private cacheOfLoadedFiles() {
    return this.workspace ? new Map(this.workspace.files.map((f) => [f.path, f])) : undefined;
  }

  private publish(findings: Finding[], only: ReadonlySet<string> | undefined): void {
    const locale = editorLocale();
    const byFile = new Map<string, Finding[]>();
    for (const finding of findings) {
      const list = byFile.get(finding.file) ?? [];
      list.push(finding);
      byFile.set(finding.file, list);
    }
    const files = only ?? new Set([...this.findingsByFile.keys(), ...byFile.keys(), ...(this.workspace?.files.map((f) => f.path) ?? [])]);
    for (const file of files) {
      const list = byFile.get(file) ?? [];
      if (list.length) this.findingsByFile.set(file, list);
      else this.findingsByFile.delete(file);
      this.diagnostics.set(vscode.Uri.file(file), list.map((finding) => new QmsDiagnostic(finding, locale)));
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const file of this.findingsByFile.keys()) this.diagnostics.delete(vscode.Uri.file(file));
    this.findingsByFile.clear();
  }
}

/** Did a procedure's change touch what other files see of it (its code, process, status, title)? */
function definitionsChanged(before: unknown, after: unknown): boolean {
  const pick = (m: unknown) => {
    const v = (m ?? {}) as Record<string, unknown>;
    return JSON.stringify([v.kind, v.code, v.process, v.status, v.title, v.revision, v.clauses]);
  };
  return pick(before) !== pick(after);
}
