import { describe, expect, it } from 'vitest';
import { buildCode, matchNumbering, parseNumberingPattern } from '../../src/core/model/numbering';

describe('numbering patterns', () => {
  it('matches procedure codes with {org} and a padded {seq}', () => {
    const org = { org: 'BCHQS' };
    expect(matchNumbering('QT-{org}-{seq:02}', 'QT-BCHQS-01', org)).toEqual({ matches: true, example: 'QT-BCHQS-01' });
    expect(matchNumbering('QT-{org}-{seq:02}', 'QT-BCHQS-12', org).matches).toBe(true);
    expect(matchNumbering('QT-{org}-{seq:02}', 'QT-BCHQS-123', org).matches).toBe(true);
    expect(matchNumbering('QT-{org}-{seq:02}', 'QT-BCHQS-1', org).matches).toBe(false);
    expect(matchNumbering('QT-{org}-{seq:02}', 'QT-BCHQS-001', org).matches).toBe(false);
    expect(matchNumbering('QT-{org}-{seq:02}', 'QT-01', org).matches).toBe(false);
    expect(matchNumbering('QT-{org}-{seq:02}', 'qt-bchqs-01', org).matches).toBe(false);
  });

  it('pads to the width at least and accepts any digits for a bare {seq}', () => {
    expect(matchNumbering('SOP-{seq:03}', 'SOP-001').matches).toBe(true);
    expect(matchNumbering('SOP-{seq:03}', 'SOP-1000').matches).toBe(true);
    expect(matchNumbering('SOP-{seq:03}', 'SOP-0100').matches).toBe(false);
    expect(matchNumbering('SOP-{seq:03}', 'SOP-01').matches).toBe(false);
    expect(matchNumbering('P-{seq}', 'P-1').matches).toBe(true);
    expect(matchNumbering('P-{seq}', 'P-01').matches).toBe(true);
    expect(matchNumbering('P-{seq}', 'P-').matches).toBe(false);
    expect(matchNumbering('P-{seq:2}', 'P-05').matches).toBe(true);
  });

  it('fills {procedure} with the owning procedure code', () => {
    const context = { org: 'BCHQS', procedure: 'QT-BCHQS-01' };
    expect(matchNumbering('BM-{seq:02}/{procedure}', 'BM-01/QT-BCHQS-01', context).matches).toBe(true);
    expect(matchNumbering('BM-{seq:02}/{procedure}', 'BM-01', context).matches).toBe(false);
    expect(matchNumbering('BM-{seq:02}/{procedure}', 'BM-01', context).example).toBe('BM-01/QT-BCHQS-01');
  });

  it('suggests the code a near miss should be', () => {
    const context = { org: 'BCHQS', procedure: 'QT-BCHQS-01' };
    expect(matchNumbering('BM-{seq:02}/{procedure}', 'BM-03/QT-BCHQS-02', context)).toEqual({
      matches: false,
      example: 'BM-03/QT-BCHQS-01',
      suggestion: 'BM-03/QT-BCHQS-01',
    });
    expect(matchNumbering('HS-{seq:02}/{procedure}', 'HS-2/QT-BCHQS-01', context).suggestion).toBe('HS-02/QT-BCHQS-01');
    expect(matchNumbering('QT-{org}-{seq:02}', 'QT-BCH-7', context).suggestion).toBe('QT-BCHQS-07');
    expect(matchNumbering('QT-{org}-{seq:02}', 'QĐ-7', context).suggestion).toBeUndefined();
  });

  it('treats {org} and {procedure} without a value as any code, and shows a stand-in in examples', () => {
    expect(matchNumbering('QT-{org}-{seq:02}', 'QT-ABC-01').matches).toBe(true);
    expect(matchNumbering('QT-{org}-{seq:02}', 'QT-ABC-01').example).toBe('QT-ORG-01');
    expect(matchNumbering('BM-{seq:02}/{procedure}', 'BM-01/QT-X-02').matches).toBe(true);
    expect(buildCode('BM-{seq:02}/{procedure}', {})).toBe('BM-01/QT-01');
  });

  it('escapes literal text and reads placeholders leniently', () => {
    expect(matchNumbering('SOP.QA.{seq:03}', 'SOP.QA.001').matches).toBe(true);
    expect(matchNumbering('SOP.QA.{seq:03}', 'SOPXQAX001').matches).toBe(false);
    expect(matchNumbering('QT-{ ORG }-{ seq : 02 }', 'QT-DV-01', { org: 'DV' }).matches).toBe(true);
    expect(matchNumbering('QT-{org}-{seq:02}', 'QT-A+B-01', { org: 'A+B' }).matches).toBe(true);
  });

  it('lists unknown placeholders and never matches through them', () => {
    const parsed = parseNumberingPattern('QT-{unit}-{seq:02}');
    expect(parsed.unknown).toEqual(['{unit}']);
    expect(parsed.usesSeq).toBe(true);
    expect(parsed.usesOrg).toBe(false);
    expect(matchNumbering(parsed, 'QT-TM-01').matches).toBe(false);
    expect(matchNumbering(parsed, 'QT-TM-01').suggestion).toBeUndefined();
    expect(matchNumbering(parsed, 'QT-TM-01').example).toBe('QT-{unit}-01');
  });

  it('builds examples with several sequence numbers', () => {
    expect(buildCode('{org}.QT.{seq:02}.{seq:02}', { org: 'TCHC' }, [1, 3])).toBe('TCHC.QT.01.03');
    expect(matchNumbering('{org}.QT.{seq:02}.{seq:02}', 'TCHC.QT.01.3', { org: 'TCHC' }).suggestion).toBe('TCHC.QT.01.03');
  });
});

describe('near misses without an organization short name', () => {
  it('keeps what the code wrote where the context has no value', () => {
    expect(matchNumbering('QT-{org}-{seq:02}', 'QT-DV-1')).toEqual({ matches: false, example: 'QT-DV-01', suggestion: 'QT-DV-01' });
    expect(matchNumbering('BM-{seq:02}/{procedure}', 'BM-3/QT-DV-02')).toEqual({ matches: false, example: 'BM-03/QT-DV-02', suggestion: 'BM-03/QT-DV-02' });
  });
});
