import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSourceFile, type SourceFile } from '../../src/core/model/source-file';
import { rangeAtPointer } from '../../src/core/yaml/pointer';
// @ts-expect-error: plain ESM helper shared with the benchmark
import { procedureText } from '../../bench/generate.mjs';

const BASE: string = procedureText('QT-DV-01', 'P-01', 12).replace('  - id: buoc-3\n', '  # a comment inside the list\n  - id: buoc-3\n');

/** Every JSON pointer of a value, leaves and containers. */
function pointersOf(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => pointersOf(v, `${prefix}/${i}`))];
  if (typeof value === 'object' && value !== null) return [prefix, ...Object.entries(value).flatMap(([k, v]) => pointersOf(v, `${prefix}/${k}`))];
  return [prefix];
}

function snapshot(file: SourceFile) {
  const pointers = pointersOf(file.parsed.value);
  return {
    value: file.parsed.value,
    findings: file.findings.map((f) => `${f.ruleId} ${f.range.start.offset}-${f.range.end.offset} ${f.message.en}`),
    ranges: pointers.map((p) => `${p} ${JSON.stringify(rangeAtPointer(file.parsed, p).start)} ${JSON.stringify(rangeAtPointer(file.parsed, p, 'key').end)}`),
  };
}

describe('incremental re-parse', () => {
  it('gives exactly what a full parse gives, for random edits anywhere', () => {
    let incremental = 0;
    fc.assert(
      fc.property(fc.nat(BASE.length), fc.nat(12), fc.string({ maxLength: 12 }).map((s) => s.replace(/[&*]/g, '')), (at, removed, inserted) => {
        const edited = BASE.slice(0, at) + inserted + BASE.slice(Math.min(BASE.length, at + removed));
        const previous = loadSourceFile('/w/p.qms.yaml', BASE);
        const next = loadSourceFile('/w/p.qms.yaml', edited, previous);
        if (next.parsed.document === previous.parsed.document) incremental++;
        const full = loadSourceFile('/w/p.qms.yaml', edited);
        expect(snapshot(next)).toEqual(snapshot(full));
      }),
      { numRuns: 400 },
    );
    // Most random edits land inside a step: the fast path must actually be taken.
    expect(incremental).toBeGreaterThan(50);
  }, 120_000);

  it('takes the fast path for a one-character edit in a step name and keeps later ranges exact', () => {
    const previous = loadSourceFile('/w/p.qms.yaml', BASE);
    const edited = BASE.replace('Bước xử lý số 5 ', 'Bước xử lý số 5x ');
    const next = loadSourceFile('/w/p.qms.yaml', edited, previous);
    expect(next.parsed.document).toBe(previous.parsed.document);
    expect((next.model as { steps: Array<{ name: string }> }).steps[4]!.name).toBe('Bước xử lý số 5x của hồ sơ');
    const full = loadSourceFile('/w/p.qms.yaml', edited);
    expect(rangeAtPointer(next.parsed, '/records/0/retention')).toEqual(rangeAtPointer(full.parsed, '/records/0/retention'));
    expect(next.model).not.toBe(previous.model);
  });

  it('falls back to a full parse when an edit breaks the item or spans two items', () => {
    const previous = loadSourceFile('/w/p.qms.yaml', BASE);
    const spanning = BASE.replace('    duration: 2 hours\n  - id: buoc-2\n', '    duration: 3 hours\n  - id: buoc-2b\n');
    const next = loadSourceFile('/w/p.qms.yaml', spanning, previous);
    expect(next.parsed.document).not.toBe(previous.parsed.document);
    expect(snapshot(next)).toEqual(snapshot(loadSourceFile('/w/p.qms.yaml', spanning)));
  });
});
