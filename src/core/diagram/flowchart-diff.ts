import { diffDocuments, type FieldChange } from '../change/diff';
import type { Locale } from '../findings';
import { flowGraphOf, type FlowGraph } from '../flow/graph';
import type { SourceFile } from '../model/source-file';
import type { Workspace } from '../model/workspace';
import { boxLines, drawFlowchart, type FlowchartOverlay } from './flowchart';
import { record, text } from './mermaid';
import type { Diagram, FlowchartOptions } from './types';

/**
 * The flowchart of a procedure's working copy, marked with what changed since its release
 * (src/core/change/diff.ts matches steps by id): added steps green, changed steps amber with the
 * fields that changed, and each removed step as a ghost — red, dashed, faded — in its old role's
 * lane, tied by a dotted arrow to the step that used to lead to it (or to the start).
 *
 * Every mark is also written in the label (`+ added`, `changed: duration`, `✕ removed`), so that
 * the diff reads without colour: in print, and for readers who do not tell amber from green.
 * The colours are light fills with dark text, as the flowchart's own classes: readable on the
 * light and the dark themes of the preview alike.
 *
 * Ghost node ids are `x<i>`, `i` the removed step's index in the released copy; the rest of the
 * ids are the flowchart's (`s<i>` in the working copy).
 */

export interface FlowchartDiff extends Diagram {
  /** Mermaid node ids by kind of change. */
  changes: { added: string[]; changed: string[]; removed: string[] };
  /** What else changed, which a flowchart does not show: top-level fields (`purpose`, `forms`…), sorted. */
  elsewhere: string[];
  /** The steps both versions have are in another order. */
  reordered: boolean;
}

/** The released copy to compare with (`compareWithRelease` in src/core/change/compare.ts gives both). */
export interface FlowchartBaseline {
  /** The released document, parsed. */
  released: unknown;
  /** Its file (absolute path): where a click on a removed step leads. */
  releasedFile: string;
}

export const DIFF_CLASS_DEFS: ReadonlyArray<readonly [string, string]> = [
  ['added', 'fill:#dcfce7,stroke:#15803d,stroke-width:3px,color:#14532d'],
  ['changed', 'fill:#fef3c7,stroke:#d97706,stroke-width:3px,color:#78350f'],
  ['removed', 'fill:#fef2f2,stroke:#dc2626,stroke-width:2px,stroke-dasharray:6 4,opacity:0.75,color:#7f1d1d'],
];

const WORDS: Record<Locale, { added: string; changed: string; removed: string }> = {
  en: { added: '+ added', changed: 'changed', removed: '✕ removed' },
  vi: { added: '+ thêm mới', changed: 'đã sửa', removed: '✕ đã bỏ' },
};

/** How many changed fields a label names before "…". */
const FIELDS_SHOWN = 3;

function changedFields(changes: readonly FieldChange[]): string {
  const names = changes.map((change) => change.field || 'value');
  return names.length > FIELDS_SHOWN ? `${names.slice(0, FIELDS_SHOWN).join(', ')}, …` : names.join(', ');
}

export function procedureFlowchartDiff(workspace: Workspace, file: SourceFile, baseline: FlowchartBaseline, options: FlowchartOptions): FlowchartDiff | undefined {
  const model = file.model;
  const released = record(baseline.released);
  if (!model || model.kind !== 'procedure' || !released) return undefined;
  const words = WORDS[options.locale] ?? WORDS.en;
  const diff = diffDocuments(released, model);
  const steps = new Map<number, { className: string; note: string }>();
  for (const item of diff.steps.added) steps.set(item.index, { className: 'added', note: words.added });
  for (const item of diff.steps.changed) steps.set(item.index, { className: 'changed', note: `${words.changed}: ${changedFields(item.changes)}` });

  const before = flowGraphOf(released);
  const after = flowGraphOf(model);
  const removed = new Set(diff.steps.removed.map((item) => item.index));
  const ghosts: FlowchartOverlay['ghosts'] = diff.steps.removed.map((item) => {
    const step = before.steps[item.index]!;
    return {
      id: `x${item.index}`,
      role: text(step.step.role),
      label: boxLines(step, words.removed),
      className: 'removed',
      node: { kind: 'removed', file: baseline.releasedFile, pointer: step.pointer },
      from: formerPredecessor(item.index, before, after, removed),
    };
  });

  const diagram = drawFlowchart(workspace, file, options, { steps, ghosts, classDefs: DIFF_CLASS_DEFS });
  if (!diagram) return undefined;
  return {
    ...diagram,
    changes: {
      added: diff.steps.added.map((item) => `s${item.index}`),
      changed: diff.steps.changed.map((item) => `s${item.index}`),
      removed: ghosts.map((ghost) => ghost.id),
    },
    elsewhere: [...diff.sections.added, ...diff.sections.removed, ...diff.sections.changed].sort(),
    reordered: diff.steps.reordered,
  };
}

/**
 * The node a removed step is tied to: the first step that led to it in the released copy — the
 * working copy's step of the same id when it is still there, its ghost when it was removed too
 * — else the step before it in the released list, else the start. A ghost is tied only to an
 * earlier ghost, so that ghosts never tie each other in a circle, away from the chart.
 */
function formerPredecessor(index: number, before: FlowGraph, after: FlowGraph, removed: ReadonlySet<number>): string {
  const candidates = before.edges.filter((edge) => edge.to.index === index && edge.from.index !== index).map((edge) => edge.from);
  if (index > 0) candidates.push(before.steps[index - 1]!);
  for (const step of candidates) {
    if (removed.has(step.index)) {
      if (step.index < index) return `x${step.index}`;
      continue;
    }
    const kept = step.id === undefined ? undefined : after.byId.get(step.id);
    if (kept) return `s${kept.index}`;
  }
  return 'st';
}
