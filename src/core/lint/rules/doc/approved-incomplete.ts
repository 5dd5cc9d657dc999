import type { Fix, LocalizedText } from '../../../findings';
import { yamlScalar } from '../../fix-builder';
import { defineFileRule } from '../../rule';
import { STAGE_NAMES, STAGES, insertPropertyAfter, isFlowMap, isoDate, record, text, type Stage } from './shared';

/** Where each approval entry goes when it is added: after the stage before it. */
const PLACE_AFTER: Record<Stage, string[]> = {
  prepared: [''],
  reviewed: ['prepared', ''],
  approved: ['reviewed', 'prepared'],
};

const MISSING: Record<'role' | 'date' | 'both', LocalizedText> = {
  role: { en: 'role (`role`)', vi: 'vai trò người ký (`role`)' },
  date: { en: 'date (`date`)', vi: 'ngày ký (`date`)' },
  both: { en: 'role and no date (`role`, `date`)', vi: 'vai trò người ký và ngày ký (`role`, `date`)' },
};

export const approvedIncomplete = defineFileRule({
  id: 'doc/approved-incomplete',
  severity: 'error',
  clauses: ['7.5.2', '7.5.3.2'],
  fixable: true,
  scope: 'file',
  kinds: ['procedure', 'document'],
  description: {
    en: '`status: approved` without all three approval entries (prepared, reviewed, approved, each with role and date) or without `effective`.',
    vi: 'Tài liệu `status: approved` nhưng thiếu một trong ba chữ ký (soạn thảo, xem xét, phê duyệt, mỗi mục có vai trò và ngày) hoặc thiếu ngày hiệu lực.',
  },
  messages: {
    noApproval: {
      en: 'The document is approved but has no approval block: record who prepared, reviewed and approved it and when (`approval` with `prepared`, `reviewed` and `approved`, each with `role` and `date`), or set the status back to `draft`.',
      vi: 'Tài liệu ở trạng thái đã phê duyệt nhưng chưa có khối phê duyệt: hãy ghi ai đã soạn thảo, xem xét, phê duyệt và vào ngày nào (`approval` gồm `prepared`, `reviewed`, `approved`, mỗi mục có `role` và `date`), hoặc chuyển trạng thái về `draft`.',
    },
    missingEntry: {
      en: 'The document is approved but its approval block has no `{key}` entry: add who {stage} it and when (`role` and `date`).',
      vi: 'Tài liệu đã phê duyệt nhưng khối phê duyệt thiếu mục `{key}` ({stage}): hãy bổ sung người {stage} và ngày {stage} (`role` và `date`).',
    },
    missingField: {
      en: 'The `{key}` entry of this approved document has no {missing}: add it, so that the approval block shows who {stage} the document and when.',
      vi: 'Mục `{key}` ({stage}) của tài liệu đã phê duyệt thiếu {missing}: hãy bổ sung để khối phê duyệt thể hiện ai đã {stage} tài liệu và vào ngày nào.',
    },
    missingEffective: {
      en: 'The document is approved but has no effective date: add `effective`, the date this revision takes effect (on or after its approval{approvedOn}).',
      vi: 'Tài liệu đã phê duyệt nhưng chưa có ngày hiệu lực: hãy bổ sung `effective`, ngày lần ban hành này có hiệu lực (không sớm hơn ngày phê duyệt{approvedOn}).',
    },
  },
  check({ model, file, fix, settings, report }) {
    if (model.kind !== 'procedure' && model.kind !== 'document') return;
    if (model.status !== 'approved') return;
    const owner = text(model.owner);
    const effective = isoDate(model.effective);
    const placeholderDate = effective ?? settings.today;
    const approvalValue = (model as { approval?: unknown }).approval;
    const approval = record(approvalValue);
    const approvedDate = isoDate(record(approval?.approved)?.date);
    // A stage before approval gets the approval date; the approval itself the effective date (or today).
    const dateFor = (stage: Stage) => (stage === 'approved' ? placeholderDate : (approvedDate ?? placeholderDate));
    const entryText = (role: string, stage: Stage) => `{ role: ${yamlScalar(role)}, date: ${dateFor(stage)} }`;

    if (approvalValue === undefined) {
      const lines = owner ? STAGES.map((stage) => `${stage}: ${entryText(owner, stage)}`) : [];
      report({
        messageId: 'noApproval',
        at: '/status',
        fixes: owner
          ? [
              insertPropertyAfter(file, fix, '', ['effective', 'amendment', 'revision', 'status'], 'approval', lines, {
                en: `Add an approval block to fill in (all three signed by \`${owner}\` on ${placeholderDate})`,
                vi: `Thêm khối phê duyệt để điền lại (tạm ghi cả ba mục là \`${owner}\`, ngày ${placeholderDate})`,
              }),
            ]
          : [],
      });
    } else if (approval) {
      for (const stage of STAGES) {
        const entryValue = approval[stage];
        if (entryValue === undefined) {
          report({
            messageId: 'missingEntry',
            at: '/approval',
            target: 'key',
            data: { key: stage, stage: STAGE_NAMES[stage] },
            fixes: owner
              ? [
                  insertPropertyAfter(file, fix, '/approval', PLACE_AFTER[stage], stage, entryText(owner, stage), {
                    en: `Add \`${stage}: ${entryText(owner, stage)}\` (check the role and date)`,
                    vi: `Thêm \`${stage}: ${entryText(owner, stage)}\` (cần kiểm tra lại vai trò và ngày)`,
                  }),
                ]
              : [],
          });
          continue;
        }
        const entry = record(entryValue);
        if (!entry) continue; // not a mapping: the schema reports it
        const noRole = entry.role === undefined;
        const noDate = entry.date === undefined;
        if (!noRole && !noDate) continue;
        const at = `/approval/${stage}`;
        const role = noRole ? owner : text(entry.role);
        const date = noDate ? dateFor(stage) : isoDate(entry.date);
        const added = [noRole && role ? `role: ${yamlScalar(role)}` : undefined, noDate ? `date: ${date}` : undefined].filter(Boolean).join(', ');
        const title: LocalizedText = { en: `Add \`${added}\` to \`${stage}\` (check the value)`, vi: `Thêm \`${added}\` vào mục \`${stage}\` (cần kiểm tra lại)` };
        let fixes: Array<Fix | undefined>;
        if (!role || !date) {
          fixes = []; // nothing sensible to propose (no owner, or a malformed date the schema reports)
        } else if (isFlowMap(file, at) && Object.keys(entry).every((k) => k === 'role' || k === 'date')) {
          // Rewrite the one-line entry whole: `{ role: tro-ly, date: 2026-02-10 }`, in that order.
          fixes = [fix.replaceValue(at, `{ role: ${yamlScalar(role)}, date: ${date} }`, title, false)];
        } else if (noRole && noDate) {
          fixes = [];
        } else {
          fixes = [noRole ? fix.insertProperty(at, 'role', yamlScalar(role), title, false) : fix.insertProperty(at, 'date', date, title, false)];
        }
        report({
          messageId: 'missingField',
          at,
          target: 'key',
          data: { key: stage, stage: STAGE_NAMES[stage], missing: MISSING[noRole && noDate ? 'both' : noRole ? 'role' : 'date'] },
          fixes,
        });
      }
    }

    if (model.effective === undefined) {
      const date = approvedDate ?? settings.today;
      report({
        messageId: 'missingEffective',
        at: '/status',
        data: { approvedOn: approvedDate ? { en: `, ${approvedDate}`, vi: ` ${approvedDate}` } : '' },
        fixes: [
          insertPropertyAfter(file, fix, '', ['amendment', 'revision', 'status'], 'effective', date, {
            en: `Add \`effective: ${date}\` (check the date)`,
            vi: `Thêm ngày hiệu lực \`effective: ${date}\` (cần kiểm tra lại)`,
          }),
        ],
      });
    }
  },
});
