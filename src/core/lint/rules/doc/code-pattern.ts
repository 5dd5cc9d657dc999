import type { Fix, LocalizedText } from '../../../findings';
import { matchNumbering, parseNumberingPattern, NUMBERING_KINDS, type NumberingContext, type NumberingKind, type NumberingPattern } from '../../../model/numbering';
import { referencesOf } from '../../../model/references';
import type { SourceFile } from '../../../model/source-file';
import type { SystemFile } from '../../../model/types';
import { defineFileRule } from '../../rule';
import { yamlScalar, type FixBuilder } from '../../fix-builder';
import { list, record, text } from './shared';

/** What the schema already demands of a code (common.schema.json): anything else is the schema's finding. */
const DOCUMENT_CODE = /^[A-Z0-9Đ]+(?:[-/.][A-Z0-9Đ]+)*$/;
const PROCESS_ID = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;

const WHAT: Record<NumberingKind, LocalizedText> = {
  procedure: { en: 'Procedure code', vi: 'Mã quy trình' },
  form: { en: 'Form code', vi: 'Mã biểu mẫu' },
  record: { en: 'Record code', vi: 'Mã hồ sơ' },
  process: { en: 'Process id', vi: 'Mã quá trình' },
  document: { en: 'Document code', vi: 'Mã tài liệu' },
};

interface Numbering {
  system: SystemFile;
  org: string | undefined;
  /** Usable patterns only: a pattern with an unknown placeholder is reported on qms.yaml instead. */
  patterns: Partial<Record<NumberingKind, NumberingPattern>>;
  systemFile: SourceFile | undefined;
}

/**
 * The pattern as the message shows it: `{org}` and `{procedure}` filled in, each `{seq:0N}` as
 * N `x` (`QT-BCHQS-xx`, `BM-xx/QT-BCHQS-01`), the way Vietnamese units write a numbering rule.
 */
function shownPattern(pattern: NumberingPattern, context: NumberingContext): string {
  return pattern.parts
    .map((part) => {
      switch (part.type) {
        case 'text':
          return part.text;
        case 'org':
          return context.org ?? 'ORG';
        case 'procedure':
          return context.procedure ?? 'QT-xx';
        case 'seq':
          return 'x'.repeat(Math.max(1, part.width));
        case 'unknown':
          return part.name;
      }
    })
    .join('');
}

export const codePattern = defineFileRule({
  id: 'doc/code-pattern',
  severity: 'warning',
  clauses: ['7.5.2', '7.5.3.2'],
  fixable: true,
  scope: 'file',
  kinds: ['system', 'process', 'procedure', 'document'],
  description: {
    en: 'A procedure, form, record, process or document code that does not match its `numbering` pattern in qms.yaml.',
    vi: 'Mã quy trình, biểu mẫu, hồ sơ, quá trình hoặc tài liệu không đúng quy tắc đánh mã (`numbering`) trong qms.yaml.',
  },
  messages: {
    mismatch: {
      en: '{what} `{code}` does not follow the numbering rule `numbering.{kind}` in qms.yaml: expected `{shape}`, e.g. `{example}`.{hint}',
      vi: '{what} `{code}` không đúng quy tắc đánh mã `numbering.{kind}` trong qms.yaml: mã phải có dạng `{shape}`, ví dụ `{example}`.{hint}',
    },
    pattern: {
      en: 'Numbering rule for {plural} (`numbering.{kind}`): `{pattern}`.',
      vi: 'Quy tắc đánh mã {plural} (`numbering.{kind}`): `{pattern}`.',
    },
    unknownPlaceholder: {
      en: 'The numbering rule `numbering.{kind}` uses the placeholder {names}, which QMS Kit does not know, so no {singular} code is checked against it. Use only the placeholders `org`, `seq` (`seq:02` to zero-pad to 2 digits) and `procedure`, each written in braces.',
      vi: 'Quy tắc đánh mã `numbering.{kind}` dùng tham số {names} mà QMS Kit không hiểu, nên không mã {singular} nào được kiểm tra theo quy tắc này. Chỉ dùng các tham số `org`, `seq` (`seq:02` để thêm số 0 cho đủ 2 chữ số) và `procedure`, đặt trong dấu ngoặc nhọn.',
    },
    missingOrg: {
      en: 'The numbering rule `numbering.{kind}` uses the organization placeholder `org`, but `organization.short` is not set, so the organization part of {singular} codes cannot be checked. Add the short name used in codes (e.g. `short: BCHQS`) under `organization`.',
      vi: 'Quy tắc đánh mã `numbering.{kind}` dùng tham số tên viết tắt đơn vị `org` nhưng chưa khai báo `organization.short`, nên không kiểm tra được phần tên đơn vị trong mã {singular}. Hãy thêm tên viết tắt dùng trong mã (ví dụ `short: BCHQS`) vào mục `organization`.',
    },
  },
  check({ file, model, system, workspace, fix, report }) {
    if (model.kind === 'system') {
      checkPatterns(model, report);
      return;
    }
    const numbering = numberingOf(system, workspace.system);
    if (!numbering) return;
    const { org } = numbering;

    const check = (kind: NumberingKind, at: string, code: unknown, context: NumberingContext, fixFor?: (suggestion: string) => Fix | undefined) => {
      const pattern = numbering.patterns[kind];
      if (!pattern || typeof code !== 'string') return;
      if (!(kind === 'process' ? PROCESS_ID : DOCUMENT_CODE).test(code)) return;
      const result = matchNumbering(pattern, code, context);
      if (result.matches) return;
      const suggestion = result.suggestion;
      report({
        messageId: 'mismatch',
        at,
        data: {
          what: WHAT[kind],
          code,
          kind,
          shape: shownPattern(pattern, context),
          example: result.example,
          hint: suggestion
            ? { en: ` Rename it to \`${suggestion}\`.`, vi: ` Hãy đổi thành \`${suggestion}\`.` }
            : {
                en: ` Renumber it following the rule, or change \`numbering.${kind}\` if the organization numbers ${PLURAL[kind].en} differently.`,
                vi: ` Hãy đặt lại mã theo quy tắc, hoặc sửa \`numbering.${kind}\` nếu đơn vị đánh mã ${PLURAL[kind].vi} theo cách khác.`,
              },
        },
        related: numbering.systemFile
          ? [{ file: numbering.systemFile.path, at: `/numbering/${kind}`, messageId: 'pattern', data: { plural: PLURAL[kind], kind, pattern: pattern.source } }]
          : undefined,
        fixes: suggestion && fixFor ? [fixFor(suggestion)] : [],
      });
    };

    switch (model.kind) {
      case 'process':
        check('process', '/id', model.id, { org });
        break;
      case 'document':
        check('document', '/code', model.code, { org });
        break;
      case 'procedure': {
        check('procedure', '/code', model.code, { org });
        const procedure = typeof model.code === 'string' ? model.code : undefined;
        const codes = (key: 'forms' | 'records') => list(model[key]).map((item) => record(item)?.code);
        for (const [kind, key] of [['form', 'forms'], ['record', 'records']] as const) {
          const defined = codes(key);
          const count = new Map<unknown, number>();
          for (const code of defined) count.set(code, (count.get(code) ?? 0) + 1);
          defined.forEach((code, i) => {
            const unique = typeof code === 'string' && count.get(code) === 1;
            check(kind, `/${key}/${i}/code`, code, { org, procedure }, (suggestion) =>
              unique && !count.has(suggestion) ? renameLocal(file, fix, kind, `/${key}/${i}/code`, code as string, suggestion) : undefined,
            );
          });
        }
        break;
      }
    }
  },
});

const PLURAL: Record<NumberingKind, LocalizedText> = {
  procedure: { en: 'procedures', vi: 'quy trình' },
  form: { en: 'forms', vi: 'biểu mẫu' },
  record: { en: 'records', vi: 'hồ sơ' },
  process: { en: 'processes', vi: 'quá trình' },
  document: { en: 'documents', vi: 'tài liệu' },
};

const SINGULAR: Record<NumberingKind, LocalizedText> = {
  procedure: { en: 'procedure', vi: 'quy trình' },
  form: { en: 'form', vi: 'biểu mẫu' },
  record: { en: 'record', vi: 'hồ sơ' },
  process: { en: 'process', vi: 'quá trình' },
  document: { en: 'document', vi: 'tài liệu' },
};

const cache = new WeakMap<SystemFile, Numbering | null>();

/** The workspace's usable numbering patterns, parsed once per qms.yaml model. */
function numberingOf(system: SystemFile | undefined, systemFile: SourceFile | undefined): Numbering | undefined {
  if (!system) return undefined;
  const cached = cache.get(system);
  if (cached !== undefined) return cached ?? undefined;
  const numbering = record(system.numbering);
  let result: Numbering | null = null;
  if (numbering) {
    const patterns: Numbering['patterns'] = {};
    for (const kind of NUMBERING_KINDS) {
      const source = text(numbering[kind]);
      if (!source) continue;
      const pattern = parseNumberingPattern(source);
      if (!pattern.unknown.length) patterns[kind] = pattern;
    }
    result = { system, org: text(record(system.organization)?.short), patterns, systemFile };
  }
  cache.set(system, result);
  return result ?? undefined;
}

function checkPatterns(
  system: SystemFile,
  report: (r: { messageId: 'unknownPlaceholder' | 'missingOrg'; at: string; data: Record<string, string | LocalizedText> }) => void,
): void {
  const numbering = record(system.numbering);
  if (!numbering) return;
  const org = text(record(system.organization)?.short);
  for (const kind of NUMBERING_KINDS) {
    const source = text(numbering[kind]);
    if (!source) continue;
    const pattern = parseNumberingPattern(source);
    if (pattern.unknown.length) {
      const names = pattern.unknown.map((name) => `\`${name.slice(1, -1).trim()}\``).join(', ');
      report({ messageId: 'unknownPlaceholder', at: `/numbering/${kind}`, data: { kind, names, singular: SINGULAR[kind] } });
    } else if (pattern.usesOrg && !org) {
      report({ messageId: 'missingOrg', at: `/numbering/${kind}`, data: { kind, singular: SINGULAR[kind] } });
    }
  }
}

/**
 * Rename a form or record code within its procedure: the definition and every step, dossier
 * item and record that uses it, in one fix. Forms and records belong to their procedure, so
 * no other file can refer to them.
 */
function renameLocal(file: SourceFile, fix: FixBuilder, kind: 'form' | 'record', at: string, from: string, to: string): Fix | undefined {
  const pointers = [at, ...referencesOf(file).filter((r) => r.kind === kind && r.id === from).map((r) => r.pointer)];
  const title = { en: `Rename to \`${to}\``, vi: `Đổi mã thành \`${to}\`` };
  const edits = [];
  for (const pointer of pointers) {
    const single = fix.replaceValue(pointer, yamlScalar(to), title, false);
    if (!single) return undefined;
    edits.push(...single.edits[0]!.edits);
  }
  return { title, safe: false, edits: [{ file: file.path, edits }] };
}
