import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Status } from '../../core/model/types';
import type { LintService } from '../lint/lint-service';
import { todayIso } from '../lint/workspace-linter';
import { buildWorkspaceTree, STATUSES, type ControlledEntry, type ProcessEntry, type ReviewEntry, type StepEntry, type Target, type WorkspaceTree } from './model';

export const EXPLORER_VIEW_ID = 'qms.explorer';
/** Opens a file and selects a node: what clicking an item runs (hidden from the palette). */
export const OPEN_TARGET_COMMAND = 'qms.explorer.open';
export const DEFAULT_REVIEW_HORIZON_DAYS = 30;

type GroupId = 'processes' | 'status' | 'reviewDue' | 'overdue' | 'changed';

/**
 * One item of the tree. `key` is the item's stable id: expansion state survives a refresh.
 * `parent` is set by `getChildren` (for `getParent`, which `TreeView.reveal` needs).
 */
export type ExplorerNode = { parent?: ExplorerNode } & (
  | { type: 'workspace'; key: string; tree: WorkspaceTree }
  | { type: 'group'; key: string; tree: WorkspaceTree; group: GroupId }
  | { type: 'process'; key: string; tree: WorkspaceTree; process: ProcessEntry | undefined }
  | { type: 'status'; key: string; tree: WorkspaceTree; status: Status }
  | { type: 'controlled'; key: string; tree: WorkspaceTree; entry: ControlledEntry; expandable: boolean; showKind?: boolean }
  | { type: 'review'; key: string; tree: WorkspaceTree; review: ReviewEntry; overdue: boolean }
  | { type: 'step'; key: string; tree: WorkspaceTree; step: StepEntry }
  | { type: 'note'; key: string; message: string }
);

function statusLabel(status: Status | undefined): string {
  switch (status) {
    case 'approved':
      return vscode.l10n.t('Approved');
    case 'review':
      return vscode.l10n.t('In review');
    case 'draft':
      return vscode.l10n.t('Draft');
    case 'obsolete':
      return vscode.l10n.t('Obsolete');
    default:
      return vscode.l10n.t('No status');
  }
}

const STATUS_ICON: Record<Status, string> = { approved: 'verified', review: 'eye', draft: 'edit', obsolete: 'archive' };

const joined = (head: string, tail: string) => (tail ? `${head} — ${tail}` : head);

/**
 * The QMS explorer: processes → procedures → steps, documents by status, reviews coming due and
 * overdue, one top-level node per QMS workspace when there are several. Rebuilt from each
 * workspace's loaded model whenever a lint finishes.
 */
export class QmsExplorer implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private trees: WorkspaceTree[] | undefined;
  private view: vscode.TreeView<ExplorerNode> | undefined;

  constructor(private readonly lint: LintService) {}

  /** The tree view this provider feeds, for its badge and description. */
  attach(view: vscode.TreeView<ExplorerNode>): void {
    this.view = view;
    this.updateView();
  }

  /** Recomputes everything from the current workspaces (cheap: plain data, no I/O). */
  refresh(): void {
    this.trees = undefined;
    this.updateView();
    this.changeEmitter.fire(undefined);
  }

  /** The loaded QMS workspaces as the tree shows them, sorted by folder. */
  workspaceTrees(): WorkspaceTree[] {
    if (!this.trees) {
      const today = todayIso();
      this.trees = this.lint.all
        .filter((linter) => linter.current)
        .map((linter) => buildWorkspaceTree(linter.current!, { today, horizonDays: horizonFor(linter.root) }))
        .sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
    }
    return this.trees;
  }

  /** The badge the view shows (the number of errors), for tests. */
  get badge(): vscode.ViewBadge | undefined {
    return this.view?.badge;
  }

  /** How many error diagnostics the QMS files carry (the view's badge). */
  errorCount(): number {
    let errors = 0;
    this.lint.diagnostics.forEach((_uri, diagnostics) => {
      errors += diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    });
    return errors;
  }

  private updateView(): void {
    if (!this.view) return;
    const errors = this.errorCount();
    this.view.badge = errors
      ? { value: errors, tooltip: errors === 1 ? vscode.l10n.t('1 error in QMS files') : vscode.l10n.t('{0} errors in QMS files', errors) }
      : undefined;
    const trees = this.workspaceTrees();
    this.view.description = trees.length === 1 ? trees[0]!.organization : undefined;
  }

  getChildren(node?: ExplorerNode): ExplorerNode[] {
    const children = this.childrenOf(node);
    if (node) for (const child of children) child.parent = node;
    return children;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  /** Shows `node` in the view (expanding its ancestors), selected; expanded too when `expand`. */
  async reveal(node: ExplorerNode, options: { expand?: boolean; focus?: boolean } = {}): Promise<void> {
    await this.view?.reveal(node, { select: true, focus: options.focus ?? false, expand: options.expand ?? false });
  }

  private childrenOf(node: ExplorerNode | undefined): ExplorerNode[] {
    if (!node) {
      const trees = this.workspaceTrees();
      if (trees.length === 1) return this.groupsOf(trees[0]!);
      return trees.map((tree) => ({ type: 'workspace', key: `ws:${tree.root}`, tree }));
    }
    switch (node.type) {
      case 'workspace':
        return this.groupsOf(node.tree);
      case 'group':
        return this.childrenOfGroup(node.tree, node.group, node.key);
      case 'process': {
        const procedures = node.process ? node.process.procedures : node.tree.unassigned;
        return procedures.map((entry) => ({ type: 'controlled', key: `${node.key}|${entry.file}`, tree: node.tree, entry, expandable: entry.steps.length > 0 }));
      }
      case 'status':
        return node.tree.byStatus[node.status].map((entry) => ({ type: 'controlled', key: `${node.key}|${entry.file}`, tree: node.tree, entry, expandable: false, showKind: true }));
      case 'controlled':
        return node.entry.steps.map((step) => ({ type: 'step', key: `${node.key}|${step.index}`, tree: node.tree, step }));
      default:
        return [];
    }
  }

  /** The groups of one workspace; "Changed since release" only while some document is (model.ts). */
  private groupsOf(tree: WorkspaceTree): ExplorerNode[] {
    const groups: GroupId[] = ['processes', 'status', 'reviewDue', 'overdue'];
    if (tree.changedSinceRelease) groups.push('changed');
    return groups.map((group) => ({ type: 'group', key: `ws:${tree.root}|${group}`, tree, group }));
  }

  private childrenOfGroup(tree: WorkspaceTree, group: GroupId, key: string): ExplorerNode[] {
    switch (group) {
      case 'processes': {
        const nodes: ExplorerNode[] = tree.processes.map((process) => ({ type: 'process', key: `${key}|${process.file}`, tree, process }));
        if (tree.unassigned.length) nodes.push({ type: 'process', key: `${key}|(none)`, tree, process: undefined });
        if (!nodes.length) nodes.push({ type: 'note', key: `${key}|note`, message: vscode.l10n.t('No processes yet: add a *.qms.yaml file with kind: process.') });
        return nodes;
      }
      case 'status':
        return STATUSES.map((status) => ({ type: 'status', key: `${key}|${status}`, tree, status }));
      case 'reviewDue':
      case 'overdue':
        return (group === 'overdue' ? tree.overdue : tree.reviewDue).map((review) => ({
          type: 'review',
          key: `${key}|${review.document.file}`,
          tree,
          review,
          overdue: group === 'overdue',
        }));
      case 'changed':
        return (tree.changedSinceRelease ?? []).map((entry) => ({ type: 'controlled', key: `${key}|${entry.file}`, tree, entry, expandable: false }));
    }
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const { Collapsed, None } = vscode.TreeItemCollapsibleState;
    switch (node.type) {
      case 'workspace': {
        const item = new vscode.TreeItem(path.basename(node.tree.root), vscode.TreeItemCollapsibleState.Expanded);
        item.description = node.tree.organization ?? vscode.workspace.asRelativePath(node.tree.root);
        item.tooltip = node.tree.root;
        item.iconPath = new vscode.ThemeIcon('root-folder');
        item.contextValue = 'qms.workspace';
        if (node.tree.systemFile) item.command = openCommand({ file: node.tree.systemFile, pointer: '/organization' });
        return withId(item, node);
      }
      case 'group':
        return withId(this.groupItem(node.tree, node.group), node);
      case 'process': {
        const process = node.process;
        const count = process ? process.procedures.length : node.tree.unassigned.length;
        const label = process ? joined(process.id, process.name) : vscode.l10n.t('Procedures without a known process');
        const item = new vscode.TreeItem(label, count ? Collapsed : None);
        item.description = count === 1 ? vscode.l10n.t('1 procedure') : vscode.l10n.t('{0} procedures', count);
        item.iconPath = new vscode.ThemeIcon(process ? 'server-process' : 'circle-slash');
        item.contextValue = process ? 'qms.process' : 'qms.unassigned';
        if (process) {
          item.resourceUri = vscode.Uri.file(process.file);
          item.tooltip = `${label}\n${vscode.workspace.asRelativePath(process.file)}`;
          item.command = openCommand(process.target);
        }
        return withId(item, node);
      }
      case 'status': {
        const count = node.tree.byStatus[node.status].length;
        const item = new vscode.TreeItem(statusLabel(node.status), count ? Collapsed : None);
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon(STATUS_ICON[node.status]);
        item.contextValue = `qms.status.${node.status}`;
        return withId(item, node);
      }
      case 'controlled': {
        const { entry } = node;
        const label = joined(entry.code, entry.title);
        const item = new vscode.TreeItem(label, node.expandable ? Collapsed : None);
        item.description = node.showKind ? kindLabel(entry) : statusLabel(entry.status);
        item.tooltip = [label, `${kindLabel(entry)} · ${statusLabel(entry.status)}`, vscode.workspace.asRelativePath(entry.file)].join('\n');
        item.iconPath = new vscode.ThemeIcon(entry.kind === 'procedure' ? 'list-ordered' : 'book');
        item.resourceUri = vscode.Uri.file(entry.file);
        item.contextValue = `qms.${entry.kind}`;
        item.command = openCommand(entry.target);
        return withId(item, node);
      }
      case 'review': {
        const { review } = node;
        const label = joined(review.document.code, review.document.title);
        const item = new vscode.TreeItem(label, None);
        item.description = node.overdue ? vscode.l10n.t('was due {0}', review.next) : vscode.l10n.t('due {0}', review.next);
        item.tooltip = `${label}\n${node.overdue ? vscode.l10n.t('Periodic review overdue since {0}', review.next) : vscode.l10n.t('Next periodic review: {0}', review.next)}`;
        item.iconPath = new vscode.ThemeIcon(node.overdue ? 'warning' : 'calendar', node.overdue ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
        item.resourceUri = vscode.Uri.file(review.document.file);
        item.contextValue = 'qms.review';
        item.command = openCommand(review.target);
        return withId(item, node);
      }
      case 'step': {
        const { step } = node;
        const item = new vscode.TreeItem(joined(step.id, step.name), None);
        item.description = step.decision ?? [step.role, step.duration].filter(Boolean).join(' · ');
        const lines = [joined(step.id, step.name)];
        if (step.decision) lines.push(vscode.l10n.t('Decision: {0}', step.decision));
        if (step.role) lines.push(vscode.l10n.t('Role: {0}', step.role));
        if (step.duration) lines.push(vscode.l10n.t('Duration: {0}', step.duration));
        item.tooltip = lines.join('\n');
        item.iconPath = new vscode.ThemeIcon(step.decision ? 'question' : step.end ? 'pass' : 'arrow-small-right');
        item.contextValue = step.decision ? 'qms.step.decision' : 'qms.step';
        item.command = openCommand(step.target);
        return withId(item, node);
      }
      case 'note': {
        const item = new vscode.TreeItem(node.message, None);
        item.iconPath = new vscode.ThemeIcon('info');
        return withId(item, node);
      }
    }
  }

  private groupItem(tree: WorkspaceTree, group: GroupId): vscode.TreeItem {
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    switch (group) {
      case 'processes': {
        const item = new vscode.TreeItem(vscode.l10n.t('Processes'), Expanded);
        item.description = String(tree.processes.length);
        item.iconPath = new vscode.ThemeIcon('type-hierarchy');
        item.contextValue = 'qms.group.processes';
        return item;
      }
      case 'status': {
        const item = new vscode.TreeItem(vscode.l10n.t('Documents by status'), Collapsed);
        item.iconPath = new vscode.ThemeIcon('checklist');
        item.contextValue = 'qms.group.status';
        return item;
      }
      case 'reviewDue': {
        const days = horizonFor(tree.root);
        const item = new vscode.TreeItem(vscode.l10n.t('Review due in {0} days', days), tree.reviewDue.length ? Collapsed : None);
        item.description = String(tree.reviewDue.length);
        item.tooltip = vscode.l10n.t('Approved documents whose periodic review falls due within {0} days (setting qms.explorer.reviewHorizonDays)', days);
        item.iconPath = new vscode.ThemeIcon('calendar');
        item.contextValue = 'qms.group.reviewDue';
        return item;
      }
      case 'overdue': {
        const item = new vscode.TreeItem(vscode.l10n.t('Overdue'), tree.overdue.length ? Expanded : None);
        item.description = String(tree.overdue.length);
        item.tooltip = vscode.l10n.t('Approved documents whose periodic review date has passed');
        item.iconPath = new vscode.ThemeIcon('warning', tree.overdue.length ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
        item.contextValue = 'qms.group.overdue';
        return item;
      }
      case 'changed': {
        const count = tree.changedSinceRelease?.length ?? 0;
        const item = new vscode.TreeItem(vscode.l10n.t('Changed since release'), count ? Expanded : None);
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon('diff');
        item.contextValue = 'qms.group.changed';
        return item;
      }
    }
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

function kindLabel(entry: ControlledEntry): string {
  return entry.kind === 'procedure' ? vscode.l10n.t('Procedure') : vscode.l10n.t('Document');
}

function withId(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
  item.id = node.key;
  return item;
}

function openCommand(target: Target): vscode.Command {
  return { command: OPEN_TARGET_COMMAND, title: vscode.l10n.t('Open'), arguments: [target] };
}

export function horizonFor(root: string): number {
  const days = vscode.workspace.getConfiguration('qms', vscode.Uri.file(root)).get<number>('explorer.reviewHorizonDays', DEFAULT_REVIEW_HORIZON_DAYS);
  return Number.isFinite(days) && days >= 0 ? Math.floor(days) : DEFAULT_REVIEW_HORIZON_DAYS;
}
