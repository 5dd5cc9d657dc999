import { defineFileRule } from '../../rule';
import { STAGE_NAMES, STAGES, isoDate, record, type Stage } from './shared';

interface Signed {
  stage: Stage | 'effective';
  date: string;
  at: string;
}

export const approvalOrder = defineFileRule({
  id: 'doc/approval-order',
  severity: 'error',
  clauses: ['7.5.2', '7.5.3.2'],
  fixable: true,
  scope: 'file',
  kinds: ['procedure', 'document'],
  description: {
    en: 'Approval dates out of order: prepared ≤ reviewed ≤ approved ≤ effective.',
    vi: 'Ngày soạn thảo, xem xét, phê duyệt và ngày hiệu lực không theo đúng thứ tự.',
  },
  messages: {
    stageOrder: {
      en: 'The {stage} date {date} is earlier than the {earlierStage} date {earlierDate}: the approval block must run prepared ≤ reviewed ≤ approved. Correct whichever of the two dates is wrong.',
      vi: 'Ngày {stage} {date} sớm hơn ngày {earlierStage} {earlierDate}: khối phê duyệt phải theo thứ tự soạn thảo ≤ xem xét ≤ phê duyệt. Hãy sửa lại ngày bị ghi sai.',
    },
    effectiveBeforeApproval: {
      en: 'The document takes effect on {date}, before it was {earlierStage} on {earlierDate}: a revision must not be in use before it is approved. Set `effective` on or after {earlierDate}, or correct the {earlierStage} date.',
      vi: 'Tài liệu có hiệu lực từ ngày {date}, trước ngày {earlierStage} {earlierDate}: không được đưa lần ban hành vào sử dụng trước khi được phê duyệt. Hãy đặt ngày hiệu lực (`effective`) từ ngày {earlierDate} trở đi, hoặc sửa lại ngày {earlierStage}.',
    },
    earlier: {
      en: 'The {stage} date, {date}.',
      vi: 'Ngày {stage}: {date}.',
    },
  },
  check({ file, model, fix, report }) {
    if (model.kind !== 'procedure' && model.kind !== 'document') return;
    const approval = record(model.approval);
    const signed: Signed[] = [];
    for (const stage of STAGES) {
      const date = isoDate(record(approval?.[stage])?.date);
      if (date) signed.push({ stage, date, at: `/approval/${stage}/date` });
    }
    const effective = isoDate(model.effective);
    if (effective) signed.push({ stage: 'effective', date: effective, at: '/effective' });

    // Each date against the nearest earlier stage that has one: a single wrong date gives a single finding.
    for (let i = 1; i < signed.length; i++) {
      const earlier = signed[i - 1]!;
      const later = signed[i]!;
      if (later.date >= earlier.date) continue;
      const isEffective = later.stage === 'effective';
      report({
        messageId: isEffective ? 'effectiveBeforeApproval' : 'stageOrder',
        at: later.at,
        data: { stage: STAGE_NAMES[later.stage], date: later.date, earlierStage: STAGE_NAMES[earlier.stage], earlierDate: earlier.date },
        related: [{ file: file.path, at: earlier.at, messageId: 'earlier', data: { stage: STAGE_NAMES[earlier.stage], date: earlier.date } }],
        fixes: isEffective
          ? [
              fix.replaceValue(
                '/effective',
                earlier.date,
                { en: `Set \`effective\` to ${earlier.date} (the ${earlier.stage} date)`, vi: `Đặt ngày hiệu lực là ${earlier.date} (ngày ${STAGE_NAMES[earlier.stage].vi})` },
                false,
              ),
            ]
          : [],
      });
    }
  },
});
