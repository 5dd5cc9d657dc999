import { defineFileRule } from '../../rule';
import { field, list, placeholderRetention, placeholderRole, recordLabel } from '../ref/shared';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const missingRetention = defineFileRule({
  id: 'record/missing-retention',
  severity: 'error',
  clauses: ['7.5.3.2'],
  fixable: true,
  scope: 'file',
  kinds: ['procedure'],
  description: {
    en: 'A record without `retention` (how long it is kept) or without `keeper` (who keeps it).',
    vi: 'Hồ sơ thiếu `retention` (thời gian lưu) hoặc thiếu `keeper` (người/bộ phận lưu).',
  },
  messages: {
    retention: {
      en: '{record} has no `retention`: state how long it is kept, e.g. `10 years` or `permanent` (public bodies: per Thông tư 10/2022/TT-BNV).',
      vi: '{record} chưa có thời gian lưu (`retention`): hãy ghi rõ thời hạn lưu, ví dụ `10 năm` hoặc `vĩnh viễn` (cơ quan nhà nước: theo Thông tư 10/2022/TT-BNV).',
    },
    keeper: {
      en: '{record} has no `keeper`: name the role that keeps it (a role id from qms.yaml).',
      vi: '{record} chưa có người lưu (`keeper`): hãy ghi vai trò chịu trách nhiệm lưu hồ sơ (mã vai trò trong qms.yaml).',
    },
  },
  check({ model, workspace, system, fix, report }) {
    const retention = placeholderRetention(system?.locale);
    const keeper = placeholderRole(workspace, field(model, 'owner'));
    list(field(model, 'records')).forEach((record, i) => {
      // A record that is not a mapping is a schema finding already.
      if (!isObject(record)) return;
      const at = 'code' in record ? `/records/${i}/code` : `/records/${i}`;
      const data = { record: recordLabel(record, i) };
      if (!('retention' in record)) {
        report({
          messageId: 'retention',
          at,
          target: 'key',
          data,
          fixes: [
            fix.insertProperty(
              `/records/${i}`,
              'retention',
              retention,
              { en: `Add \`retention: ${retention}\` (a placeholder: set the real period)`, vi: `Thêm \`retention: ${retention}\` (giá trị tạm: hãy sửa theo thời hạn thực tế)` },
              false,
            ),
          ],
        });
      }
      if (!('keeper' in record)) {
        report({
          messageId: 'keeper',
          at,
          target: 'key',
          data,
          fixes: keeper
            ? [
                fix.insertProperty(
                  `/records/${i}`,
                  'keeper',
                  keeper,
                  { en: `Add \`keeper: ${keeper}\` (check that this role keeps it)`, vi: `Thêm \`keeper: ${keeper}\` (hãy kiểm tra đúng vai trò lưu hồ sơ)` },
                  false,
                ),
              ]
            : [],
        });
      }
    });
  },
});
