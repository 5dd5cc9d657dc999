import { yamlScalar } from '../../fix-builder';
import { defineFileRule } from '../../rule';
import { addListItem, flowMapping, isMissingList, placeholderLocale, processLabel } from './shared';

/** A placeholder indicator, in the workspace's language: obviously to be filled in, and schema-valid. */
const PLACEHOLDER_KPI = {
  en: [
    ['name', 'TODO: name of the indicator'],
    ['target', 'TODO: target, e.g. >= 95%'],
    ['frequency', 'monthly'],
    ['method', 'TODO: how it is measured'],
  ],
  vi: [
    ['name', 'TODO: tên chỉ số'],
    ['target', 'TODO: chỉ tiêu, ví dụ >= 95%'],
    ['frequency', 'hằng tháng'],
    ['method', 'TODO: cách đo, cách tính'],
  ],
} satisfies Record<'en' | 'vi', Array<[string, string]>>;

export const missingKpi = defineFileRule({
  id: 'process/missing-kpi',
  severity: 'warning',
  clauses: ['4.4.1', '9.1.1'],
  fixable: true,
  scope: 'file',
  kinds: ['process'],
  description: {
    en: 'A process with no KPI (performance indicator) to monitor and evaluate it.',
    vi: 'Quá trình không có chỉ số đo lường (KPI) để theo dõi và đánh giá.',
  },
  messages: {
    missing: {
      en: '{process} has no KPI: add under `kpis:` at least one indicator with a target and a frequency, so that the process can be monitored and evaluated (4.4.1 c, 9.1).',
      vi: '{process} chưa có chỉ số đo lường (KPI): hãy thêm vào mục `kpis:` ít nhất một chỉ số kèm chỉ tiêu và tần suất đo, để quá trình được theo dõi và đánh giá (4.4.1 c, 9.1).',
    },
  },
  check({ file, model, system, fix, report }) {
    const kpis = (model as { kpis?: unknown }).kpis;
    // A `kpis` that is not a list (or `kpis:` left empty, null) is the schema's to report.
    if (!isMissingList(kpis)) return;
    const id = (model as { id?: unknown }).id;
    const entries = PLACEHOLDER_KPI[placeholderLocale(system)] as Array<[string, string]>;
    report({
      messageId: 'missing',
      // On the empty `kpis: []` when there is one, else on the process id.
      at: kpis === undefined ? (typeof id === 'string' ? '/id' : '/kind') : '/kpis',
      target: kpis === undefined ? 'value' : 'key',
      data: { process: processLabel(id) },
      fixes: [
        addListItem(
          file,
          fix,
          '/kpis',
          { lines: entries.map(([key, value]) => `${key}: ${yamlScalar(value)}`), flow: flowMapping(entries) },
          { en: 'Add a KPI to fill in', vi: 'Thêm một chỉ số đo lường (KPI) để điền' },
        ),
      ],
    });
  },
});
