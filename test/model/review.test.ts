import { describe, expect, it } from 'vitest';
import { isReviewOverdue, nextReviewDate, reviewIntervalOf, reviewScheduleOf } from '../../src/core/model/review';
import type { SystemFile } from '../../src/core/model/types';

const system = (review_interval?: string): SystemFile => ({ kind: 'system', organization: { name: 'Ban CHQS' }, roles: [], ...(review_interval ? { review_interval } : {}) });

describe('periodic review', () => {
  it('counts the interval of qms.yaml from `effective`', () => {
    expect(reviewScheduleOf({ effective: '2025-03-01' }, system('12 months'))).toEqual({
      basis: 'effective',
      basisDate: '2025-03-01',
      basisPointer: '/effective',
      interval: '12 months',
      period: { value: 12, unit: 'months' },
      intervalSource: 'system',
      next: '2026-03-01',
    });
  });

  it('prefers the document interval and defaults to 12 months', () => {
    expect(nextReviewDate({ effective: '2025-03-01', review_interval: '6 months' }, system('2 years'))).toBe('2025-09-01');
    expect(nextReviewDate({ effective: '2025-03-01' }, system('2 years'))).toBe('2027-03-01');
    expect(nextReviewDate({ effective: '2025-03-01' }, undefined)).toBe('2026-03-01');
    expect(reviewIntervalOf({}, undefined).source).toBe('default');
    expect(nextReviewDate({ effective: '2025-03-01', review_interval: '1 năm' }, undefined)).toBe('2026-03-01');
    expect(nextReviewDate({ effective: '2025-03-01', review_interval: '18 tháng' }, undefined)).toBe('2026-09-01');
  });

  it('skips unreadable intervals', () => {
    expect(reviewIntervalOf({ review_interval: '3 working days' }, system('6 months'))).toMatchObject({ text: '6 months', source: 'system' });
    expect(reviewIntervalOf({ review_interval: 12 }, system('every year'))).toMatchObject({ text: '12 months', source: 'default' });
    expect(reviewIntervalOf({ review_interval: '0 months' }, undefined).source).toBe('default');
  });

  it('clamps to the end of a shorter month', () => {
    expect(nextReviewDate({ effective: '2024-02-29' }, system('1 year'))).toBe('2025-02-28');
    expect(nextReviewDate({ effective: '2026-01-31', review_interval: '1 month' }, undefined)).toBe('2026-02-28');
  });

  it('uses the newest history date when there is no `effective`', () => {
    const document = { history: [{ revision: 2, date: '2025-01-10' }, { revision: 3, date: '2025-04-02' }, { revision: 1, date: 'not a date' }] };
    expect(reviewScheduleOf(document, undefined)).toMatchObject({ basis: 'history', basisDate: '2025-04-02', basisPointer: '/history/1/date', next: '2026-04-02' });
    expect(reviewScheduleOf({ effective: '2025-13-01', history: [{ date: '2025-01-10' }] }, undefined)?.basis).toBe('history');
  });

  it('has no schedule without a usable date, and never throws on malformed values', () => {
    expect(reviewScheduleOf({}, undefined)).toBeUndefined();
    expect(reviewScheduleOf({ history: 'none' }, undefined)).toBeUndefined();
    expect(reviewScheduleOf({ history: [null, 3, { date: 5 }] }, undefined)).toBeUndefined();
    expect(reviewScheduleOf(null, undefined)).toBeUndefined();
    expect(reviewScheduleOf([], undefined)).toBeUndefined();
  });

  it('is overdue only after the review date', () => {
    expect(isReviewOverdue({ next: '2026-06-15' }, '2026-06-15')).toBe(false);
    expect(isReviewOverdue({ next: '2026-06-14' }, '2026-06-15')).toBe(true);
  });
});
