import { defineFileRule } from '../../rule';
import { procedureGraph, stepId, stepLabel } from './shared';

export const loopWithoutDecision = defineFileRule({
  id: 'flow/loop-without-decision',
  severity: 'warning',
  clauses: ['4.4.1'],
  scope: 'file',
  kinds: ['procedure'],
  description: {
    en: 'A cycle that contains no decision (it can never be left).',
    vi: 'Vòng lặp không có bước quyết định nào (không bao giờ thoát ra được).',
  },
  messages: {
    loop: {
      en: 'The steps {cycle} go round in a loop with no decision: once the flow enters it, it can never leave. Make one of these steps a decision with a branch that leaves the loop, or point this `next` at a later step.',
      vi: 'Các bước {cycle} tạo thành vòng lặp không có bước quyết định: khi đã vào vòng này thì quy trình không bao giờ thoát ra được. Hãy biến một bước trong vòng thành bước quyết định có nhánh thoát khỏi vòng lặp, hoặc trỏ `next` này tới một bước phía sau.',
    },
    selfLoop: {
      en: 'Step {step} leads back to itself with no decision: once reached, the flow repeats it forever. Point `next` at the step that follows, or make the step a decision with a branch that moves on.',
      vi: 'Bước {step} dẫn ngược lại chính nó mà không có bước quyết định: khi tới bước này, quy trình lặp lại mãi mãi. Hãy trỏ `next` tới bước tiếp theo, hoặc biến bước này thành bước quyết định có nhánh đi tiếp.',
    },
  },
  check({ model, report }) {
    const graph = procedureGraph(model);
    if (!graph) return;
    for (const loop of graph.loopsWithoutDecision) {
      const edge = loop.closingEdge;
      const at = edge.pointer ?? edge.from.pointer;
      const target = edge.pointer ? 'value' : 'key';
      if (edge.from === edge.to) {
        report({ messageId: 'selfLoop', at, target, data: { step: stepLabel(edge.from) } });
      } else {
        report({ messageId: 'loop', at, target, data: { cycle: loop.cycle.map(stepId).join(' → ') } });
      }
    }
  },
});
