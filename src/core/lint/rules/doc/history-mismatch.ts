import type { LocalizedText } from '../../../findings';
import { defineFileRule } from '../../rule';
import { counter, insertFirstSequenceItem, isoDate, list, record, workspaceLocale } from './shared';

interface Version {
  revision: number;
  amendment: number;
}

function compare(a: Version, b: Version): number {
  return a.revision - b.revision || a.amendment - b.amendment;
}

/** "revision 2" or, where amendments are kept, "revision 2, amendment 1" (Lần ban hành / Lần sửa đổi). */
function label(version: Version, withAmendment: boolean): LocalizedText {
  return withAmendment
    ? { en: `revision ${version.revision}, amendment ${version.amendment}`, vi: `lần ban hành ${version.revision}, lần sửa đổi ${version.amendment}` }
    : { en: `revision ${version.revision}`, vi: `lần ban hành ${version.revision}` };
}

const STATUS: Record<string, LocalizedText> = {
  approved: { en: 'approved', vi: 'đã phê duyệt' },
  obsolete: { en: 'obsolete', vi: 'hết hiệu lực' },
};

export const historyMismatch = defineFileRule({
  id: 'doc/history-mismatch',
  severity: 'error',
  clauses: ['7.5.2', '7.5.3.2'],
  fixable: true,
  scope: 'file',
  kinds: ['procedure', 'document'],
  description: {
    en: '`history` does not start with an entry for the current `revision` (and `amendment`), or its entries are not newest first.',
    vi: 'Bảng theo dõi sửa đổi (`history`) không bắt đầu bằng lần ban hành hiện tại (`revision`, `amendment`), hoặc không xếp mới nhất ở trên.',
  },
  messages: {
    noHistory: {
      en: 'The document is {status} at {version} but has no revision history: add a `history` entry for {version} (its date and what changed).',
      vi: 'Tài liệu {status} ở {version} nhưng chưa có bảng theo dõi sửa đổi: hãy thêm mục `history` cho {version} (ngày và nội dung sửa đổi).',
    },
    missingCurrent: {
      en: 'The revision history starts with {top}, but the document is at {version}: add the entry for {version} at the top of `history` (newest first).',
      vi: 'Bảng theo dõi sửa đổi bắt đầu bằng {top} trong khi tài liệu đang ở {version}: hãy thêm dòng cho {version} lên đầu mục `history` (mới nhất ở trên).',
    },
    aheadOfRevision: {
      en: 'The document says {version}, but its revision history already records {top}: update {fields} to match the newest history entry, or correct the history.',
      vi: 'Tài liệu ghi {version} nhưng bảng theo dõi sửa đổi đã có {top}: hãy cập nhật {fields} cho khớp với dòng mới nhất, hoặc sửa lại bảng theo dõi sửa đổi.',
    },
    duplicate: {
      en: 'The revision history has a second entry for {version}: each revision has exactly one. Merge the two entries or correct the number.',
      vi: 'Bảng theo dõi sửa đổi có dòng thứ hai cho {version}: mỗi lần chỉ có một dòng. Hãy gộp hai dòng hoặc sửa lại số.',
    },
    order: {
      en: 'The entry for {version} is below the entry for {previous}: the history runs newest first, so numbers must decrease going down. Move the entry up or correct its number.',
      vi: 'Dòng {version} nằm dưới dòng {previous}: bảng theo dõi sửa đổi xếp mới nhất ở trên nên số phải giảm dần từ trên xuống. Hãy chuyển dòng này lên hoặc sửa lại số.',
    },
    dateOrder: {
      en: 'The entry for {version} is dated {date}, after the entry above it ({previous}, {previousDate}): an older revision cannot have a later date. Correct the date.',
      vi: 'Dòng {version} ghi ngày {date}, muộn hơn dòng phía trên ({previous}, ngày {previousDate}): lần cũ hơn không thể có ngày muộn hơn. Hãy sửa lại ngày.',
    },
    current: {
      en: 'The document is at {version}.',
      vi: 'Tài liệu đang ở {version}.',
    },
    above: {
      en: 'The entry above: {version}, {date}.',
      vi: 'Dòng phía trên: {version}, ngày {date}.',
    },
  },
  check({ file, model, system, settings, fix, report }) {
    if (model.kind !== 'procedure' && model.kind !== 'document') return;
    const revision = counter(model.revision);
    if (revision === undefined || revision < 1) return; // the schema reports it
    const status = typeof model.status === 'string' ? model.status : undefined;
    const released = status === 'approved' || status === 'obsolete';
    const historyValue = (model as { history?: unknown }).history;
    if (historyValue === undefined && !released) return;
    if (historyValue !== undefined && !Array.isArray(historyValue)) return;

    const docAmendment = counter(model.amendment);
    const entries = list(historyValue).map((value) => {
      const entry = record(value);
      const entryRevision = counter(entry?.revision);
      const entryAmendment = entry?.amendment === undefined ? 0 : counter(entry.amendment);
      return {
        version: entryRevision !== undefined && entryRevision >= 1 && entryAmendment !== undefined ? { revision: entryRevision, amendment: entryAmendment } : undefined,
        hasAmendment: entry?.amendment !== undefined,
        date: isoDate(entry?.date),
      };
    });
    const withAmendment = docAmendment !== undefined || entries.some((e) => e.hasAmendment);
    const current: Version = { revision, amendment: docAmendment ?? 0 };
    const show = (version: Version) => label(version, withAmendment);

    // The entry the missing revision would get: its approval date, else its effective date.
    const newEntry = (): string[] => {
      const approved = isoDate(record(record(model.approval)?.approved)?.date);
      const date = approved ?? isoDate(model.effective) ?? settings.today;
      const vi = workspaceLocale(system) === 'vi';
      const first = revision === 1 && (docAmendment ?? 0) === 0;
      const change = first ? (vi ? 'Ban hành lần đầu' : 'First issue') : vi ? 'Mô tả nội dung sửa đổi' : 'Describe the change';
      return [`revision: ${revision}`, ...(docAmendment !== undefined ? [`amendment: ${docAmendment}`] : []), `date: ${date}`, `change: ${change}`];
    };
    const fixTitle: LocalizedText = {
      en: `Add the history entry for ${show(current).en} (fill in the change)`,
      vi: `Thêm dòng theo dõi sửa đổi cho ${show(current).vi} (điền nội dung sửa đổi)`,
    };

    if (entries.length === 0) {
      if (!released) return;
      report({
        messageId: 'noHistory',
        at: historyValue === undefined ? '/revision' : '/history',
        data: { status: STATUS[status!]!, version: show(current) },
        fixes: [historyValue === undefined ? fix.appendSequenceItem('/history', newEntry(), fixTitle, false) : undefined],
      });
      return;
    }

    const top = entries[0]!;
    if (top.version) {
      // Compare amendments only when the document itself keeps that counter.
      const topForCompare: Version = { revision: top.version.revision, amendment: docAmendment === undefined ? 0 : top.version.amendment };
      const order = compare(topForCompare, current);
      if (order < 0 && released) {
        // A draft of the next revision gets its history entry when it is approved.
        report({
          messageId: 'missingCurrent',
          at: '/history/0/revision',
          data: { top: show(top.version), version: show(current) },
          related: [{ file: file.path, at: '/revision', messageId: 'current', data: { version: show(current) } }],
          fixes: [insertFirstSequenceItem(file, '/history', newEntry(), fixTitle)],
        });
      } else if (order > 0) {
        const amendmentOnly = top.version.revision === revision;
        report({
          messageId: 'aheadOfRevision',
          at: amendmentOnly ? '/amendment' : '/revision',
          data: {
            version: show(current),
            top: show(top.version),
            fields: docAmendment !== undefined ? '`revision` / `amendment`' : '`revision`',
          },
          related: [{ file: file.path, at: '/history/0/revision', messageId: 'above', data: { version: show(top.version), date: top.date ?? '' } }],
        });
      }
    }

    let previous = top.version ? { version: top.version, index: 0 } : undefined;
    let previousDated = top.date ? { date: top.date, version: top.version, index: 0 } : undefined;
    entries.forEach((entry, index) => {
      if (index === 0) return;
      if (entry.version && previous) {
        const order = compare(entry.version, previous.version);
        if (order >= 0) {
          const onAmendment = entry.version.revision === previous.version.revision && entry.hasAmendment;
          report({
            messageId: order === 0 ? 'duplicate' : 'order',
            at: `/history/${index}/${onAmendment ? 'amendment' : 'revision'}`,
            data: { version: show(entry.version), previous: show(previous.version) },
            related: [{ file: file.path, at: `/history/${previous.index}/revision`, messageId: 'above', data: { version: show(previous.version), date: entries[previous.index]!.date ?? '' } }],
          });
        }
      }
      if (entry.date && previousDated && entry.date > previousDated.date) {
        const previousVersion = previousDated.version ? show(previousDated.version) : { en: `entry ${previousDated.index + 1}`, vi: `dòng ${previousDated.index + 1}` };
        report({
          messageId: 'dateOrder',
          at: `/history/${index}/date`,
          data: { version: entry.version ? show(entry.version) : { en: `entry ${index + 1}`, vi: `dòng ${index + 1}` }, date: entry.date, previous: previousVersion, previousDate: previousDated.date },
          related: [{ file: file.path, at: `/history/${previousDated.index}/date`, messageId: 'above', data: { version: previousVersion, date: previousDated.date } }],
        });
      }
      if (entry.version) previous = { version: entry.version, index };
      if (entry.date) previousDated = { date: entry.date, version: entry.version, index };
    });
  },
});
