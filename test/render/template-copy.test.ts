import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryFileSystem } from '../../src/core/io/memory-file-system';
import { nodeFileSystem } from '../../src/core/io/node-file-system';
import { copyBuiltinTemplate, listBuiltinTemplates, workspaceOverrideOf } from '../../src/core/render/template-copy';
import { fixtureFiles, generateFiles, ROOT, TEMPLATES } from './helpers';

/** "Copy Built-in Template for Editing…": what is offered, where a copy goes, and that generation then reads it. */
const builtin = { fs: nodeFileSystem, dir: TEMPLATES };
const workspaceOf = (files: Record<string, string>, overrides: Record<string, unknown> = {}) => ({
  fs: memoryFileSystem(Object.fromEntries(Object.entries(files).map(([rel, text]) => [path.join(ROOT, rel), text]))),
  root: ROOT,
  overrides,
});

describe('built-in templates to copy', () => {
  it('lists the locale\'s templates and partials over the shared ones, each with the folder that replaces it', async () => {
    const vi = await listBuiltinTemplates(builtin, 'vi');
    const byFile = new Map(vi.map((t) => [t.file, t]));
    expect(byFile.get('procedure.hbs')).toMatchObject({ name: 'procedure', kind: 'template', format: 'html', source: path.join(TEMPLATES, 'vi', 'procedure.hbs'), copyTo: 'templates/vi/procedure.hbs' });
    expect(byFile.get('release-decision.md.hbs')).toMatchObject({ name: 'release-decision', format: 'md', copyTo: 'templates/vi/release-decision.md.hbs' });
    expect(byFile.get('master-list.hbs')).toMatchObject({ kind: 'template', source: path.join(TEMPLATES, 'shared', 'master-list.hbs'), copyTo: 'templates/master-list.hbs' });
    expect(byFile.get('partials/flowchart.md.hbs')).toMatchObject({ name: 'flowchart', kind: 'partial', format: 'md', copyTo: 'templates/partials/flowchart.md.hbs' });
    expect(byFile.get('partials/header-block.hbs')).toMatchObject({ source: path.join(TEMPLATES, 'vi', 'partials', 'header-block.hbs'), copyTo: 'templates/vi/partials/header-block.hbs' });
    // Templates first, then partials; each file once.
    expect(vi.map((t) => t.kind)).toEqual([...vi.map((t) => t.kind)].sort((a, b) => (a === b ? 0 : a === 'template' ? -1 : 1)));
    expect(new Set(vi.map((t) => t.file)).size).toBe(vi.length);
    // English has no release decision.
    expect((await listBuiltinTemplates(builtin, 'en')).some((t) => t.name === 'release-decision')).toBe(false);
  });

  it('copies a template where generation reads it, and the copy is what is then issued', async () => {
    const ws = workspaceOf(fixtureFiles('small'));
    const template = (await listBuiltinTemplates(builtin, 'en')).find((t) => t.file === 'procedure.md.hbs')!;
    expect(await copyBuiltinTemplate(builtin, ws, 'en', template)).toEqual({ copied: 'templates/en/procedure.md.hbs' });
    const copy = ws.fs.files.get(path.join(ROOT, 'templates/en/procedure.md.hbs'))!;
    expect(copy).toBe(await nodeFileSystem.readFile(template.source));
    // Edit the copy: the generated Markdown follows it.
    const files = Object.fromEntries([...ws.fs.files].map(([file, text]) => [path.relative(ROOT, file), text]));
    files['templates/en/procedure.md.hbs'] = copy.replace(/^/, '<!-- edited copy -->\n');
    expect((await generateFiles(files)).files.get('SOP-1.md')).toMatch(/^<!-- edited copy -->\n/);
  });

  it('never overwrites: a copy made before, a folder-wide one, or a qms.yaml templates: entry is named instead', async () => {
    const templates = await listBuiltinTemplates(builtin, 'vi');
    const procedure = templates.find((t) => t.file === 'procedure.hbs')!;
    const flowchart = templates.find((t) => t.file === 'partials/flowchart.hbs')!;

    const before = workspaceOf({ 'qms.yaml': 'kind: system\n', 'templates/vi/procedure.hbs': 'MINE' });
    expect(await copyBuiltinTemplate(builtin, before, 'vi', procedure)).toEqual({ existing: 'templates/vi/procedure.hbs' });
    expect(before.fs.files.get(path.join(ROOT, 'templates/vi/procedure.hbs'))).toBe('MINE');

    const folderWide = workspaceOf({ 'qms.yaml': 'kind: system\n', 'templates/partials/flowchart.hbs': 'MINE' });
    expect(await workspaceOverrideOf(folderWide, 'vi', flowchart)).toBe('templates/partials/flowchart.hbs');
    expect(await workspaceOverrideOf(folderWide, 'vi', procedure)).toBeUndefined();

    const named = workspaceOf({ 'qms.yaml': 'kind: system\n', 'branding/procedure.hbs': 'MINE' }, { procedure: 'branding/procedure.hbs', document: 'branding/document.md.hbs' });
    expect(await copyBuiltinTemplate(builtin, named, 'vi', procedure)).toEqual({ existing: 'branding/procedure.hbs' });
    // The entry replaces the HTML template only: the Markdown one is still free to copy.
    const procedureMd = templates.find((t) => t.file === 'procedure.md.hbs')!;
    expect(await copyBuiltinTemplate(builtin, named, 'vi', procedureMd)).toEqual({ copied: 'templates/vi/procedure.md.hbs' });
  });
});
