import type { Locale, TextEdit } from '../findings';
import { addListItem } from '../lint/rules/process/shared';
import { fixBuilder, yamlScalar } from '../lint/fix-builder';
import { buildCode, matchNumbering, parseNumberingPattern } from '../model/numbering';
import type { SourceFile } from '../model/source-file';
import type { SystemFile } from '../model/types';
import { systemModel, type Workspace } from '../model/workspace';

/**
 * "QMS: New Procedure…": a draft procedure that lints clean from the moment it is written, the
 * code checks the command runs on what the user types, and the edit that lists the new code in
 * its process (`procedures:`, ISO 9001:2015 4.4.1 b), without which `process/orphan` would warn.
 */

export interface NewProcedureOptions {
  /** The procedure code, e.g. `QT-DV-02` (checked with {@link checkProcedureCode} first). */
  code: string;
  title: string;
  /** Id of the process the procedure carries out. */
  process: string;
  /** Role id of the owner; the two starter steps are assigned to it too. */
  owner: string;
  /** Language of the placeholder text: the workspace's `locale`. */
  locale: Locale;
}

const PLACEHOLDERS: Record<Locale, { purpose: string; scope: string; steps: Array<{ id: string; name: string }> }> = {
  en: {
    purpose: 'TODO: what this procedure achieves and why it is needed',
    scope: 'TODO: the activities, units and people this procedure applies to',
    steps: [
      { id: 'start', name: 'TODO: first activity' },
      { id: 'finish', name: 'TODO: last activity' },
    ],
  },
  vi: {
    purpose: 'TODO: mục đích của quy trình',
    scope: 'TODO: phạm vi áp dụng (hoạt động, đơn vị, cá nhân)',
    steps: [
      { id: 'bat-dau', name: 'TODO: công việc đầu tiên' },
      { id: 'ket-thuc', name: 'TODO: công việc cuối cùng' },
    ],
  },
};

const COMMENTS: Record<Locale, { status: string; steps: string }> = {
  en: { status: '# draft → review → approved', steps: '# one item per step; see the "qms" snippets for decisions, forms and records' },
  vi: { status: '# draft → review → approved (dự thảo → xem xét → phê duyệt)', steps: '# mỗi bước một mục; dùng các snippet "qms" để thêm bước quyết định, biểu mẫu, hồ sơ' },
};

/** The text of `procedures/<code>.qms.yaml`: a draft, revision 1, with two steps owned by `owner`. */
export function newProcedure(options: NewProcedureOptions): string {
  const text = PLACEHOLDERS[options.locale];
  const comments = COMMENTS[options.locale];
  const lines = [
    'kind: procedure',
    `code: ${yamlScalar(options.code)}`,
    `title: ${yamlScalar(options.title.trim())}`,
    `process: ${yamlScalar(options.process)}`,
    `owner: ${yamlScalar(options.owner)}`,
    `status: draft                      ${comments.status}`,
    'revision: 1',
    `purpose: ${yamlScalar(text.purpose)}`,
    `scope: ${yamlScalar(text.scope)}`,
    `steps:                             ${comments.steps}`,
  ];
  text.steps.forEach((step, i) => {
    lines.push(`  - id: ${step.id}`, `    name: ${yamlScalar(step.name)}`, `    role: ${yamlScalar(options.owner)}`, '    duration: 1 hour');
    if (i === text.steps.length - 1) lines.push('    end: true');
  });
  return lines.join('\n') + '\n';
}

/** Where the new procedure goes, relative to the workspace root. */
export function newProcedurePath(code: string): string {
  return `procedures/${code.replace(/[/\\]/g, '-')}.qms.yaml`;
}

/** The language of placeholder text in the workspace: its `locale`, Vietnamese unless `en`. */
export function workspaceLocale(workspace: Pick<Workspace, 'system'>): Locale {
  return systemModel(workspace)?.locale === 'en' ? 'en' : 'vi';
}

/** What the schema demands of any document code (common.schema.json#/$defs/documentCode). */
export const DOCUMENT_CODE = /^[A-Z0-9Đ]+(?:[-/.][A-Z0-9Đ]+)*$/u;

export type CodeProblem =
  | { problem: 'empty' }
  /** Not a document code at all (lowercase, spaces, other characters). */
  | { problem: 'syntax' }
  /** Does not follow `numbering.procedure`; `example` is the likely intended code or an example. */
  | { problem: 'numbering'; pattern: string; example: string }
  /** Already the code of a procedure or document; `file` is where. */
  | { problem: 'duplicate'; file: string };

/** Why `code` cannot be the code of a new procedure in this workspace, or undefined when it can. */
export function checkProcedureCode(workspace: Workspace, code: string): CodeProblem | undefined {
  if (!code.trim()) return { problem: 'empty' };
  if (!DOCUMENT_CODE.test(code)) return { problem: 'syntax' };
  const existing = workspace.index.controlled.get(code);
  if (existing?.length) return { problem: 'duplicate', file: existing[0]!.file };
  const system = systemModel(workspace);
  const pattern = procedurePattern(system);
  if (pattern) {
    const match = matchNumbering(pattern, code, { org: orgOf(system) });
    if (!match.matches) return { problem: 'numbering', pattern, example: match.example };
  }
  return undefined;
}

/**
 * The next free procedure code: the pattern's sequence one past the highest in use (`QT-DV-01`
 * → `QT-DV-02`). Without a usable pattern, the highest existing code with its last number bumped;
 * undefined when there is nothing to go by.
 */
export function suggestProcedureCode(workspace: Workspace): string | undefined {
  const system = systemModel(workspace);
  const codes = [...workspace.index.controlled.keys()];
  const pattern = procedurePattern(system);
  const org = orgOf(system);
  if (pattern) {
    const parsed = parseNumberingPattern(pattern);
    if (parsed.usesSeq && !parsed.unknown.length && !parsed.usesProcedure) {
      const seqIndex = parsed.parts.filter((p) => p.type === 'org' || p.type === 'procedure' || p.type === 'seq').findIndex((p) => p.type === 'seq');
      let highest = 0;
      for (const code of codes) {
        if (!matchNumbering(parsed, code, { org }).matches) continue;
        const seq = seqOf(parsed, code, org, seqIndex);
        if (seq !== undefined && seq > highest) highest = seq;
      }
      for (let next = highest + 1; next < highest + 1000; next++) {
        const candidate = buildCode(parsed, { org }, [next]);
        if (!workspace.index.controlled.has(candidate)) return candidate;
      }
    }
  }
  const procedures = codes.filter((code) => workspace.index.controlled.get(code)?.some((d) => d.kind === 'procedure')).sort();
  const last = procedures[procedures.length - 1];
  const bumped = last && /^(.*?)(\d+)$/.exec(last);
  if (!bumped) return undefined;
  const [, head, digits] = bumped;
  for (let n = Number(digits) + 1; n < Number(digits) + 1000; n++) {
    const candidate = head + String(n).padStart(digits!.length, '0');
    if (!workspace.index.controlled.has(candidate)) return candidate;
  }
  return undefined;
}

function procedurePattern(system: SystemFile | undefined): string | undefined {
  const pattern = system?.numbering?.procedure;
  return typeof pattern === 'string' && pattern.trim() ? pattern : undefined;
}

function orgOf(system: SystemFile | undefined): string | undefined {
  const short = system?.organization?.short;
  return typeof short === 'string' && short ? short : undefined;
}

/** The number a matching code carries in the pattern's first `{seq}`. */
function seqOf(pattern: ReturnType<typeof parseNumberingPattern>, code: string, org: string | undefined, seqIndex: number): number | undefined {
  // Rebuild the strict expression with capture groups in part order; the seq group is number seqIndex + 1.
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = pattern.parts
    .map((part) => {
      switch (part.type) {
        case 'text':
          return escape(part.text);
        case 'org':
          return `(${org !== undefined ? escape(org) : '[A-Z0-9Đ]+'})`;
        case 'procedure':
          return '([A-Z0-9Đ]+(?:[-/.][A-Z0-9Đ]+)*)';
        case 'seq':
          return '(\\d+)';
        case 'unknown':
          return escape(part.name);
      }
    })
    .join('');
  const match = new RegExp(`^${body}$`, 'u').exec(code);
  const value = match?.[seqIndex + 1];
  return value === undefined ? undefined : Number(value);
}

/**
 * The text edits that add `code` to the `procedures:` list of a process file (a block list gets
 * an item, a flow list an entry, a missing list is created); empty when it is listed already,
 * undefined when the file's shape does not allow a safe edit.
 */
export function listProcedureInProcess(processFile: SourceFile, code: string): TextEdit[] | undefined {
  const model = processFile.model;
  if (model?.kind !== 'process') return undefined;
  const listed = (model as { procedures?: unknown }).procedures;
  if (Array.isArray(listed) && listed.includes(code)) return [];
  if (listed !== undefined && listed !== null && !Array.isArray(listed)) return undefined;
  const fix = addListItem(processFile, fixBuilder(processFile), '/procedures', { lines: [yamlScalar(code)], flow: yamlScalar(code) }, { en: '', vi: '' });
  return fix?.edits.find((e) => e.file === processFile.path)?.edits;
}
