import { addCalendarPeriod, formatIsoDate, parseIsoDate } from '../flow/calendar';
import { parseDuration, type Duration } from '../flow/duration';
import type { SystemFile } from './types';

/**
 * Periodic review of controlled documents (ISO 9001:2015 7.5.2 c, 7.5.3.2 c). ISO sets no
 * interval; the workspace does (`review_interval` in qms.yaml, default 12 months), and a
 * document may override it. The next review falls due one interval after the document took
 * effect (`effective`) or, for a document without `effective`, after its newest history date.
 *
 * Shared by the linter (doc/review-overdue), the explorer and the generated documents (the
 * "next review" line of the header), so that they all show the same date.
 */

export const DEFAULT_REVIEW_INTERVAL = '12 months';

export interface ReviewSchedule {
  /** What the interval counts from: `effective`, or the newest history entry's date. */
  basis: 'effective' | 'history';
  /** That date, `YYYY-MM-DD`. */
  basisDate: string;
  /** JSON pointer of that date in the document (`/effective`, `/history/0/date`). */
  basisPointer: string;
  /** The interval as written (`12 months`, `2 năm`). */
  interval: string;
  /** The interval, parsed (months or years). */
  period: Duration;
  /** Where the interval comes from: the document, qms.yaml, or the built-in default. */
  intervalSource: 'document' | 'system' | 'default';
  /** The next review date, `YYYY-MM-DD`. */
  next: string;
}

function reviewPeriod(text: unknown): Duration | undefined {
  const duration = parseDuration(text);
  return duration && (duration.unit === 'months' || duration.unit === 'years') && duration.value > 0 ? duration : undefined;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/** The interval that applies to a document: its own, else qms.yaml's, else 12 months. Unreadable values are skipped. */
export function reviewIntervalOf(document: unknown, system: SystemFile | undefined): { text: string; period: Duration; source: ReviewSchedule['intervalSource'] } {
  const own = field(document, 'review_interval');
  const ownPeriod = reviewPeriod(own);
  if (ownPeriod) return { text: (own as string).trim(), period: ownPeriod, source: 'document' };
  const shared = field(system, 'review_interval');
  const sharedPeriod = reviewPeriod(shared);
  if (sharedPeriod) return { text: (shared as string).trim(), period: sharedPeriod, source: 'system' };
  return { text: DEFAULT_REVIEW_INTERVAL, period: reviewPeriod(DEFAULT_REVIEW_INTERVAL)!, source: 'default' };
}

/** The date the review interval counts from: `effective`, or the newest valid history date. */
export function reviewBasisOf(document: unknown): Pick<ReviewSchedule, 'basis' | 'basisDate' | 'basisPointer'> | undefined {
  const effective = field(document, 'effective');
  if (parseIsoDate(effective)) return { basis: 'effective', basisDate: effective as string, basisPointer: '/effective' };
  const history = field(document, 'history');
  if (!Array.isArray(history)) return undefined;
  let newest: { date: string; index: number } | undefined;
  history.forEach((entry, index) => {
    const date = field(entry, 'date');
    if (parseIsoDate(date) && (!newest || (date as string) > newest.date)) newest = { date: date as string, index };
  });
  return newest ? { basis: 'history', basisDate: newest.date, basisPointer: `/history/${newest.index}/date` } : undefined;
}

/** When a controlled document is next due for review; undefined when it has no usable date. */
export function reviewScheduleOf(document: unknown, system: SystemFile | undefined): ReviewSchedule | undefined {
  const basis = reviewBasisOf(document);
  if (!basis) return undefined;
  const interval = reviewIntervalOf(document, system);
  const unit = interval.period.unit === 'years' ? 'years' : 'months';
  const next = formatIsoDate(addCalendarPeriod(parseIsoDate(basis.basisDate)!, interval.period.value, unit));
  return { ...basis, interval: interval.text, period: interval.period, intervalSource: interval.source, next };
}

/** The next review date, `YYYY-MM-DD`, or undefined. */
export function nextReviewDate(document: unknown, system: SystemFile | undefined): string | undefined {
  return reviewScheduleOf(document, system)?.next;
}

/** True when the review date has passed: due on `next`, overdue from the day after. */
export function isReviewOverdue(schedule: Pick<ReviewSchedule, 'next'>, today: string): boolean {
  return schedule.next < today;
}
