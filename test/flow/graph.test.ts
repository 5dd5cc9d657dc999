import { describe, expect, it } from 'vitest';
import { buildFlowGraph, flowGraphOf, stronglyConnectedComponents, type FlowGraph } from '../../src/core/flow/graph';

type StepSpec = Record<string, unknown> & { id: string };
const procedure = (...steps: StepSpec[]) => ({ kind: 'procedure', steps: steps.map((s) => ({ name: s.id, ...s })) });

const ids = (graph: FlowGraph, id: string) => graph.successors(graph.byId.get(id)!).map((s) => s.id);
const reachableIds = (graph: FlowGraph) => graph.steps.filter((s) => graph.reachable.has(s)).map((s) => s.id);

describe('flow graph: successors', () => {
  it('follows list order; the last step ends', () => {
    const graph = buildFlowGraph(procedure({ id: 'a' }, { id: 'b' }, { id: 'c' }));
    expect(ids(graph, 'a')).toEqual(['b']);
    expect(ids(graph, 'b')).toEqual(['c']);
    expect(ids(graph, 'c')).toEqual([]);
    expect(graph.steps.map((s) => s.exit)).toEqual(['follow', 'follow', 'end']);
    expect(graph.ends.map((s) => s.id)).toEqual(['c']);
    expect(graph.first?.id).toBe('a');
    expect(graph.edges.map((e) => [e.from.id, e.to.id, e.kind, e.pointer])).toEqual([
      ['a', 'b', 'follow', undefined],
      ['b', 'c', 'follow', undefined],
    ]);
  });

  it('takes `next` over list order', () => {
    const graph = buildFlowGraph(procedure({ id: 'a', next: 'c' }, { id: 'b', end: true }, { id: 'c', next: 'b' }));
    expect(ids(graph, 'a')).toEqual(['c']);
    expect(ids(graph, 'c')).toEqual(['b']);
    expect(graph.edges[0]!.pointer).toBe('/steps/0/next');
  });

  it('forks on a list of `next`', () => {
    const graph = buildFlowGraph(procedure({ id: 'a', next: ['b', 'c'] }, { id: 'b', end: true }, { id: 'c', end: true }));
    expect(ids(graph, 'a')).toEqual(['b', 'c']);
    expect(graph.byId.get('a')!.out.map((e) => e.pointer)).toEqual(['/steps/0/next/0', '/steps/0/next/1']);
    expect(graph.byId.get('a')!.isDecision).toBe(false);
  });

  it('takes branches (with their labels) over `next`', () => {
    const graph = buildFlowGraph(
      procedure(
        { id: 'a', decision: 'OK?', next: 'c', branches: [{ when: 'Có', next: 'b' }, { when: 'Không', next: 'c' }] },
        { id: 'b', end: true },
        { id: 'c' },
      ),
    );
    const a = graph.byId.get('a')!;
    expect(a.exit).toBe('branches');
    expect(a.isDecision).toBe(true);
    expect(a.out.map((e) => [e.to.id, e.label, e.kind, e.pointer])).toEqual([
      ['b', 'Có', 'branch', '/steps/0/branches/0/next'],
      ['c', 'Không', 'branch', '/steps/0/branches/1/next'],
    ]);
  });

  it('stops at `end: true` even when steps follow', () => {
    const graph = buildFlowGraph(procedure({ id: 'a', end: true }, { id: 'b' }));
    expect(ids(graph, 'a')).toEqual([]);
    expect(graph.byId.get('a')!.exit).toBe('end');
    expect(reachableIds(graph)).toEqual(['a']);
  });

  it('goes nowhere on an explicit empty `next` (a dead end, unless the step says end: true)', () => {
    const graph = buildFlowGraph(procedure({ id: 'a', next: [] }, { id: 'b', next: [], end: true }, { id: 'c' }));
    expect(ids(graph, 'a')).toEqual([]);
    expect(graph.byId.get('a')!.exit).toBe('dead-end');
    expect(graph.byId.get('b')!.exit).toBe('end');
    expect(graph.deadEnds.map((s) => s.id)).toEqual(['a']);
  });

  it('leaves unknown targets out and remembers them', () => {
    const graph = buildFlowGraph(procedure({ id: 'a', next: ['b', 'zz'] }, { id: 'b', branches: [{ when: 'x', next: 'yy' }, { when: 'y', next: 'a' }] }));
    expect(ids(graph, 'a')).toEqual(['b']);
    expect(graph.byId.get('a')!.unknownTargets).toEqual([{ id: 'zz', pointer: '/steps/0/next/1' }]);
    expect(graph.byId.get('b')!.unknownTargets).toEqual([{ id: 'yy', pointer: '/steps/1/branches/0/next' }]);
  });

  it('sends references to the first of two steps with the same id, and marks the second', () => {
    const graph = buildFlowGraph(procedure({ id: 'a', next: 'b' }, { id: 'b', end: true }, { id: 'b', end: true }));
    expect(graph.steps[1]!.duplicate).toBe(false);
    expect(graph.steps[2]!.duplicate).toBe(true);
    expect(graph.successors(graph.steps[0]!)).toEqual([graph.steps[1]]);
  });

  it('never throws on malformed values', () => {
    for (const model of [undefined, null, 3, 'x', {}, { steps: 'x' }, { steps: [null, 4, 'x', { id: 5, next: 7, branches: 'no' }, { branches: [null, { next: 3 }] }] }]) {
      expect(() => {
        const graph = buildFlowGraph(model);
        void graph.reachable;
        void graph.loopsWithoutDecision;
      }).not.toThrow();
    }
    const graph = buildFlowGraph({ steps: [null, { id: 'b' }] });
    expect(graph.steps[0]!.exit).toBe('follow');
    expect(graph.successors(graph.steps[0]!)[0]!.id).toBe('b');
  });

  it('is built once per model object', () => {
    const model = procedure({ id: 'a' });
    expect(flowGraphOf(model)).toBe(flowGraphOf(model));
    expect(flowGraphOf(procedure({ id: 'a' }))).not.toBe(flowGraphOf(model));
  });
});

describe('flow graph: reachability', () => {
  it('reaches what a path from the first step reaches', () => {
    const graph = buildFlowGraph(
      procedure(
        { id: 'tiep-nhan' },
        { id: 'kiem-tra', decision: 'Hợp lệ?', branches: [{ when: 'Có', next: 'trinh-ky' }, { when: 'Không', next: 'tu-choi' }] },
        { id: 'mo-coi', next: 'trinh-ky' },
        { id: 'trinh-ky', next: ['tra-ket-qua', 'luu'] },
        { id: 'tra-ket-qua', end: true },
        { id: 'luu', end: true },
        { id: 'tu-choi', end: true },
      ),
    );
    expect(reachableIds(graph)).toEqual(['tiep-nhan', 'kiem-tra', 'trinh-ky', 'tra-ket-qua', 'luu', 'tu-choi']);
    expect(graph.reachesEnd).toBe(true);
  });

  it('knows when no end can be reached', () => {
    const graph = buildFlowGraph(procedure({ id: 'a' }, { id: 'b', next: 'a' }, { id: 'c', end: true }));
    expect(graph.reachesEnd).toBe(false);
    expect(reachableIds(graph)).toEqual(['a', 'b']);
  });

  it('has nothing to reach without steps', () => {
    const graph = buildFlowGraph({ steps: [] });
    expect(graph.first).toBeUndefined();
    expect(graph.reachable.size).toBe(0);
    expect(graph.reachesEnd).toBe(false);
  });
});

describe('flow graph: loops without a decision', () => {
  it('finds a cycle with no decision and the edge that closes it', () => {
    const graph = buildFlowGraph(procedure({ id: 'a' }, { id: 'b' }, { id: 'c', next: 'b' }, { id: 'd', end: true }));
    const loops = graph.loopsWithoutDecision;
    expect(loops).toHaveLength(1);
    expect(loops[0]!.steps.map((s) => s.id)).toEqual(['b', 'c']);
    expect(loops[0]!.closingEdge.pointer).toBe('/steps/2/next');
    expect(loops[0]!.cycle.map((s) => s.id)).toEqual(['b', 'c', 'b']);
  });

  it('counts a self-loop', () => {
    const graph = buildFlowGraph(procedure({ id: 'a', next: 'a' }, { id: 'b', end: true }));
    expect(graph.loopsWithoutDecision.map((l) => l.cycle.map((s) => s.id))).toEqual([['a', 'a']]);
  });

  it('does not count a cycle through a decision (supplement, then check again)', () => {
    const graph = buildFlowGraph(
      procedure(
        { id: 'tiep-nhan' },
        { id: 'kiem-tra', decision: 'Đủ?', branches: [{ when: 'Có', next: 'giai-quyet' }, { when: 'Không', next: 'bo-sung' }] },
        { id: 'bo-sung', pauses_clock: true, next: 'kiem-tra' },
        { id: 'giai-quyet', end: true },
      ),
    );
    expect(graph.loopsWithoutDecision).toEqual([]);
    expect(graph.reachesEnd).toBe(true);
  });

  it('finds loops among unreachable steps too, one per component', () => {
    const graph = buildFlowGraph(procedure({ id: 'a', end: true }, { id: 'b', next: 'c' }, { id: 'c', next: 'b' }, { id: 'd', next: ['d'] }));
    expect(graph.loopsWithoutDecision.map((l) => l.cycle.map((s) => s.id))).toEqual([
      ['b', 'c', 'b'],
      ['d', 'd'],
    ]);
  });

  it('finds the strongly connected components in linear passes', () => {
    const graph = buildFlowGraph(procedure({ id: 'a' }, { id: 'b' }, { id: 'c', next: ['a', 'd'] }, { id: 'd', next: 'e' }, { id: 'e', next: 'd' }));
    const components = stronglyConnectedComponents(graph.steps).map((c) => c.map((i) => graph.steps[i]!.id)).sort();
    expect(components).toEqual([['a', 'b', 'c'], ['d', 'e']]);
  });

  it('handles a long chain without deep recursion', () => {
    const n = 50_000;
    const steps = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `s${i}`, ...(i === n - 1 ? { next: 's0' } : {}) }));
    const graph = buildFlowGraph({ steps });
    expect(graph.loopsWithoutDecision).toHaveLength(1);
    expect(graph.loopsWithoutDecision[0]!.cycle).toHaveLength(n + 1);
  });
});
