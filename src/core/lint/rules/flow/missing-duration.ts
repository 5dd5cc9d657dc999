import type { LocalizedText } from '../../../findings';
import { parseDuration } from '../../../flow/duration';
import type { FlowGraph } from '../../../flow/graph';
import type { SystemFile } from '../../../model/types';
import { defineFileRule } from '../../rule';
import { procedureGraph, stepLabel } from './shared';

const VIETNAMESE_UNIT = /(phút|giờ|ngày|tháng|năm)\s*$/u;

/**
 * The placeholder the fix inserts: zero, which is what the step already counts, so applying
 * the fix never changes the total (the officer then writes the real time); in the language of
 * the procedure's other durations, or of `locale` when it has none.
 */
function zeroDuration(graph: FlowGraph, system: SystemFile | undefined): string {
  for (const node of graph.steps) {
    const text = node.step.duration;
    if (typeof text === 'string' && parseDuration(text)) return VIETNAMESE_UNIT.test(text.normalize('NFC')) ? '0 ngày làm việc' : '0 working days';
  }
  return system?.locale === 'vi' ? '0 ngày làm việc' : '0 working days';
}

export const missingDuration = defineFileRule({
  id: 'flow/missing-duration',
  severity: 'warning',
  clauses: ['8.2.2', '8.5.1'],
  fixable: true,
  scope: 'file',
  kinds: ['procedure'],
  description: {
    en: 'A step with no `duration` in a procedure that has a `service.time_limit`.',
    vi: 'Bước không có thời gian thực hiện (`duration`) trong quy trình có thời hạn giải quyết (`service.time_limit`).',
  },
  messages: {
    missingDuration: {
      en: 'Step {step} has no `duration`, so it counts as 0 toward the time limit `{limit}`. Add the time allotted to it, e.g. `duration: 2 hours`, or `duration: 0 working days` if it takes no time of its own (handing over the result); if the time is spent waiting for the applicant, mark it `pauses_clock: true` instead.',
      vi: 'Bước {step} chưa có thời gian thực hiện (`duration`) nên được tính là 0 vào thời hạn giải quyết `{limit}`. Hãy ghi thời gian dành cho bước này, ví dụ `duration: 2 giờ`, hoặc `duration: 0 ngày làm việc` nếu bước không tốn thời gian riêng (như trả kết quả); nếu đó là thời gian chờ công dân thì đánh dấu `pauses_clock: true`.',
    },
  },
  check({ model, system, fix, report }) {
    const graph = procedureGraph(model);
    if (!graph || model.kind !== 'procedure') return;
    const limit = (model.service as { time_limit?: unknown } | undefined)?.time_limit;
    if (typeof limit !== 'string') return;
    let placeholder: string | undefined;
    for (const node of graph.steps) {
      // Time spent in a paused step does not count: it needs no duration.
      if (node.step.duration !== undefined || node.pausesClock) continue;
      placeholder ??= zeroDuration(graph, system);
      const title: LocalizedText = {
        en: `Add \`duration: ${placeholder}\` (then write the real time)`,
        vi: `Thêm \`duration: ${placeholder}\` (sau đó ghi thời gian thực tế)`,
      };
      report({
        messageId: 'missingDuration',
        at: node.pointer,
        target: 'key',
        data: { step: stepLabel(node), limit },
        fixes: [fix.insertProperty(node.pointer, 'duration', placeholder, title, false)],
      });
    }
  },
});
