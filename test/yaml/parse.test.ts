import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/core/yaml/parse';
import { rangeAtPointer } from '../../src/core/yaml/pointer';

const at = (text: string) =>
  parseYaml(text, '/w/a.qms.yaml').findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column}`);

describe('yaml/syntax findings', () => {
  it('points at the second of two duplicate keys', () => {
    expect(at('kind: procedure\ncode: A\ncode: B\n')).toEqual(['yaml/syntax 3:1']);
    expect(parseYaml('a: 1\na: 2\n', 'f').findings[0]!.message.en).toContain('Duplicate key `a`');
  });

  it('points at a tab used for indentation', () => {
    expect(at('steps:\n\t- id: a\n')).toContain('yaml/syntax 2:1');
  });

  it('reports a second document in the file', () => {
    expect(at('kind: system\n---\nkind: process\n')).toEqual(['yaml/syntax 2:1']);
  });

  it('reports an unclosed flow sequence', () => {
    expect(at('next: [a, b\nname: x\n').length).toBeGreaterThan(0);
  });

  it('keeps dates as strings (YAML 1.2 core schema)', () => {
    expect(parseYaml('effective: 2026-03-01\n', 'f').value).toEqual({ effective: '2026-03-01' });
  });
});

describe('positions', () => {
  it('tolerates a BOM: offsets and columns are those of the text without it', () => {
    const parsed = parseYaml('\uFEFFkind: procedure\nstatus: x\n', 'f');
    expect(parsed.hadBom).toBe(true);
    expect(parsed.text.startsWith('kind')).toBe(true);
    const range = rangeAtPointer(parsed, '/status');
    expect(range.start).toEqual({ line: 2, column: 9, offset: 24 });
  });

  it('counts CRLF lines like LF lines', () => {
    const parsed = parseYaml('kind: procedure\r\nsteps:\r\n  - id: a\r\n    role: x\r\n', 'f');
    const range = rangeAtPointer(parsed, '/steps/0/role');
    expect(range.start.line).toBe(4);
    expect(range.start.column).toBe(11);
    expect(parsed.text.slice(range.start.offset, range.end.offset)).toBe('x');
  });

  it('counts columns in UTF-16 code units after Vietnamese text and emoji', () => {
    const parsed = parseYaml('name: Tiếp nhận 📄\nrole: x\nx: { a: "😀", b: y }\n', 'f');
    expect(rangeAtPointer(parsed, '/x/b').start.column).toBe(18);
  });

  it('maps pointers to keys, values, list items and missing children', () => {
    const parsed = parseYaml('kind: procedure\nsteps:\n  - id: a\n    name: A\n  - id: b\n    next:\n', 'f');
    expect(rangeAtPointer(parsed, '/steps/1/id').start).toMatchObject({ line: 5, column: 9 });
    expect(rangeAtPointer(parsed, '/steps/1/id', 'key').start).toMatchObject({ line: 5, column: 5 });
    // A list item has no key of its own: point at its first key.
    expect(rangeAtPointer(parsed, '/steps/1', 'key').start).toMatchObject({ line: 5, column: 5 });
    // `next:` with no value: point at the key.
    expect(rangeAtPointer(parsed, '/steps/1/next').start).toMatchObject({ line: 6, column: 5 });
    // Past what exists: the deepest existing node, never line 1.
    expect(rangeAtPointer(parsed, '/steps/0/role/x').start).toMatchObject({ line: 3, column: 5 });
  });
});
