import { describe, expect, it } from 'vitest';
import { outline } from '../../src/core/language/outline';
import type { OutlineSymbol } from '../../src/core/language/types';
import { editing, fileOf, PROCESS, workspaceOf } from './helpers';

const PROC = 'procedures/QT-01.qms.yaml';

/** `name [kind] line:col-line:col sel line:col-line:col` per symbol, children indented. */
function show(symbols: OutlineSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name.en} [${s.kind}]${s.detail ? ` (${s.detail.en})` : ''} ${s.range.start.line}:${s.range.start.column}-${s.range.end.line}:${s.range.end.column} sel ${s.selectionRange.start.line}:${s.selectionRange.start.column}-${s.selectionRange.end.line}:${s.selectionRange.end.column}`,
    ...show(s.children, depth + 1),
  ]);
}

describe('outline', () => {
  it('a procedure: header fields as a section, steps (decisions marked), forms, records', async () => {
    const workspace = await workspaceOf();
    expect(show(outline(fileOf(workspace, PROC)))).toEqual([
      'Header [header] (QT-01) 1:1-8:19 sel 1:1-1:5',
      '  kind [field] (procedure) 1:1-1:16 sel 1:1-1:5',
      '  code [field] (QT-01) 2:1-2:12 sel 2:1-2:5',
      '  title [field] (Quy trình đăng ký) 3:1-3:25 sel 3:1-3:6',
      '  process [field] (P-01) 4:1-4:14 sel 4:1-4:8',
      '  owner [field] (chi-huy-truong) 5:1-5:22 sel 5:1-5:6',
      '  status [field] (draft) 6:1-6:14 sel 6:1-6:7',
      '  revision [field] (1) 7:1-7:12 sel 7:1-7:9',
      '  clauses [field] 8:1-8:19 sel 8:1-8:8',
      'steps [list] 9:1-28:14 sel 9:1-9:6',
      '  tiep-nhan — Tiếp nhận hồ sơ [step] (mot-cua · 2 hours) 10:5-14:19 sel 10:9-10:18',
      '  ◇ kiem-tra — Kiểm tra hồ sơ [decision] (Hợp lệ?) 15:5-23:24 sel 15:9-15:17',
      '  tra-ket-qua — Trả kết quả [step] (mot-cua) 24:5-28:14 sel 24:9-24:20',
      'forms [list] 29:1-31:25 sel 29:1-29:6',
      '  BM-01 — Phiếu đăng ký [form] 30:5-31:25 sel 30:11-30:16',
      'records [list] 32:1-36:23 sel 32:1-32:8',
      '  HS-01 — Sổ theo dõi [record] (5 years) 33:5-36:23 sel 33:11-33:16',
    ]);
  });

  it('a process: inputs, outputs, kpis, risks', async () => {
    const text = `${PROCESS}kpis:\n  - name: Đúng hạn\n    target: ">= 98%"\nrisks:\n  - id: R-01\n    description: Thất lạc hồ sơ\n    likelihood: 2\n    impact: 4\n`;
    const { file } = await editing('processes/P-01.qms.yaml', text);
    const names = show(outline(file)).map((line) => line.replace(/ \d+:\d+-\d+:\d+ sel \d+:\d+-\d+:\d+$/, ''));
    expect(names).toEqual([
      'kind [field] (process)',
      'id [field] (P-01)',
      'name [field] (Giải quyết thủ tục hành chính)',
      'owner [field] (chi-huy-truong)',
      'clauses [field]',
      'inputs [list]',
      '  Hồ sơ [input] (← cong-dan)',
      'outputs [list]',
      '  Báo cáo [output] (→ P-02)',
      'procedures [field]',
      'kpis [list]',
      '  Đúng hạn [kpi] (>= 98%)',
      'risks [list]',
      '  R-01 — Thất lạc hồ sơ [risk] (score 8 (2 × 4))',
    ]);
  });

  it('qms.yaml: units, roles, externals', async () => {
    const workspace = await workspaceOf();
    const lists = outline(fileOf(workspace, 'qms.yaml')).filter((s) => s.kind === 'list');
    expect(lists.map((s) => [s.name.en, s.children.map((c) => `${c.name.en} [${c.kind}]`)])).toEqual([
      ['units', ['tham-muu — Ban Tham mưu [unit]']],
      ['roles', ['chi-huy-truong — Chỉ huy trưởng [role]', 'mot-cua — Bộ phận Một cửa [role]']],
      ['externals', ['cong-dan — Công dân [external]']],
    ]);
  });

  it('still outlines a file that does not parse cleanly', async () => {
    const { file } = await editing(PROC, 'kind: procedure\ncode: QT-01\nsteps:\n  - id: a\n    name: A\n    ro\n');
    expect(show(outline(file)).map((l) => l.split(' [')[0])).toEqual(['Header', '  kind', '  code', 'steps', '  a — A']);
  });
});

describe('outline of broken text', () => {
  it('never gives a symbol an empty name', async () => {
    const { file } = await editing(PROC, 'kind: procedure\n: orphan value\nsteps:\n  - id: ""\n    name: ""\n  - name: B\n');
    const names = (symbols: OutlineSymbol[]): string[] => symbols.flatMap((s) => [s.name.en, ...names(s.children)]);
    const all = names(outline(file));
    expect(all.length).toBeGreaterThan(3);
    expect(all.filter((n) => n.trim() === '')).toEqual([]);
  });
});
