import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings';
import { memoryFileSystem } from '../../src/core/io/memory-file-system';
import { lintWorkspace } from '../../src/core/lint/engine';
import { ALL_RULES } from '../../src/core/lint/registry';
import { unusedDisableRule } from '../../src/core/lint/rules/lint/unused-disable';
import { loadWorkspace } from '../../src/core/model/workspace';
import { planRecord } from '../../src/core/change/release';
import { describeFindings } from '../helpers/expectations';
import { filesUnder } from '../helpers/fixture-workspace';

/**
 * Acceptance: "A copy of each example with planted defects (one per rule) yields exactly the
 * planted findings."
 *
 * Each example is read into memory, checked to lint clean, then given one small, realistic
 * mistake per rule — the kind a quality officer makes while editing — all at once. The linter
 * must then report exactly those findings, each on the node the plant is about: no more (a plant
 * that drags a second finding along is a bad plant, or a rule bug), no fewer.
 */

const EXAMPLES = path.join(__dirname, '../../examples');
/** Fixed, so that review dates never drift: every example document is in date on this day. */
const TODAY = '2026-11-21';

/** A text edit: `find` (a string, or a pattern for a whole block) must occur exactly once in the file. */
interface Edit {
  file: string;
  find: string | RegExp;
  replace: string;
}

/**
 * Where the planted finding must start: at `token` (default: the start of `marker`) inside
 * `marker`, which must occur exactly once in the planted text of `file` (default: the edited
 * file). Resolved to a line and column after every plant is applied, so that plants above it in
 * the same file cannot shift it.
 */
interface Where {
  file?: string;
  marker: string;
  token?: string;
}

interface Plant extends Edit {
  /** The rule id the plant must trigger, once. */
  rule: string;
  /** Further edits the same mistake makes (a code renamed in its definition and where it is used). */
  also?: Edit[];
  at: Where;
}

// ---------------------------------------------------------------------------------------------
// ban-chqs (Vietnamese, three administrative procedures with time limits)
// ---------------------------------------------------------------------------------------------

const BAN_CHQS: Plant[] = [
  {
    rule: 'ref/unknown-role',
    // "quản lý" for "quân lực": the step's role id is misspelt.
    file: 'procedures/QT-BCHQS-06.qms.yaml',
    find: 'name: Lưu hồ sơ đăng ký NVQS\n    role: tro-ly-quan-luc\n',
    replace: 'name: Lưu hồ sơ đăng ký NVQS\n    role: tro-ly-quan-ly\n',
    at: { marker: 'role: tro-ly-quan-ly\n', token: 'tro-ly-quan-ly' },
  },
  {
    rule: 'ref/unknown-step',
    // The "needs rework" branch names a step that does not exist.
    file: 'procedures/QT-BCHQS-01.qms.yaml',
    find: '        next: soan-thao\n  - id: phe-duyet\n',
    replace: '        next: soan-thao-lai\n  - id: phe-duyet\n',
    at: { marker: 'next: soan-thao-lai', token: 'soan-thao-lai' },
  },
  {
    rule: 'ref/unknown-form',
    // A step lists a form nobody added under `forms:`.
    file: 'procedures/QT-BCHQS-02.qms.yaml',
    find: 'forms: [BM-03/QT-BCHQS-02]',
    replace: 'forms: [BM-03/QT-BCHQS-02, BM-06/QT-BCHQS-02]',
    at: { marker: 'BM-06/QT-BCHQS-02' },
  },
  {
    rule: 'ref/unknown-record',
    // A step produces a record nobody added under `records:`.
    file: 'procedures/QT-BCHQS-07.qms.yaml',
    find: 'records: [HS-04/QT-BCHQS-07]',
    replace: 'records: [HS-04/QT-BCHQS-07, HS-08/QT-BCHQS-07]',
    at: { marker: 'HS-08/QT-BCHQS-07' },
  },
  {
    rule: 'ref/unknown-process',
    // After the two-level reform the officer renames the ward people's committee in one place only.
    file: 'processes/P-02.qms.yaml',
    find: 'from: ubnd-phuong\n',
    replace: 'from: ubnd-phuong-xa\n',
    at: { marker: 'from: ubnd-phuong-xa', token: 'ubnd-phuong-xa' },
  },
  {
    rule: 'ref/unknown-procedure',
    // A procedure that is planned but not written yet is already listed.
    file: 'processes/P-02.qms.yaml',
    find: 'procedures: [QT-BCHQS-06, QT-BCHQS-07, QT-BCHQS-08]',
    replace: 'procedures: [QT-BCHQS-06, QT-BCHQS-07, QT-BCHQS-08, QT-BCHQS-09]',
    at: { marker: 'QT-BCHQS-09' },
  },
  {
    rule: 'ref/duplicate-id',
    // A record copied from the one above, its code not renumbered.
    file: 'procedures/QT-BCHQS-08.qms.yaml',
    find: '    location: Tủ hồ sơ có khóa, Ban Tham mưu\nhistory:\n',
    replace:
      '    location: Tủ hồ sơ có khóa, Ban Tham mưu\n' +
      '  - code: HS-05/QT-BCHQS-08\n' +
      '    title: Bản lưu thông báo gửi Ban CHQS phường\n' +
      '    keeper: tro-ly-quan-luc\n' +
      '    retention: 5 năm\n' +
      'history:\n',
    at: { marker: 'code: HS-05/QT-BCHQS-08\n    title: Bản lưu thông báo', token: 'HS-05/QT-BCHQS-08' },
  },
  {
    rule: 'ref/unused-form',
    // The step no longer lists the form it fills in.
    file: 'procedures/QT-BCHQS-05.qms.yaml',
    find: '    forms: [BM-03/QT-BCHQS-05]\n',
    replace: '',
    at: { marker: '- code: BM-03/QT-BCHQS-05', token: 'BM-03/QT-BCHQS-05' },
  },
  {
    rule: 'ref/unused-record',
    // The step no longer lists the record it produces.
    file: 'procedures/QT-BCHQS-03.qms.yaml',
    find: '    records: [HS-04/QT-BCHQS-03]\n',
    replace: '',
    at: { marker: '- code: HS-04/QT-BCHQS-03', token: 'HS-04/QT-BCHQS-03' },
  },
  {
    rule: 'flow/no-end',
    // "The audit cycle starts again next year": the last step loops back instead of ending.
    file: 'procedures/QT-BCHQS-03.qms.yaml',
    find: '    end: true\nforms:\n',
    replace: '    next: lap-chuong-trinh\nforms:\n',
    at: { marker: 'steps:\n  - id: lap-chuong-trinh', token: 'steps' },
  },
  {
    rule: 'flow/unreachable-step',
    // The fork to the ward notification is reduced to one target.
    file: 'procedures/QT-BCHQS-08.qms.yaml',
    find: '    next: [xac-nhan, thong-bao-phuong]\n',
    replace: '    next: xac-nhan\n',
    at: { marker: '- id: thong-bao-phuong', token: 'id' },
  },
  {
    rule: 'flow/dead-end',
    // The step's `next` is emptied.
    file: 'procedures/QT-BCHQS-02.qms.yaml',
    find: '    next: cap-nhat-so\n  - id: lap-ke-hoach\n',
    replace: '    next: []\n  - id: lap-ke-hoach\n',
    at: { marker: 'next: []', token: '[]' },
  },
  {
    rule: 'flow/decision-branches',
    // The "no corrective action needed" branch is deleted: a decision with one branch.
    file: 'procedures/QT-BCHQS-05.qms.yaml',
    find: '      - when: Không (sai sót đơn lẻ đã xử lý xong)\n        next: dong-phieu\n',
    replace: '',
    at: { marker: 'branches:\n      - when: Có (lặp lại', token: 'branches' },
  },
  {
    rule: 'flow/loop-without-decision',
    // "After distribution, update the list again": a loop with no decision to leave it.
    file: 'procedures/QT-BCHQS-01.qms.yaml',
    find: '    next: cap-nhat-tai-lieu-ben-ngoai\n',
    replace: '    next: [cap-nhat-tai-lieu-ben-ngoai, cap-nhat-danh-muc]\n',
    at: { marker: 'next: [cap-nhat-tai-lieu-ben-ngoai, cap-nhat-danh-muc]', token: 'cap-nhat-danh-muc' },
  },
  {
    rule: 'flow/missing-role',
    // The responsible role of a step is deleted.
    file: 'procedures/QT-BCHQS-02.qms.yaml',
    find: '    role: tro-ly-hau-can\n',
    replace: '',
    at: { marker: '- id: thuc-hien\n', token: 'id' },
  },
  {
    rule: 'flow/missing-duration',
    // A step of an administrative procedure loses its duration.
    file: 'procedures/QT-BCHQS-06.qms.yaml',
    find: '    role: pho-chi-huy-truong\n    duration: 1 giờ\n',
    replace: '    role: pho-chi-huy-truong\n',
    at: { marker: '- id: kiem-tra-trinh-ky', token: 'id' },
  },
  {
    rule: 'time/exceeds-limit',
    // One hour written as one working day: 13 hours against a limit of 1 working day.
    file: 'procedures/QT-BCHQS-07.qms.yaml',
    find: 'name: Đối chiếu Sổ đăng ký NVQS, xác định điều kiện di chuyển\n    role: tro-ly-quan-luc\n    duration: 1 giờ\n',
    replace: 'name: Đối chiếu Sổ đăng ký NVQS, xác định điều kiện di chuyển\n    role: tro-ly-quan-luc\n    duration: 1 ngày làm việc\n',
    at: { marker: 'time_limit: 1 ngày làm việc', token: '1 ngày' },
  },
  {
    rule: 'doc/code-pattern',
    // A form renumbered without its leading zero, in its definition and where it is used.
    file: 'procedures/QT-BCHQS-06.qms.yaml',
    find: '  - code: BM-08/QT-BCHQS-06\n',
    replace: '  - code: BM-8/QT-BCHQS-06\n',
    also: [{ file: 'procedures/QT-BCHQS-06.qms.yaml', find: 'forms: [BM-08/QT-BCHQS-06]', replace: 'forms: [BM-8/QT-BCHQS-06]' }],
    at: { marker: '- code: BM-8/QT-BCHQS-06', token: 'BM-8' },
  },
  {
    rule: 'doc/approval-order',
    // The approval date typed after the effective date.
    file: 'documents/MT-01.qms.yaml',
    find: 'approved: { role: chi-huy-truong, date: 2026-01-08 }',
    replace: 'approved: { role: chi-huy-truong, date: 2026-01-18 }',
    at: { marker: 'effective: 2026-01-12', token: '2026' },
  },
  {
    rule: 'doc/approved-incomplete',
    // The reviewer's signature is missing from an approved document.
    file: 'documents/STCL-01.qms.yaml',
    find: '  reviewed: { role: pho-chi-huy-truong, date: 2026-08-27 }\n',
    replace: '',
    at: { marker: 'approval:\n', token: 'approval' },
  },
  {
    rule: 'doc/history-mismatch',
    // The revision is bumped without a history entry for it.
    file: 'documents/MT-01.qms.yaml',
    find: 'revision: 1\neffective:',
    replace: 'revision: 2\neffective:',
    at: { marker: '  - revision: 1\n', token: '1' },
  },
  {
    rule: 'doc/self-approval',
    // The commander is written as the preparer as well as the approver.
    file: 'procedures/QT-BCHQS-05.qms.yaml',
    find: 'prepared: { role: thu-ky-iso, date: 2026-02-23 }',
    replace: 'prepared: { role: chi-huy-truong, date: 2026-02-23 }',
    at: { marker: 'approved: { role: chi-huy-truong', token: 'chi-huy-truong' },
  },
  {
    rule: 'doc/review-overdue',
    // A six-month review interval: effective 2026-01-19, due 2026-07-19, overdue by 2026-11-21.
    file: 'procedures/QT-BCHQS-01.qms.yaml',
    find: 'effective: 2026-01-19\n',
    replace: 'effective: 2026-01-19\nreview_interval: 6 tháng\n',
    at: { marker: 'effective: 2026-01-19', token: '2026' },
  },
  {
    rule: 'doc/obsolete-referenced',
    // A procedure withdrawn while its process still lists it.
    file: 'procedures/QT-BCHQS-04.qms.yaml',
    find: 'status: approved',
    replace: 'status: obsolete',
    at: { file: 'processes/P-01.qms.yaml', marker: 'QT-BCHQS-04]', token: 'QT-BCHQS-04' },
  },
  {
    rule: 'legal/superseded-reference',
    // The one-stop-shop decree of 2018 cited in a procedure effective in 2026.
    file: 'procedures/QT-BCHQS-07.qms.yaml',
    find: '  - Nghị định 118/2025/NĐ-CP về thực hiện',
    replace: '  - Nghị định 61/2018/NĐ-CP về thực hiện',
    at: { marker: '- Nghị định 61/2018/NĐ-CP', token: 'Nghị định' },
  },
  {
    rule: 'record/missing-retention',
    // The retention period of a record is deleted.
    file: 'procedures/QT-BCHQS-06.qms.yaml',
    find: '    retention: vĩnh viễn\n',
    replace: '',
    at: { marker: '- code: HS-04/QT-BCHQS-06', token: 'code' },
  },
  {
    rule: 'process/missing-kpi',
    // The process's KPI list is removed.
    file: 'processes/P-01.qms.yaml',
    find: /^kpis:\n(?: {2}.*\n)+/m,
    replace: '',
    at: { marker: 'id: P-01', token: 'P-01' },
  },
  {
    rule: 'process/risk-unscored',
    // A risk scored 4 × 4 = 16 loses its treatment.
    file: 'processes/P-02.qms.yaml',
    find: '    treatment: Lập kế hoạch đăng ký theo lịch từng cơ quan, tổ chức; tăng cường trợ lý quân lực cho Bộ phận Một cửa trong tháng tư\n',
    replace: '',
    at: { marker: 'id: R-05', token: 'R-05' },
  },
  {
    rule: 'process/orphan',
    // The internal audit procedure is put under the leadership process, which does not list it.
    file: 'procedures/QT-BCHQS-03.qms.yaml',
    find: 'process: P-03',
    replace: 'process: P-01',
    at: { marker: 'process: P-01', token: 'P-01' },
  },
  {
    rule: 'system/clause-coverage',
    // 8.3 (declared not applicable) is dropped from the only file that listed it.
    file: 'documents/STCL-01.qms.yaml',
    find: '"8.1", "8.3", "8.4"]',
    replace: '"8.1", "8.4"]',
    at: { file: 'qms.yaml', marker: 'standard: ISO 9001:2015', token: 'ISO' },
  },
  {
    rule: 'lint/unused-disable',
    // A suppression left behind above a line with nothing to silence.
    file: 'processes/P-03.qms.yaml',
    find: 'procedures: [QT-BCHQS-01',
    replace: '# qms-disable-next-line ref/unknown-procedure\nprocedures: [QT-BCHQS-01',
    at: { marker: 'qms-disable-next-line ref/unknown-procedure', token: 'ref/unknown-procedure' },
  },
  {
    rule: 'doc/changed-without-revision',
    // A step's time shortened in an approved procedure, without a new revision.
    file: 'procedures/QT-BCHQS-06.qms.yaml',
    find: '    role: tro-ly-quan-luc\n    duration: 2 giờ\n',
    replace: '    role: tro-ly-quan-luc\n    duration: 1.5 giờ\n',
    at: { marker: '\nrevision: 2\n', token: '2' },
  },
  {
    rule: 'doc/lock-missing',
    // The record of an approved document lost from qms.lock (a merge resolved by dropping a line).
    file: 'qms.lock',
    find: /^MT-01 r\S+ .*\n/m,
    replace: '',
    at: { file: 'documents/MT-01.qms.yaml', marker: 'status: approved', token: 'approved' },
  },
  {
    rule: 'yaml/syntax',
    // The new revision written under the old one instead of over it: a duplicate key. (In a file
    // nothing else depends on: a file that does not parse drops out of the workspace.)
    file: 'documents/CS-01.qms.yaml',
    find: 'revision: 2\neffective:',
    replace: 'revision: 2\nrevision: 3\neffective:',
    at: { marker: 'revision: 3', token: 'revision' },
  },
  {
    rule: 'schema/enum',
    // The Vietnamese word instead of the enum value.
    file: 'procedures/QT-BCHQS-08.qms.yaml',
    find: 'online: full',
    replace: 'online: toàn trình',
    at: { marker: 'online: toàn trình', token: 'toàn' },
  },
  {
    rule: 'schema/additionalProperties',
    // A misspelt property name.
    file: 'procedures/QT-BCHQS-01.qms.yaml',
    find: '    description: >-\n      Ban có nhu cầu',
    replace: '    desciption: >-\n      Ban có nhu cầu',
    at: { marker: 'desciption' },
  },
];

// ---------------------------------------------------------------------------------------------
// acme-en (English, no administrative procedures: the time rules get a `service.time_limit`)
// ---------------------------------------------------------------------------------------------

const ACME_EN: Plant[] = [
  {
    rule: 'ref/unknown-role',
    // The role id shortened in a step.
    file: 'procedures/SOP-001.qms.yaml',
    find: '    role: document-controller\n    duration: 3 working days\n',
    replace: '    role: doc-controller\n    duration: 3 working days\n',
    at: { marker: 'role: doc-controller', token: 'doc-controller' },
  },
  {
    rule: 'ref/unknown-step',
    // The "changes needed" branch names a step that does not exist.
    file: 'procedures/SOP-001.qms.yaml',
    find: '        next: draft\n',
    replace: '        next: redraft\n',
    at: { marker: 'next: redraft', token: 'redraft' },
  },
  {
    rule: 'ref/unknown-form',
    // A step lists a form nobody added under `forms:`.
    file: 'procedures/SOP-004.qms.yaml',
    find: 'forms: [F-013]',
    replace: 'forms: [F-013, F-016]',
    at: { marker: 'F-016' },
  },
  {
    rule: 'ref/unknown-record',
    // A record of another procedure listed as produced here.
    file: 'procedures/SOP-001.qms.yaml',
    find: 'records: [R-002]',
    replace: 'records: [R-002, R-005]',
    at: { marker: 'R-002, R-005', token: 'R-005' },
  },
  {
    rule: 'ref/unknown-process',
    // The external party's id written out in full in one place.
    file: 'processes/P-02.qms.yaml',
    find: 'from: calibration-lab\n',
    replace: 'from: calibration-laboratory\n',
    at: { marker: 'calibration-laboratory' },
  },
  {
    rule: 'ref/unknown-procedure',
    // A procedure that is planned but not written yet is already listed.
    file: 'processes/P-03.qms.yaml',
    find: 'procedures: [SOP-004]',
    replace: 'procedures: [SOP-004, SOP-005]',
    at: { marker: 'SOP-005' },
  },
  {
    rule: 'ref/duplicate-id',
    // A new role copied from the one above, its id not changed.
    file: 'qms.yaml',
    find: '  - id: inspector\n    name: Quality Inspector\n    unit: quality\n',
    replace: '  - id: inspector\n    name: Quality Inspector\n    unit: quality\n  - id: inspector\n    name: Final Inspector\n    unit: quality\n',
    at: { marker: '- id: inspector\n    name: Final Inspector', token: 'inspector' },
  },
  {
    rule: 'ref/unused-form',
    // The step no longer lists the form it fills in.
    file: 'procedures/SOP-001.qms.yaml',
    find: '    forms: [F-001]\n',
    replace: '',
    at: { marker: '- code: F-001', token: 'F-001' },
  },
  {
    rule: 'ref/unused-record',
    // The step no longer lists the record it produces.
    file: 'procedures/SOP-004.qms.yaml',
    find: '    records: [R-017]\n',
    replace: '',
    at: { marker: '- code: R-017', token: 'R-017' },
  },
  {
    rule: 'flow/no-end',
    // "Then the next requisition": the last step loops back instead of ending.
    file: 'procedures/SOP-004.qms.yaml',
    find: '    end: true\nforms:\n',
    replace: '    next: requisition\nforms:\n',
    at: { marker: 'steps:\n  - id: requisition', token: 'steps' },
  },
  {
    rule: 'flow/unreachable-step',
    // The concession branch is deleted; the concession step stays.
    file: 'procedures/SOP-003.qms.yaml',
    find: '      - when: Use as is (customer concession)\n        next: request-concession\n',
    replace: '',
    at: { marker: '- id: request-concession', token: 'id' },
  },
  {
    rule: 'flow/dead-end',
    // The end of a branch is replaced by an empty `next`.
    file: 'procedures/SOP-001.qms.yaml',
    find: '    records: [R-004]\n    end: true\n',
    replace: '    records: [R-004]\n    next: []\n',
    at: { marker: 'next: []', token: '[]' },
  },
  {
    rule: 'flow/decision-branches',
    // The question of a decision is deleted; its branches stay.
    file: 'procedures/SOP-002.qms.yaml',
    find: '    decision: Can all requirements be met?\n',
    replace: '',
    at: { marker: 'branches:\n      - when: "Yes"\n        next: send-quotation', token: 'branches' },
  },
  {
    rule: 'flow/loop-without-decision',
    // The step's own id pasted as its `next`: it repeats forever.
    file: 'procedures/SOP-002.qms.yaml',
    find: '    next: review-order\n',
    replace: '    next: resolve-differences\n',
    at: { marker: '    next: resolve-differences\n  - id: acknowledge', token: 'resolve-differences' },
  },
  {
    rule: 'flow/missing-role',
    // The responsible role of a step is deleted.
    file: 'procedures/SOP-004.qms.yaml',
    find: '    role: inspector\n    duration: 30 minutes\n',
    replace: '    duration: 30 minutes\n',
    at: { marker: '- id: release-to-stock', token: 'id' },
  },
  {
    rule: 'flow/missing-duration',
    // A quotation time limit is added; the first step has lost its duration.
    file: 'procedures/SOP-002.qms.yaml',
    find: '    role: sales-coordinator\n    duration: 30 minutes\n    forms: [F-003]\n',
    replace: '    role: sales-coordinator\n    forms: [F-003]\n',
    also: [{ file: 'procedures/SOP-002.qms.yaml', find: '\nsteps:\n', replace: '\nservice:\n  time_limit: 10 working days\nsteps:\n' }],
    at: { marker: '- id: receive-enquiry', token: 'id' },
  },
  {
    rule: 'time/exceeds-limit',
    // A five-day response limit for a procedure whose longest path takes more than eight days.
    file: 'procedures/SOP-003.qms.yaml',
    find: '\nsteps:\n',
    replace: '\nservice:\n  time_limit: 5 working days\nsteps:\n',
    at: { marker: 'time_limit: 5 working days', token: '5' },
  },
  {
    rule: 'doc/code-pattern',
    // A form renumbered without its leading zero, in its definition and where it is used.
    file: 'procedures/SOP-004.qms.yaml',
    find: '  - code: F-015\n',
    replace: '  - code: F-15\n',
    also: [{ file: 'procedures/SOP-004.qms.yaml', find: 'forms: [F-015]', replace: 'forms: [F-15]' }],
    at: { marker: '- code: F-15\n', token: 'F-15' },
  },
  {
    rule: 'doc/approval-order',
    // The approval date typed after the effective date.
    file: 'documents/QO-001.qms.yaml',
    find: 'approved: { role: managing-director, date: 2026-01-27 }',
    replace: 'approved: { role: managing-director, date: 2026-02-05 }',
    at: { marker: 'effective: 2026-02-02', token: '2026' },
  },
  {
    rule: 'doc/approved-incomplete',
    // The reviewer's signature is missing from an approved document.
    file: 'documents/QM-001.qms.yaml',
    find: '  reviewed: { role: production-manager, date: 2026-01-22 }\n',
    replace: '',
    at: { marker: 'approval:\n', token: 'approval' },
  },
  {
    rule: 'doc/history-mismatch',
    // The revision is bumped without a history entry for it.
    file: 'documents/QO-001.qms.yaml',
    find: 'revision: 1\neffective:',
    replace: 'revision: 2\neffective:',
    at: { marker: '  - revision: 1\n', token: '1' },
  },
  {
    rule: 'doc/self-approval',
    // The managing director is written as the preparer as well as the approver.
    file: 'procedures/SOP-003.qms.yaml',
    find: 'prepared: { role: quality-manager, date: 2026-05-11 }',
    replace: 'prepared: { role: managing-director, date: 2026-05-11 }',
    at: { marker: 'approved: { role: managing-director', token: 'managing-director' },
  },
  {
    rule: 'doc/review-overdue',
    // A six-month review interval: effective 2026-04-13, due 2026-10-13, overdue by 2026-11-21.
    file: 'procedures/SOP-002.qms.yaml',
    find: 'effective: 2026-04-13\n',
    replace: 'effective: 2026-04-13\nreview_interval: 6 months\n',
    at: { marker: 'effective: 2026-04-13', token: '2026' },
  },
  {
    rule: 'doc/obsolete-referenced',
    // A procedure withdrawn while its process still lists it.
    file: 'procedures/SOP-001.qms.yaml',
    find: 'status: approved',
    replace: 'status: obsolete',
    at: { file: 'processes/P-01.qms.yaml', marker: 'procedures: [SOP-001]', token: 'SOP-001' },
  },
  {
    rule: 'legal/superseded-reference',
    // The withdrawn 2008 edition cited by a procedure effective in 2026.
    file: 'procedures/SOP-004.qms.yaml',
    find: '  - ISO 9001:2015 Quality management systems - Requirements, clause 8.4',
    replace: '  - ISO 9001:2008 Quality management systems - Requirements, clause 8.4',
    at: { marker: '- ISO 9001:2008', token: 'ISO' },
  },
  {
    rule: 'record/missing-retention',
    // The retention period of a record is deleted.
    file: 'procedures/SOP-002.qms.yaml',
    find: '    retention: 3 years\n',
    replace: '',
    at: { marker: '- code: R-005', token: 'code' },
  },
  {
    rule: 'process/missing-kpi',
    // The process's KPI list is removed.
    file: 'processes/P-03.qms.yaml',
    find: /^kpis:\n(?: {2}.*\n)+/m,
    replace: '',
    at: { marker: 'id: P-03', token: 'P-03' },
  },
  {
    rule: 'process/risk-unscored',
    // A risk scored 4 × 4 = 16 loses its treatment.
    file: 'processes/P-01.qms.yaml',
    find: '    treatment: Sales plan targets two new customers in medical and instrumentation sectors in 2026\n',
    replace: '',
    at: { marker: 'id: RSK-02', token: 'RSK-02' },
  },
  {
    rule: 'process/orphan',
    // Corrective action put under the improvement process, which does not list the procedure.
    file: 'procedures/SOP-003.qms.yaml',
    find: 'process: P-02',
    replace: 'process: P-01',
    at: { marker: 'process: P-01', token: 'P-01' },
  },
  {
    rule: 'system/clause-coverage',
    // 8.3 (declared not applicable) is dropped from the only file that listed it.
    file: 'documents/QM-001.qms.yaml',
    find: '"7.2", "8.3", "8.5.3"',
    replace: '"7.2", "8.5.3"',
    at: { file: 'qms.yaml', marker: 'standard: ISO 9001:2015', token: 'ISO' },
  },
  {
    rule: 'lint/unused-disable',
    // A suppression left behind above a line with nothing to silence.
    file: 'processes/P-02.qms.yaml',
    find: '\nrisks:\n',
    replace: '\n# qms-disable-next-line process/risk-unscored\nrisks:\n',
    at: { marker: 'qms-disable-next-line process/risk-unscored', token: 'process/risk-unscored' },
  },
  {
    rule: 'yaml/syntax',
    // The new revision written under the old one instead of over it: a duplicate key. (In a file
    // nothing else depends on: a file that does not parse drops out of the workspace.)
    file: 'documents/QP-001.qms.yaml',
    find: 'revision: 2\neffective:',
    replace: 'revision: 2\nrevision: 3\neffective:',
    at: { marker: 'revision: 3', token: 'revision' },
  },
  {
    rule: 'doc/changed-without-revision',
    // A step's description reworded in an approved procedure, without a new revision.
    file: 'procedures/SOP-002.qms.yaml',
    find: 'against capability, tooling and machine capacity.',
    replace: 'against capability, tooling, machine capacity and subcontract options.',
    at: { marker: '\nrevision: 1\n', token: '1' },
  },
  {
    rule: 'doc/lock-missing',
    // The record of an approved document lost from qms.lock (a merge resolved by dropping a line).
    file: 'qms.lock',
    find: /^QM-001 r\S+ .*\n/m,
    replace: '',
    at: { file: 'documents/QM-001.qms.yaml', marker: 'status: approved', token: 'approved' },
  },
  {
    rule: 'schema/enum',
    // An output format QMS Kit does not produce.
    file: 'qms.yaml',
    find: 'formats: [html, md]',
    replace: 'formats: [html, pdf]',
    at: { marker: 'formats: [html, pdf]', token: 'pdf' },
  },
  {
    rule: 'schema/additionalProperties',
    // A misspelt property name.
    file: 'procedures/SOP-003.qms.yaml',
    find: '    description: Update routings',
    replace: '    descripton: Update routings',
    at: { marker: 'descripton' },
  },
];

const EXAMPLE_PLANTS: Record<string, Plant[]> = { 'ban-chqs': BAN_CHQS, 'acme-en': ACME_EN };

/** Every rule id a plant must cover: the semantic rules and the unused-suppression check. */
const RULE_IDS = [...ALL_RULES.map((rule) => rule.id), unusedDisableRule.id];

/**
 * The rules about qms.lock. Their plants go in last, over a lock recorded again after every other
 * plant: otherwise each other plant in an approved document would also be a change without a new
 * revision (true, but a second finding per plant). A quality officer who released every other
 * change, then made these two mistakes, gets exactly these findings.
 */
const CHANGE_CONTROL_RULES = new Set(['doc/changed-without-revision', 'doc/lock-missing']);

// ---------------------------------------------------------------------------------------------

function occurrences(text: string, find: string | RegExp): Array<{ index: number; length: number }> {
  if (typeof find === 'string') {
    const found: Array<{ index: number; length: number }> = [];
    for (let at = text.indexOf(find); at !== -1; at = text.indexOf(find, at + 1)) found.push({ index: at, length: find.length });
    return found;
  }
  const global = new RegExp(find.source, find.flags.includes('g') ? find.flags : `${find.flags}g`);
  return [...text.matchAll(global)].map((m) => ({ index: m.index, length: m[0].length }));
}

function describeFind(find: string | RegExp): string {
  return typeof find === 'string' ? JSON.stringify(find) : String(find);
}

/** The example's files with every plant applied; each `find` occurs once in the pristine file and once when it is applied. */
function plant(pristine: Record<string, string>, plants: readonly Plant[], start: Record<string, string> = pristine): Record<string, string> {
  const files = { ...start };
  for (const p of plants) {
    for (const edit of [p as Edit, ...(p.also ?? [])]) {
      const original = pristine[edit.file];
      expect(original, `${p.rule}: no file ${edit.file} in the example`).toBeDefined();
      expect(occurrences(original!, edit.find).length, `${p.rule}: ${describeFind(edit.find)} must occur once in the example's ${edit.file}`).toBe(1);
      const current = files[edit.file]!;
      const found = occurrences(current, edit.find);
      expect(found.length, `${p.rule}: ${describeFind(edit.find)} must still occur once in ${edit.file} (plants must not overlap)`).toBe(1);
      const { index, length } = found[0]!;
      files[edit.file] = current.slice(0, index) + edit.replace + current.slice(index + length);
    }
  }
  return files;
}

/** 1-based line and column (in UTF-16 code units, as the linter counts them) of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** `file:line:column rule` of the finding a plant must produce, located in the planted text. */
function expectedFinding(planted: Record<string, string>, p: Plant): string {
  const file = p.at.file ?? p.file;
  const text = planted[file];
  expect(text, `${p.rule}: no file ${file}`).toBeDefined();
  const markers = occurrences(text!, p.at.marker);
  expect(markers.length, `${p.rule}: marker ${JSON.stringify(p.at.marker)} must occur once in the planted ${file}`).toBe(1);
  const inMarker = p.at.token === undefined ? 0 : p.at.marker.indexOf(p.at.token);
  expect(inMarker, `${p.rule}: token ${JSON.stringify(p.at.token)} is not in its marker`).toBeGreaterThanOrEqual(0);
  const { line, column } = lineColumn(text!, markers[0]!.index + inMarker);
  return `${file}:${line}:${column} ${p.rule}`;
}

/** Every plant, the change-control ones over qms.lock and released copies recorded again (`qmskit lock --record-all`). */
async function plantAll(root: string, pristine: Record<string, string>, plants: readonly Plant[]): Promise<Record<string, string>> {
  const planted = plant(pristine, plants.filter((p) => !CHANGE_CONTROL_RULES.has(p.rule)));
  const unlocked = Object.fromEntries(Object.entries(planted).filter(([rel]) => rel !== 'qms.lock' && !rel.startsWith('.qms/')));
  const fs = memoryFileSystem(Object.fromEntries(Object.entries(unlocked).map(([rel, text]) => [path.posix.join(root, rel), text])));
  const recorded = planRecord(await loadWorkspace(fs, root), 'all', { today: TODAY });
  for (const write of recorded.writes) unlocked[path.posix.relative(root, write.path)] = write.text;
  return plant(pristine, plants.filter((p) => CHANGE_CONTROL_RULES.has(p.rule)), unlocked);
}

async function lint(root: string, files: Record<string, string>): Promise<Finding[]> {
  const fs = memoryFileSystem(Object.fromEntries(Object.entries(files).map(([rel, text]) => [path.posix.join(root, rel), text])));
  const workspace = await loadWorkspace(fs, root);
  return lintWorkspace(workspace, { today: TODAY, throwOnRuleError: true }).findings;
}

for (const [example, plants] of Object.entries(EXAMPLE_PLANTS)) {
  describe(`planted defects in examples/${example}`, () => {
    const root = `/examples/${example}`;
    const pristine = filesUnder(path.join(EXAMPLES, example));

    it(`lints with no finding at all on ${TODAY} before planting`, async () => {
      expect(Object.keys(pristine).length).toBeGreaterThan(0);
      expect(describeFindings(await lint(root, pristine), `${root}/`)).toEqual([]);
    });

    it('plants a defect for every rule', () => {
      const planted = new Set(plants.map((p) => p.rule));
      expect(RULE_IDS.filter((id) => !planted.has(id))).toEqual([]);
      // One plant per rule: a second one would hide a rule that reports once where it should twice.
      expect(plants.map((p) => p.rule).filter((id, i, all) => all.indexOf(id) !== i)).toEqual([]);
    });

    it('yields exactly the planted findings, each on its node', async () => {
      const planted = await plantAll(root, pristine, plants);
      const expected = plants.map((p) => expectedFinding(planted, p)).sort();
      expect(describeFindings(await lint(root, planted), `${root}/`)).toEqual(expected);
    });
  });
}
