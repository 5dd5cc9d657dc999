import * as path from 'node:path';
import type { FileSystem } from '../io/file-system';

export const SYSTEM_FILE_NAME = 'qms.yaml';
export const QMS_FILE_SUFFIX = '.qms.yaml';
export const LOCK_FILE_NAME = 'qms.lock';

/** Folders never searched: tooling, VCS, dependencies. The output folder is added by the caller. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test']);

/** Is this path one of ours? The suffix is what makes a YAML file a QMS file; nothing else is. */
export function isQmsFile(filePath: string): boolean {
  const base = path.basename(filePath);
  return base === SYSTEM_FILE_NAME || base.endsWith(QMS_FILE_SUFFIX);
}

export interface DiscoveredFiles {
  root: string;
  systemFile: string | undefined;
  /** `*.qms.yaml` files, sorted for stable output. */
  files: string[];
}

export async function discoverWorkspace(fs: FileSystem, root: string, skipFolders: ReadonlyArray<string> = []): Promise<DiscoveredFiles> {
  const absoluteRoot = path.resolve(root);
  const skipped = new Set(skipFolders.map((folder) => path.resolve(absoluteRoot, folder)));
  const files: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await fs.readDirectory(dir);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.directory) {
        if (ALWAYS_SKIPPED.has(entry.name) || skipped.has(full)) continue;
        await walk(full);
      } else if (entry.name.endsWith(QMS_FILE_SUFFIX)) {
        files.push(full);
      }
    }
  }
  await walk(absoluteRoot);
  const systemPath = path.join(absoluteRoot, SYSTEM_FILE_NAME);
  const systemFile = (await fs.exists(systemPath)) ? systemPath : undefined;
  files.sort();
  return { root: absoluteRoot, systemFile, files };
}

/** The nearest folder at or above `start` holding a `qms.yaml`, for a file opened on its own. */
export async function findWorkspaceRoot(fs: FileSystem, start: string): Promise<string | undefined> {
  let dir = path.resolve(start);
  for (;;) {
    if (await fs.exists(path.join(dir, SYSTEM_FILE_NAME))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
