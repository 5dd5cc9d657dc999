import { defineFileRule } from '../../rule';
import { cachedLocalDefinitionsOf, cachedReferencesOf } from './shared';

export const unusedRecord = defineFileRule({
  id: 'ref/unused-record',
  severity: 'info',
  clauses: ['4.4.2'],
  scope: 'file',
  kinds: ['procedure'],
  description: {
    en: 'A record defined under `records:` but produced by no step.',
    vi: 'Hồ sơ được khai báo trong mục `records:` nhưng không bước nào tạo ra.',
  },
  messages: {
    unused: {
      en: 'Record `{code}` is defined but no step produces it. List it under `records:` of the step that creates it, so the procedure shows when the record is made.',
      vi: 'Hồ sơ `{code}` đã được khai báo nhưng không bước nào tạo ra. Hãy đưa vào mục `records:` của bước lập hồ sơ này, để quy trình thể hiện hồ sơ được tạo ở bước nào.',
    },
  },
  check({ file, report }) {
    const produced = new Set(cachedReferencesOf(file).filter((r) => r.kind === 'record').map((r) => r.id));
    for (const definition of cachedLocalDefinitionsOf(file)) {
      if (definition.kind !== 'record' || produced.has(definition.id)) continue;
      report({ messageId: 'unused', at: definition.pointer, data: { code: definition.id } });
    }
  },
});
