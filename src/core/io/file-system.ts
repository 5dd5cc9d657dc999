/**
 * The file access the core needs, injected so that the CLI (Node), the extension (open editor
 * buffers over the disk) and tests (in-memory) share one behaviour.
 */
export interface FileSystem {
  readFile(path: string): Promise<string>;
  /** Entries of a directory; `directory` tells folders from files without another call. */
  readDirectory(path: string): Promise<Array<{ name: string; directory: boolean }>>;
  exists(path: string): Promise<boolean>;
  /** Written atomically: a temp file beside the target, then a rename. */
  writeFile(path: string, content: string): Promise<void>;
}
