import { describe, expect, it } from 'vitest';
import {
  SUPERSEDED_INSTRUMENTS,
  findSuperseded,
  isSupersededOn,
  literalPattern,
  normaliseCitation,
  supersededInstruments,
} from '../../src/core/data/superseded';

const AFTER = '2026-06-15';
const names = (citation: string, date = AFTER, list = SUPERSEDED_INSTRUMENTS) => findSuperseded(citation, date, list).map((m) => m.instrument.instrument);

describe('built-in superseded instruments (BRIEF §3.9)', () => {
  it('are well formed', () => {
    const seen = new Set<string>();
    for (const entry of SUPERSEDED_INSTRUMENTS) {
      expect(entry.since, entry.instrument).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(entry.since)), entry.instrument).toBe(false);
      expect(entry.patterns.length, entry.instrument).toBeGreaterThan(0);
      expect(entry.note.en, entry.instrument).not.toBe('');
      expect(entry.note.vi, entry.instrument).not.toBe('');
      expect(seen.has(normaliseCitation(entry.instrument)), entry.instrument).toBe(false);
      seen.add(normaliseCitation(entry.instrument));
      // Every entry recognises its own name, and its replacement is not itself superseded.
      expect(names(entry.instrument), entry.instrument).toContain(entry.instrument);
      if (entry.replacedBy) expect(names(entry.replacedBy), entry.replacedBy).toEqual([]);
    }
  });

  it('cover the seed table', () => {
    const cited = [
      'Nghị định 61/2018/NĐ-CP',
      'Nghị định 107/2021/NĐ-CP',
      'Thông tư 01/2018/TT-VPCP',
      'Nghị định 110/2004/NĐ-CP',
      'Nghị định 09/2010/NĐ-CP',
      'Thông tư 01/2011/TT-BNV',
      'Thông tư 09/2011/TT-BNV',
      'Luật Lưu trữ 01/2011/QH13',
      'Nghị định 43/2011/NĐ-CP',
      'Nghị định 31/2014/NĐ-CP',
      'Luật Đất đai 45/2013/QH13',
      'UBND cấp huyện',
      'TCVN ISO 9001:2008',
    ];
    for (const instrument of cited) expect(SUPERSEDED_INSTRUMENTS.map((e) => e.instrument)).toContain(instrument);
    expect(SUPERSEDED_INSTRUMENTS.find((e) => e.instrument === 'Nghị định 61/2018/NĐ-CP')).toMatchObject({ replacedBy: 'Nghị định 118/2025/NĐ-CP', since: '2025-07-01' });
    expect(SUPERSEDED_INSTRUMENTS.find((e) => e.instrument === 'Nghị định 31/2014/NĐ-CP')!.replacedBy).toBeUndefined();
  });
});

describe('matching citations', () => {
  it('recognises the ways people cite a decree', () => {
    for (const citation of [
      'Nghị định 61/2018/NĐ-CP',
      'Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa',
      'nghị định số 61/2018/nđ-cp',
      'NĐ 61/2018',
      'NĐ số 61/2018/NĐ-CP',
      'Decree No. 61/2018/ND-CP',
      'Căn cứ 61/2018/NĐ-CP',
      'Nghị định 61 / 2018 / NĐ - CP',
      'Nghị định 61/2018/NĐ-CP'.normalize('NFD'),
    ]) {
      expect(names(citation), citation).toEqual(['Nghị định 61/2018/NĐ-CP']);
    }
  });

  it('does not confuse another instrument with a similar number', () => {
    for (const citation of [
      'Nghị định 161/2018/NĐ-CP',
      'Nghị định 61/2019/NĐ-CP',
      'Nghị định 118/2025/NĐ-CP',
      'Quyết định 61/2018/QĐ-UBND',
      '61/2018/QĐ-UBND',
      'Thông tư 01/2018/TT-BTP',
      'Thông tư 01/2018/TT-VPCPX',
      'Nghị định 61/20185',
      'Luật Lưu trữ số 33/2024/QH15',
      'Luật Đất đai 2024',
      'TCVN ISO 9001:2015',
      'UBND cấp xã',
    ]) {
      expect(names(citation), citation).toEqual([]);
    }
  });

  it('recognises laws by year, the former district level and the 2008 edition', () => {
    expect(names('Luật Lưu trữ năm 2011')).toEqual(['Luật Lưu trữ 01/2011/QH13']);
    expect(names('Luật Lưu trữ số 01/2011/QH13')).toEqual(['Luật Lưu trữ 01/2011/QH13']);
    expect(names('Luật Đất đai 2013')).toEqual(['Luật Đất đai 45/2013/QH13']);
    expect(names('Quyết định công bố của Ủy ban nhân dân cấp huyện')).toEqual(['UBND cấp huyện']);
    expect(names('TCVN ISO 9001:2008')).toEqual(['TCVN ISO 9001:2008']);
    expect(names('ISO 9001:2008')).toEqual(['ISO 9001:2008']);
  });

  it('reports each instrument a citation names, in order', () => {
    const matches = findSuperseded('Nghị định 107/2021/NĐ-CP sửa đổi Nghị định 61/2018/NĐ-CP', AFTER);
    expect(matches.map((m) => [m.instrument.instrument, m.text])).toEqual([
      ['Nghị định 107/2021/NĐ-CP', 'Nghị định 107/2021/NĐ-CP'],
      ['Nghị định 61/2018/NĐ-CP', 'Nghị định 61/2018/NĐ-CP'],
    ]);
    expect(matches[1]!.start).toBe('Nghị định 107/2021/NĐ-CP sửa đổi '.length);
  });

  it('is effective-date aware: superseded on and after `since`, not before', () => {
    const decree = SUPERSEDED_INSTRUMENTS.find((e) => e.instrument === 'Nghị định 61/2018/NĐ-CP')!;
    expect(isSupersededOn(decree, '2025-06-30')).toBe(false);
    expect(isSupersededOn(decree, '2025-07-01')).toBe(true);
    expect(names('Nghị định 61/2018/NĐ-CP', '2025-06-30')).toEqual([]);
    expect(names('Nghị định 61/2018/NĐ-CP', '2025-07-01')).toEqual(['Nghị định 61/2018/NĐ-CP']);
  });

  it('ignores what is not text', () => {
    expect(findSuperseded(42 as unknown as string, AFTER)).toEqual([]);
    expect(findSuperseded('', AFTER)).toEqual([]);
  });
});

describe('workspace extension (qms.yaml superseded:)', () => {
  const system = {
    superseded: [
      { instrument: 'Quyết định  12/2019/QĐ-UBND', replaced_by: 'Quyết định 7/2025/QĐ-UBND', since: '2025-03-01', note: 'Quy chế một cửa của tỉnh' },
      { instrument: 'Nghị định 61/2018/NĐ-CP', replaced_by: 'Nghị định 118/2025/NĐ-CP', since: '2025-08-01' },
      { instrument: 'Hướng dẫn 5/HD-BCH', since: 'soon' },
      { since: '2025-01-01' },
      'not an entry',
    ],
  };

  it('matches its instruments literally: case-insensitive, any white space, whole words', () => {
    const list = supersededInstruments(system as never);
    expect(names('quyết định 12/2019/qđ-ubnd của UBND tỉnh', AFTER, list)).toEqual(['Quyết định 12/2019/QĐ-UBND']);
    expect(names('Quyết định\n12/2019/QĐ-UBND', AFTER, list)).toHaveLength(1);
    expect(names('Quyết định 112/2019/QĐ-UBND', AFTER, list)).toEqual([]);
    expect(names('Quyết định 12/2019/QĐ-UBND', '2025-02-28', list)).toEqual([]);
    expect(literalPattern('TT 5/2020').test('xTT 5/2020')).toBe(false);
  });

  it('keeps the built-in list, lets a workspace entry replace a built-in one and skips malformed entries', () => {
    const list = supersededInstruments(system as never);
    expect(list.filter((e) => e.origin === 'workspace').map((e) => e.instrument)).toEqual(['Quyết định 12/2019/QĐ-UBND', 'Nghị định 61/2018/NĐ-CP']);
    const decree = list.filter((e) => normaliseCitation(e.instrument) === normaliseCitation('Nghị định 61/2018/NĐ-CP'));
    expect(decree).toHaveLength(1);
    expect(decree[0]).toMatchObject({ origin: 'workspace', since: '2025-08-01' });
    expect(list.length).toBe(SUPERSEDED_INSTRUMENTS.length + 1);
    expect(list.find((e) => e.origin === 'workspace')!.note).toEqual({ en: 'Quy chế một cửa của tỉnh', vi: 'Quy chế một cửa của tỉnh' });
    expect(supersededInstruments(system as never)).toBe(list);
  });

  it('falls back to the built-in list', () => {
    expect(supersededInstruments(undefined)).toBe(SUPERSEDED_INSTRUMENTS);
    expect(supersededInstruments({ superseded: 'x' } as never)).toBe(SUPERSEDED_INSTRUMENTS);
  });
});
