import { defineFileRule } from '../../rule';
import { cachedLocalDefinitionsOf, cachedReferencesOf, codeList, didYouMean, field, list, segmentsOf, siblingsOf, suggestId } from './shared';

export const unknownStep = defineFileRule({
  id: 'ref/unknown-step',
  severity: 'error',
  clauses: ['4.4.1'],
  fixable: true,
  scope: 'file',
  kinds: ['procedure'],
  description: {
    en: '`next` or `branches[].next` naming a step that does not exist in the procedure.',
    vi: '`next` hoặc `branches[].next` trỏ tới một bước không có trong quy trình.',
  },
  messages: {
    next: {
      en: '`next` names step `{id}`, which this procedure does not define.{hint}',
      vi: '`next` trỏ tới bước `{id}` nhưng quy trình này không có bước nào mang mã đó.{hint}',
    },
    branch: {
      en: 'Branch "{when}" leads to step `{id}`, which this procedure does not define.{hint}',
      vi: 'Nhánh "{when}" chuyển tới bước `{id}` nhưng quy trình này không có bước nào mang mã đó.{hint}',
    },
  },
  check({ file, model, fix, report }) {
    const stepIds = new Set(cachedLocalDefinitionsOf(file).filter((d) => d.kind === 'step').map((d) => d.id));
    for (const reference of cachedReferencesOf(file)) {
      if (reference.kind !== 'step' || stepIds.has(reference.id)) continue;
      const suggestion = suggestId(reference.id, stepIds, siblingsOf(model, reference.pointer));
      const segments = segmentsOf(reference.pointer);
      const when = segments[2] === 'branches' ? field(list(field(list(field(model, 'steps'))[segments[1] as number], 'branches'))[segments[3] as number], 'when') : undefined;
      report({
        messageId: typeof when === 'string' && when !== '' ? 'branch' : 'next',
        at: reference.pointer,
        data: {
          id: reference.id,
          when: typeof when === 'string' ? when : '',
          hint: suggestion
            ? didYouMean(suggestion)
            : stepIds.size
              ? {
                  en: ` Use one of its step ids (${codeList(stepIds)}) or add the step.`,
                  vi: ` Hãy dùng một mã bước đã có (${codeList(stepIds)}) hoặc bổ sung bước này.`,
                }
              : { en: ' Add the step under `steps:`.', vi: ' Hãy bổ sung bước này trong mục `steps:`.' },
        },
        fixes: suggestion ? [fix.replaceValue(reference.pointer, suggestion, { en: `Change to \`${suggestion}\``, vi: `Đổi thành \`${suggestion}\`` })] : [],
      });
    }
  },
});
