import { yamlScalar } from '../../fix-builder';
import { defineFileRule } from '../../rule';
import { cachedLocalDefinitionsOf, cachedReferencesOf, didYouMean, field, list, localCodeIndex, recordLabel, segmentsOf, stepLabel, workspacePath, siblingsOf, suggestId } from './shared';

export const unknownForm = defineFileRule({
  id: 'ref/unknown-form',
  severity: 'error',
  clauses: ['7.5.3.1'],
  fixable: true,
  scope: 'file',
  kinds: ['procedure'],
  description: {
    en: 'A form code used by a step, a dossier item or a record that the procedure does not define under `forms:`.',
    vi: 'Mã biểu mẫu được một bước, thành phần hồ sơ hoặc hồ sơ sử dụng nhưng không được khai báo trong mục `forms:` của quy trình.',
  },
  messages: {
    step: {
      en: '{step} uses form `{code}`, which is not defined under `forms:` in this procedure.{hint}',
      vi: '{step} dùng biểu mẫu `{code}` nhưng biểu mẫu này chưa được khai báo trong mục `forms:` của quy trình.{hint}',
    },
    dossier: {
      en: 'Dossier item "{item}" refers to form `{code}`, which is not defined under `forms:` in this procedure.{hint}',
      vi: 'Thành phần hồ sơ "{item}" dẫn chiếu biểu mẫu `{code}` nhưng biểu mẫu này chưa được khai báo trong mục `forms:` của quy trình.{hint}',
    },
    record: {
      en: '{record} is made on form `{code}`, which is not defined under `forms:` in this procedure.{hint}',
      vi: '{record} được lập theo biểu mẫu `{code}` nhưng biểu mẫu này chưa được khai báo trong mục `forms:` của quy trình.{hint}',
    },
  },
  check({ file, model, workspace, fix, report }) {
    const formCodes = new Set(cachedLocalDefinitionsOf(file).filter((d) => d.kind === 'form').map((d) => d.id));
    const steps = list(field(model, 'steps'));
    for (const reference of cachedReferencesOf(file)) {
      if (reference.kind !== 'form' || formCodes.has(reference.id)) continue;
      const code = reference.id;
      const segments = segmentsOf(reference.pointer);
      // Defined in another procedure: forms are local, so the fix is to define it here too.
      const elsewhere = (localCodeIndex(workspace).forms.get(code) ?? []).find((site) => site.file !== file.path);
      const suggestion = elsewhere ? undefined : suggestId(code, formCodes, siblingsOf(model, reference.pointer));
      const hint = elsewhere
        ? {
            en: ` It is defined in \`${workspacePath(workspace, elsewhere.file)}\`, but forms belong to their procedure: define it under \`forms:\` here too.`,
            vi: ` Biểu mẫu này được khai báo trong \`${workspacePath(workspace, elsewhere.file)}\`, nhưng biểu mẫu thuộc về từng quy trình: hãy khai báo cả trong mục \`forms:\` của quy trình này.`,
          }
        : suggestion
          ? didYouMean(suggestion)
          : { en: ' Add it under `forms:` or correct the code.', vi: ' Hãy khai báo biểu mẫu trong mục `forms:` hoặc sửa lại mã.' };

      let title: string = elsewhere?.title ?? code;
      let messageId: 'step' | 'dossier' | 'record' = 'step';
      const data: Record<string, string | { en: string; vi: string }> = { code, hint };
      if (segments[0] === 'steps') {
        data.step = stepLabel(steps[segments[1] as number], segments[1] as number);
      } else if (segments[0] === 'service') {
        messageId = 'dossier';
        const item = field(list(field(field(model, 'service'), 'dossier'))[segments[2] as number], 'item');
        data.item = typeof item === 'string' ? item : '';
        if (typeof item === 'string' && item.trim() !== '' && !elsewhere?.title) title = item.trim();
      } else {
        messageId = 'record';
        data.record = recordLabel(list(field(model, 'records'))[segments[1] as number], segments[1] as number);
      }

      report({
        messageId,
        at: reference.pointer,
        data,
        fixes: [
          suggestion ? fix.replaceValue(reference.pointer, suggestion, { en: `Change to \`${suggestion}\``, vi: `Đổi thành \`${suggestion}\`` }) : undefined,
          fix.appendSequenceItem(
            '/forms',
            [`code: ${yamlScalar(code)}`, `title: ${yamlScalar(title)}`],
            { en: `Add form \`${code}\` under \`forms:\``, vi: `Thêm biểu mẫu \`${code}\` vào mục \`forms:\`` },
            false,
          ),
        ],
      });
    }
  },
});
