import { defineFileRule } from '../../rule';
import { procedureGraph, stepId, stepLabel } from './shared';

export const unreachableStep = defineFileRule({
  id: 'flow/unreachable-step',
  severity: 'error',
  clauses: ['4.4.1'],
  scope: 'file',
  kinds: ['procedure'],
  description: {
    en: 'A step that no path from the first step reaches.',
    vi: 'Bước không có đường nào từ bước đầu tiên đi tới.',
  },
  messages: {
    unreachable: {
      en: 'Step {step} can never be reached: no path from the first step {first} leads to it. Point a `next` or a decision branch at `{id}`, or remove the step.',
      vi: 'Bước {step} không bao giờ được thực hiện: không có đường nào từ bước đầu tiên {first} dẫn tới bước này. Hãy trỏ `next` hoặc một nhánh của bước quyết định tới `{id}`, hoặc xóa bước này.',
    },
  },
  check({ model, report }) {
    const graph = procedureGraph(model);
    const first = graph?.first;
    if (!graph || !first) return;
    const reachable = graph.reachable;
    for (const step of graph.steps) {
      // A step without an id is a schema error; a duplicate id is ref/duplicate-id's.
      if (reachable.has(step) || step.id === undefined || step.duplicate) continue;
      report({
        messageId: 'unreachable',
        at: step.pointer,
        target: 'key',
        data: { step: stepLabel(step), first: stepId(first), id: step.id },
      });
    }
  },
});
