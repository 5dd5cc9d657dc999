import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSourceFile } from '../../src/core/model/source-file';
import { starterFiles } from '../../src/core/scaffold/starter';

/**
 * The snippets of snippets/qms.code-snippets, expanded as the editor would with their default
 * choices and typed at the indentation of the list they belong to, give schema-valid YAML with
 * the item where it belongs.
 */

const SNIPPETS = path.join(__dirname, '../../snippets/qms.code-snippets');
const snippets = JSON.parse(readFileSync(SNIPPETS, 'utf8').replace(/^\s*\/\/.*$/gm, '')) as Record<string, { scope: string; prefix: string[]; body: string[] }>;

/** Defaults in: `${1:x}` → x, `${1|a,b|}` → a, `$0` → nothing. */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

/** Types the snippet on an empty line indented like `before`, as a user would, just above it. */
function insertAbove(text: string, before: string, snippet: string, values: Record<string, string> = {}): string {
  const indent = /^ */.exec(before)![0];
  let expanded = expand(snippet.split('\n'));
  for (const [from, to] of Object.entries(values)) expanded = expanded.split(from).join(to);
  // The editor indents every line after the first like the line the prefix was typed on.
  const lines = expanded.replace(/\n$/, '').split('\n').map((line) => indent + line);
  expect(text).toContain(before + '\n');
  return text.replace(before + '\n', lines.join('\n') + '\n' + before + '\n');
}

const procedure = starterFiles('vi')['procedures/QT-DV-01.qms.yaml']!;
const bodyOf = (name: string) => snippets[name]!.body.join('\n');

describe('snippets', () => {
  it('are all for qms-yaml, with a qms- prefix', () => {
    expect(Object.keys(snippets).sort()).toEqual(['QMS decision step', 'QMS form', 'QMS record', 'QMS step']);
    for (const snippet of Object.values(snippets)) {
      expect(snippet.scope).toBe('qms-yaml');
      expect(snippet.prefix[0]).toMatch(/^qms-/);
    }
  });

  it('insert a step and a decision step into `steps:`', () => {
    let text = insertAbove(procedure, '  - id: kiem-tra', bodyOf('QMS step'), { 'step-id': 'buoc-moi', 'role-id': 'chuyen-vien' });
    text = insertAbove(text, '  - id: huong-dan', bodyOf('QMS decision step'), {
      'next-step-id': 'phe-duyet',
      'other-step-id': 'huong-dan',
      'role-id': 'chuyen-vien',
    });
    const file = loadSourceFile('/qms/procedures/QT-DV-01.qms.yaml', text);
    expect(file.findings.map((f) => `${f.ruleId} ${f.message.en}`)).toEqual([]);
    const steps = parse(text).steps as Array<Record<string, unknown>>;
    expect(steps.map((s) => s.id)).toEqual(['tiep-nhan', 'buoc-moi', 'kiem-tra', 'check', 'huong-dan', 'phe-duyet']);
    expect(steps[1]).toEqual({ id: 'buoc-moi', name: 'What is done in this step', role: 'chuyen-vien', duration: '1 hour' });
    expect(steps[3]).toMatchObject({ decision: 'Is the request complete?', branches: [{ when: 'Yes', next: 'phe-duyet' }, { when: 'No', next: 'huong-dan' }] });
  });

  it('insert a form into `forms:` and a record into `records:`', () => {
    let text = insertAbove(procedure, '  - code: BM-01/QT-DV-01', bodyOf('QMS form'), { 'BM-01/QT-01': 'BM-02/QT-DV-01' });
    text = insertAbove(text, '  - code: HS-01/QT-DV-01', bodyOf('QMS record'), { 'HS-01/QT-01': 'HS-02/QT-DV-01', 'role-id': 'chuyen-vien' });
    const file = loadSourceFile('/qms/procedures/QT-DV-01.qms.yaml', text);
    expect(file.findings.map((f) => `${f.ruleId} ${f.message.en}`)).toEqual([]);
    const value = parse(text);
    expect(value.forms).toEqual([{ code: 'BM-02/QT-DV-01', title: 'Title of the form' }, expect.objectContaining({ code: 'BM-01/QT-DV-01' })]);
    expect(value.records[0]).toEqual({ code: 'HS-02/QT-DV-01', title: 'Title of the record', keeper: 'chuyen-vien', retention: '5 years', location: 'Where it is kept' });
  });
});
