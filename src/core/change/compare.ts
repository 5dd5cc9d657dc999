import type { LocalizedText } from '../findings';
import type { FileSystem } from '../io/file-system';
import type { DocumentDiff } from './diff';
import { describeVersion, readSnapshot, snapshotPath, type LockEntry, type WorkspaceLock } from './lock';
import { diffSinceRelease, releaseStatusOf } from './state';

/**
 * The working copy of a controlled document against its last release: which release (the record
 * of its current version, else the newest), its released copy read and checked against the
 * fingerprint, and the structural diff. One behaviour for `qmskit diff` and the preview's
 * "Compare Flowchart with Last Release"; each refusal says why and what to do, in both languages.
 */

export type ReleaseComparison =
  | {
      ok: true;
      entry: LockEntry;
      /** The released copy, parsed (a procedure or document model). */
      released: Record<string, unknown>;
      /** Absolute path of the released copy. */
      releasedFile: string;
      diff: DocumentDiff;
    }
  | {
      ok: false;
      /**
       * `no-lock` and `not-released`: nothing to compare with yet (not an error);
       * `lock-invalid` and `copy`: the comparison cannot be trusted until a file is repaired.
       */
      problem: 'no-lock' | 'lock-invalid' | 'not-released' | 'copy';
      message: LocalizedText;
    };

export async function compareWithRelease(fs: FileSystem, root: string, lock: WorkspaceLock | undefined, working: unknown): Promise<ReleaseComparison> {
  const status = releaseStatusOf(lock, working);
  const code = status.code ?? '?';
  if (!lock) {
    return {
      ok: false,
      problem: 'no-lock',
      message: {
        en: `This workspace has no qms.lock: there is no release to compare ${code} with. Releasing a document (\`qmskit release\`) or recording the approved ones (\`qmskit lock --record-all\`) starts change control.`,
        vi: `Không gian làm việc chưa có qms.lock: chưa có lần ban hành nào để so sánh với ${code}. Ban hành tài liệu (\`qmskit release\`) hoặc ghi nhận các tài liệu đã phê duyệt (\`qmskit lock --record-all\`) để bắt đầu kiểm soát thay đổi.`,
      },
    };
  }
  if (!lock.valid) {
    return {
      ok: false,
      problem: 'lock-invalid',
      message: { en: 'qms.lock has problems (see `qmskit lint` or the Problems panel): repair it first.', vi: 'qms.lock đang có lỗi (xem `qmskit lint` hoặc bảng Problems): hãy sửa trước.' },
    };
  }
  const entry = status.entry ?? status.last;
  if (!entry) {
    return {
      ok: false,
      problem: 'not-released',
      message: {
        en: `${code} has no release recorded in qms.lock: nothing to compare with. Its first release (\`qmskit release ${code}\`) records one.`,
        vi: `${code} chưa có lần ban hành nào được ghi trong qms.lock: không có gì để so sánh. Lần ban hành đầu tiên (\`qmskit release ${code}\`) sẽ ghi nhận.`,
      },
    };
  }
  const text = await readSnapshot(fs, root, lock, entry);
  const { copy, diff } = diffSinceRelease(lock, entry, working, text);
  if (!diff || copy.state !== 'ok') {
    const why = {
      missing: { en: 'is missing', vi: 'không tìm thấy' },
      unreadable: { en: 'cannot be read', vi: 'không đọc được' },
      mismatch: { en: 'does not match its fingerprint in qms.lock', vi: 'không khớp với dấu vân tay trong qms.lock' },
      ok: { en: '', vi: '' },
    }[copy.state];
    const version = describeVersion(entry.version);
    return {
      ok: false,
      problem: 'copy',
      message: {
        en: `The released copy ${copy.relativePath} ${why.en}: cannot compare. Restore it from version control or from the archive of ${version.en}.`,
        vi: `Bản lưu khi ban hành ${copy.relativePath} ${why.vi}: không thể so sánh. Hãy khôi phục tệp từ hệ thống quản lý phiên bản hoặc từ bản lưu trữ ${version.vi}.`,
      },
    };
  }
  return { ok: true, entry, released: copy.value as Record<string, unknown>, releasedFile: snapshotPath(root, entry), diff };
}
