import { isScalar } from 'yaml';
import type { LocalizedText } from '../findings';
import { yamlScalar } from '../lint/fix-builder';
import type { SourceFile } from '../model/source-file';
import type { Workspace } from '../model/workspace';
import { rangeOfOffsets } from '../yaml/parse';
import { resolvePointer } from '../yaml/pointer';
import { textSpanOf } from './model';
import { definitionSites, referenceSites, type Site } from './navigation';
import { definitionPattern } from './schema';
import { symbolAt } from './symbols-at';
import type { PrepareRenameResult, QmsSymbol, Refusal, RenameEdit, RenameFileEdits, SymbolKind } from './types';

const LABEL: Record<SymbolKind, LocalizedText> = {
  role: { en: 'role id', vi: 'mã vai trò' },
  unit: { en: 'unit id', vi: 'mã đơn vị' },
  external: { en: 'external party id', vi: 'mã bên ngoài' },
  process: { en: 'process id', vi: 'mã quá trình' },
  controlled: { en: 'document code', vi: 'mã tài liệu' },
  step: { en: 'step id', vi: 'mã bước' },
  form: { en: 'form code', vi: 'mã biểu mẫu' },
  record: { en: 'record code', vi: 'mã hồ sơ' },
};

const PATTERN: Record<SymbolKind, 'id' | 'processId' | 'documentCode'> = {
  role: 'id',
  unit: 'id',
  external: 'id',
  step: 'id',
  process: 'processId',
  controlled: 'documentCode',
  form: 'documentCode',
  record: 'documentCode',
};

const NOT_RENAMEABLE: LocalizedText = {
  en: 'Only an id or a code can be renamed here: a step id, a role, unit or external party id, a form or record code, a procedure or document code, or a process id.',
  vi: 'Chỉ đổi tên được một mã: mã bước, mã vai trò, đơn vị hoặc bên ngoài, mã biểu mẫu hoặc hồ sơ, mã quy trình hoặc tài liệu, hoặc mã quá trình.',
};

function located(workspace: Workspace, file: SourceFile, offset: number): { symbol: QmsSymbol; range: PrepareRenameResult['range']; current: string } | Refusal {
  const found = symbolAt(workspace, file, offset);
  if (!found || !found.at.node) return { error: NOT_RENAMEABLE };
  const { symbol } = found;
  if (definitionSites(workspace, symbol).length === 0) {
    const label = LABEL[symbol.kind];
    return {
      error: {
        en: `Nothing defines the ${label.en} \`${symbol.id}\`, so there is nothing to rename: correct the reference instead.`,
        vi: `Không có định nghĩa nào cho ${label.vi} \`${symbol.id}\` nên không có gì để đổi tên: hãy sửa lại tham chiếu.`,
      },
    };
  }
  const span = textSpanOf(found.at.node);
  return { symbol, range: rangeOfOffsets(file.parsed, span.start, span.end), current: symbol.id };
}

/** Whether the id or code under the cursor can be renamed, and the text to rename. */
export function prepareRename(workspace: Workspace, file: SourceFile, offset: number): PrepareRenameResult | Refusal {
  const found = located(workspace, file, offset);
  return 'error' in found ? found : { range: found.range, placeholder: found.current };
}

/** Why `newName` cannot be the new id or code of `symbol`, if it cannot. */
export function checkNewName(workspace: Workspace, symbol: QmsSymbol, newName: string): LocalizedText | undefined {
  const label = LABEL[symbol.kind];
  const { pattern, hint } = definitionPattern(PATTERN[symbol.kind]);
  if (!pattern.test(newName)) {
    return {
      en: `\`${newName}\` is not a valid ${label.en}: use ${hint.en}.`,
      vi: `\`${newName}\` không phải là ${label.vi} hợp lệ: hãy dùng ${hint.vi}.`,
    };
  }
  if (newName !== symbol.id && definitionSites(workspace, { ...symbol, id: newName }).length > 0) {
    return {
      en: `A ${label.en} \`${newName}\` exists already: choose another one.`,
      vi: `Đã có ${label.vi} \`${newName}\`: hãy chọn mã khác.`,
    };
  }
  return undefined;
}

/** The new text for the scalar at a site: only its value text, in the quoting style it has. */
function editAt(site: Site, newName: string): RenameEdit | undefined {
  const node = resolvePointer(site.file.parsed, site.pointer).node;
  if (!node || !isScalar(node) || !node.range) return undefined;
  const span = textSpanOf(node);
  const newText =
    node.type === 'QUOTE_DOUBLE' ? JSON.stringify(newName).slice(1, -1) : node.type === 'QUOTE_SINGLE' ? newName.replace(/'/g, "''") : yamlScalar(newName);
  return { ...span, newText, range: rangeOfOffsets(site.file.parsed, span.start, span.end) };
}

/**
 * Rename the id or code under the cursor: its definition and every reference, in every file.
 * Only the value text changes, so comments and layout stay as they are.
 */
export function rename(workspace: Workspace, file: SourceFile, offset: number, newName: string): RenameFileEdits[] | Refusal {
  const found = located(workspace, file, offset);
  if ('error' in found) return found;
  const problem = checkNewName(workspace, found.symbol, newName);
  if (problem) return { error: problem };
  if (newName === found.symbol.id) return [];
  const byFile = new Map<string, RenameEdit[]>();
  const seen = new Set<string>();
  for (const site of [...definitionSites(workspace, found.symbol), ...referenceSites(workspace, found.symbol)]) {
    const key = `${site.file.path}#${site.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const edit = editAt(site, newName);
    if (!edit) continue;
    const edits = byFile.get(site.file.path) ?? [];
    edits.push(edit);
    byFile.set(site.file.path, edits);
  }
  return [...byFile].map(([path, edits]) => ({ file: path, edits: edits.sort((a, b) => a.start - b.start) }));
}
