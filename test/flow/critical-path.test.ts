import { describe, expect, it } from 'vitest';
import { calendarOf, parseIsoDate, workingDaysBetween } from '../../src/core/flow/calendar';
import { criticalPath, dueDate, exceeds, stepWorkingDays } from '../../src/core/flow/critical-path';
import { buildFlowGraph } from '../../src/core/flow/graph';
import type { SystemFile } from '../../src/core/model/types';

type StepSpec = Record<string, unknown> & { id: string };
const graphOf = (...steps: StepSpec[]) => buildFlowGraph({ kind: 'procedure', steps: steps.map((s) => ({ name: s.id, ...s })) });
const pathIds = (path: ReturnType<typeof criticalPath>) => path?.steps.map((s) => s.id);

/** Vietnamese calendar with the 30/4 – 1/5 and 2/9 holidays (1/9 is the adjacent day off in 2026). */
const system = {
  kind: 'system',
  organization: { name: 'Ban CHQS' },
  roles: [],
  calendar: { workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], hours_per_day: 8, holidays: ['2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02'] },
} as SystemFile;
const calendar = calendarOf(system);

describe('critical path', () => {
  it('adds hours into fractional working days: 3 × 3 hours at 8 hours a day is 1.125', () => {
    const path = criticalPath(graphOf({ id: 'a', duration: '3 hours' }, { id: 'b', duration: '3 giờ' }, { id: 'c', duration: '180 minutes' }), 8);
    expect(path?.days).toBe(1.125);
    expect(pathIds(path)).toEqual(['a', 'b', 'c']);
    expect(exceeds(path!.days, 1)).toBe(true);
  });

  it('uses calendar.hours_per_day', () => {
    const graph = graphOf({ id: 'a', duration: '3 hours' }, { id: 'b', duration: '4.5 hours' });
    expect(criticalPath(graph, 7.5)?.days).toBe(1);
    expect(criticalPath(graph, 8)?.days).toBe(0.9375);
  });

  it('counts a fork by its longest branch, and the steps after the join once', () => {
    const path = criticalPath(
      graphOf(
        { id: 'tiep-nhan', duration: '0.5 working days' },
        { id: 'trinh-ky', duration: '2 hours', next: ['lap-giay', 'niem-phong'] },
        { id: 'lap-giay', duration: '1 hour', next: 'ky-duyet' },
        { id: 'niem-phong', duration: '3 hours', next: 'ky-duyet' },
        { id: 'ky-duyet', duration: '1 hour', next: ['tra-ket-qua', 'luu-ho-so'] },
        { id: 'tra-ket-qua', duration: '1 hour', end: true },
        { id: 'luu-ho-so', duration: '2 hours', end: true },
      ),
      8,
    );
    // 4 + 2 + max(1, 3) + 1 + max(1, 2) = 12 hours
    expect(path?.days).toBe(1.5);
    expect(pathIds(path)).toEqual(['tiep-nhan', 'trinh-ky', 'niem-phong', 'ky-duyet', 'luu-ho-so']);
  });

  it('does not count a step that pauses the clock, and counts a loop back through a decision once', () => {
    const graph = graphOf(
      { id: 'tiep-nhan', duration: '2 hours' },
      { id: 'kiem-tra', duration: '2 hours', decision: 'Hồ sơ đầy đủ?', branches: [{ when: 'Có', next: 'giai-quyet' }, { when: 'Không', next: 'bo-sung' }] },
      { id: 'bo-sung', duration: '5 working days', pauses_clock: true, next: 'kiem-tra' },
      { id: 'giai-quyet', duration: '2 hours', end: true },
    );
    const path = criticalPath(graph, 8);
    expect(path?.days).toBe(0.75);
    expect(pathIds(path)).toEqual(['tiep-nhan', 'kiem-tra', 'giai-quyet']);
    expect(stepWorkingDays(graph.byId.get('bo-sung')!, 8)).toBe(0);
  });

  it('takes the longer outcome of a decision, even when it ends at a paused step', () => {
    const path = criticalPath(
      graphOf(
        { id: 'kiem-tra', duration: '1 hour', decision: 'Hợp lệ?', branches: [{ when: 'Có', next: 'giai-quyet' }, { when: 'Không', next: 'huong-dan' }] },
        { id: 'huong-dan', duration: '2 working days', pauses_clock: true, end: true },
        { id: 'giai-quyet', duration: '0.25 working days', end: true },
      ),
      8,
    );
    expect(path?.days).toBe(0.375);
    expect(pathIds(path)).toEqual(['kiem-tra', 'giai-quyet']);
  });

  it('counts 0 for a zero-duration step and for a step without duration', () => {
    const graph = graphOf({ id: 'a', duration: '0.5 ngày làm việc' }, { id: 'b' }, { id: 'tra-ket-qua', duration: '0 ngày' });
    expect(stepWorkingDays(graph.byId.get('b')!, 8)).toBe(0);
    expect(stepWorkingDays(graph.byId.get('tra-ket-qua')!, 8)).toBe(0);
    const path = criticalPath(graph, 8);
    expect(path?.days).toBe(0.5);
    expect(pathIds(path)).toEqual(['a', 'b', 'tra-ket-qua']);
  });

  it('prefers the branch written first on a tie', () => {
    const path = criticalPath(graphOf({ id: 'a', next: ['b', 'c'] }, { id: 'b', duration: '1 hour', end: true }, { id: 'c', duration: '60 minutes', end: true }), 8);
    expect(pathIds(path)).toEqual(['a', 'b']);
  });

  it('has no critical path when no end can be reached', () => {
    expect(criticalPath(graphOf({ id: 'a', duration: '1 hour' }, { id: 'b', next: 'a' }), 8)).toBeUndefined();
    expect(criticalPath(buildFlowGraph({ steps: [] }), 8)).toBeUndefined();
  });

  it('compares sums of fractions without floating-point noise', () => {
    const path = criticalPath(graphOf({ id: 'a', duration: '0.1 working days' }, { id: 'b', duration: '0.2 working days' }), 8);
    expect(path!.days).not.toBe(0.3);
    expect(exceeds(path!.days, 0.3)).toBe(false);
    expect(exceeds(path!.days, 0.29)).toBe(true);
  });
});

describe('deadline: working days from receipt', () => {
  it('skips a weekend: 1 working day from a Friday ends on Monday', () => {
    expect(dueDate('2026-05-08', 1, calendar)).toBe('2026-05-11');
  });

  it('skips a weekend and holidays: 3 working days from Friday 28/8 end on Friday 4/9 (1/9 and 2/9 off)', () => {
    expect(dueDate('2026-08-28', 3, calendar)).toBe('2026-09-04');
    expect(workingDaysBetween(parseIsoDate('2026-08-28')!, parseIsoDate('2026-09-04')!, calendar)).toBe(3);
  });

  it('rounds a fractional critical path up to the day: 1.125 working days from Wednesday 29/4 end on Tuesday 5/5', () => {
    const path = criticalPath(graphOf({ id: 'a', duration: '3 hours' }, { id: 'b', duration: '3 hours' }, { id: 'c', duration: '3 hours' }), calendar.hoursPerDay);
    expect(path?.days).toBe(1.125);
    // 30/4 and 1/5 are holidays, 2/5 and 3/5 a weekend: Monday 4/5 is day 1, Tuesday 5/5 day 2.
    expect(dueDate('2026-04-29', path!.days, calendar)).toBe('2026-05-05');
    // Within a 1-working-day limit it would have been due on Monday 4/5.
    expect(dueDate('2026-04-29', 1, calendar)).toBe('2026-05-04');
  });

  it('ends the same day for 0 working days and refuses a bad date', () => {
    expect(dueDate('2026-08-28', 0, calendar)).toBe('2026-08-28');
    expect(dueDate('2026-02-30', 1, calendar)).toBeUndefined();
    expect(dueDate('2026-08-28', Number.NaN, calendar)).toBeUndefined();
  });
});
