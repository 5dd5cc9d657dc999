import * as path from 'node:path';
import type { Finding } from '../findings';
import type { FileSystem } from '../io/file-system';
import { loadWorkspaceLock, type WorkspaceLock } from '../change/lock';
import { discoverWorkspace, SYSTEM_FILE_NAME } from './discover';
import { buildIndex, type WorkspaceIndex } from './workspace-index';
import { loadSourceFile, isRecord, type SourceFile } from './source-file';
import type { SystemFile } from './types';

/** Every QMS file of a workspace folder, loaded, with the cross-file index the rules use. */
export interface Workspace {
  root: string;
  /** `qms.yaml`, when there is one. */
  system: SourceFile | undefined;
  /** Every file, `qms.yaml` first, then `*.qms.yaml` sorted by path. */
  files: SourceFile[];
  index: WorkspaceIndex;
  /** Problems with the workspace as a whole (no `qms.yaml`, unreadable files, a damaged `qms.lock`). */
  findings: Finding[];
  /** `qms.lock`, when the workspace has one: the record of releases (src/core/change/lock.ts). */
  lock?: WorkspaceLock;
}

export const DEFAULT_OUTPUT_DIR = 'controlled';

export function systemModel(workspace: Pick<Workspace, 'system'>): SystemFile | undefined {
  const model = workspace.system?.model;
  return model?.kind === 'system' ? model : undefined;
}

export function outputDirOf(system: SystemFile | undefined): string {
  return typeof system?.output?.dir === 'string' && system.output.dir ? system.output.dir : DEFAULT_OUTPUT_DIR;
}

export interface LoadWorkspaceOptions {
  /** Text that replaces what is on disk (unsaved editor buffers), by absolute path. */
  overlays?: ReadonlyMap<string, string>;
  /** Files already loaded from the same text, reused instead of parsed again. */
  cache?: ReadonlyMap<string, SourceFile>;
}

export async function loadWorkspace(fs: FileSystem, root: string, options: LoadWorkspaceOptions = {}): Promise<Workspace> {
  const plan = await planWorkspace(fs, root, options);
  const files = await loadFiles(fs, plan.otherFiles, options, plan.findings);
  return assembleWorkspace(plan.root, plan.system ? [plan.system, ...files] : files, plan.findings, plan.lock);
}

/** Reads before parsing: I/O waits overlap, then parsing runs without gaps. */
const CONCURRENT_READS = 64;

/** Loads files in order; one that cannot be read is recorded in `findings` and left out. */
export async function loadFiles(fs: FileSystem, paths: readonly string[], options: LoadWorkspaceOptions, findings: Finding[]): Promise<SourceFile[]> {
  const texts: Array<string | undefined> = new Array(paths.length);
  let next = 0;
  const reader = async () => {
    while (next < paths.length) {
      const i = next++;
      const file = paths[i]!;
      const overlay = options.overlays?.get(file);
      if (overlay !== undefined) texts[i] = overlay;
      else {
        try {
          texts[i] = await fs.readFile(file);
        } catch (error) {
          findings.push(unreadableFinding(file, error));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, paths.length) }, reader));
  const loaded: SourceFile[] = [];
  paths.forEach((file, i) => {
    const text = texts[i];
    if (text === undefined) return;
    const cached = options.cache?.get(file);
    loaded.push(cached && (cached.parsed.hadBom ? '\uFEFF' : '') + cached.parsed.text === text ? cached : loadSourceFile(file, text));
  });
  return loaded;
}

/** What a workspace consists of, before its files are read: the system file is read to find the output folder to skip. */
export interface WorkspacePlan {
  root: string;
  system: SourceFile | undefined;
  /** Every `*.qms.yaml` path, sorted. */
  otherFiles: string[];
  findings: Finding[];
  /** `qms.lock`, read here with the released copies it names; its findings are in `findings`. */
  lock?: WorkspaceLock;
}

export async function planWorkspace(fs: FileSystem, root: string, options: LoadWorkspaceOptions = {}): Promise<WorkspacePlan> {
  const absoluteRoot = path.resolve(root);
  const findings: Finding[] = [];
  const systemPath = path.join(absoluteRoot, SYSTEM_FILE_NAME);
  const hasSystem = options.overlays?.has(systemPath) || (await fs.exists(systemPath));
  const system = hasSystem ? await readSourceFile(fs, systemPath, options, findings) : undefined;
  if (!hasSystem) findings.push(missingSystemFinding(absoluteRoot));
  const systemValue = system?.model?.kind === 'system' ? system.model : undefined;
  const discovered = await discoverWorkspace(fs, absoluteRoot, [outputDirOf(systemValue)]);
  const lock = await loadWorkspaceLock(fs, absoluteRoot, options, findings);
  return { root: absoluteRoot, system, otherFiles: discovered.files, findings, ...(lock ? { lock } : {}) };
}

/** Reads and loads one file, or records why it could not be read. */
export async function readSourceFile(fs: FileSystem, file: string, options: LoadWorkspaceOptions, findings: Finding[]): Promise<SourceFile | undefined> {
  let text = options.overlays?.get(file);
  if (text === undefined) {
    try {
      text = await fs.readFile(file);
    } catch (error) {
      findings.push(unreadableFinding(file, error));
      return undefined;
    }
  }
  const cached = options.cache?.get(file);
  if (cached && (cached.parsed.hadBom ? '\uFEFF' : '') + cached.parsed.text === text) return cached;
  return loadSourceFile(file, text);
}

/**
 * A workspace from files loaded in any order: `qms.yaml` first, then by path. `lock` is the plan's
 * (its findings are already in the plan's `findings`, so a lint thread passes `[]` and the lock).
 */
export function assembleWorkspace(root: string, files: SourceFile[], findings: Finding[], lock?: WorkspaceLock): Workspace {
  const systemPath = path.join(root, SYSTEM_FILE_NAME);
  const system = files.find((f) => f.path === systemPath);
  const others = files.filter((f) => f !== system).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const ordered = system ? [system, ...others] : others;
  return { root, system, files: ordered, index: buildIndex(ordered), findings, ...(lock ? { lock } : {}) };
}

function missingSystemFinding(root: string): Finding {
  const file = path.join(root, SYSTEM_FILE_NAME);
  const zero = { line: 1, column: 1, offset: 0 };
  return {
    ruleId: 'workspace/missing-system',
    severity: 'error',
    file,
    range: { start: zero, end: zero },
    message: {
      en: `No qms.yaml in ${root}. A QMS workspace needs a qms.yaml (kind: system) at its root: run \`qmskit init\` there, or point at the folder that has one.`,
      vi: `Không có qms.yaml trong ${root}. Một không gian làm việc QMS cần tệp qms.yaml (kind: system) ở thư mục gốc: hãy chạy \`qmskit init\` tại đó, hoặc chỉ tới thư mục có tệp này.`,
    },
  };
}

function unreadableFinding(file: string, error: unknown): Finding {
  const zero = { line: 1, column: 1, offset: 0 };
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: 'workspace/unreadable-file',
    severity: 'error',
    file,
    range: { start: zero, end: zero },
    message: {
      en: `The file could not be read (${reason}). Check that it exists and is readable.`,
      vi: `Không đọc được tệp (${reason}). Hãy kiểm tra tệp có tồn tại và có quyền đọc.`,
    },
  };
}

export { isRecord };

/**
 * The workspace with one file's text replaced (an editor keystroke): only that file is parsed
 * again (only the list item touched, when it can be), and the index is updated without parsing.
 * The previous workspace shares parts with the new one and must not be used afterwards.
 */
export function withFileText(workspace: Workspace, filePath: string, text: string): Workspace {
  const updated = loadSourceFile(filePath, text, workspace.index.byPath.get(filePath));
  let replaced = false;
  const files = workspace.files.map((file) => {
    if (file.path !== filePath) return file;
    replaced = true;
    return updated;
  });
  if (!replaced) files.push(updated);
  const system = workspace.system?.path === filePath ? updated : workspace.system;
  const previous = workspace.index.byPath.get(filePath);
  // Most keystrokes change nothing other files see of this one: the index object is kept (and
  // with it every lookup rules cached on it), with the file swapped in place.
  if (previous && (previous.kind === 'procedure' || previous.kind === 'document') && outwardFacts(previous) === outwardFacts(updated)) {
    workspace.index.byPath.set(filePath, updated);
    return { ...workspace, system, files, index: workspace.index };
  }
  return { ...workspace, system, files, index: buildIndex(files) };
}

/**
 * What other files (and lookups cached per index) can see of a procedure or document: its
 * identity, status, and the codes of its forms and records.
 */
function outwardFacts(file: SourceFile): string {
  const model = (file.model ?? {}) as Record<string, unknown>;
  const codes = (list: unknown) => (Array.isArray(list) ? list.map((item) => (item as { code?: unknown } | null)?.code) : list);
  return JSON.stringify([file.kind, model.code, model.title, model.status, model.process, model.revision, codes(model.forms), codes(model.records), model.references]);
}
