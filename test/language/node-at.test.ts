import { describe, expect, it } from 'vitest';
import { nodeAt } from '../../src/core/language/node-at';
import { parseYaml } from '../../src/core/yaml/parse';
import { offsetOf, PROCEDURE, slice } from './helpers';

/** nodeAt on `text` at the `|` of `needle`, with what it covers. */
function at(text: string, needle: string, nth = 0) {
  const parsed = parseYaml(text, '/w/x.qms.yaml');
  const found = nodeAt(parsed, offsetOf(text, needle, nth));
  return found && { pointer: found.pointer, on: found.on, text: slice(text, found.span), span: found.span, hasColon: found.hasColon, node: found.node?.value ?? null };
}

describe('nodeAt on a complete file', () => {
  it('finds a value in a step, with the span of the scalar', () => {
    const offset = offsetOf(PROCEDURE, 'role: mot|-cua');
    expect(at(PROCEDURE, 'role: mot|-cua')).toEqual({
      pointer: '/steps/0/role',
      on: 'value',
      text: 'mot-cua',
      span: { start: offset - 3, end: offset + 4 },
      hasColon: false,
      node: 'mot-cua',
    });
  });

  it('finds a key, and knows its colon is there', () => {
    expect(at(PROCEDURE, '    dura|tion: 2 hours')).toMatchObject({ pointer: '/steps/0/duration', on: 'key', text: 'duration', hasColon: true });
  });

  it('finds items of flow lists and quoted scalars, quotes included in the span', () => {
    expect(at(PROCEDURE, 'forms: [BM|-01]')).toMatchObject({ pointer: '/steps/0/forms/0', on: 'value', text: 'BM-01' });
    expect(at(PROCEDURE, 'clauses: ["8.2|.2"]')).toMatchObject({ pointer: '/clauses/0', on: 'value', text: '"8.2.2"', node: '8.2.2' });
  });

  it('finds values nested in lists of mappings', () => {
    expect(at(PROCEDURE, 'next: tra-|ket-qua')).toMatchObject({ pointer: '/steps/1/branches/0/next', on: 'value', text: 'tra-ket-qua' });
    expect(at(PROCEDURE, '  - id: kiem|-tra')).toMatchObject({ pointer: '/steps/1/id', on: 'value' });
    expect(at(PROCEDURE, 'keeper: |mot-cua')).toMatchObject({ pointer: '/records/0/keeper', on: 'value', text: 'mot-cua' });
  });

  it('finds nothing in a comment', () => {
    const text = 'kind: procedure\nstatus: draft # note here\n';
    expect(at(text, 'note |here')).toBeUndefined();
  });
});

describe('nodeAt while typing', () => {
  it('`role: ` with nothing after it: an empty value, at the end of the file too', () => {
    const text = 'kind: procedure\nsteps:\n  - id: a\n    role: ';
    expect(at(text, 'role: |')).toEqual({ pointer: '/steps/0/role', on: 'value', text: '', span: { start: text.length, end: text.length }, hasColon: false, node: null });
    const middle = 'kind: procedure\nsteps:\n  - id: a\n    role: \n    name: x\n';
    expect(at(middle, 'role: |')).toMatchObject({ pointer: '/steps/0/role', on: 'value', text: '' });
  });

  it('right after the colon, before any space', () => {
    const text = 'kind: procedure\nowner:\nstatus: draft\n';
    expect(at(text, 'owner:|')).toMatchObject({ pointer: '/owner', on: 'value', text: '' });
  });

  it('inside flow lists: after a comma, after the bracket, in an unclosed list', () => {
    expect(at('next: [a, ]\n', 'next: [a, |]')).toMatchObject({ pointer: '/next/1', on: 'value', text: '' });
    expect(at('next: []\n', 'next: [|]')).toMatchObject({ pointer: '/next/0', on: 'value', text: '' });
    expect(at('next: [a, b\n', 'b|')).toMatchObject({ pointer: '/next/1', on: 'value', text: 'b' });
    expect(at('next: [a]\n', 'next: [a]|')).toBeUndefined();
  });

  it('inside a flow mapping: `{ role: }`', () => {
    const text = 'approval:\n  prepared: { role: , date: 2026-01-01 }\n';
    expect(at(text, '{ role: |')).toMatchObject({ pointer: '/approval/prepared/role', on: 'value', text: '' });
    expect(at(text, 'da|te')).toMatchObject({ pointer: '/approval/prepared/date', on: 'key' });
  });

  it('a key without its colon yet, in a step', () => {
    const text = 'kind: procedure\nsteps:\n  - id: a\n    name: x\n    ro\n  - id: b\n';
    expect(at(text, '    ro|')).toMatchObject({ pointer: '/steps/0/ro', on: 'key', text: 'ro', hasColon: false });
  });

  it('an empty line in a step: a new key of that step', () => {
    const text = 'kind: procedure\nsteps:\n  - id: a\n    name: x\n    \n  - id: b\n';
    const offset = text.indexOf('    \n') + 4;
    const found = nodeAt(parseYaml(text, 'f'), offset)!;
    expect(found).toMatchObject({ pointer: '/steps/0/', on: 'key', span: { start: offset, end: offset } });
    expect(found.parent).toBeDefined();
  });

  it('an empty line at the root, and an empty file', () => {
    const text = 'kind: procedure\n\nstatus: draft\n';
    expect(nodeAt(parseYaml(text, 'f'), 16)).toMatchObject({ pointer: '/', on: 'key' });
    expect(nodeAt(parseYaml('', 'f'), 0)).toMatchObject({ pointer: '/', on: 'key' });
  });

  it('`- ` in a list: a new item (a mapping for steps, a value for codes)', () => {
    const steps = 'kind: procedure\nsteps:\n  - id: a\n  - \n';
    expect(at(steps, '  - |\n')).toMatchObject({ pointer: '/steps/1', on: 'value', text: '' });
    const codes = 'procedures:\n  - QT-01\n  - \n';
    expect(at(codes, '  - |\n')).toMatchObject({ pointer: '/procedures/1', on: 'value', text: '' });
  });

  it('under a key with nothing yet: the first key of a new mapping', () => {
    const text = 'kind: procedure\nservice:\n  \n';
    expect(nodeAt(parseYaml(text, 'f'), text.indexOf('  \n') + 2)).toMatchObject({ pointer: '/service/', on: 'key' });
  });
});
