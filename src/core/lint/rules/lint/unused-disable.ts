import type { RuleMeta } from '../../rule';

/**
 * Reported by the engine itself (it is the engine that knows which suppressions silenced
 * something), so this file holds only the rule's metadata.
 */
export const unusedDisableRule = {
  id: 'lint/unused-disable',
  severity: 'warning',
  clauses: [],
  fixable: true,
  description: {
    en: 'A `# qms-disable-next-line` comment that silences nothing.',
    vi: 'Chú thích `# qms-disable-next-line` không bỏ qua phát hiện nào.',
  },
  messages: {
    unusedRule: {
      en: 'Unused suppression: `{ruleId}` reports nothing on line {line}. Remove it so real problems are not hidden later.',
      vi: 'Chỉ thị bỏ qua không dùng đến: `{ruleId}` không báo gì ở dòng {line}. Hãy xóa để không che giấu lỗi thật về sau.',
    },
    unusedAll: {
      en: 'Unused suppression: nothing is reported on line {line}. Remove it.',
      vi: 'Chỉ thị bỏ qua không dùng đến: không có phát hiện nào ở dòng {line}. Hãy xóa chỉ thị.',
    },
  },
} as const satisfies RuleMeta<'unusedRule' | 'unusedAll'>;
