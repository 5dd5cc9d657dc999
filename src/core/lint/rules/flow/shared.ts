import type { LocalizedText } from '../../../findings';
import { formatDays, parseDuration, type Duration } from '../../../flow/duration';
import { flowGraphOf, type FlowGraph, type FlowStep } from '../../../flow/graph';
import type { QmsFile } from '../../../model/types';

/**
 * Helpers shared by the flow/* and time/* rules: the cached step graph of a procedure and the
 * wording of steps and durations in messages.
 */

/** The step graph of a procedure model (built once per model, shared by every rule), or undefined. */
export function procedureGraph(model: QmsFile): FlowGraph | undefined {
  if (model.kind !== 'procedure' || !Array.isArray(model.steps)) return undefined;
  return flowGraphOf(model);
}

/** A step as a message names it: `tiep-nhan` (Tiếp nhận hồ sơ). */
export function stepLabel(step: FlowStep): string {
  const id = step.id ?? `#${step.index + 1}`;
  return step.name ? `\`${id}\` (${step.name})` : `\`${id}\``;
}

/** A step id in backticks, or its position when it has none. */
export function stepId(step: FlowStep): string {
  return `\`${step.id ?? `#${step.index + 1}`}\``;
}

function amount(value: number): string {
  return formatDays(value);
}

/** A number of working days in words: "1 working day", "1.25 working days" / "1.25 ngày làm việc". */
export function workingDaysText(days: number): LocalizedText {
  const n = amount(days);
  return { en: `${n} ${n === '1' ? 'working day' : 'working days'}`, vi: `${n} ngày làm việc` };
}

/** A duration in the reader's language: "2 hours" / "2 giờ". */
export function durationText(duration: Duration): LocalizedText {
  const n = amount(duration.value);
  const one = n === '1';
  switch (duration.unit) {
    case 'minutes':
      return { en: `${n} ${one ? 'minute' : 'minutes'}`, vi: `${n} phút` };
    case 'hours':
      return { en: `${n} ${one ? 'hour' : 'hours'}`, vi: `${n} giờ` };
    case 'workingDays':
      return workingDaysText(duration.value);
    case 'months':
      return { en: `${n} ${one ? 'month' : 'months'}`, vi: `${n} tháng` };
    case 'years':
      return { en: `${n} ${one ? 'year' : 'years'}`, vi: `${n} năm` };
  }
}

/**
 * The steps of a path by name, with the time each one counts: "Tiếp nhận hồ sơ (2 hours) →
 * Kiểm tra hồ sơ (2 hours) → Trả kết quả". Steps that pause the clock or have no duration show
 * their name alone.
 */
export function pathText(steps: readonly FlowStep[]): LocalizedText {
  const part = (step: FlowStep, locale: 'en' | 'vi') => {
    const name = step.name ?? step.id ?? `#${step.index + 1}`;
    const duration = step.pausesClock ? undefined : parseDuration(step.step.duration);
    return duration ? `${name} (${durationText(duration)[locale]})` : name;
  };
  return {
    en: steps.map((s) => part(s, 'en')).join(' → '),
    vi: steps.map((s) => part(s, 'vi')).join(' → '),
  };
}
