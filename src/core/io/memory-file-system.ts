import * as path from 'node:path';
import type { FileSystem } from './file-system';

/** An in-memory file system for tests and for editor buffers layered over the disk. */
export function memoryFileSystem(files: Record<string, string>): FileSystem & { files: Map<string, string> } {
  const store = new Map(Object.entries(files).map(([p, text]) => [path.resolve(p), text]));
  return {
    files: store,
    async readFile(file) {
      const text = store.get(path.resolve(file));
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${file}'`), { code: 'ENOENT' });
      return text;
    },
    async readDirectory(dir) {
      const prefix = path.resolve(dir) + path.sep;
      const entries = new Map<string, boolean>();
      for (const file of store.keys()) {
        if (!file.startsWith(prefix)) continue;
        const [first, ...rest] = file.slice(prefix.length).split(path.sep);
        entries.set(first!, (entries.get(first!) ?? false) || rest.length > 0);
      }
      if (entries.size === 0 && ![...store.keys()].some((f) => f === path.resolve(dir))) {
        throw Object.assign(new Error(`ENOENT: no such directory, scandir '${dir}'`), { code: 'ENOENT' });
      }
      return [...entries].map(([name, directory]) => ({ name, directory }));
    },
    async exists(file) {
      const resolved = path.resolve(file);
      return store.has(resolved) || [...store.keys()].some((f) => f.startsWith(resolved + path.sep));
    },
    async writeFile(file, content) {
      store.set(path.resolve(file), content);
    },
  };
}
