import type { Step } from '../model/types';

/**
 * The step graph of a procedure, as FORMAT.md defines the flow:
 *
 * - `branches[].next` when the step has branches (a decision);
 * - else `next`: one step id, or a list of ids (a fork, run in parallel); an explicit empty
 *   list goes nowhere (a dead end, unless the step also says `end: true`);
 * - else `end: true`: the flow ends;
 * - else the following step in list order; the last step of the list ends the flow.
 *
 * Targets that name no step are left out of the graph (`ref/unknown-step` reports them) and kept
 * in `unknownTargets`. Pure data: no lint types here, so the diagram and the renderer share it.
 * Build it with `flowGraphOf(model)`: one graph per procedure model, cached.
 */

/** How a step's successors were decided. */
export type StepExit =
  /** `branches[].next` (a decision). */
  | 'branches'
  /** `next`: one step, or a non-empty list (a fork). */
  | 'next'
  /** `end: true`, or the last step of the list with nothing that says otherwise. */
  | 'end'
  /** `next: []` without `end: true`: a non-end step with nowhere to go. */
  | 'dead-end'
  /** Nothing said: the following step in list order. */
  | 'follow';

export interface FlowStep {
  /** Position in `steps`. */
  index: number;
  /** The step id, when it is a string. */
  id: string | undefined;
  /** The step name, when it is a string. */
  name: string | undefined;
  /** The step as written (an empty object when the item is not a mapping). */
  step: Partial<Step>;
  /** JSON pointer of the step: `/steps/3`. */
  pointer: string;
  exit: StepExit;
  /** True when the step has branches: its way out depends on a condition. */
  isDecision: boolean;
  /** True when the step says `pauses_clock: true`. */
  pausesClock: boolean;
  /** True when an earlier step has the same id (`ref/duplicate-id` reports it; references go to the first). */
  duplicate: boolean;
  /** Outgoing edges, in the order the file writes them. */
  out: FlowEdge[];
  /** Targets this step names that no step defines, with the pointer of each reference. */
  unknownTargets: Array<{ id: string; pointer: string }>;
}

export interface FlowEdge {
  /** Position in `FlowGraph.edges`. */
  index: number;
  from: FlowStep;
  to: FlowStep;
  kind: 'branch' | 'next' | 'follow';
  /** The branch's `when`, for a decision's edge. */
  label?: string;
  /** JSON pointer of the reference (`/steps/1/branches/0/next`, `/steps/4/next/1`); none for a follow-on edge. */
  pointer?: string;
}

/** A cycle that contains no decision: once entered, it can never be left. */
export interface FlowLoop {
  /** The steps of the strongly connected component, in list order. */
  steps: FlowStep[];
  /** The edge that closes the loop (a back edge of the depth-first search from the first step). */
  closingEdge: FlowEdge;
  /** One cycle through that edge, as steps, first step repeated at the end: a → b → a. */
  cycle: FlowStep[];
}

export interface DepthFirst {
  /** Edges that lead back to a step still being explored: they close a cycle. */
  isBackEdge: (edge: FlowEdge) => boolean;
  /** Every step once, each after all the steps it leads to (except through back edges). */
  postOrder: FlowStep[];
  /** The tree edge by which each step was first reached (by index). */
  parent: ReadonlyArray<FlowEdge | undefined>;
}

export class FlowGraph {
  readonly steps: readonly FlowStep[];
  /** Steps by id; the first one when an id is duplicated. */
  readonly byId: ReadonlyMap<string, FlowStep>;
  readonly edges: readonly FlowEdge[];

  private reachableCache: ReadonlySet<FlowStep> | undefined;
  private dfsCache: DepthFirst | undefined;
  private loopsCache: readonly FlowLoop[] | undefined;

  constructor(steps: FlowStep[], byId: Map<string, FlowStep>, edges: FlowEdge[]) {
    this.steps = steps;
    this.byId = byId;
    this.edges = edges;
  }

  /** The first step of the list: where the flow starts. */
  get first(): FlowStep | undefined {
    return this.steps[0];
  }

  successors(step: FlowStep): FlowStep[] {
    return step.out.map((edge) => edge.to);
  }

  /** Steps where the flow ends (`end: true`, or the last step). */
  get ends(): FlowStep[] {
    return this.steps.filter((step) => step.exit === 'end');
  }

  /** Non-end steps with nowhere to go (`next: []`). */
  get deadEnds(): FlowStep[] {
    return this.steps.filter((step) => step.exit === 'dead-end');
  }

  /** Steps some path from the first step reaches (the first step included). */
  get reachable(): ReadonlySet<FlowStep> {
    if (!this.reachableCache) {
      const seen = new Set<FlowStep>();
      const first = this.first;
      if (first) {
        seen.add(first);
        const queue = [first];
        for (let i = 0; i < queue.length; i++) {
          for (const edge of queue[i]!.out) {
            if (!seen.has(edge.to)) {
              seen.add(edge.to);
              queue.push(edge.to);
            }
          }
        }
      }
      this.reachableCache = seen;
    }
    return this.reachableCache;
  }

  /** True when a path from the first step reaches an end. */
  get reachesEnd(): boolean {
    for (const step of this.reachable) if (step.exit === 'end') return true;
    return false;
  }

  /**
   * Depth-first search from the first step, then from each step not yet seen in list order,
   * following edges in file order. Its back edges are the edges that close a cycle; without
   * them the graph is acyclic and `postOrder` is a reverse topological order.
   */
  get depthFirst(): DepthFirst {
    if (!this.dfsCache) this.dfsCache = depthFirst(this.steps, this.edges.length);
    return this.dfsCache;
  }

  /** Cycles without a decision step, one per strongly connected component (a self-loop counts). */
  get loopsWithoutDecision(): readonly FlowLoop[] {
    if (!this.loopsCache) this.loopsCache = loopsWithoutDecision(this);
    return this.loopsCache;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Build the graph of a procedure model (or anything with a `steps` list); tolerant of malformed values. */
export function buildFlowGraph(model: unknown): FlowGraph {
  const rawSteps = isRecord(model) && Array.isArray(model.steps) ? (model.steps as unknown[]) : [];
  const steps: FlowStep[] = [];
  const byId = new Map<string, FlowStep>();
  rawSteps.forEach((raw, index) => {
    const step = (isRecord(raw) ? raw : {}) as Partial<Step>;
    const id = typeof step.id === 'string' ? step.id : undefined;
    const node: FlowStep = {
      index,
      id,
      name: typeof step.name === 'string' ? step.name : undefined,
      step,
      pointer: `/steps/${index}`,
      exit: 'follow',
      isDecision: false,
      pausesClock: step.pauses_clock === true,
      duplicate: id !== undefined && byId.has(id),
      out: [],
      unknownTargets: [],
    };
    if (id !== undefined && !node.duplicate) byId.set(id, node);
    steps.push(node);
  });

  const edges: FlowEdge[] = [];
  const link = (from: FlowStep, target: unknown, kind: FlowEdge['kind'], pointer: string | undefined, label?: string) => {
    if (typeof target !== 'string') return;
    const to = byId.get(target);
    if (!to) {
      if (pointer) from.unknownTargets.push({ id: target, pointer });
      return;
    }
    const edge: FlowEdge = { index: edges.length, from, to, kind };
    if (label !== undefined) edge.label = label;
    if (pointer !== undefined) edge.pointer = pointer;
    edges.push(edge);
    from.out.push(edge);
  };

  for (const node of steps) {
    const { step, pointer } = node;
    const branches = step.branches as unknown;
    const next = step.next as unknown;
    if (Array.isArray(branches) && branches.length > 0) {
      node.exit = 'branches';
      node.isDecision = true;
      branches.forEach((branch, j) => {
        if (!isRecord(branch)) return;
        const when = typeof branch.when === 'string' ? branch.when : undefined;
        link(node, branch.next, 'branch', `${pointer}/branches/${j}/next`, when);
      });
    } else if (typeof next === 'string') {
      node.exit = 'next';
      link(node, next, 'next', `${pointer}/next`);
    } else if (Array.isArray(next)) {
      if (next.length === 0) node.exit = step.end === true ? 'end' : 'dead-end';
      else {
        node.exit = 'next';
        next.forEach((target, j) => link(node, target, 'next', `${pointer}/next/${j}`));
      }
    } else if (step.end === true || node.index === steps.length - 1) {
      node.exit = 'end';
    } else {
      node.exit = 'follow';
      // The following step, whatever its id (even a duplicate or a missing one).
      const to = steps[node.index + 1]!;
      const edge: FlowEdge = { index: edges.length, from: node, to, kind: 'follow' };
      edges.push(edge);
      node.out.push(edge);
    }
  }
  return new FlowGraph(steps, byId, edges);
}

const GRAPHS = new WeakMap<object, FlowGraph>();

/** The graph of a procedure model, built once per model object and shared by every caller. */
export function flowGraphOf(model: object): FlowGraph {
  let graph = GRAPHS.get(model);
  if (!graph) {
    graph = buildFlowGraph(model);
    GRAPHS.set(model, graph);
  }
  return graph;
}

function depthFirst(steps: readonly FlowStep[], edgeCount: number): DepthFirst {
  const n = steps.length;
  // 0: not seen, 1: being explored (on the stack), 2: done.
  const state = new Uint8Array(n);
  const back = new Uint8Array(edgeCount);
  const parent: Array<FlowEdge | undefined> = new Array(n).fill(undefined);
  const postOrder: FlowStep[] = [];
  const stackNode: number[] = [];
  const stackNext: number[] = [];
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    state[root] = 1;
    stackNode.push(root);
    stackNext.push(0);
    while (stackNode.length) {
      const top = stackNode.length - 1;
      const node = steps[stackNode[top]!]!;
      const i = stackNext[top]!;
      if (i < node.out.length) {
        stackNext[top] = i + 1;
        const edge = node.out[i]!;
        const target = edge.to.index;
        if (state[target] === 0) {
          state[target] = 1;
          parent[target] = edge;
          stackNode.push(target);
          stackNext.push(0);
        } else if (state[target] === 1) {
          back[edge.index] = 1;
        }
      } else {
        state[node.index] = 2;
        postOrder.push(node);
        stackNode.pop();
        stackNext.pop();
      }
    }
  }
  return { isBackEdge: (edge) => back[edge.index] === 1, postOrder, parent };
}

/** Strongly connected components (Tarjan, iterative), each as a list of step indexes. */
export function stronglyConnectedComponents(steps: readonly FlowStep[]): number[][] {
  const n = steps.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  const callNode: number[] = [];
  const callNext: number[] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    callNode.push(root);
    callNext.push(0);
    while (callNode.length) {
      const top = callNode.length - 1;
      const v = callNode[top]!;
      const out = steps[v]!.out;
      const i = callNext[top]!;
      if (i < out.length) {
        callNext[top] = i + 1;
        const w = out[i]!.to.index;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callNode.push(w);
          callNext.push(0);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, order[w]!);
        }
      } else {
        if (low[v] === order[v]) {
          const component: number[] = [];
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = 0;
            component.push(w);
          } while (w !== v);
          components.push(component.sort((a, b) => a - b));
        }
        callNode.pop();
        callNext.pop();
        if (callNode.length) {
          const parent = callNode[callNode.length - 1]!;
          low[parent] = Math.min(low[parent]!, low[v]!);
        }
      }
    }
  }
  return components;
}

function loopsWithoutDecision(graph: FlowGraph): FlowLoop[] {
  const { steps } = graph;
  const dfs = graph.depthFirst;
  const componentOf = new Int32Array(steps.length);
  const loops: FlowLoop[] = [];
  const components = stronglyConnectedComponents(steps);
  components.forEach((component, c) => {
    for (const i of component) componentOf[i] = c;
  });
  components.forEach((component, c) => {
    const members = component.map((i) => steps[i]!);
    const isCycle = component.length > 1 || members[0]!.out.some((edge) => edge.to === members[0]);
    if (!isCycle || members.some((step) => step.isDecision)) return;
    // Every cycle holds a back edge of any depth-first search; take the first in file order.
    let closingEdge: FlowEdge | undefined;
    for (const step of members) {
      closingEdge = step.out.find((edge) => componentOf[edge.to.index] === c && dfs.isBackEdge(edge));
      if (closingEdge) break;
    }
    if (!closingEdge) return;
    // The tree path from the edge's target down to its source, then back to the target.
    const path: FlowStep[] = [closingEdge.from];
    let at = closingEdge.from;
    while (at !== closingEdge.to) {
      const edge = dfs.parent[at.index];
      if (!edge) break;
      at = edge.from;
      path.push(at);
    }
    path.reverse().push(closingEdge.to);
    loops.push({ steps: members, closingEdge, cycle: path });
  });
  return loops.sort((a, b) => a.steps[0]!.index - b.steps[0]!.index);
}
