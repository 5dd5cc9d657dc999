import { describe, expect, it } from 'vitest';
import { complete } from '../../src/core/language/completion';
import { editing, offsetOf, PROCEDURE, PROCESS, SYSTEM } from './helpers';

const PROC = 'procedures/QT-01.qms.yaml';

/** Completion in `relative` after replacing `from` by `to` in its text, at the `|` of `needle`. */
async function completeIn(relative: string, base: string, from: string, to: string, needle: string) {
  const text = base.replace(from, to);
  if (text === base && from !== to) throw new Error(`"${from}" not in the text`);
  const { workspace, file } = await editing(relative, text);
  return { items: complete(workspace, file, offsetOf(text, needle)), text };
}

const labels = (items: Array<{ label: string }>) => items.map((i) => i.label);

describe('completion of ids and codes', () => {
  it('after `role: ` in a step: the roles of qms.yaml, with name, holder and unit', async () => {
    const { items, text } = await completeIn(PROC, PROCEDURE, '    role: mot-cua\n    duration', '    role: \n    duration', 'role: |\n    duration');
    const offset = offsetOf(text, 'role: |\n    duration');
    expect(items).toEqual([
      {
        label: 'chi-huy-truong',
        kind: 'role',
        detail: { en: 'Chỉ huy trưởng', vi: 'Chỉ huy trưởng' },
        documentation: { en: 'Holder: Thượng tá Chu Minh Đạo', vi: 'Người đảm nhiệm: Thượng tá Chu Minh Đạo' },
        insertText: 'chi-huy-truong',
        filterText: 'chi-huy-truong',
        sortText: '0000',
        range: { start: offset, end: offset },
      },
      {
        label: 'mot-cua',
        kind: 'role',
        detail: { en: 'Bộ phận Một cửa', vi: 'Bộ phận Một cửa' },
        documentation: { en: 'Unit: Ban Tham mưu (`tham-muu`)', vi: 'Đơn vị: Ban Tham mưu (`tham-muu`)' },
        insertText: 'mot-cua',
        filterText: 'mot-cua',
        sortText: '0001',
        range: { start: offset, end: offset },
      },
    ]);
  });

  it('on a partly typed role: the same list, replacing what is typed', async () => {
    const { items, text } = await completeIn(PROC, PROCEDURE, '    role: mot-cua\n    duration', '    role: mo\n    duration', 'role: mo|\n');
    const start = offsetOf(text, 'role: |mo\n');
    expect(labels(items)).toEqual(['chi-huy-truong', 'mot-cua']);
    expect(items[0]!.range).toEqual({ start, end: start + 2 });
  });

  it('right after the colon, the inserted value keeps a space before it', async () => {
    const { items } = await completeIn(PROC, PROCEDURE, 'owner: chi-huy-truong', 'owner:', 'owner:|');
    expect(items.map((i) => i.insertText)).toEqual([' chi-huy-truong', ' mot-cua']);
    expect(items[0]!.filterText).toBe('chi-huy-truong');
  });

  it('step ids in `next` of the same procedure, without the step itself', async () => {
    const { items } = await completeIn(PROC, PROCEDURE, '    end: true\n', '    next: \n', 'next: |\n');
    expect(labels(items)).toEqual(['tiep-nhan', 'kiem-tra']);
    expect(items[0]).toMatchObject({ kind: 'step', detail: { en: 'Tiếp nhận hồ sơ' } });
    expect(items[0]!.documentation!.en).toBe('Role: Bộ phận Một cửa (`mot-cua`)\n\nDuration: 2 hours = 0.25 working days at 8 h/day');
  });

  it('step ids in `branches[].next`, and in a `next` list without those already there', async () => {
    const branch = await completeIn(PROC, PROCEDURE, 'next: tra-ket-qua', 'next: t', 'next: t|');
    expect(labels(branch.items)).toEqual(['tiep-nhan', 'tra-ket-qua']);
    const fork = await completeIn(PROC, PROCEDURE, '    end: true\n', '    next: [tiep-nhan, ]\n', 'next: [tiep-nhan, |]');
    expect(labels(fork.items)).toEqual(['kiem-tra']);
  });

  it('form and record codes of the procedure in a step, and forms in a record', async () => {
    const forms = await completeIn(PROC, PROCEDURE, 'forms: [BM-01]', 'forms: []', 'forms: [|]');
    expect(forms.items.map((i) => [i.label, i.kind, i.detail?.en])).toEqual([['BM-01', 'form', 'Phiếu đăng ký']]);
    const records = await completeIn(PROC, PROCEDURE, 'records: [HS-01]', 'records: [H]', 'records: [H|]');
    expect(records.items.map((i) => [i.label, i.kind, i.detail?.en])).toEqual([['HS-01', 'record', 'Sổ theo dõi']]);
  });

  it('process ids in `process`', async () => {
    const { items } = await completeIn(PROC, PROCEDURE, 'process: P-01', 'process: ', 'process: |');
    expect(items.map((i) => [i.label, i.kind, i.detail?.en, i.documentation?.en])).toEqual([
      ['P-01', 'process', 'Giải quyết thủ tục hành chính', '`processes/P-01.qms.yaml`'],
      ['P-02', 'process', 'Cải tiến', '`processes/P-02.qms.yaml`'],
    ]);
  });

  it("procedure codes in a process's `procedures`, and parties in `inputs[].from`", async () => {
    const codes = await completeIn('processes/P-01.qms.yaml', PROCESS, 'procedures: [QT-01]', 'procedures: [\n  ]', 'procedures: [|');
    expect(codes.items.map((i) => [i.label, i.kind, i.detail?.en])).toEqual([['QT-01', 'procedure', 'Quy trình đăng ký']]);
    const from = await completeIn('processes/P-01.qms.yaml', PROCESS, 'from: cong-dan', 'from: ', 'from: |');
    expect(from.items.map((i) => [i.label, i.kind])).toEqual([
      ['cong-dan', 'external'],
      ['P-01', 'process'],
      ['P-02', 'process'],
    ]);
  });

  it('unit ids in `distribution` and in a role of qms.yaml', async () => {
    const { items } = await completeIn(PROC, PROCEDURE, 'revision: 1\n', 'revision: 1\ndistribution: [t]\n', 'distribution: [t|]');
    expect(items.map((i) => [i.label, i.kind, i.detail?.en])).toEqual([['tham-muu', 'unit', 'Ban Tham mưu']]);
    const system = await completeIn('qms.yaml', SYSTEM, '    unit: tham-muu', '    unit: ', 'unit: |');
    expect(labels(system.items)).toEqual(['tham-muu']);
  });

  it('clause numbers with their titles in both languages, quoted', async () => {
    const { items, text } = await completeIn(PROC, PROCEDURE, 'clauses: ["8.2.2"]', 'clauses: ["8.2.2", "8.5."]', 'clauses: ["8.2.2", "8.5.|"]');
    const clause = items.find((i) => i.label === '8.5.1')!;
    const start = offsetOf(text, '"8.2.2", |"8.5.');
    expect(clause).toMatchObject({
      kind: 'clause',
      detail: { en: 'Control of production and service provision', vi: 'Kiểm soát sản xuất và cung cấp dịch vụ' },
      insertText: '"8.5.1"',
      filterText: '"8.5.1"',
      range: { start, end: start + '"8.5."'.length },
    });
    expect(labels(items)).not.toContain('8.2.2');
    expect(labels(items)).toContain('4.4.1');
    const plain = await completeIn(PROC, PROCEDURE, 'clauses: ["8.2.2"]', 'clauses: [8.]', 'clauses: [8.|]');
    expect(plain.items.find((i) => i.label === '8.5.1')).toMatchObject({ insertText: '"8.5.1"', filterText: '"8.5.1"' });
  });
});

describe('completion of schema values and property names', () => {
  it('enum values from the schema', async () => {
    const status = await completeIn(PROC, PROCEDURE, 'status: draft', 'status: ', 'status: |');
    expect(status.items.map((i) => [i.label, i.kind, i.insertText])).toEqual([
      ['draft', 'value', 'draft'],
      ['review', 'value', 'review'],
      ['approved', 'value', 'approved'],
      ['obsolete', 'value', 'obsolete'],
    ]);
    expect(status.items[0]!.documentation!.en).toMatch(/^Life-cycle status/);
    const channels = await completeIn(PROC, PROCEDURE, 'steps:\n', 'service:\n  channels: [direct, ]\nsteps:\n', 'channels: [direct, |]');
    expect(labels(channels.items)).toEqual(['online', 'postal']);
    const end = await completeIn(PROC, PROCEDURE, 'end: true', 'end: ', 'end: |');
    expect(end.items.map((i) => i.insertText)).toEqual(['true', 'false']);
    const kind = await completeIn(PROC, PROCEDURE, 'kind: procedure', 'kind: ', 'kind: |');
    expect(labels(kind.items)).toEqual(['system', 'process', 'procedure', 'document']);
    const workdays = await completeIn('qms.yaml', SYSTEM, '  hours_per_day: 8', '  workdays: [mon, ]\n  hours_per_day: 8', 'workdays: [mon, |]');
    expect(labels(workdays.items)).toEqual(['tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
  });

  it('property names of a step not already there, with their description', async () => {
    const { items, text } = await completeIn(PROC, PROCEDURE, '    end: true\n', '    end: true\n    \n', '    end: true\n    |\n');
    const offset = offsetOf(text, '    end: true\n    |\n');
    expect(labels(items)).toEqual(['duration', 'phase', 'forms', 'next', 'decision', 'branches', 'pauses_clock', 'description', 'notes']);
    expect(items[0]).toMatchObject({ kind: 'property', insertText: 'duration: ', filterText: 'duration', range: { start: offset, end: offset } });
    expect(items[0]!.documentation!.en).toMatch(/^Time allotted to the step/);
  });

  it('a key being typed: replaces it, adds the colon only when missing', async () => {
    const typed = await completeIn(PROC, PROCEDURE, '    end: true\n', '    end: true\n    pau\n', '    pau|\n');
    const start = offsetOf(typed.text, '    |pau\n');
    expect(typed.items.find((i) => i.label === 'pauses_clock')).toMatchObject({ insertText: 'pauses_clock: ', range: { start, end: start + 3 } });
    const existing = await completeIn(PROC, PROCEDURE, 'status: draft', 'status: draft', 'sta|tus: draft');
    expect(existing.items.find((i) => i.label === 'status')).toMatchObject({ insertText: 'status' });
  });

  it('`- ` in `steps`: the properties of a new step, required first', async () => {
    const { items } = await completeIn(PROC, PROCEDURE, 'forms:\n  - code', '  - \nforms:\n  - code', '  - |\nforms:');
    expect(labels(items).slice(0, 3)).toEqual(['id', 'name', 'role']);
    expect(items[0]).toMatchObject({ insertText: 'id: ', detail: { en: 'required', vi: 'bắt buộc' } });
  });

  it('top-level properties of a procedure on an empty line', async () => {
    const { items } = await completeIn(PROC, PROCEDURE, 'revision: 1\n', 'revision: 1\n\n', 'revision: 1\n|\n');
    expect(labels(items)).toEqual(['amendment', 'effective', 'review_interval', 'approval', 'distribution', 'history', 'purpose', 'scope', 'references', 'terms', 'service']);
  });

  it('a file without kind yet offers `kind`', async () => {
    const { items } = await completeIn('procedures/new.qms.yaml', '', '', '', '|');
    expect(items.map((i) => [i.label, i.insertText])).toEqual([['kind', 'kind: ']]);
  });
});
