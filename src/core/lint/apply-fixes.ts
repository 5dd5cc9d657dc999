import type { Finding, TextEdit } from '../findings';

/**
 * Applies edits to a text. Edits are applied from the end so earlier offsets stay valid; an
 * edit overlapping one already taken is skipped (it is retried on the next pass, after a re-lint).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let applied = 0;
  let floor = Infinity;
  for (const edit of sorted) {
    if (edit.end > floor) continue;
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    floor = edit.start;
    applied++;
  }
  return { text: result, applied };
}

/** The safe fixes of a set of findings, grouped by file, at most one fix per finding. */
export function safeEditsByFile(findings: readonly Finding[]): Map<string, TextEdit[]> {
  const byFile = new Map<string, TextEdit[]>();
  const taken = new Map<string, Array<[number, number]>>();
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.safe);
    if (!fix) continue;
    // A fix is all-or-nothing: skip it whole when any of its edits overlaps one already taken.
    const overlaps = fix.edits.some(({ file, edits }) =>
      edits.some((e) => (taken.get(file) ?? []).some(([s, t]) => e.start < t && s < e.end || (e.start === s && e.end === t))),
    );
    if (overlaps) continue;
    for (const { file, edits } of fix.edits) {
      const list = byFile.get(file) ?? [];
      list.push(...edits);
      byFile.set(file, list);
      const spans = taken.get(file) ?? [];
      spans.push(...edits.map((e): [number, number] => [e.start, e.end]));
      taken.set(file, spans);
    }
  }
  return byFile;
}
