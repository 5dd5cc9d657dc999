import { defineFileRule } from '../../rule';
import { procedureGraph, stepLabel } from './shared';

export const missingRole = defineFileRule({
  id: 'flow/missing-role',
  severity: 'error',
  clauses: ['4.4.1', '5.3'],
  fixable: true,
  scope: 'file',
  kinds: ['procedure'],
  description: {
    en: 'A step with no `role` (every activity has someone responsible).',
    vi: 'Bước không có vai trò thực hiện (`role`): mọi công việc phải có người chịu trách nhiệm.',
  },
  messages: {
    missingRole: {
      en: 'Step {step} has no `role`: nobody is responsible for it (the “Responsibility” column of the step table stays empty). Add `role:` with a role id from qms.yaml{hint}.',
      vi: 'Bước {step} chưa có vai trò thực hiện (`role`): không ai chịu trách nhiệm thực hiện bước này (cột “Trách nhiệm” trong bảng các bước bị trống). Hãy thêm `role:` với một mã vai trò trong qms.yaml{hint}.',
    },
  },
  check({ model, workspace, fix, report }) {
    const graph = procedureGraph(model);
    if (!graph || model.kind !== 'procedure') return;
    const owner = typeof model.owner === 'string' && workspace.index.roles.has(model.owner) ? model.owner : undefined;
    for (const node of graph.steps) {
      // Any value, even a malformed one, is the schema's to report.
      if (node.step.role !== undefined) continue;
      report({
        messageId: 'missingRole',
        at: node.pointer,
        target: 'key',
        data: {
          step: stepLabel(node),
          hint: owner
            ? { en: `, e.g. the procedure's owner \`${owner}\``, vi: `, ví dụ người chủ trì quy trình \`${owner}\`` }
            : '',
        },
        fixes: owner
          ? [
              fix.insertProperty(
                node.pointer,
                'role',
                owner,
                { en: `Add \`role: ${owner}\` (the procedure's owner)`, vi: `Thêm \`role: ${owner}\` (người chủ trì quy trình)` },
                false,
              ),
            ]
          : [],
      });
    }
  },
});
