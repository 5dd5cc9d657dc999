import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSourceFile } from '../../src/core/model/source-file';
import { describeExpectations, describeFindings, expectationsIn } from '../helpers/expectations';

const FIXTURES = path.join(__dirname, '../fixtures/schema');

describe('schema findings land on the exact node', () => {
  for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith('.qms.yaml'))) {
    it(name, () => {
      const file = path.join(FIXTURES, name);
      const text = readFileSync(file, 'utf8');
      const expected = expectationsIn(file, text);
      expect(expected.length).toBeGreaterThan(0);
      const { findings } = loadSourceFile(file, text);
      expect(describeFindings(findings, FIXTURES)).toEqual(describeExpectations(expected, FIXTURES));
    });
  }
});

describe('schema messages', () => {
  const load = (text: string) => loadSourceFile('/w/x.qms.yaml', text).findings;
  const base = 'kind: procedure\ncode: QT-DV-02\ntitle: T\nprocess: P-01\nowner: a\nstatus: draft\n';

  it('suggests the near-miss property name and drops the cascade "missing" finding', () => {
    const findings = load(base + 'revison: 1\nsteps:\n  - id: a\n    name: A\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message.en).toBe('Unknown property `revison`: did you mean `revision`?');
    expect(findings[0]!.message.vi).toContain('có phải ý bạn là `revision`');
  });

  it('lists the allowed values of an enum', () => {
    const [finding] = load(base.replace('draft', 'aproved') + 'revision: 1\nsteps:\n  - id: a\n    name: A\n');
    expect(finding!.message.en).toContain('`draft`, `review`, `approved`, `obsolete`');
  });

  it('names what a pattern expects in words, not as a regular expression', () => {
    const [finding] = load(base + 'revision: 1\nsteps:\n  - id: a\n    name: A\n    duration: 2 hrs\n');
    expect(finding!.message.en).toMatch(/must be .*`2 hours`/);
    expect(finding!.message.en).not.toContain('^');
  });

  it('reports one finding for a value of neither allowed type (anyOf collapsed)', () => {
    const findings = load(base + 'revision: 1\nsteps:\n  - id: a\n    name: A\n    next: {x: 1}\n');
    expect(findings.map((f) => f.ruleId)).toEqual(['schema/type']);
    expect(findings[0]!.message.en).toBe('`steps[0].next` must be text or a list.');
  });

  it('keeps the matching branch of an anyOf (a list whose item is wrong)', () => {
    const findings = load(base + 'revision: 1\nsteps:\n  - id: a\n    name: A\n    next: [b, 7]\n');
    expect(findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column}`)).toEqual(['schema/type 11:15']);
  });

  it('reports an unknown kind once, on the kind value', () => {
    const findings = load('kind: widget\nname: x\n');
    expect(findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column}`)).toEqual(['schema/enum 1:7']);
  });

  it('reports a procedure with five errors as exactly five findings', () => {
    const text = [
      'kind: procedure',
      'code: QT-DV-02',
      'title: Five mistakes',
      'process: P-01',
      'owner: thu-truong',
      'status: aproved', // 1 enum
      'revision: 0', // 2 minimum
      'effective: 2026-13-01', // 3 pattern
      'steps:',
      '  - id: tiep-nhan',
      '    name: Tiếp nhận',
      '    duration: soon', // 4 pattern
      '    next: [a, {b: 1}]', // 5 type
      '',
    ].join('\n');
    const findings = load(text);
    expect(findings.map((f) => f.ruleId)).toEqual(['schema/enum', 'schema/minimum', 'schema/pattern', 'schema/pattern', 'schema/type']);
  });

  it('asks for a kind in an empty file', () => {
    const findings = load('');
    expect(findings.map((f) => f.ruleId)).toEqual(['schema/required']);
    expect(findings[0]!.message.en).toContain('`kind`');
  });
});
