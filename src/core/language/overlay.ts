import type { Document } from 'yaml';
import type { SourceFile } from '../model/source-file';
import { withFileText, type Workspace } from '../model/workspace';

/**
 * The workspace as the editor's buffers have it, for one question (a hover, a completion): the
 * editor's text can be ahead of the linter's workspace by a debounce. `withFileText` re-parses
 * only the item the user touched by splicing it into the previous tree, and swaps the file in
 * the index in place; both would change the linter's workspace under it. So the files that
 * differ are detached first (their tree cloned, the index's file table copied), and the linter's
 * workspace stays exactly as it was. Files whose text is the same cost nothing.
 */
export function withOverlays(workspace: Workspace, texts: ReadonlyMap<string, string>): Workspace {
  let current = workspace;
  for (const [path, text] of texts) {
    const stored = current.index.byPath.get(path);
    if (stored && fullText(stored) === text) continue;
    if (current === workspace) current = { ...workspace, files: [...workspace.files], index: { ...workspace.index, byPath: new Map(workspace.index.byPath) } };
    if (stored) current.index.byPath.set(path, detached(stored));
    current = withFileText(current, path, text);
  }
  return current;
}

function fullText(file: SourceFile): string {
  return (file.parsed.hadBom ? '\uFEFF' : '') + file.parsed.text;
}

/** A copy of the file whose syntax tree can be spliced without touching the original. */
function detached(file: SourceFile): SourceFile {
  const parsed = file.parsed;
  return { ...file, parsed: { ...parsed, document: parsed.document?.clone() as Document.Parsed | undefined } };
}
