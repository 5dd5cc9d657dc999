import { describe, expect, it } from 'vitest';
import { clauseByNumber } from '../../src/core/data/clauses';
import { hover } from '../../src/core/language/hover';
import { abs, editing, fileOf, offsetOf, PROCEDURE, PROCESS, SYSTEM, workspaceOf } from './helpers';

const PROC = 'procedures/QT-01.qms.yaml';

async function hoverAt(relative: string, text: string, needle: string, nth = 0) {
  const workspace = await workspaceOf();
  const result = hover(workspace, fileOf(workspace, relative), offsetOf(text, needle, nth));
  return result && { en: result.contents.en, vi: result.contents.vi, start: result.range.start, end: result.range.end };
}

describe('hover', () => {
  it("on a property key: the schema's markdownDescription, over the key", async () => {
    const result = await hoverAt(PROC, PROCEDURE, '    dura|tion: 2 hours');
    expect(result!.en).toMatch(/^Time allotted to the step \(VN: \*Thời gian\*\)/);
    expect(result!.en).toContain('| `2 hours`, `1 hour`, `2 giờ` |');
    expect(result!.start).toEqual({ line: 13, column: 5, offset: offsetOf(PROCEDURE, '    |duration: 2 hours') });
    expect(result!.end).toMatchObject({ line: 13, column: 13 });
  });

  it('on a property key without markdownDescription: its description', async () => {
    const result = await hoverAt(PROC, PROCEDURE, 'ow|ner: chi-huy-truong');
    expect(result!.en).toBe('Role id (from `roles` in `qms.yaml`) responsible for keeping the procedure up to date (ISO 9001:2015 5.3).');
  });

  it('on a role id: its name, holder and unit', async () => {
    const result = await hoverAt(PROC, PROCEDURE, 'role: mot|-cua');
    expect(result!.en).toBe('**Bộ phận Một cửa** — role `mot-cua`\n\nUnit: Ban Tham mưu (`tham-muu`)');
    expect(result!.vi).toBe('**Bộ phận Một cửa** — vai trò `mot-cua`\n\nĐơn vị: Ban Tham mưu (`tham-muu`)');
    expect(result!.start).toMatchObject({ line: 12, column: 11 });
    expect(result!.end).toMatchObject({ line: 12, column: 18 });
    const owner = await hoverAt(PROC, PROCEDURE, 'owner: chi|-huy');
    expect(owner!.en).toBe('**Chỉ huy trưởng** — role `chi-huy-truong`\n\nHolder: Thượng tá Chu Minh Đạo');
  });

  it('on a role id where it is defined, and on a unit and an external', async () => {
    expect((await hoverAt('qms.yaml', SYSTEM, '  - id: mot|-cua'))!.en).toBe('**Bộ phận Một cửa** — role `mot-cua`\n\nUnit: Ban Tham mưu (`tham-muu`)');
    expect((await hoverAt('qms.yaml', SYSTEM, 'unit: tham|-muu'))!.en).toBe('**Ban Tham mưu** — unit `tham-muu`\n\nRoles: Bộ phận Một cửa (`mot-cua`)');
    expect((await hoverAt('processes/P-01.qms.yaml', PROCESS, 'from: cong|-dan'))!.en).toBe('**Công dân** — external party `cong-dan`');
  });

  it('on a clause number: "number — title" and our paraphrase, in both languages', async () => {
    const result = await hoverAt('processes/P-01.qms.yaml', PROCESS, '"8.5|.1"');
    expect(result!.en).toBe(
      `**8.5.1 — Control of production and service provision**\n\n${clauseByNumber('8.5.1')!.summary.en}\n\n*ISO 9001:2015*`,
    );
    expect(result!.vi).toMatch(/^\*\*8\.5\.1 — Kiểm soát sản xuất và cung cấp dịch vụ\*\*/);
    expect(result!.start).toMatchObject({ line: 5, column: 18 });
    expect(result!.end).toMatchObject({ line: 5, column: 25 });
  });

  it('on a step id reference: the step name, role and duration', async () => {
    const result = await hoverAt(PROC, PROCEDURE, 'next: tiep|-nhan');
    expect(result!.en).toBe(
      '**Tiếp nhận hồ sơ** — step `tiep-nhan`\n\nRole: Bộ phận Một cửa (`mot-cua`)\n\nDuration: 2 hours = 0.25 working days at 8 h/day',
    );
    expect(result!.vi).toBe(
      '**Tiếp nhận hồ sơ** — bước `tiep-nhan`\n\nVai trò: Bộ phận Một cửa (`mot-cua`)\n\nThời gian: 2 hours = 0.25 ngày làm việc, với 8 giờ/ngày',
    );
  });

  it('on a duration: its working days', async () => {
    expect((await hoverAt(PROC, PROCEDURE, 'duration: 2 h|ours'))!.en).toBe('2 hours = 0.25 working days at 8 h/day');
    const { workspace, file } = await editing(PROC, PROCEDURE.replace('duration: 2 hours', 'duration: 1 ngày làm việc'));
    expect(hover(workspace, file, offsetOf(file.parsed.text, 'duration: 1 |ngày'))!.contents).toEqual({
      en: '1 ngày làm việc = 1 working day (weekends and holidays skipped)',
      vi: '1 ngày làm việc = 1 ngày làm việc (không tính ngày nghỉ, ngày lễ)',
    });
  });

  it('on a process id and a procedure code: name or title, and file', async () => {
    expect((await hoverAt(PROC, PROCEDURE, 'process: P-|01'))!.en).toBe(
      '**Giải quyết thủ tục hành chính** — process `P-01`\n\nOwner: Chỉ huy trưởng (`chi-huy-truong`)\n\nFile: `processes/P-01.qms.yaml`',
    );
    expect((await hoverAt('processes/P-01.qms.yaml', PROCESS, 'procedures: [QT|-01]'))!.en).toBe(
      '**Quy trình đăng ký** — procedure `QT-01`\n\nStatus: draft, revision 1\n\nFile: `procedures/QT-01.qms.yaml`',
    );
    expect((await hoverAt('processes/P-01.qms.yaml', PROCESS, 'to: P-|02'))!.en).toMatch(/^\*\*Cải tiến\*\* — process `P-02`/);
  });

  it('on a form and a record code', async () => {
    expect((await hoverAt(PROC, PROCEDURE, 'forms: [BM|-01]'))!.en).toBe('**Phiếu đăng ký** — form `BM-01`');
    expect((await hoverAt(PROC, PROCEDURE, 'records: [HS|-01]'))!.en).toBe(
      '**Sổ theo dõi** — record `HS-01`\n\nKeeper: Bộ phận Một cửa (`mot-cua`)\n\nRetention: 5 years',
    );
  });

  it('on an unknown role: says nothing defines it', async () => {
    const { workspace, file } = await editing(PROC, PROCEDURE.replace('role: mot-cua', 'role: mot-cuaa'));
    expect(hover(workspace, file, offsetOf(file.parsed.text, 'role: mot|-cuaa'))!.contents.en).toBe('Unknown role `mot-cuaa`: nothing defines it.');
  });

  it('on plain text: nothing', async () => {
    expect(await hoverAt(PROC, PROCEDURE, 'name: Tiếp| nhận')).toBeUndefined();
    expect(abs('x')).toBe('/qms/x');
  });
});

describe('hover on keys the user names', () => {
  it('says nothing on a term (a key of `terms`, not a property)', async () => {
    const text = PROCEDURE.replace('clauses: ["8.2.2"]\n', 'clauses: ["8.2.2"]\nterms:\n  NVQS: Nghĩa vụ quân sự\n');
    const { workspace, file } = await editing(PROC, text);
    expect(hover(workspace, file, offsetOf(text, 'NV|QS:'))).toBeUndefined();
    expect(hover(workspace, file, offsetOf(text, 'ter|ms:'))!.contents.en).toMatch(/^Terms and abbreviations/);
  });
});
