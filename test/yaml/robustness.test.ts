import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSourceFile } from '../../src/core/model/source-file';

const FORMAT_SAMPLE = `kind: procedure
code: QT-DV-01
title: Quy trình
process: P-01
owner: a
status: approved
revision: 1
base: &base { role: a, duration: 2 hours }
steps:
  - id: a
    name: "Tiếp nhận"
    <<: *base
    next: [b, c]
  - id: b
    name: B
    decision: ok?
    branches: [{ when: x, next: a }]
`;

/** Turns arbitrary edits into a YAML-ish text: truncations, insertions, junk and nesting. */
const mutatedYaml = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.nat(FORMAT_SAMPLE.length).map((n) => FORMAT_SAMPLE.slice(0, n)),
  fc.tuple(fc.nat(FORMAT_SAMPLE.length), fc.string({ maxLength: 20 })).map(([n, s]) => FORMAT_SAMPLE.slice(0, n) + s + FORMAT_SAMPLE.slice(n)),
  fc.tuple(fc.nat(FORMAT_SAMPLE.length), fc.constantFrom(':', '- ', '[', '{', '&a ', '*a', '<<: *base', '\t', '"', "'", '|', '>', '#', '---\n', '%YAML 1.1\n', '!!binary ', '\uFEFF', '\r\n')).map(
    ([n, s]) => FORMAT_SAMPLE.slice(0, n) + s + FORMAT_SAMPLE.slice(n),
  ),
  fc.nat(2000).map((depth) => 'a: ' + '['.repeat(depth) + ']'.repeat(depth)),
  fc.nat(300).map((depth) => Array.from({ length: depth }, (_, i) => ' '.repeat(i) + 'k:').join('\n')),
  fc.nat(20_000).map((size) => `kind: procedure\ntitle: ${"x".repeat(size)}\n`),
  fc.json().map((json) => `kind: process\nid: ${json}\n`),
);

describe('the loader never throws', () => {
  it('on 10,000 random and mutated inputs', () => {
    fc.assert(
      fc.property(mutatedYaml, (text) => {
        const file = loadSourceFile('/w/x.qms.yaml', text);
        expect(Array.isArray(file.findings)).toBe(true);
        for (const finding of file.findings) {
          expect(finding.range.start.line).toBeGreaterThanOrEqual(1);
          expect(finding.range.end.offset).toBeLessThanOrEqual(file.parsed.text.length);
        }
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);

  it('on a huge scalar', () => {
    const file = loadSourceFile('/w/x.qms.yaml', `kind: process\nid: P-01\nname: ${'x'.repeat(2_000_000)}\nowner: a\n`);
    expect(file.findings).toEqual([]);
  });

  it('on absurdly deep nesting', () => {
    const deep = 'a: ' + '['.repeat(100_000) + ']'.repeat(100_000);
    const file = loadSourceFile('/w/x.qms.yaml', deep);
    expect(file.findings.some((f) => f.ruleId === 'yaml/syntax' || f.ruleId.startsWith('schema/'))).toBe(true);
  });

  it('reports an alias bomb (billion laughs) and stops within a second', () => {
    const lines = ['kind: procedure', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const started = performance.now();
    const file = loadSourceFile('/w/bomb.qms.yaml', lines.join('\n') + '\n');
    const elapsed = performance.now() - started;
    const bomb = file.findings.find((f) => f.message.en.includes('alias bomb'));
    expect(bomb).toBeDefined();
    expect(bomb!.range.start.line).toBe(3);
    expect(elapsed).toBeLessThan(1000);
  });
});
