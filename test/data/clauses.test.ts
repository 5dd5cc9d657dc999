import { describe, expect, it } from 'vitest';
import {
  CLAUSE_CATALOGUES,
  DEFAULT_STANDARD,
  clauseByNumber,
  clauseHeading,
  coverageGaps,
  documentedInformationClauses,
  editionOf,
  isCovered,
  isWithin,
  parentNumber,
} from '../../src/core/data/clauses';

const catalogue = CLAUSE_CATALOGUES[DEFAULT_STANDARD]!;
const numbers = catalogue.map((c) => c.number);

/** BRIEF §1.2, every clause and sub-clause from 4 to 10 at the granularity we ship. */
const EXPECTED = [
  '4', '4.1', '4.2', '4.3', '4.4', '4.4.1', '4.4.2',
  '5', '5.1', '5.1.1', '5.1.2', '5.2', '5.2.1', '5.2.2', '5.3',
  '6', '6.1', '6.1.1', '6.1.2', '6.2', '6.2.1', '6.2.2', '6.3',
  '7', '7.1', '7.1.1', '7.1.2', '7.1.3', '7.1.4', '7.1.5', '7.1.5.1', '7.1.5.2', '7.1.6', '7.2', '7.3', '7.4',
  '7.5', '7.5.1', '7.5.2', '7.5.3', '7.5.3.1', '7.5.3.2',
  '8', '8.1', '8.2', '8.2.1', '8.2.2', '8.2.3', '8.2.3.1', '8.2.3.2', '8.2.4',
  '8.3', '8.3.1', '8.3.2', '8.3.3', '8.3.4', '8.3.5', '8.3.6',
  '8.4', '8.4.1', '8.4.2', '8.4.3',
  '8.5', '8.5.1', '8.5.2', '8.5.3', '8.5.4', '8.5.5', '8.5.6', '8.6', '8.7', '8.7.1', '8.7.2',
  '9', '9.1', '9.1.1', '9.1.2', '9.1.3', '9.2', '9.2.1', '9.2.2', '9.3', '9.3.1', '9.3.2', '9.3.3',
  '10', '10.1', '10.2', '10.2.1', '10.2.2', '10.3',
];

/** BRIEF §1.5: where the standard explicitly asks to maintain (M) or retain (R) documented information. */
const DOCUMENTED_INFORMATION: Record<string, 'maintain' | 'retain' | 'both'> = {
  '4.3': 'maintain',
  '4.4.2': 'both',
  '5.2.2': 'maintain',
  '6.2.1': 'maintain',
  '7.1.5.1': 'retain',
  '7.1.5.2': 'retain',
  '7.2': 'retain',
  '8.1': 'both',
  '8.2.3.2': 'retain',
  '8.3.2': 'retain',
  '8.3.3': 'retain',
  '8.3.4': 'retain',
  '8.3.5': 'retain',
  '8.3.6': 'retain',
  '8.4.1': 'retain',
  '8.5.1': 'maintain',
  '8.5.2': 'retain',
  '8.5.3': 'retain',
  '8.5.6': 'retain',
  '8.6': 'retain',
  '8.7.2': 'retain',
  '9.1.1': 'retain',
  '9.2.2': 'retain',
  '9.3.3': 'retain',
  '10.2.2': 'retain',
  // 7.5.3.2 (control of external-origin documents) asks to control documented information, not to
  // produce any: it is deliberately not marked.
};

describe('ISO 9001:2015 clause catalogue', () => {
  it('holds every clause of BRIEF §1.2 in order, and nothing else', () => {
    expect(numbers).toEqual(EXPECTED);
  });

  it('has no duplicate numbers, and every number is well formed', () => {
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) expect(number).toMatch(/^(?:4|5|6|7|8|9|10)(?:\.[0-9]+){0,3}$/);
  });

  it('gives every sub-clause a parent in the catalogue', () => {
    for (const number of numbers) {
      const parent = parentNumber(number);
      if (parent) expect(clauseByNumber(parent), number).toBeDefined();
    }
  });

  it('gives every clause a title and a short summary in English and Vietnamese', () => {
    for (const clause of catalogue) {
      for (const text of [clause.title, clause.summary]) {
        expect(text.en.trim(), clause.number).not.toBe('');
        expect(text.vi.trim(), clause.number).not.toBe('');
        expect(text.en, clause.number).toBe(text.en.trim());
        expect(text.vi, clause.number).toBe(text.vi.trim());
      }
      expect(clause.summary.en.length, `${clause.number} summary (en) is too long for a hover`).toBeLessThanOrEqual(140);
      expect(clause.summary.vi.length, `${clause.number} summary (vi) is too long for a hover`).toBeLessThanOrEqual(160);
      expect(clause.summary.en, clause.number).not.toContain('\n');
      // Our labels for sub-clauses the standard leaves unheaded are bracketed, and only those.
      expect(/^\[.*\]$/.test(clause.title.en), clause.number).toBe(clause.untitled === true);
      expect(/^\[.*\]$/.test(clause.title.vi), clause.number).toBe(clause.untitled === true);
    }
  });

  it('uses the TCVN titles for the main clauses', () => {
    expect(clauseByNumber('7.5')!.title.vi).toBe('Thông tin dạng văn bản');
    expect(clauseByNumber('8.7')!.title).toEqual({ en: 'Control of nonconforming outputs', vi: 'Kiểm soát đầu ra không phù hợp' });
    expect(clauseByNumber('5.2.1')!.title.en).toBe('Establishing the quality policy');
  });

  it('marks exactly the clauses of BRIEF §1.5 as calling for documented information', () => {
    const marked = Object.fromEntries(documentedInformationClauses().map((c) => [c.number, c.documentedInformation]));
    expect(marked).toEqual(DOCUMENTED_INFORMATION);
    // Marks sit on the narrowest clause: none is a parent of another mark.
    const list = Object.keys(marked);
    for (const a of list) for (const b of list) if (a !== b) expect(isWithin(a, b), `${a} within ${b}`).toBe(false);
  });

  it('knows the edition by its usual spellings', () => {
    expect(editionOf(undefined)).toBe('ISO 9001:2015');
    expect(editionOf('ISO 9001:2015')).toBe('ISO 9001:2015');
    expect(editionOf('TCVN ISO 9001:2015')).toBe('ISO 9001:2015');
    expect(editionOf('iso 9001 : 2015')).toBe('ISO 9001:2015');
    expect(editionOf('ISO 9001:2026')).toBeUndefined();
    expect(editionOf(2015)).toBeUndefined();
  });
});

describe('clause helpers', () => {
  it('finds a clause by number', () => {
    expect(clauseByNumber('8.5.1')!.title.en).toBe('Control of production and service provision');
    expect(clauseByNumber('8.5.9')).toBeUndefined();
    expect(clauseByNumber('8.5.1', 'ISO 9001:2026')).toBeUndefined();
  });

  it('tells whether a clause is within another', () => {
    expect(isWithin('7.5.3.2', '7.5')).toBe(true);
    expect(isWithin('7.5', '7.5')).toBe(true);
    expect(isWithin('7.5', '7.5.3')).toBe(false);
    expect(isWithin('10.2', '1')).toBe(false);
    expect(isWithin('8.51', '8.5')).toBe(false);
  });

  it('covers a clause by itself or any parent, never by a sub-clause', () => {
    expect(isCovered('7.5.3.2', ['7.5'])).toBe(true);
    expect(isCovered('8.3.4', ['8.3'])).toBe(true);
    expect(isCovered('9.2.2', ['9.2.2'])).toBe(true);
    expect(isCovered('9.2', ['9.2.2'])).toBe(false);
    expect(isCovered('7.1.5.1', ['7.1.5.2'])).toBe(false);
  });

  it('gives an unheaded or "General" sub-clause the heading of its parent', () => {
    expect(clauseHeading('9.1.1')!.en).toBe('Monitoring, measurement, analysis and evaluation');
    expect(clauseHeading('10.2.2')!.vi).toBe('Sự không phù hợp và hành động khắc phục');
    expect(clauseHeading('8.2.3.2')!.en).toBe('Review of the requirements for products and services');
    expect(clauseHeading('9.3.3')!.en).toBe('Management review outputs');
    expect(clauseHeading('10.1')!.en).toBe('Improvement');
    expect(clauseHeading('11')).toBeUndefined();
  });
});

describe('coverage gaps', () => {
  const gapNumbers = (listed: string[]) => coverageGaps(listed).map((g) => g.number);

  it('names the usual clause for every gap of an empty workspace', () => {
    expect(gapNumbers([])).toEqual(['4.3', '4.4', '5.2.2', '6.2', '7.1.5', '7.2', '8.1', '8.2.3', '8.3', '8.4', '8.5', '8.6', '8.7', '9.1', '9.2', '9.3.3', '10.2']);
  });

  it('finds nothing when the top-level clauses are listed', () => {
    expect(coverageGaps(['4', '5', '6', '7', '8', '9', '10'])).toEqual([]);
  });

  it('counts 8.3 as addressed when it is listed (even when excluded with a justification)', () => {
    expect(gapNumbers(['8.3'])).not.toContain('8.3');
    expect(gapNumbers(['8.3.2'])).toEqual(expect.arrayContaining(['8.3.3', '8.3.4', '8.3.5', '8.3.6']));
  });

  it('names the precise sub-clause when its parent is partly covered', () => {
    const gaps = coverageGaps(['8.5.1', '7.1.5.2']);
    const numbersOf = gaps.map((g) => g.number);
    expect(numbersOf).toEqual(expect.arrayContaining(['7.1.5.1', '8.5.2', '8.5.3', '8.5.6']));
    expect(numbersOf).not.toContain('8.5');
    expect(numbersOf).not.toContain('7.1.5');
    expect(gaps.find((g) => g.number === '8.5.2')!.documentedInformation).toBe('retain');
  });

  it('merges what the grouped clauses call for', () => {
    const gap = coverageGaps([]).find((g) => g.number === '8.5')!;
    expect(gap.clauses).toEqual(['8.5.1', '8.5.2', '8.5.3', '8.5.6']);
    expect(gap.documentedInformation).toBe('both');
    expect(coverageGaps([]).find((g) => g.number === '4.3')!.documentedInformation).toBe('maintain');
  });
});
