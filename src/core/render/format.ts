import type { Locale } from '../findings';
import { parseIsoDate } from '../flow/calendar';
import { parseDuration, type Duration } from '../flow/duration';

/**
 * Locale-aware formatting shared by the view models and the template helpers, so that a date
 * or a duration reads the same wherever a template prints it. Pure functions of their inputs:
 * nothing here reads the clock or the machine's locale (generated documents must be
 * byte-identical from one run, and one machine, to the next).
 */

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** `2026-02-20` → `20/02/2026` (vi) or `2026-02-20` (en); text that is not an ISO date is returned as is. */
export function formatDate(iso: string, locale: Locale): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return locale === 'vi' ? `${pad2(date.getUTCDate())}/${pad2(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}` : iso;
}

/**
 * The long form: `ngày 20 tháng 02 năm 2026` (vi, Decree 30/2020 Appendix I: a day below 10 and
 * the months January and February take a leading zero, other months do not) or `20 February 2026` (en).
 */
export function formatLongDate(iso: string, locale: Locale): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  const day = date.getUTCDate();
  const month = date.getUTCMonth() + 1;
  const year = date.getUTCFullYear();
  if (locale === 'vi') return `ngày ${pad2(day)} tháng ${month <= 2 ? pad2(month) : String(month)} năm ${year}`;
  return `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** A number as the locale writes it: `1.5` → `1,5` (vi) or `1.5` (en); thousands grouped (`50.000` vi, `50,000` en). */
export function formatNumber(value: number, locale: Locale, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(value * factor) / factor;
  const negative = rounded < 0;
  const [whole, fraction] = Math.abs(rounded).toFixed(maxDecimals).split('.') as [string, string | undefined];
  const trimmed = (fraction ?? '').replace(/0+$/, '');
  const group = locale === 'vi' ? '.' : ',';
  const decimal = locale === 'vi' ? ',' : '.';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? '-' : ''}${grouped}${trimmed ? decimal + trimmed : ''}`;
}

const UNIT_WORDS: Record<Locale, Record<Duration['unit'], [one: string, many: string]>> = {
  en: {
    minutes: ['minute', 'minutes'],
    hours: ['hour', 'hours'],
    workingDays: ['working day', 'working days'],
    months: ['month', 'months'],
    years: ['year', 'years'],
  },
  vi: {
    minutes: ['phút', 'phút'],
    hours: ['giờ', 'giờ'],
    workingDays: ['ngày làm việc', 'ngày làm việc'],
    months: ['tháng', 'tháng'],
    years: ['năm', 'năm'],
  },
};

/** A parsed duration in words: `{1.5, hours}` → `1,5 giờ` (vi) or `1.5 hours` (en). */
export function durationWords(duration: Duration, locale: Locale): string {
  const [one, many] = UNIT_WORDS[locale][duration.unit];
  return `${formatNumber(duration.value, locale)} ${duration.value === 1 ? one : many}`;
}

/**
 * A duration as written in the YAML (`2 hours`, `0.5 working days`, `15 phút`), in the words of
 * the document's locale. Text that is not a duration is returned as written (trimmed).
 */
export function formatDuration(text: string, locale: Locale): string {
  const duration = parseDuration(text);
  return duration ? durationWords(duration, locale) : text.trim();
}

/** Working days as words, for totals: `0.94` → `0,94 ngày làm việc`; `1` → `1 working day`. */
export function formatWorkingDays(days: number, locale: Locale): string {
  return durationWords({ value: Math.round(days * 100) / 100, unit: 'workingDays' }, locale);
}

/** Working time as hours and minutes: `7.5` hours → `7 giờ 30 phút` / `7 hours 30 minutes`. */
export function formatHours(hours: number, locale: Locale): string {
  const totalMinutes = Math.round(hours * 60);
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  const parts: string[] = [];
  if (h > 0 || m === 0) parts.push(durationWords({ value: h, unit: 'hours' }, locale));
  if (m > 0) parts.push(durationWords({ value: m, unit: 'minutes' }, locale));
  return parts.join(' ');
}

/** A retention period: `10 years` → `10 năm`; `permanent` / `vĩnh viễn` → `Vĩnh viễn` / `Permanent`. */
export function formatRetention(text: string, locale: Locale): string {
  const trimmed = text.trim();
  if (/^(permanent|permanently|vĩnh viễn)$/iu.test(trimmed.normalize('NFC'))) return locale === 'vi' ? 'Vĩnh viễn' : 'Permanent';
  return formatDuration(trimmed, locale);
}

/** A counter on two digits, as Vietnamese headers print issue numbers: `2` → `02`. */
export function twoDigits(value: number): string {
  return Number.isInteger(value) && value >= 0 && value < 100 ? pad2(value) : String(value);
}
