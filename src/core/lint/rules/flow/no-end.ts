import { defineFileRule } from '../../rule';
import { procedureGraph, stepId } from './shared';

export const noEnd = defineFileRule({
  id: 'flow/no-end',
  severity: 'error',
  clauses: ['4.4.1'],
  scope: 'file',
  kinds: ['procedure'],
  description: {
    en: 'No path from the first step reaches an end.',
    vi: 'Không có đường nào từ bước đầu tiên đi tới bước kết thúc.',
  },
  messages: {
    noEnd: {
      en: 'No path from the first step {first} reaches an end: every way through the steps comes back to a step already done. Give the last step of the flow `end: true`, or add a decision branch that leads to a step that ends.',
      vi: 'Không có đường nào từ bước đầu tiên {first} đi tới bước kết thúc: mọi nhánh đều quay lại một bước đã làm. Hãy đặt `end: true` cho bước cuối của quy trình, hoặc thêm một nhánh rẽ dẫn tới bước kết thúc.',
    },
  },
  check({ model, report }) {
    const graph = procedureGraph(model);
    const first = graph?.first;
    if (!graph || !first || graph.reachesEnd) return;
    // When the cause is reported by another rule (a dead end, an unknown target, a loop with no
    // decision on the way), that finding says what to do; this one would only repeat it.
    const inLoop = new Set(graph.loopsWithoutDecision.flatMap((loop) => loop.steps));
    for (const step of graph.reachable) {
      if (step.exit === 'dead-end' || step.unknownTargets.length > 0 || inLoop.has(step)) return;
    }
    report({ messageId: 'noEnd', at: '/steps', target: 'key', data: { first: stepId(first) } });
  },
});
