import { yamlScalar } from '../../fix-builder';
import { defineFileRule } from '../../rule';
import { cachedLocalDefinitionsOf, cachedReferencesOf, didYouMean, field, list, localCodeIndex, placeholderRetention, placeholderRole, segmentsOf, stepLabel, workspacePath, siblingsOf, suggestId } from './shared';

export const unknownRecord = defineFileRule({
  id: 'ref/unknown-record',
  severity: 'error',
  clauses: ['4.4.2', '7.5.3.2'],
  fixable: true,
  scope: 'file',
  kinds: ['procedure'],
  description: {
    en: 'A record code used by a step that the procedure does not define under `records:`.',
    vi: 'Mã hồ sơ được một bước sử dụng nhưng không được khai báo trong mục `records:` của quy trình.',
  },
  messages: {
    step: {
      en: '{step} produces record `{code}`, which is not defined under `records:` in this procedure.{hint}',
      vi: '{step} tạo hồ sơ `{code}` nhưng hồ sơ này chưa được khai báo trong mục `records:` của quy trình.{hint}',
    },
  },
  check({ file, model, workspace, system, fix, report }) {
    const recordCodes = new Set(cachedLocalDefinitionsOf(file).filter((d) => d.kind === 'record').map((d) => d.id));
    const steps = list(field(model, 'steps'));
    const keeper = placeholderRole(workspace, field(model, 'owner'));
    const retention = placeholderRetention(system?.locale);
    for (const reference of cachedReferencesOf(file)) {
      if (reference.kind !== 'record' || recordCodes.has(reference.id)) continue;
      const code = reference.id;
      const segments = segmentsOf(reference.pointer);
      // Defined in another procedure: records are local, so the fix is to define it here too.
      const elsewhere = (localCodeIndex(workspace).records.get(code) ?? []).find((site) => site.file !== file.path);
      const suggestion = elsewhere ? undefined : suggestId(code, recordCodes, siblingsOf(model, reference.pointer));
      const hint = elsewhere
        ? {
            en: ` It is defined in \`${workspacePath(workspace, elsewhere.file)}\`, but records belong to their procedure: define it under \`records:\` here too, with its keeper and retention.`,
            vi: ` Hồ sơ này được khai báo trong \`${workspacePath(workspace, elsewhere.file)}\`, nhưng hồ sơ thuộc về từng quy trình: hãy khai báo cả trong mục \`records:\` của quy trình này, kèm người lưu và thời gian lưu.`,
          }
        : suggestion
          ? didYouMean(suggestion)
          : {
              en: ' Add it under `records:` with its keeper and retention, or correct the code.',
              vi: ' Hãy khai báo hồ sơ trong mục `records:` kèm người lưu và thời gian lưu, hoặc sửa lại mã.',
            };
      const lines = [`code: ${yamlScalar(code)}`, `title: ${yamlScalar(elsewhere?.title ?? code)}`];
      if (keeper) lines.push(`keeper: ${keeper}`);
      lines.push(`retention: ${yamlScalar(retention)}`);
      report({
        messageId: 'step',
        at: reference.pointer,
        data: { code, hint, step: stepLabel(steps[segments[1] as number], segments[1] as number) },
        fixes: [
          suggestion ? fix.replaceValue(reference.pointer, suggestion, { en: `Change to \`${suggestion}\``, vi: `Đổi thành \`${suggestion}\`` }) : undefined,
          fix.appendSequenceItem(
            '/records',
            lines,
            {
              en: `Add record \`${code}\` under \`records:\` (set its title, keeper and retention)`,
              vi: `Thêm hồ sơ \`${code}\` vào mục \`records:\` (cần sửa lại tên, người lưu và thời gian lưu)`,
            },
            false,
          ),
        ],
      });
    }
  },
});
