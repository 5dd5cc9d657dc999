import { yamlScalar } from '../../fix-builder';
import { defineFileRule } from '../../rule';
import { procedureGraph, stepLabel } from './shared';

export const decisionBranches = defineFileRule({
  id: 'flow/decision-branches',
  severity: 'error',
  clauses: ['4.4.1'],
  fixable: true,
  scope: 'file',
  kinds: ['procedure'],
  description: {
    en: 'A `decision` with fewer than two branches, or `branches` without a `decision`.',
    vi: 'Bước quyết định (`decision`) có ít hơn hai nhánh, hoặc có `branches` mà không có `decision`.',
  },
  messages: {
    noBranches: {
      en: 'Decision step {step} asks “{decision}” but has no `branches`, so nothing says where each answer leads. Add at least two branches, each with `when` (the answer, e.g. “Có”, “Không”) and `next` (the step it leads to).',
      vi: 'Bước quyết định {step} hỏi “{decision}” nhưng không có nhánh nào (`branches`), nên không rõ mỗi câu trả lời dẫn tới đâu. Hãy thêm ít nhất hai nhánh, mỗi nhánh có `when` (câu trả lời, ví dụ “Có”, “Không”) và `next` (bước tiếp theo).',
    },
    oneBranch: {
      en: 'Decision step {step} has a single branch (“{when}”): a decision needs at least two outcomes, e.g. the valid and the incomplete dossier. Add the branch for the other answer, or drop `decision` and use `next`.',
      vi: 'Bước quyết định {step} chỉ có một nhánh (“{when}”): một bước quyết định cần ít nhất hai kết quả, ví dụ hồ sơ hợp lệ và hồ sơ chưa đầy đủ. Hãy thêm nhánh cho câu trả lời còn lại, hoặc bỏ `decision` và dùng `next`.',
    },
    withoutDecision: {
      en: 'Step {step} has `branches` but no `decision`: the flowchart cannot show which question the branches answer. Add `decision:` with the question, e.g. “Hồ sơ hợp lệ?”.',
      vi: 'Bước {step} có các nhánh (`branches`) nhưng không có `decision`: lưu đồ không thể hiện được các nhánh trả lời câu hỏi nào. Hãy thêm `decision:` với câu hỏi, ví dụ “Hồ sơ hợp lệ?”.',
    },
  },
  check({ model, fix, report }) {
    const graph = procedureGraph(model);
    if (!graph) return;
    for (const node of graph.steps) {
      const { step, pointer } = node;
      const decision = step.decision as unknown;
      const branches = step.branches as unknown;
      // A `decision` that is not text or a `branches` that is not a list is a schema error.
      if (decision !== undefined && typeof decision !== 'string') continue;
      if (branches !== undefined && !Array.isArray(branches)) continue;
      const hasDecision = typeof decision === 'string';
      const count = Array.isArray(branches) ? branches.length : 0;
      if (hasDecision) {
        if (count === 0) {
          report({
            messageId: 'noBranches',
            at: branches === undefined ? `${pointer}/decision` : `${pointer}/branches`,
            target: 'key',
            data: { step: stepLabel(node), decision: decision as string },
          });
        } else if (count === 1) {
          const when = (branches as Array<{ when?: unknown }>)[0]?.when;
          report({
            messageId: 'oneBranch',
            at: `${pointer}/branches`,
            target: 'key',
            data: { step: stepLabel(node), when: typeof when === 'string' ? when : '?' },
          });
        }
      } else if (count > 0) {
        // With two branches or more, a placeholder question is all that is missing.
        const question = node.name ? (node.name.endsWith('?') ? node.name : `${node.name}?`) : undefined;
        report({
          messageId: 'withoutDecision',
          at: `${pointer}/branches`,
          target: 'key',
          data: { step: stepLabel(node) },
          fixes:
            count >= 2 && question
              ? [
                  fix.insertProperty(
                    pointer,
                    'decision',
                    yamlScalar(question),
                    { en: `Add \`decision: ${question}\` (reword the question)`, vi: `Thêm \`decision: ${question}\` (sửa lại câu hỏi cho đúng)` },
                    false,
                  ),
                ]
              : [],
        });
      }
    }
  },
});
