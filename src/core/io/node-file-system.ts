import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FileSystem } from './file-system';

let tempCounter = 0;

const makeFolder = (dir: string): Promise<unknown> => fs.mkdir(dir, { recursive: true });

/**
 * Writes `content` to a temp file in the same folder, then renames it over `target`.
 * `ensureFolder` lets a caller writing thousands of files create each folder once.
 */
export async function writeFileAtomic(target: string, content: string, ensureFolder = makeFolder): Promise<void> {
  await ensureFolder(path.dirname(target));
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${++tempCounter}.tmp`);
  try {
    await fs.writeFile(temp, content, 'utf8');
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

export const nodeFileSystem: FileSystem = {
  readFile: (file) => fs.readFile(file, 'utf8'),
  async readDirectory(dir) {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries.map((entry) => ({ name: entry.name, directory: entry.isDirectory() }));
  },
  async exists(file) {
    try {
      await fs.access(file);
      return true;
    } catch {
      return false;
    }
  },
  writeFile: writeFileAtomic,
};
