import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LABELS } from '../../src/core/render/labels';

/**
 * docs/templates.md lists every view model and every field with its TSDoc, generated from
 * src/core/render/view-models/*.ts, and every label key. The listing is committed and checked
 * fresh here; regenerate it with `UPDATE_DOCS=1 npx vitest run test/render/templates-doc.test.ts`.
 */
const REPO = path.join(__dirname, '../..');
const DOC = path.join(REPO, 'docs/templates.md');
const DIR = path.join(REPO, 'src/core/render/view-models');
const ORDER = ['procedure.ts', 'document.ts', 'process.ts', 'registers.ts', 'release-decision.ts', 'common.ts'];

function docOf(node: ts.Node): string {
  const docs = (node as unknown as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
  return docs
    .map((d) => (typeof d.comment === 'string' ? d.comment : (d.comment ?? []).map((c) => c.text).join('')))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

export function viewModelListing(): string {
  const out: string[] = [];
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(path.join(DIR, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    out.push(`### \`${file}\``, '');
    for (const statement of source.statements) {
      const exported = ts.getCombinedModifierFlags(statement as unknown as ts.Declaration) & ts.ModifierFlags.Export;
      if (!exported) continue;
      if (ts.isInterfaceDeclaration(statement)) {
        if (['ViewContext'].includes(statement.name.text)) continue;
        const heritage = statement.heritageClauses?.flatMap((h) => h.types.map((t) => t.getText(source))) ?? [];
        out.push(`#### ${statement.name.text}`, '');
        const doc = docOf(statement);
        if (doc || heritage.length) out.push([doc, heritage.length ? `Also has every field of ${heritage.map((h) => `\`${h}\``).join(', ')}.` : ''].filter(Boolean).join(' '), '');
        out.push('| field | type | meaning |', '| --- | --- | --- |');
        for (const member of statement.members) {
          if (!ts.isPropertySignature(member) || !member.type) continue;
          const name = member.name.getText(source);
          out.push(`| \`${name}\` | \`${cell(member.type.getText(source))}\` | ${cell(docOf(member))} |`);
        }
        out.push('');
      } else if (ts.isTypeAliasDeclaration(statement) && !ts.isFunctionTypeNode(statement.type)) {
        out.push(`#### ${statement.name.text}`, '', `\`${cell(statement.type.getText(source))}\`${docOf(statement) ? ` — ${docOf(statement)}` : ''}`, '');
      }
    }
  }
  return out.join('\n').trim();
}

export function labelListing(): string {
  const rows = Object.keys(LABELS.en).map((key) => `| \`${key}\` | ${cell((LABELS.en as Record<string, string>)[key]!)} | ${cell((LABELS.vi as Record<string, string>)[key]!)} |`);
  return ['| key | en | vi |', '| --- | --- | --- |', ...rows].join('\n');
}

function replaceBetween(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start (generated: UPDATE_DOCS=1 npx vitest run test/render/templates-doc.test.ts) -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`docs/templates.md has no ${name} markers`);
  return text.slice(0, from + start.length) + '\n' + body + '\n' + text.slice(to);
}

describe('docs/templates.md', () => {
  it('lists every view model field and every label, as the code has them', () => {
    const current = readFileSync(DOC, 'utf8');
    const fresh = replaceBetween(replaceBetween(current, 'view-models', viewModelListing()), 'labels', labelListing());
    const updating = process.env.UPDATE_DOCS === '1';
    if (updating) writeFileSync(DOC, fresh);
    expect(updating ? fresh : current, 'docs/templates.md is stale: run UPDATE_DOCS=1 npx vitest run test/render/templates-doc.test.ts').toBe(fresh);
  });

  it('every view model field has TSDoc', () => {
    expect(viewModelListing()).not.toMatch(/\| `[^`]+` \| `[^`]+` \|  \|$/m);
  });
});
