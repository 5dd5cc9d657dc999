import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FileSystem } from './file-system';

let tempCounter = 0;

/** Writes `content` to a temp file in the same folder, then renames it over `target`. */
export async function writeFileAtomic(target: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
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
