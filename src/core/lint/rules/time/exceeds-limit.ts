import { calendarOf } from '../../../flow/calendar';
import { criticalPath, exceeds } from '../../../flow/critical-path';
import { parseDuration, toWorkingDays } from '../../../flow/duration';
import { defineFileRule } from '../../rule';
import { pathText, procedureGraph, workingDaysText } from '../flow/shared';

export const exceedsLimit = defineFileRule({
  id: 'time/exceeds-limit',
  severity: 'error',
  clauses: ['8.2.2', '8.5.1'],
  scope: 'file',
  kinds: ['procedure'],
  description: {
    en: "The longest path's total duration, in working days, exceeds `service.time_limit` (or a variant's limit).",
    vi: 'Tổng thời gian của đường găng (đường dài nhất), tính theo ngày làm việc, vượt thời hạn giải quyết `service.time_limit` (hoặc thời hạn của một trường hợp riêng).',
  },
  messages: {
    exceeds: {
      en: 'The longest path takes {total} > {limit}, the time limit{written}. Critical path: {path}. Shorten these steps, run some of them in parallel, or mark time spent waiting for the applicant with `pauses_clock: true`.',
      vi: 'Đường găng (đường dài nhất) mất {total} > thời hạn giải quyết {limit}{written}. Các bước trên đường găng: {path}. Hãy rút ngắn thời gian các bước này, cho một số bước thực hiện song song, hoặc đánh dấu thời gian chờ công dân bằng `pauses_clock: true`.',
    },
    exceedsVariant: {
      en: 'For “{when}” the longest path takes {total} > {limit}, the time limit of this case{written}. Critical path: {path}. Shorten these steps or run some of them in parallel so the procedure also fits this case.',
      vi: 'Trường hợp “{when}”: đường găng (đường dài nhất) mất {total} > thời hạn giải quyết {limit} của trường hợp này{written}. Các bước trên đường găng: {path}. Hãy rút ngắn thời gian các bước này hoặc cho một số bước thực hiện song song để đáp ứng cả trường hợp này.',
    },
  },
  check({ model, system, report }) {
    const graph = procedureGraph(model);
    if (!graph || model.kind !== 'procedure') return;
    const service = model.service as Record<string, unknown> | undefined;
    if (typeof service !== 'object' || service === null) return;
    const limits: Array<{ text: unknown; at: string; when?: string }> = [{ text: service.time_limit, at: '/service/time_limit' }];
    if (Array.isArray(service.time_limit_variants)) {
      service.time_limit_variants.forEach((variant: unknown, i) => {
        if (typeof variant !== 'object' || variant === null) return;
        const { limit, when } = variant as { limit?: unknown; when?: unknown };
        limits.push({ text: limit, at: `/service/time_limit_variants/${i}/limit`, when: typeof when === 'string' ? when : `#${i + 1}` });
      });
    }
    const { hoursPerDay } = calendarOf(system);
    let path: ReturnType<typeof criticalPath> | null = null;
    for (const limit of limits) {
      // Unparseable limits are the schema's; months and years are not working time: skip both.
      const duration = parseDuration(limit.text);
      const limitDays = duration && toWorkingDays(duration, hoursPerDay);
      if (limitDays === undefined) continue;
      if (path === null) path = criticalPath(graph, hoursPerDay);
      // No path to an end: flow/no-end reports it.
      if (!path || !exceeds(path.days, limitDays)) continue;
      // A limit written in hours or minutes is shown as written too: `4 hours` is 0.5 working days.
      const written = duration!.unit === 'workingDays' ? '' : ` (\`${String(limit.text).trim()}\`)`;
      report({
        messageId: limit.when === undefined ? 'exceeds' : 'exceedsVariant',
        at: limit.at,
        data: {
          total: workingDaysText(path.days),
          limit: workingDaysText(limitDays),
          written,
          path: pathText(path.steps),
          ...(limit.when === undefined ? {} : { when: limit.when }),
        },
      });
    }
  },
});
