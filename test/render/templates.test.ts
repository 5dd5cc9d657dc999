import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABELS } from '../../src/core/render/labels';
import { fixtureFiles, generateFiles, REPO, ROOT } from './helpers';

/** Workspace templates: overrides by name, strict compilation, errors that name the file and line. */
const small = () => fixtureFiles('small');
const broken = (name: string) => readFileSync(path.join(REPO, 'test/fixtures/render/broken-templates/templates', name), 'utf8');

async function failure(files: Record<string, string>): Promise<Error> {
  try {
    await generateFiles(files, { force: true });
  } catch (error) {
    return error as Error;
  }
  throw new Error('generation did not fail');
}

describe('strict templates', () => {
  it('a field the view model does not have is an error naming the template file, line and column', async () => {
    const error = await failure({ ...small(), 'templates/procedure.hbs': broken('procedure-missing-field.hbs') });
    expect(error.name).toBe('TemplateError');
    expect(error.message).toMatch(/^templates\/procedure\.hbs:5:\d+: "nosuchfield" is not a field of the view model/);
  });

  it('the same in a partial names the partial file, not the template that uses it', async () => {
    const error = await failure({ ...small(), 'templates/partials/approval-block.hbs': broken('partials/approval-block-missing-field.hbs') });
    expect(error.message).toMatch(/^templates\/partials\/approval-block\.hbs:3:\d+: "signatureImage" is not a field of the view model/);
  });

  it('a locale folder names its own path', async () => {
    const error = await failure({ ...small(), 'templates/en/procedure.hbs': broken('procedure-missing-field.hbs') });
    expect(error.message).toMatch(/^templates\/en\/procedure\.hbs:5:/);
  });

  it('unescaped output ({{{…}}}) is refused, with its position', async () => {
    const error = await failure({ ...small(), 'templates/procedure.hbs': broken('procedure-unescaped.hbs') });
    expect(error.message).toMatch(/^templates\/procedure\.hbs:2:4: unescaped output/);
  });

  it('a syntax error names the file and line', async () => {
    const error = await failure({ ...small(), 'templates/procedure.hbs': broken('procedure-bad-syntax.hbs') });
    expect(error.message).toMatch(/^templates\/procedure\.hbs:\d+: Parse error on line \d+/);
  });

  it('an unknown label or partial names the file and line', async () => {
    expect((await failure({ ...small(), 'templates/procedure.hbs': broken('procedure-unknown-label.hbs') })).message).toMatch(/^templates\/procedure\.hbs:3:4: t: there is no label "no\.such\.label"/);
    expect((await failure({ ...small(), 'templates/procedure.hbs': broken('procedure-unknown-partial.hbs') })).message).toMatch(/^templates\/procedure\.hbs:2:1: there is no partial "no-such-partial"/);
  });

  it('a broken template writes nothing', async () => {
    const files = { ...small(), 'templates/procedure.hbs': broken('procedure-missing-field.hbs') };
    const { memoryFileSystem } = await import('../../src/core/io/memory-file-system');
    const { loadWorkspace } = await import('../../src/core/model/workspace');
    const { generateDocuments } = await import('../../src/core/render/index');
    const { nodeFileSystem } = await import('../../src/core/io/node-file-system');
    const fs = memoryFileSystem(Object.fromEntries(Object.entries(files).map(([rel, text]) => [path.join(ROOT, rel), text])));
    const before = fs.files.size;
    await expect(generateDocuments(await loadWorkspace(fs, ROOT), { fs, today: '2026-06-15', builtinTemplates: { fs: nodeFileSystem, dir: path.join(REPO, 'templates') } })).rejects.toThrow();
    expect(fs.files.size).toBe(before);
  });
});

describe('workspace overrides', () => {
  it('a template or partial in templates/ replaces the built-in one of that name', async () => {
    const { files } = await generateFiles({
      ...small(),
      'templates/partials/stamps.hbs': '<div class="custom-stamp">{{#if watermark}}{{watermark.text}}{{else}}in force{{/if}}</div>',
      'templates/en/procedure.md.hbs': '# Custom {{doc.code}} — {{doc.title}}\n',
    });
    expect(files.get('SOP-1.html')).toContain('<div class="custom-stamp">in force</div>');
    expect(files.get('SOP-2.html')).toContain('<div class="custom-stamp">DRAFT</div>');
    expect(files.get('SOP-1.md')).toBe('# Custom SOP-1 — Answer requests\n');
    // Markdown is untouched where it was not overridden.
    expect(files.get('master-list.md')).toContain('| [SOP-2](SOP-2.md) |');
  });

  it('templates: in qms.yaml names a template by path, and wins over the templates/ folder', async () => {
    const files = small();
    files['qms.yaml'] += '\ntemplates:\n  procedure: custom/procedure.hbs\n';
    const { files: out } = await generateFiles({
      ...files,
      'custom/procedure.hbs': '<h1>{{doc.code}} from qms.yaml</h1>{{> extra}}',
      'templates/partials/extra.hbs': '<p>a partial the workspace added: {{doc.title}}</p>',
      'templates/procedure.hbs': '<h1>from the folder</h1>',
    });
    expect(out.get('SOP-1.html')).toBe('<h1>SOP-1 from qms.yaml</h1><p>a partial the workspace added: Answer requests</p>\n');
  });

  it('a template path leaving the workspace is refused', async () => {
    const files = small();
    files['qms.yaml'] += '\ntemplates:\n  procedure: ../outside/procedure.hbs\n';
    await expect(generateFiles(files)).rejects.toThrow(/templates\.procedure: \.\.\/outside\/procedure\.hbs is outside the workspace/);
  });

  it('helpers are never loaded from the workspace: an unknown helper is an error, a script beside the templates is never run', async () => {
    const marker = '__qmskitWorkspaceHelperRan';
    const error = await failure({
      ...small(),
      'templates/helpers.js': `globalThis.${marker} = true; module.exports = { shout: (s) => s.toUpperCase() };`,
      'templates/procedure.hbs': '<h1>{{shout doc.title}}</h1>',
    });
    expect(error.message).toMatch(/^templates\/procedure\.hbs:1:5: there is no helper "shout": helpers are the toolkit's own/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });
});

describe('labels', () => {
  it('Vietnamese and English have the same keys', () => {
    expect(Object.keys(LABELS.vi).sort()).toEqual(Object.keys(LABELS.en).sort());
  });
});
