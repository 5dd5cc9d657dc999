import type { Fix, LocalizedText } from '../../../findings';
import { compareVersions, describeVersion, lockInsertion, versionLabel, type DocumentVersion, type LockEntry } from '../../../change/lock';
import { RECORD_COMMAND } from '../../../change/release';
import { releaseStatusOf } from '../../../change/state';
import { isoDate } from './shared';
import type { Workspace } from '../../../model/workspace';
import type { SourceFile } from '../../../model/source-file';
import { defineFileRule } from '../../rule';

/** The quick fix: the record added to qms.lock, standing for the record command (which also keeps the released copy). */
function recordFix(workspace: Workspace, file: SourceFile, code: string, version: DocumentVersion, fingerprint: string, date: string): Fix | undefined {
  const lock = workspace.lock;
  if (!lock) return undefined;
  const label = versionLabel(version);
  const title: LocalizedText = { en: `Record ${code} ${label} in qms.lock`, vi: `Ghi ${code} ${label} vào qms.lock` };
  const edit = lockInsertion(lock.text, { code, version, label, date, event: 'approved', fingerprint }, lock.path);
  return { title, safe: false, edits: [{ file: lock.path, edits: [edit] }], command: { id: RECORD_COMMAND, arguments: [{ root: workspace.root, code, file: file.path }] } };
}

export const lockMissing = defineFileRule({
  id: 'doc/lock-missing',
  severity: 'warning',
  clauses: ['7.5.2', '7.5.3.2'],
  fixable: true,
  scope: 'file',
  kinds: ['procedure', 'document'],
  description: {
    en: 'An approved document that `qms.lock` has no release record for at its current revision, in a workspace that uses `qms.lock`.',
    vi: 'Tài liệu đã phê duyệt nhưng `qms.lock` không có bản ghi ban hành cho lần ban hành hiện tại (trong không gian làm việc có dùng `qms.lock`).',
  },
  messages: {
    missing: {
      en: '{code} is approved at {version}, but qms.lock has no record of its release, so a later change to it would go unnoticed. Record it as released (`qmskit lock --record {code}`), or release it with `qmskit release {code}`.',
      vi: '{code} đã phê duyệt ({version}) nhưng qms.lock chưa ghi lần ban hành này, nên thay đổi sau này sẽ không được phát hiện. Hãy ghi nhận lần ban hành (`qmskit lock --record {code}`), hoặc ban hành bằng `qmskit release {code}`.',
    },
    missingVersion: {
      en: '{code} is approved at {version}, but qms.lock records its releases only up to {last} ({date}): {version} was approved without being released through QMS Kit. Once its approval is confirmed, record it (`qmskit lock --record {code}`).',
      vi: '{code} đã phê duyệt ({version}) nhưng qms.lock chỉ ghi đến {last} (ngày {date}): {version} được phê duyệt mà không ban hành qua QMS Kit. Khi đã xác nhận việc phê duyệt, hãy ghi nhận (`qmskit lock --record {code}`).',
    },
    behind: {
      en: '{code} says {version}, but qms.lock already records {last} ({date}): the revision number went back. Correct `revision` (and `amendment`).',
      vi: '{code} ghi {version} nhưng qms.lock đã ghi {last} (ngày {date}): số lần ban hành bị lùi lại. Hãy sửa `revision` (và `amendment`).',
    },
  },
  check({ workspace, file, model, settings, report }) {
    const lock = workspace.lock;
    if (!lock?.valid || (model.kind !== 'procedure' && model.kind !== 'document') || model.status !== 'approved') return;
    const status = releaseStatusOf(lock, model);
    if (status.state !== 'unrecorded' || !status.code || !status.version || !status.fingerprint) return;
    // A code several files define cannot be matched to its record: ref/duplicate-id says so.
    if ((workspace.index.controlled.get(status.code)?.length ?? 0) > 1) return;
    const { code, version, fingerprint } = status;
    const last: LockEntry | undefined = status.last;
    const date = isoDate(model.effective) ?? settings.today;
    if (!last) {
      report({ messageId: 'missing', at: '/status', data: { code, version: describeVersion(version) }, fixes: [recordFix(workspace, file, code, version, fingerprint, date)] });
    } else if (compareVersions(version, last.version) > 0) {
      report({
        messageId: 'missingVersion',
        at: '/revision',
        data: { code, version: describeVersion(version), last: describeVersion(last.version), date: last.date },
        fixes: [last.date <= date ? recordFix(workspace, file, code, version, fingerprint, date) : undefined],
      });
    } else {
      report({ messageId: 'behind', at: '/revision', data: { code, version: describeVersion(version), last: describeVersion(last.version), date: last.date } });
    }
  },
});
