import type { LocalizedText } from '../../../findings';
import type { Duration } from '../../../flow/duration';
import { isReviewOverdue, reviewScheduleOf, type ReviewSchedule } from '../../../model/review';
import { defineFileRule } from '../../rule';

const SOURCE: Record<ReviewSchedule['intervalSource'], LocalizedText> = {
  document: { en: ' (the document’s `review_interval`)', vi: ' (theo `review_interval` của tài liệu)' },
  system: { en: ' (`review_interval` in qms.yaml)', vi: ' (theo `review_interval` trong qms.yaml)' },
  default: { en: ' (the default)', vi: ' (mặc định)' },
};

/** `12 months` / `12 tháng`, whichever language the interval was written in. */
function period(duration: Duration): LocalizedText {
  const years = duration.unit === 'years';
  const plural = duration.value === 1 ? '' : 's';
  return { en: `${duration.value} ${years ? 'year' : 'month'}${plural}`, vi: `${duration.value} ${years ? 'năm' : 'tháng'}` };
}

export const reviewOverdue = defineFileRule({
  id: 'doc/review-overdue',
  severity: 'warning',
  clauses: ['7.5.2', '7.5.3.2'],
  scope: 'file',
  kinds: ['procedure', 'document'],
  description: {
    en: 'An approved document whose periodic review is overdue: `effective` (or the last history date) plus the review interval is in the past.',
    vi: 'Tài liệu đã phê duyệt quá hạn xem xét định kỳ: ngày hiệu lực (hoặc ngày sửa đổi gần nhất) cộng chu kỳ xem xét đã qua.',
  },
  messages: {
    overdue: {
      en: 'Periodic review overdue: this revision took effect on {basisDate} and the review interval is {interval}{source}, so it was due for review by {next} (today is {today}). Review the document; record the review in its history (a new revision or amendment, even when nothing changes), or set a longer `review_interval` if your procedures allow it.',
      vi: 'Quá hạn xem xét định kỳ: lần ban hành này có hiệu lực từ ngày {basisDate}, chu kỳ xem xét là {interval}{source}, nên phải được xem xét lại chậm nhất vào ngày {next} (hôm nay là {today}). Hãy xem xét lại tài liệu và ghi nhận vào bảng theo dõi sửa đổi (lần ban hành hoặc lần sửa đổi mới, kể cả khi không thay đổi nội dung), hoặc đặt `review_interval` dài hơn nếu quy định của đơn vị cho phép.',
    },
    overdueFromHistory: {
      en: 'Periodic review overdue: the document has no `effective` date and its newest history entry is dated {basisDate}; with a review interval of {interval}{source} it was due for review by {next} (today is {today}). Review the document and record the review in its history, and add `effective`.',
      vi: 'Quá hạn xem xét định kỳ: tài liệu chưa có ngày hiệu lực (`effective`) và dòng theo dõi sửa đổi mới nhất ghi ngày {basisDate}; với chu kỳ xem xét {interval}{source}, tài liệu phải được xem xét lại chậm nhất vào ngày {next} (hôm nay là {today}). Hãy xem xét lại tài liệu, ghi nhận vào bảng theo dõi sửa đổi và bổ sung `effective`.',
    },
  },
  check({ model, system, settings, report }) {
    if (model.kind !== 'procedure' && model.kind !== 'document') return;
    if (model.status !== 'approved') return; // drafts are not in force; obsolete documents are withdrawn
    const schedule = reviewScheduleOf(model, system);
    if (!schedule || !isReviewOverdue(schedule, settings.today)) return;
    report({
      messageId: schedule.basis === 'effective' ? 'overdue' : 'overdueFromHistory',
      at: schedule.basisPointer,
      data: { basisDate: schedule.basisDate, interval: period(schedule.period), source: SOURCE[schedule.intervalSource], next: schedule.next, today: settings.today },
    });
  },
});
