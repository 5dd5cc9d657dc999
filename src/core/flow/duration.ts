/**
 * Durations as people write them: `2 hours`, `0.5 working days`, `1 hour`, `3 ngày làm việc`,
 * `12 months`, `10 years`. `N days` means working days (FORMAT.md). The schema has already
 * checked the shape; parsing here is tolerant and returns undefined for anything else.
 */
export type DurationUnit = 'minutes' | 'hours' | 'workingDays' | 'months' | 'years';

export interface Duration {
  value: number;
  unit: DurationUnit;
}

const UNITS: Array<[RegExp, DurationUnit]> = [
  [/^(minutes?|phút)$/, 'minutes'],
  [/^(hours?|giờ)$/, 'hours'],
  [/^(working\s+days?|days?|ngày\s+làm\s+việc|ngày)$/, 'workingDays'],
  [/^(months?|tháng)$/, 'months'],
  [/^(years?|năm)$/, 'years'],
];

export function parseDuration(text: unknown): Duration | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s+(.+?)\s*$/u.exec(text.normalize('NFC'));
  if (!match) return undefined;
  const unitText = match[2]!.toLowerCase();
  const unit = UNITS.find(([pattern]) => pattern.test(unitText))?.[1];
  return unit ? { value: Number(match[1]), unit } : undefined;
}

/** Working time in working days (hours through `hours_per_day`); months and years are not working time. */
export function toWorkingDays(duration: Duration, hoursPerDay: number): number | undefined {
  switch (duration.unit) {
    case 'minutes':
      return duration.value / 60 / hoursPerDay;
    case 'hours':
      return duration.value / hoursPerDay;
    case 'workingDays':
      return duration.value;
    default:
      return undefined;
  }
}

/** Working days with at most three decimals, no trailing zeros: 0.9375 → "0.938", 1 → "1". */
export function formatDays(days: number): string {
  return String(Math.round(days * 1000) / 1000);
}
