import type { SystemFile, Weekday } from '../model/types';

/**
 * Working-day arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so that the result never depends
 * on the machine's time zone.
 */
export interface WorkCalendar {
  workdays: ReadonlySet<Weekday>;
  hoursPerDay: number;
  holidays: ReadonlySet<string>;
}

export const DEFAULT_HOURS_PER_DAY = 8;
const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function calendarOf(system: SystemFile | undefined): WorkCalendar {
  const calendar = system?.calendar;
  const workdays = Array.isArray(calendar?.workdays) && calendar.workdays.length ? calendar.workdays : (['mon', 'tue', 'wed', 'thu', 'fri'] as Weekday[]);
  const hoursPerDay = typeof calendar?.hours_per_day === 'number' && calendar.hours_per_day > 0 ? calendar.hours_per_day : DEFAULT_HOURS_PER_DAY;
  const holidays = Array.isArray(calendar?.holidays) ? calendar.holidays.filter((d): d is string => typeof d === 'string') : [];
  return { workdays: new Set(workdays), hoursPerDay, holidays: new Set(holidays) };
}

export function parseIsoDate(text: unknown): Date | undefined {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || formatIsoDate(date) !== text ? undefined : date;
}

export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function isWorkingDay(date: Date, calendar: WorkCalendar): boolean {
  return calendar.workdays.has(WEEKDAYS[date.getUTCDay()]!) && !calendar.holidays.has(formatIsoDate(date));
}

/**
 * The date on which `days` working days counted from `start` run out: a limit of 1 working day
 * received on a Friday ends on Monday (or later, across holidays). Fractions round up to the day.
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkCalendar): Date {
  if (calendar.workdays.size === 0) return new Date(start);
  let remaining = Math.ceil(days - 1e-9);
  const date = new Date(start);
  while (remaining > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isWorkingDay(date, calendar)) remaining--;
  }
  return date;
}

/** Working days strictly after `from` up to and including `to`. */
export function workingDaysBetween(from: Date, to: Date, calendar: WorkCalendar): number {
  let count = 0;
  const date = new Date(from);
  while (date < to) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isWorkingDay(date, calendar)) count++;
  }
  return count;
}

/** A calendar period added to a date: `12 months` after 2026-01-31 is 2027-01-31; 1 month after it is 2026-02-28. */
export function addCalendarPeriod(start: Date, amount: number, unit: 'months' | 'years'): Date {
  const months = unit === 'years' ? amount * 12 : amount;
  const whole = Math.floor(months);
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth() + whole;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay)));
  const fraction = months - whole;
  if (fraction > 0) result.setUTCDate(result.getUTCDate() + Math.round(fraction * 30));
  return result;
}
