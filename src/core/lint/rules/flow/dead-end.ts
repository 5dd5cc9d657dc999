import { yamlScalar } from '../../fix-builder';
import { defineFileRule } from '../../rule';
import { procedureGraph, stepLabel } from './shared';

const markEnd = { en: 'Mark the step as an end (`end: true`)', vi: 'Đánh dấu là bước kết thúc (`end: true`)' };

export const deadEnd = defineFileRule({
  id: 'flow/dead-end',
  severity: 'error',
  clauses: ['4.4.1'],
  fixable: true,
  scope: 'file',
  kinds: ['procedure'],
  description: {
    en: 'A non-end step with nowhere to go (an explicit empty `next`).',
    vi: 'Bước không phải bước kết thúc nhưng không dẫn tới đâu (`next` là danh sách rỗng).',
  },
  messages: {
    deadEnd: {
      en: 'Step {step} has `next: []`: the flow stops here, but the step is not an end. Name the step that follows, or mark the step with `end: true` if the procedure finishes here.',
      vi: 'Bước {step} có `next: []`: quy trình dừng tại đây nhưng bước này không phải bước kết thúc. Hãy ghi bước tiếp theo, hoặc đặt `end: true` nếu quy trình kết thúc ở bước này.',
    },
  },
  check({ model, fix, report }) {
    const graph = procedureGraph(model);
    if (!graph) return;
    for (const step of graph.steps) {
      if (step.exit !== 'dead-end') continue;
      const following = graph.steps[step.index + 1];
      report({
        messageId: 'deadEnd',
        at: `${step.pointer}/next`,
        data: { step: stepLabel(step) },
        fixes: [
          step.step.end === undefined
            ? fix.insertProperty(step.pointer, 'end', 'true', markEnd, false)
            : fix.replaceValue(`${step.pointer}/end`, 'true', markEnd, false),
          following?.id !== undefined
            ? fix.replaceValue(
                `${step.pointer}/next`,
                yamlScalar(following.id),
                { en: `Continue to the following step \`${following.id}\``, vi: `Chuyển sang bước tiếp theo \`${following.id}\`` },
                false,
              )
            : undefined,
        ],
      });
    }
  },
});
