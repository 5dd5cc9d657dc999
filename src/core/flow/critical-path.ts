import { addWorkingDays, formatIsoDate, parseIsoDate, type WorkCalendar } from './calendar';
import { parseDuration, toWorkingDays } from './duration';
import type { FlowGraph, FlowStep } from './graph';

/**
 * How long a procedure takes, in working days (FORMAT.md "Durations and dates"): the longest
 * path from the first step to a step where the flow stops, counting each step's `duration`
 * through `calendar.hours_per_day`. Steps that pause the clock count 0; steps without a
 * duration count 0 (`flow/missing-duration` reports them); a fork counts its longest branch;
 * an edge that closes a cycle (a loop back through a decision: "supplement, then check again")
 * is left out, so a loop is never counted twice.
 */
export interface CriticalPath {
  /** Total working days along the path. */
  days: number;
  /** The steps on the path, first step first. */
  steps: FlowStep[];
}

/** Working days a step counts toward the time limit: 0 when it pauses the clock or has no (working-time) duration. */
export function stepWorkingDays(step: FlowStep, hoursPerDay: number): number {
  if (step.pausesClock) return 0;
  const duration = parseDuration(step.step.duration);
  if (!duration) return 0;
  const days = toWorkingDays(duration, hoursPerDay);
  return days !== undefined && Number.isFinite(days) ? days : 0;
}

const PATHS = new WeakMap<FlowGraph, Map<number, CriticalPath | undefined>>();

/**
 * The longest path from the first step to a step where the flow stops (an end, a dead end, or a
 * step whose targets are all unknown), or undefined when no such path exists (`flow/no-end`).
 * Linear in steps + edges: a longest path over the depth-first post-order without back edges.
 * Cached per graph and `hoursPerDay`.
 */
export function criticalPath(graph: FlowGraph, hoursPerDay: number): CriticalPath | undefined {
  let byHours = PATHS.get(graph);
  if (!byHours) PATHS.set(graph, (byHours = new Map()));
  if (byHours.has(hoursPerDay)) return byHours.get(hoursPerDay);
  const result = computeCriticalPath(graph, hoursPerDay);
  byHours.set(hoursPerDay, result);
  return result;
}

function computeCriticalPath(graph: FlowGraph, hoursPerDay: number): CriticalPath | undefined {
  const first = graph.first;
  if (!first) return undefined;
  const n = graph.steps.length;
  const { postOrder, isBackEdge } = graph.depthFirst;
  // best[i]: the longest time from step i (included) to a step where the flow stops; -Infinity when none is reachable.
  const best = new Float64Array(n).fill(-Infinity);
  const choice = new Int32Array(n).fill(-1);
  for (const step of postOrder) {
    const own = stepWorkingDays(step, hoursPerDay);
    if (step.out.length === 0) {
      best[step.index] = own;
      continue;
    }
    let after = -Infinity;
    for (const edge of step.out) {
      if (isBackEdge(edge)) continue;
      const value = best[edge.to.index]!;
      // Strictly greater: on a tie the branch written first wins, so the path is stable.
      if (value > after) {
        after = value;
        choice[step.index] = edge.to.index;
      }
    }
    if (after > -Infinity) best[step.index] = own + after;
  }
  const days = best[first.index]!;
  if (days === -Infinity) return undefined;
  const steps: FlowStep[] = [];
  for (let at = first.index; at !== -1; at = choice[at]!) steps.push(graph.steps[at]!);
  return { days, steps };
}

/**
 * The date on which `days` working days, counted from the day after `receipt`, run out:
 * weekends (days outside `calendar.workdays`) and `calendar.holidays` are skipped; a fraction
 * of a day takes the whole day. `1` working day from a Friday is the next Monday.
 */
export function dueDate(receipt: string | Date, days: number, calendar: WorkCalendar): string | undefined {
  const start = typeof receipt === 'string' ? parseIsoDate(receipt) : receipt;
  if (!start || Number.isNaN(start.getTime()) || !Number.isFinite(days) || days < 0) return undefined;
  return formatIsoDate(addWorkingDays(start, days, calendar));
}

/** Tolerance for comparing sums of fractional days (0.1 + 0.2 is not 0.3 in floating point). */
export const DAYS_EPSILON = 1e-9;

/** True when `total` working days is over `limit` working days, ignoring floating-point noise. */
export function exceeds(total: number, limit: number): boolean {
  return total > limit + DAYS_EPSILON;
}
