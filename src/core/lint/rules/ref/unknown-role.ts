import { closestMatch } from '../../../schema/did-you-mean';
import { referencesOf } from '../../../model/references';
import { defineFileRule } from '../../rule';

export const unknownRole = defineFileRule({
  id: 'ref/unknown-role',
  severity: 'error',
  clauses: ['4.4.1', '5.3'],
  fixable: true,
  scope: 'file',
  kinds: ['system', 'process', 'procedure', 'document'],
  description: {
    en: 'A role, unit or external id that qms.yaml does not define.',
    vi: 'Mã vai trò, đơn vị hoặc bên ngoài không được định nghĩa trong qms.yaml.',
  },
  messages: {
    role: {
      en: 'Role `{id}` is not defined in qms.yaml.{hint}',
      vi: 'Vai trò `{id}` không được định nghĩa trong qms.yaml.{hint}',
    },
    unit: {
      en: 'Unit `{id}` is not defined in qms.yaml.{hint}',
      vi: 'Đơn vị `{id}` không được định nghĩa trong qms.yaml.{hint}',
    },
  },
  check({ file, workspace, system, fix, report }) {
    // Without a readable qms.yaml every id would look unknown; its own findings say what to fix.
    if (!system) return;
    for (const reference of referencesOf(file)) {
      if (reference.kind !== 'role' && reference.kind !== 'unit') continue;
      const known = reference.kind === 'role' ? workspace.index.roles : workspace.index.units;
      if (known.has(reference.id)) continue;
      const suggestion = closestMatch(reference.id, known.keys());
      report({
        messageId: reference.kind,
        at: reference.pointer,
        data: {
          id: reference.id,
          hint: suggestion
            ? { en: ` Did you mean \`${suggestion}\`?`, vi: ` Có phải ý bạn là \`${suggestion}\`?` }
            : reference.kind === 'role'
              ? { en: ' Add it under `roles:` in qms.yaml or use a defined role.', vi: ' Hãy thêm vào mục `roles:` trong qms.yaml hoặc dùng một vai trò đã có.' }
              : { en: ' Add it under `units:` in qms.yaml or use a defined unit.', vi: ' Hãy thêm vào mục `units:` trong qms.yaml hoặc dùng một đơn vị đã có.' },
        },
        fixes: suggestion
          ? [fix.replaceValue(reference.pointer, suggestion, { en: `Change to \`${suggestion}\``, vi: `Đổi thành \`${suggestion}\`` })]
          : [],
      });
    }
  },
});
