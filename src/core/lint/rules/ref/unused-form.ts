import { defineFileRule } from '../../rule';
import { cachedLocalDefinitionsOf, cachedReferencesOf } from './shared';

export const unusedForm = defineFileRule({
  id: 'ref/unused-form',
  severity: 'warning',
  clauses: ['7.5.3.1'],
  scope: 'file',
  kinds: ['procedure'],
  description: {
    en: 'A form defined under `forms:` but used by no step, no dossier item and no record.',
    vi: 'Biểu mẫu được khai báo trong mục `forms:` nhưng không bước, thành phần hồ sơ hay hồ sơ nào sử dụng.',
  },
  messages: {
    unused: {
      en: 'Form `{code}` is defined but no step, dossier item or record uses it. List it under `forms:` of the step where it is filled in, or remove it.',
      vi: 'Biểu mẫu `{code}` đã được khai báo nhưng không bước, thành phần hồ sơ hay hồ sơ nào sử dụng. Hãy đưa vào mục `forms:` của bước dùng biểu mẫu này, hoặc xóa biểu mẫu.',
    },
  },
  check({ file, report }) {
    const used = new Set(cachedReferencesOf(file).filter((r) => r.kind === 'form').map((r) => r.id));
    for (const definition of cachedLocalDefinitionsOf(file)) {
      if (definition.kind !== 'form' || used.has(definition.id)) continue;
      report({ messageId: 'unused', at: definition.pointer, data: { code: definition.id } });
    }
  },
});
