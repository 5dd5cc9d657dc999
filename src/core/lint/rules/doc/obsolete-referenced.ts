import type { LocalizedText } from '../../../findings';
import type { Workspace } from '../../../model/workspace';
import type { WorkspaceIndex } from '../../../model/workspace-index';
import { defineFileRule } from '../../rule';
import { list, record, text } from './shared';

interface ObsoleteDocument {
  code: string;
  kind: 'procedure' | 'document';
  title: string | undefined;
  file: string;
}

interface ObsoleteIndex {
  byCode: Map<string, ObsoleteDocument>;
  /** Any obsolete code standing alone in free text (not part of a longer code). */
  mention: RegExp | undefined;
}

const cache = new WeakMap<WorkspaceIndex, ObsoleteIndex>();

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Codes whose every definition is `status: obsolete`, built once per lint run. */
function obsoleteIndex(workspace: Workspace): ObsoleteIndex {
  const cached = cache.get(workspace.index);
  if (cached) return cached;
  const byCode = new Map<string, ObsoleteDocument>();
  for (const [code, definitions] of workspace.index.controlled) {
    let found: ObsoleteDocument | undefined;
    let allObsolete = definitions.length > 0;
    for (const definition of definitions) {
      const model = workspace.index.byPath.get(definition.file)?.model;
      if (!model || (model.kind !== 'procedure' && model.kind !== 'document') || model.status !== 'obsolete') {
        allObsolete = false;
        break;
      }
      found ??= { code, kind: model.kind, title: text(model.title), file: definition.file };
    }
    if (allObsolete && found) byCode.set(code, found);
  }
  const codes = [...byCode.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const mention = codes.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?<![\\p{L}\\p{N}][-/.])(?:${codes.map(escapeRegExp).join('|')})(?![-/.]?[\\p{L}\\p{N}])`, 'gu')
    : undefined;
  const result = { byCode, mention };
  cache.set(workspace.index, result);
  return result;
}

const WHAT: Record<ObsoleteDocument['kind'], LocalizedText> = {
  procedure: { en: 'procedure', vi: 'quy trình' },
  document: { en: 'document', vi: 'tài liệu' },
};

function describe(doc: ObsoleteDocument): LocalizedText {
  const title = doc.title ? ` (${doc.title})` : '';
  return { en: `${WHAT[doc.kind].en} ${doc.code}${title}`, vi: `${WHAT[doc.kind].vi} ${doc.code}${title}` };
}

export const obsoleteReferenced = defineFileRule({
  id: 'doc/obsolete-referenced',
  severity: 'warning',
  clauses: ['7.5.3.1', '7.5.3.2'],
  scope: 'file',
  kinds: ['process', 'procedure', 'document'],
  description: {
    en: 'A process or document referring to an obsolete (`status: obsolete`) procedure or document.',
    vi: 'Quá trình hoặc tài liệu viện dẫn một quy trình, tài liệu đã hết hiệu lực (`status: obsolete`).',
  },
  messages: {
    listed: {
      en: 'This process lists {target}, which is obsolete (`status: obsolete`): the process must be carried out by procedures in force. Remove it from `procedures`, or list the procedure that replaces it.',
      vi: 'Quá trình này vẫn liệt kê {target} đã hết hiệu lực (`status: obsolete`): quá trình phải được thực hiện theo các quy trình đang có hiệu lực. Hãy bỏ mã này khỏi `procedures`, hoặc thay bằng quy trình thay thế.',
    },
    referenced: {
      en: 'This reference cites {target}, which is obsolete (`status: obsolete`): an obsolete document must not be used. Cite the document that replaces it, or remove the reference.',
      vi: 'Mục viện dẫn này nhắc tới {target} đã hết hiệu lực (`status: obsolete`): không được sử dụng tài liệu hết hiệu lực. Hãy viện dẫn tài liệu thay thế, hoặc bỏ viện dẫn này.',
    },
    marked: {
      en: '{target} is marked obsolete here.',
      vi: '{target} được đánh dấu hết hiệu lực tại đây.',
    },
  },
  check({ model, workspace, report }) {
    if (model.kind === 'system') return;
    const obsolete = obsoleteIndex(workspace);
    if (obsolete.byCode.size === 0) return;
    const related = (doc: ObsoleteDocument) => [{ file: doc.file, at: '/status', messageId: 'marked' as const, data: { target: capitalized(describe(doc)) } }];

    if (model.kind === 'process') {
      list(model.procedures).forEach((code, i) => {
        const doc = typeof code === 'string' ? obsolete.byCode.get(code) : undefined;
        if (doc) report({ messageId: 'listed', at: `/procedures/${i}`, data: { target: describe(doc) }, related: related(doc) });
      });
      return;
    }

    if (model.status === 'obsolete' || !obsolete.mention) return; // a withdrawn document's references no longer matter
    const own = typeof model.code === 'string' ? model.code : undefined;
    list(record(model)?.references).forEach((reference, i) => {
      if (typeof reference !== 'string') return;
      const seen = new Set<string>();
      for (const match of reference.matchAll(obsolete.mention!)) {
        const code = match[0];
        if (code === own || seen.has(code)) continue;
        seen.add(code);
        const doc = obsolete.byCode.get(code)!;
        report({ messageId: 'referenced', at: `/references/${i}`, data: { target: describe(doc) }, related: related(doc) });
      }
    });
  },
});

function capitalized(value: LocalizedText): LocalizedText {
  const up = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
  return { en: up(value.en), vi: up(value.vi) };
}
