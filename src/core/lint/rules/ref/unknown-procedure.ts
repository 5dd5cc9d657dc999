import { defineFileRule } from '../../rule';
import { cachedReferencesOf, didYouMean, siblingsOf, suggestId } from './shared';

/**
 * A process's `procedures:` must name codes some file defines. Procedures and documents share one
 * code space, and a process may well be carried out by a work instruction (`kind: document`,
 * `type: instruction`), so a document's code is accepted too: the rule is about dangling codes.
 */
export const unknownProcedure = defineFileRule({
  id: 'ref/unknown-procedure',
  severity: 'error',
  clauses: ['4.4.1', '4.4.2'],
  fixable: true,
  scope: 'file',
  kinds: ['process'],
  description: {
    en: 'A process listing a procedure code that no file defines.',
    vi: 'Quá trình liệt kê một mã quy trình mà không tệp nào định nghĩa.',
  },
  messages: {
    unknown: {
      en: 'No procedure or document has code `{code}`: this process lists a procedure that does not exist.{hint}',
      vi: 'Không có quy trình hay tài liệu nào có mã `{code}`: quá trình này liệt kê một quy trình không tồn tại.{hint}',
    },
  },
  check({ file, model, workspace, fix, report }) {
    const { controlled } = workspace.index;
    for (const reference of cachedReferencesOf(file)) {
      if (reference.kind !== 'controlled' || controlled.has(reference.id)) continue;
      const suggestion = suggestId(reference.id, controlled.keys(), siblingsOf(model, reference.pointer));
      report({
        messageId: 'unknown',
        at: reference.pointer,
        data: {
          code: reference.id,
          hint: suggestion
            ? didYouMean(suggestion)
            : {
                en: ' Create the procedure (a file with `kind: procedure` and this code) or remove the code from `procedures:`.',
                vi: ' Hãy tạo quy trình này (tệp có `kind: procedure` và mã này) hoặc bỏ mã khỏi danh sách `procedures:`.',
              },
        },
        fixes: suggestion ? [fix.replaceValue(reference.pointer, suggestion, { en: `Change to \`${suggestion}\``, vi: `Đổi thành \`${suggestion}\`` })] : [],
      });
    }
  },
});
