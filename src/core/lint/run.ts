import * as path from 'node:path';
import type { Finding } from '../findings';
import type { FileSystem } from '../io/file-system';
import { loadWorkspace, type Workspace } from '../model/workspace';
import { applyEdits, safeEditsByFile } from './apply-fixes';
import { lintWorkspace, type LintOptions } from './engine';

/** The passes `--fix` may take: fixes can uncover or unblock others, but never loop forever. */
export const MAX_FIX_PASSES = 10;

export interface FixRunResult {
  workspace: Workspace;
  findings: Finding[];
  /** Files rewritten, with how many fixes each received. */
  fixedFiles: Map<string, number>;
}

/**
 * Lints, applies every safe fix, writes the files (atomically, keeping a BOM where there was
 * one) and lints again, until nothing more can be fixed.
 */
export async function lintAndFix(fs: FileSystem, root: string, options: LintOptions): Promise<FixRunResult> {
  let workspace = await loadWorkspace(fs, root);
  let findings = lintWorkspace(workspace, options).findings;
  const fixedFiles = new Map<string, number>();
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const editsByFile = safeEditsByFile(findings);
    if (editsByFile.size === 0) break;
    let changed = false;
    for (const [file, edits] of editsByFile) {
      const source = workspace.index.byPath.get(file);
      if (!source || !file.startsWith(workspace.root + path.sep)) continue;
      const { text, applied } = applyEdits(source.parsed.text, edits);
      if (applied === 0 || text === source.parsed.text) continue;
      await fs.writeFile(file, (source.parsed.hadBom ? '\uFEFF' : '') + text);
      fixedFiles.set(file, (fixedFiles.get(file) ?? 0) + applied);
      changed = true;
    }
    if (!changed) break;
    workspace = await loadWorkspace(fs, root);
    findings = lintWorkspace(workspace, options).findings;
  }
  return { workspace, findings, fixedFiles };
}
