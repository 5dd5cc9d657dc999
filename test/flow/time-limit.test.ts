import { describe, expect, it } from 'vitest';
import { fixtureFiles, lintFiles } from '../helpers/fixture-workspace';

/** A procedure over the base fixture workspace, with the given service limits and steps. */
function procedure(service: string, steps: string): string {
  return `kind: procedure
code: QT-DV-01
title: Quy trình đăng ký nghĩa vụ quân sự lần đầu
process: P-01
owner: chi-huy-truong
status: draft
revision: 1
service:
${service}
steps:
${steps}`;
}

const STEPS = `  - id: tiep-nhan
    name: Tiếp nhận hồ sơ
    role: mot-cua
    duration: 3 hours
  - id: kiem-tra
    name: Kiểm tra hồ sơ
    role: tro-ly
    duration: 3 hours
    decision: Hồ sơ hợp lệ?
    branches:
      - when: Có
        next: trinh-ky
      - when: Không
        next: bo-sung
  - id: bo-sung
    name: Hướng dẫn bổ sung hồ sơ
    role: mot-cua
    duration: 3 working days
    pauses_clock: true
    next: kiem-tra
  - id: trinh-ky
    name: Trình ký giấy chứng nhận
    role: chi-huy-truong
    duration: 3 hours
    next: [tra-ket-qua, luu-ho-so]
  - id: tra-ket-qua
    name: Trả kết quả
    role: mot-cua
    duration: 0 working days
    end: true
  - id: luu-ho-so
    name: Lưu hồ sơ
    role: van-thu
    duration: 30 minutes
    end: true
`;

async function timeFindings(service: string, steps = STEPS) {
  const { findings } = await lintFiles(fixtureFiles(undefined, { 'procedures/QT-DV-01.qms.yaml': procedure(service, steps) }));
  // Only this module's rules: the other rules are tested by their own fixtures.
  return findings.filter((f) => /^(time|flow)\//.test(f.ruleId)).map((f) => ({ rule: f.ruleId, line: f.range.start.line, column: f.range.start.column, en: f.message.en, vi: f.message.vi }));
}

describe('time/exceeds-limit on a procedure', () => {
  it('reports 9.5 hours (1.188 working days) over a 1-working-day limit, with the critical path by name', async () => {
    const findings = await timeFindings('  time_limit: 1 working day\n  time_limit_variants:\n    - when: Vùng đặc biệt khó khăn\n      limit: 2 ngày làm việc');
    expect(findings).toEqual([
      {
        rule: 'time/exceeds-limit',
        line: 9,
        column: 15,
        en:
          'The longest path takes 1.188 working days > 1 working day, the time limit. Critical path: Tiếp nhận hồ sơ (3 hours) → Kiểm tra hồ sơ (3 hours) → ' +
          'Trình ký giấy chứng nhận (3 hours) → Lưu hồ sơ (30 minutes). Shorten these steps, run some of them in parallel, or mark time spent waiting for the applicant with `pauses_clock: true`.',
        vi:
          'Đường găng (đường dài nhất) mất 1.188 ngày làm việc > thời hạn giải quyết 1 ngày làm việc. Các bước trên đường găng: Tiếp nhận hồ sơ (3 giờ) → Kiểm tra hồ sơ (3 giờ) → ' +
          'Trình ký giấy chứng nhận (3 giờ) → Lưu hồ sơ (30 phút). Hãy rút ngắn thời gian các bước này, cho một số bước thực hiện song song, hoặc đánh dấu thời gian chờ công dân bằng `pauses_clock: true`.',
      },
    ]);
  });

  it('reports a variant whose limit is shorter even when the main limit is met', async () => {
    const findings = await timeFindings('  time_limit: 2 working days\n  time_limit_variants:\n    - when: Nộp trực tuyến\n      limit: 8 hours\n    - when: Vùng đặc biệt khó khăn\n      limit: 3 ngày làm việc');
    expect(findings.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['12:14 time/exceeds-limit']);
    expect(findings[0]!.en).toMatch(/^For “Nộp trực tuyến” the longest path takes 1\.188 working days > 1 working day, the time limit of this case \(`8 hours`\)\. Critical path: Tiếp nhận hồ sơ/);
    expect(findings[0]!.vi).toMatch(/^Trường hợp “Nộp trực tuyến”: đường găng \(đường dài nhất\) mất 1\.188 ngày làm việc > thời hạn giải quyết 1 ngày làm việc của trường hợp này \(`8 hours`\)\./);
  });

  it('reports only the main limit when the variant allows more (vùng khó khăn)', async () => {
    const findings = await timeFindings('  time_limit: 1 ngày\n  time_limit_variants:\n    - when: Vùng đặc biệt khó khăn\n      limit: 1.5 ngày');
    expect(findings.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['9:15 time/exceeds-limit']);
  });

  it('is silent when the critical path fits exactly', async () => {
    const steps = STEPS.replace('duration: 30 minutes', 'duration: 0 minutes').replace(/duration: 3 hours/g, 'duration: 2 hours');
    // 2 + 2 + 2 hours = 0.75 working days; and 0.75 working days fits 6 hours exactly.
    expect(await timeFindings('  time_limit: 0.75 working days', steps)).toEqual([]);
    expect(await timeFindings('  time_limit: 6 hours', steps)).toEqual([]);
    expect((await timeFindings('  time_limit: 5.5 hours', steps)).map((f) => f.rule)).toEqual(['time/exceeds-limit']);
  });
});
