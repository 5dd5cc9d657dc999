import * as path from 'node:path';
import { memoryFileSystem } from '../../src/core/io/memory-file-system';
import type { SourceFile } from '../../src/core/model/source-file';
import { loadWorkspace, withFileText, type Workspace } from '../../src/core/model/workspace';

export const ROOT = '/qms';

export const SYSTEM = `kind: system
organization:
  name: Ban CHQS
standard: ISO 9001:2015
calendar:
  hours_per_day: 8
units:
  - id: tham-muu
    name: Ban Tham mưu
roles:
  - id: chi-huy-truong
    name: Chỉ huy trưởng
    holder: Thượng tá Chu Minh Đạo
  - id: mot-cua
    name: Bộ phận Một cửa
    unit: tham-muu
externals:
  - id: cong-dan
    name: Công dân
`;

export const PROCESS = `kind: process
id: P-01
name: Giải quyết thủ tục hành chính
owner: chi-huy-truong
clauses: ["8.2", "8.5.1"]
inputs:
  - name: Hồ sơ
    from: cong-dan
outputs:
  - name: Báo cáo
    to: P-02
procedures: [QT-01]
`;

export const PROCESS_2 = `kind: process
id: P-02
name: Cải tiến
owner: chi-huy-truong
inputs:
  - name: Báo cáo
    from: P-01
`;

export const PROCEDURE = `kind: procedure
code: QT-01
title: Quy trình đăng ký
process: P-01
owner: chi-huy-truong
status: draft
revision: 1
clauses: ["8.2.2"]
steps:
  - id: tiep-nhan
    name: Tiếp nhận hồ sơ
    role: mot-cua
    duration: 2 hours
    forms: [BM-01]
  - id: kiem-tra
    name: Kiểm tra hồ sơ
    role: chi-huy-truong
    decision: Hợp lệ?
    branches:
      - when: Có
        next: tra-ket-qua
      - when: Không
        next: tiep-nhan
  - id: tra-ket-qua
    name: Trả kết quả
    role: mot-cua
    records: [HS-01]
    end: true
forms:
  - code: BM-01
    title: Phiếu đăng ký
records:
  - code: HS-01
    title: Sổ theo dõi
    keeper: mot-cua
    retention: 5 years
`;

export const FILES: Record<string, string> = {
  'qms.yaml': SYSTEM,
  'processes/P-01.qms.yaml': PROCESS,
  'processes/P-02.qms.yaml': PROCESS_2,
  'procedures/QT-01.qms.yaml': PROCEDURE,
};

export const abs = (relative: string): string => path.posix.join(ROOT, relative);

export async function workspaceOf(files: Record<string, string> = FILES): Promise<Workspace> {
  return loadWorkspace(memoryFileSystem(Object.fromEntries(Object.entries(files).map(([rel, text]) => [abs(rel), text]))), ROOT);
}

/** The workspace with one file's text replaced, and that file. */
export async function editing(relative: string, text: string, files: Record<string, string> = FILES): Promise<{ workspace: Workspace; file: SourceFile }> {
  const workspace = withFileText(await workspaceOf(files), abs(relative), text);
  return { workspace, file: workspace.index.byPath.get(abs(relative))! };
}

export function fileOf(workspace: Workspace, relative: string): SourceFile {
  const file = workspace.index.byPath.get(abs(relative));
  if (!file) throw new Error(`no ${relative}`);
  return file;
}

/**
 * The offset marked by `|` in `needle`, found in the file's text (`nth` occurrence, from 0):
 * `offsetOf(text, 'role: mot|-cua')` is the offset between `mot` and `-cua`.
 */
export function offsetOf(text: string, needle: string, nth = 0): number {
  const bare = needle.replace('|', '');
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(bare, index + 1);
    if (index === -1) throw new Error(`"${bare}" (occurrence ${nth}) not found`);
  }
  return index + needle.indexOf('|');
}

/** The text a span covers. */
export function slice(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}
