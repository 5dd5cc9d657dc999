import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryFileSystem } from '../../src/core/io/memory-file-system';
import { loadWorkspace } from '../../src/core/model/workspace';
import { placeOf, procedureView, releaseDecisionView, unitAbbreviation, viewContext, masterListView, clauseCoverageView, type FlowchartView } from '../../src/core/render/index';
import { exampleFiles, ROOT } from './helpers';

async function example(name: string) {
  const fs = memoryFileSystem(Object.fromEntries(Object.entries(exampleFiles(name)).map(([rel, text]) => [path.join(ROOT, rel), text])));
  const workspace = await loadWorkspace(fs, ROOT);
  const file = (rel: string) => workspace.index.byPath.get(path.join(ROOT, rel))!;
  return { workspace, ctx: viewContext(workspace), file };
}
const noChart: FlowchartView = { mermaid: '', svg: null };

describe('the procedure view model', () => {
  it('formats for the document: dates, durations, roles, total time, service facts', async () => {
    const { ctx, file } = await example('ban-chqs');
    const view = procedureView(file('procedures/QT-BCHQS-06.qms.yaml'), ctx, noChart, 'QT-BCHQS-06');
    expect(view.locale).toBe('vi');
    expect(view.organization).toMatchObject({ name: 'Ban Chỉ huy Quân sự quận Nam Từ Liêm', nameUpper: 'BAN CHỈ HUY QUÂN SỰ QUẬN NAM TỪ LIÊM', short: 'BCHQS' });
    expect(view.doc).toMatchObject({ code: 'QT-BCHQS-06', revisionText: '02', amendmentText: '00', status: 'approved', statusText: 'Có hiệu lực', isApproved: true });
    expect(view.doc.effective).toEqual({ iso: '2026-03-16', text: '16/03/2026', long: 'ngày 16 tháng 3 năm 2026' });
    expect(view.doc.nextReview?.text).toBe('16/03/2027');
    expect(view.doc.reviewInterval).toBe('12 tháng');
    expect(view.doc.approval.approved.role).toMatchObject({ name: 'Chỉ huy trưởng', holder: 'Thượng tá Chu Minh Đạo', display: 'Chỉ huy trưởng (Thượng tá Chu Minh Đạo)' });
    expect(view.doc.approval.prepared.role?.holder).toBe('');
    expect(view.doc.history.map((h) => h.revisionText)).toEqual(['02', '01']);
    expect(view.doc.stamps.watermark).toBeNull();
    expect(view.totalTime).toMatchObject({ text: '0,94 ngày làm việc', hoursText: '7 giờ 30 phút' });
    expect(view.service).toMatchObject({ fee: 'Không thu phí, lệ phí', channelsText: 'Trực tiếp; Trực tuyến; Qua dịch vụ bưu chính công ích', online: { id: 'partial', text: 'Một phần' }, withinTimeLimit: true });
    expect(view.service?.timeLimit).toEqual({ raw: '1 ngày làm việc', text: '1 ngày làm việc', workingDays: 1 });
    const check = view.steps[1]!;
    expect(check).toMatchObject({ no: 2, isDecision: true, decision: 'Hồ sơ hợp lệ?', phaseHeading: '' });
    expect(check.branches.map((b) => [b.when, b.target?.no])).toEqual([
      ['Đầy đủ, hợp lệ', 5],
      ['Chưa đầy đủ, hợp lệ', 3],
      ['Không thuộc đối tượng hoặc không thuộc thẩm quyền', 4],
    ]);
    expect(view.steps[0]).toMatchObject({ phaseHeading: 'Tiếp nhận', duration: { text: '15 phút' } });
    expect(view.steps[2]).toMatchObject({ pausesClock: true, next: [{ no: 2 }] });
    expect(view.steps[8]).toMatchObject({ isFork: true, next: [{ no: 10 }, { no: 12 }] });
    expect(view.steps[6]!.duration?.text).toBe('1,5 giờ');
    expect(view.responsibilities.map((r) => r.role.name)).toEqual(['Nhân viên Bộ phận Một cửa', 'Trợ lý quân lực', 'Phó Chỉ huy trưởng - Tham mưu trưởng', 'Chỉ huy trưởng']);
    expect(view.records[3]).toMatchObject({ code: 'HS-04/QT-BCHQS-06', retention: 'Vĩnh viễn', keeper: { name: 'Trợ lý quân lực' } });
    expect(view.terms[0]).toEqual({ no: 1, term: 'NVQS', definition: 'Nghĩa vụ quân sự' });
  });

  it('in English', async () => {
    const { ctx, file } = await example('acme-en');
    const view = procedureView(file('procedures/SOP-002.qms.yaml'), ctx, noChart, 'SOP-002');
    expect(view.doc.effective?.text).toBe('2026-04-13');
    expect(view.doc.revisionText).toBe('1');
    expect(view.totalTime?.text).toBe('1.56 working days');
  });
});

describe('the release decision view model (Decree 30/2020)', () => {
  it('fills the cells of the format from the procedure and qms.yaml', async () => {
    const { ctx, file } = await example('ban-chqs');
    const view = releaseDecisionView(file('procedures/QT-BCHQS-06.qms.yaml'), ctx, 'decisions/QT-BCHQS-06', 'QT-BCHQS-06');
    expect(view).toMatchObject({
      parentUpper: 'BỘ TƯ LỆNH THỦ ĐÔ HÀ NỘI',
      issuerUpper: 'BAN CHỈ HUY QUÂN SỰ QUẬN NAM TỪ LIÊM',
      symbol: 'QĐ-BCHQS',
      placeDate: 'Nam Từ Liêm, ngày 10 tháng 3 năm 2026',
      summary: 'Về việc ban hành Quy trình đăng ký nghĩa vụ quân sự lần đầu',
      authority: 'CHỈ HUY TRƯỞNG BAN CHỈ HUY QUÂN SỰ QUẬN NAM TỪ LIÊM',
      proposal: 'Theo đề nghị của Phó Chỉ huy trưởng - Tham mưu trưởng.',
      signer: { position: 'CHỈ HUY TRƯỞNG', name: 'Thượng tá Chu Minh Đạo' },
      recipients: ['Như Điều 3;', 'Bộ Tư lệnh Thủ đô Hà Nội (để báo cáo);', 'Lưu: VT, TM.'],
      isDraft: false,
    });
    expect(view.bases[0]).toBe('Căn cứ Luật Nghĩa vụ quân sự số 78/2015/QH13;');
    expect(view.bases).toContain('Căn cứ Tiêu chuẩn quốc gia TCVN ISO 9001:2015 Hệ thống quản lý chất lượng - Các yêu cầu;');
    expect(view.articles.map((a) => a.label)).toEqual(['Điều 1.', 'Điều 2.', 'Điều 3.']);
    expect(view.articles[1]!.text).toBe('Quyết định này có hiệu lực kể từ ngày 16/03/2026, thay thế Quy trình đăng ký nghĩa vụ quân sự lần đầu lần ban hành 01.');
    expect(view.articles[2]!.text).toMatch(/chịu trách nhiệm thi hành Quyết định này\.\/\.$/);
  });

  it('place and unit abbreviations', () => {
    expect(placeOf('Ban Chỉ huy Quân sự quận Nam Từ Liêm')).toBe('Nam Từ Liêm');
    expect(placeOf('Ủy ban nhân dân tỉnh Quảng Ninh')).toBe('Quảng Ninh');
    expect(placeOf('Acme Ltd.')).toBe('');
    expect(unitAbbreviation('Ban Tham mưu')).toBe('TM');
    expect(unitAbbreviation('Ban Hậu cần - Kỹ thuật')).toBe('HC-KT');
    expect(unitAbbreviation('Văn thư')).toBe('VT');
  });
});

describe('the workspace lists', () => {
  it('master list: every controlled document by code, with next review dates', async () => {
    const { ctx } = await example('ban-chqs');
    const view = masterListView(ctx, new Map());
    expect(view.documents.map((d) => d.code)).toEqual(['CS-01', 'MT-01', 'QT-BCHQS-01', 'QT-BCHQS-02', 'QT-BCHQS-03', 'QT-BCHQS-04', 'QT-BCHQS-05', 'QT-BCHQS-06', 'QT-BCHQS-07', 'QT-BCHQS-08', 'STCL-01']);
    expect(view.documents[0]).toMatchObject({ typeText: 'Chính sách', revisionText: '02', nextReview: { text: '12/01/2027' } });
    expect(view.counts).toEqual({ total: 11, draft: 0, approved: 11, obsolete: 0 });
  });

  it('clause coverage: gaps stand out', async () => {
    const { ctx } = await example('acme-en');
    const view = clauseCoverageView(ctx);
    expect(view.clauses[0]).toMatchObject({ number: '4', depth: 1, title: 'Context of the organization' });
    for (const gap of view.gaps) expect(gap.documentedInformation).not.toBe('');
    expect(view.matrix?.columns.length).toBeGreaterThan(0);
    expect(view.clauses.every((row) => row.cells.length === view.matrix!.columns.length)).toBe(true);
  });
});
