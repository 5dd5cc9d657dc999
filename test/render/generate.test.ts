import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { memoryFileSystem } from '../../src/core/io/memory-file-system';
import { nodeFileSystem } from '../../src/core/io/node-file-system';
import { loadWorkspace } from '../../src/core/model/workspace';
import { GenerateCancelled, generateDocuments, outputFormatsOf, summarizeNotIssued, type GenerateOptions } from '../../src/core/render/generate';
import { fileSafeName, type Manifest } from '../../src/core/render/index';
import { fakeSvg, fixtureFiles, generateFiles, ROOT, TEMPLATES, TODAY, type Generated } from './helpers';

/** The generation contract: what is issued, gated, named, recorded. */
const small = () => fixtureFiles('small');

describe('issuing', () => {
  it('a document with lint errors is not issued, and says why; the others are', async () => {
    const { files, result } = await generateFiles(small());
    expect(files.has('SOP-1.html')).toBe(true);
    expect(files.has('SOP-3.html')).toBe(false);
    expect(files.has('SOP-3.md')).toBe(false);
    expect(result.notIssued).toEqual([
      expect.objectContaining({
        code: 'SOP-3',
        source: 'procedures/SOP-3.qms.yaml',
        reason: expect.stringMatching(/^1 lint error\(s\): not issued \(the copy issued before, if any, stays in force\)/),
        errors: [expect.objectContaining({ ruleId: 'ref/unknown-role', line: 16, column: 11 })],
      }),
    ]);
    const manifest = JSON.parse(files.get('index.json')!) as Manifest;
    expect(manifest.notIssued.map((n) => n.code)).toEqual(['SOP-3']);
    expect(manifest.documents.map((d) => d.code)).toEqual(['SOP-1', 'SOP-2']);
    // The lists still show every document: the master list is the register of what exists.
    expect(files.get('master-list.html')).toContain('SOP-3');
  });

  it('--force issues it anyway', async () => {
    const { files, result } = await generateFiles(small(), { force: true });
    expect(files.has('SOP-3.html')).toBe(true);
    expect(result.notIssued).toEqual([]);
  });

  it('a draft is always stamped, in HTML and in Markdown; an approved document is not', async () => {
    const { files } = await generateFiles(small());
    expect(files.get('SOP-2.html')).toContain('<div class="watermark draft" aria-hidden="true"><span>DRAFT</span></div>');
    expect(files.get('SOP-2.md')).toContain('> **DRAFT**');
    expect(files.get('SOP-1.html')).not.toContain('class="watermark');
    expect(files.get('SOP-1.md')).not.toContain('DRAFT');
    // Every printed page says it is uncontrolled.
    expect(files.get('SOP-1.html')).toMatch(/@bottom-center \{\s*content: "UNCONTROLLED WHEN PRINTED";/);
  });

  it('only the formats asked for', async () => {
    const { files } = await generateFiles(small(), { formats: ['md'] });
    expect([...files.keys()].filter((f) => f.endsWith('.html'))).toEqual([]);
    expect(files.has('SOP-1.md')).toBe(true);
  });

  it('--only issues those codes, leaves the lists alone and keeps the manifest entries of the others', async () => {
    const first = await generateFiles(small());
    const { generateDocuments } = await import('../../src/core/render/index');
    const { loadWorkspace } = await import('../../src/core/model/workspace');
    const { nodeFileSystem } = await import('../../src/core/io/node-file-system');
    const fs = first.fs;
    const sop1 = path.join(ROOT, 'procedures/SOP-1.qms.yaml');
    fs.files.set(sop1, fs.files.get(sop1)!.replace('Answer every request on time.', 'Answer every request within a day.'));
    const before = new Map(fs.files);
    const result = await generateDocuments(await loadWorkspace(fs, ROOT), { fs, only: ['SOP-1'], today: '2026-06-15', builtinTemplates: { fs: nodeFileSystem, dir: path.join(__dirname, '../../templates') }, generator: 'qmskit test' });
    expect(result.written.map((w) => w.path)).toEqual(['SOP-1.html', 'SOP-1.md', 'index.json']);
    const out = (rel: string) => fs.files.get(path.join(ROOT, 'controlled', rel));
    expect(out('SOP-1.html')).toContain('Answer every request within a day.');
    expect(out('master-list.html')).toBe(before.get(path.join(ROOT, 'controlled/master-list.html')));
    const manifest = JSON.parse(out('index.json')!) as Manifest;
    expect(manifest.documents.map((d) => d.code)).toEqual(['SOP-1', 'SOP-2']);
    expect(manifest.processes.map((p) => p.code)).toEqual(['P-01']);
    expect(manifest.workspace.map((w) => w.output)).toEqual(['master-list', 'records-register', 'clause-coverage', 'process-map']);
    const sop1Entry = manifest.documents.find((d) => d.code === 'SOP-1')!;
    expect(sop1Entry.files.find((f) => f.path === 'SOP-1.html')!.sha256).not.toBe(
      (JSON.parse(first.files.get('index.json')!) as Manifest).documents.find((d) => d.code === 'SOP-1')!.files.find((f) => f.path === 'SOP-1.html')!.sha256,
    );
  });

  it('an unknown --only code is refused before anything is written', async () => {
    await expect(generateFiles(small(), { only: ['SOP-9'] })).rejects.toThrow('No procedure, document or process has the code "SOP-9".');
  });

  it('the output folder must be inside the workspace', async () => {
    await expect(generateFiles(small(), { outDir: '../elsewhere' })).rejects.toThrow(/must be a folder inside the workspace/);
    await expect(generateFiles(small(), { outDir: '/tmp/elsewhere' })).rejects.toThrow(/must be a folder inside the workspace/);
    await expect(generateFiles(small(), { outDir: '.' })).rejects.toThrow(/must be a folder inside the workspace/);
    const { result } = await generateFiles(small(), { outDir: 'issued/2026' });
    expect(result.outDir).toBe(path.join(ROOT, 'issued/2026'));
  });
});

describe('the manifest', () => {
  it('records what was produced from which revision, with a hash of every file', async () => {
    const { files } = await generateFiles(small());
    const manifest = JSON.parse(files.get('index.json')!) as Manifest;
    expect(manifest).toMatchObject({ generator: 'qmskit test', locale: 'en', formats: ['html', 'md'] });
    const sop1 = manifest.documents[0]!;
    expect(sop1).toMatchObject({ code: 'SOP-1', kind: 'procedure', title: 'Answer requests', revision: 2, amendment: null, effective: '2026-03-02', status: 'approved', source: 'procedures/SOP-1.qms.yaml' });
    expect(sop1.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    const { createHash } = await import('node:crypto');
    for (const entry of [...manifest.documents, ...manifest.processes, ...manifest.workspace]) {
      for (const file of entry.files) expect(createHash('sha256').update(files.get(file.path)!, 'utf8').digest('hex'), file.path).toBe(file.sha256);
    }
    expect(manifest.processes[0]!.files.map((f) => f.path)).toEqual(['processes/P-01.html', 'processes/P-01.md']);
  });
});

describe('file names from codes', () => {
  it.each([
    ['QT-BCHQS-01', 'QT-BCHQS-01'],
    ['QT 02/CX-HCTP', 'QT-02_CX-HCTP'],
    ['BM-01/QT-05', 'BM-01_QT-05'],
    ['A\\B:C*D?E"F<G>H|I', 'A_B_C_D_E_F_G_H_I'],
    ['../../etc/passwd', '__.._etc_passwd'],
    ['.hidden', '_hidden'],
    ['CON', '_CON'],
    ['QĐ-01', 'QĐ-01'],
  ])('%s → %s', (code, name) => {
    expect(fileSafeName(code)).toBe(name);
  });

  it('two codes that would share a file name get distinct ones', async () => {
    const files = small();
    files['procedures/SOP-4.qms.yaml'] = files['procedures/SOP-2.qms.yaml']!.replace('code: SOP-2', 'code: A/B');
    files['procedures/SOP-5.qms.yaml'] = files['procedures/SOP-2.qms.yaml']!.replace('code: SOP-2', 'code: A.B').replace(/code: A\.B/, 'code: A_B');
    const { files: out } = await generateFiles(files, { force: true, formats: ['md'] });
    expect([...out.keys()].filter((f) => f.startsWith('A_B'))).toEqual(['A_B-2.md', 'A_B.md']);
  });
});

describe('progress, cancellation and the editor\'s options', () => {
  const sop1 = path.join(ROOT, 'procedures/SOP-1.qms.yaml');
  const sop2 = path.join(ROOT, 'procedures/SOP-2.qms.yaml');
  const out = (fs: Generated['fs'], rel: string) => fs.files.get(path.join(ROOT, 'controlled', rel));
  /** Generates again, in the file system of an earlier run, after `edit` changed some sources. */
  const again = async (first: Generated, options: Partial<GenerateOptions>, edit: (files: Map<string, string>) => void = () => {}) => {
    edit(first.fs.files);
    const workspace = await loadWorkspace(first.fs, ROOT);
    return generateDocuments(workspace, { fs: first.fs, today: TODAY, renderDiagram: fakeSvg, builtinTemplates: { fs: nodeFileSystem, dir: TEMPLATES }, generator: 'qmskit test', ...options });
  };
  const reword = (files: Map<string, string>) => {
    files.set(sop1, files.get(sop1)!.replace('Answer every request on time.', 'Answer every request within a day.'));
    files.set(sop2, files.get(sop2)!.replace(/^title: .*$/m, 'title: Retitled draft'));
  };

  it('reports each document as it starts, counted, then once more when all are written', async () => {
    const calls: Array<[number, number, string | undefined]> = [];
    await generateFiles(small(), { onProgress: (done, total, current) => calls.push([done, total, current]) });
    // SOP-3 has lint errors: not issued, so not counted.
    expect(calls).toEqual([
      [0, 7, 'SOP-1'],
      [1, 7, 'SOP-2'],
      [2, 7, 'P-01'],
      [3, 7, 'master-list'],
      [4, 7, 'records-register'],
      [5, 7, 'clause-coverage'],
      [6, 7, 'process-map'],
      [7, 7, undefined],
    ]);
    const only: Array<[number, number, string | undefined]> = [];
    await generateFiles(small(), { only: ['SOP-1'], onProgress: (done, total, current) => only.push([done, total, current]) });
    expect(only).toEqual([
      [0, 1, 'SOP-1'],
      [1, 1, undefined],
    ]);
  });

  it('a cancelled run stops between documents: those written are new and whole, the rest and index.json as before', async () => {
    const first = await generateFiles(small());
    const before = new Map(first.fs.files);
    const cancel = new AbortController();
    const run = again(first, { signal: cancel.signal, onProgress: (_done, _total, current) => current === 'SOP-2' && cancel.abort() }, reword);
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GenerateCancelled);
    // Cancelled while SOP-2 was being written: SOP-2 is finished (both formats), nothing after it starts.
    expect((error as GenerateCancelled).written.map((w) => w.path)).toEqual(['SOP-1.html', 'SOP-1.md', 'SOP-2.html', 'SOP-2.md']);
    expect(out(first.fs, 'SOP-1.html')).toContain('Answer every request within a day.');
    expect(out(first.fs, 'SOP-2.md')).toContain('Retitled draft');
    for (const rel of ['processes/P-01.html', 'master-list.html', 'master-list.md', 'process-map.html', 'index.json']) {
      expect(out(first.fs, rel), rel).toBe(before.get(path.join(ROOT, 'controlled', rel)));
    }
    // The list still names the old title: it was not rewritten.
    expect(out(first.fs, 'master-list.md')).not.toContain('Retitled draft');
    expect([...first.fs.files.keys()].filter((f) => !before.has(f))).toEqual([]);
  });

  it('cancelled before it starts, nothing is written, not even a manifest', async () => {
    const cancel = new AbortController();
    cancel.abort();
    const fs = memoryFileSystem(Object.fromEntries(Object.entries(small()).map(([rel, text]) => [path.join(ROOT, rel), text])));
    const count = fs.files.size;
    const render = vi.fn(fakeSvg);
    await expect(
      generateDocuments(await loadWorkspace(fs, ROOT), { fs, signal: cancel.signal, renderDiagram: render, today: TODAY, builtinTemplates: { fs: nodeFileSystem, dir: TEMPLATES } }),
    ).rejects.toThrow(/Generation cancelled: 0 file\(s\) .* were replaced; the others and index\.json are as the previous run left them\./);
    expect(fs.files.size).toBe(count);
    expect(render).not.toHaveBeenCalled();
  });

  it('cancelled after the last document is written, the run is complete and so is its manifest', async () => {
    const first = await generateFiles(small());
    const cancel = new AbortController();
    const result = await again(first, { signal: cancel.signal, onProgress: (done, total) => done === total && cancel.abort() }, reword);
    const manifest = JSON.parse(out(first.fs, 'index.json')!) as Manifest;
    expect(manifest).toEqual(result.manifest);
    expect(out(first.fs, 'master-list.md')).toContain('Retitled draft');
  });

  it('formats: asked for, else qms.yaml output.formats, else the editor default, else both', () => {
    expect(outputFormatsOf(undefined)).toEqual(['html', 'md']);
    expect(outputFormatsOf({}, { defaultFormats: ['md'] })).toEqual(['md']);
    expect(outputFormatsOf({ output: { formats: ['html'] } }, { defaultFormats: ['md'] })).toEqual(['html']);
    expect(outputFormatsOf({ output: { formats: [] } }, { defaultFormats: ['md'] })).toEqual(['md']);
    expect(outputFormatsOf({ output: { formats: ['html'] } }, { formats: ['md', 'md'], defaultFormats: ['html'] })).toEqual(['md']);
    expect(outputFormatsOf({ output: { formats: ['pdf', 'md'] } })).toEqual(['md']);
  });

  it('the editor default applies when qms.yaml names no formats', async () => {
    const { files } = await generateFiles(small(), { defaultFormats: ['md'] });
    expect([...files.keys()].filter((f) => f.endsWith('.html'))).toEqual([]);
    const withYaml = small();
    withYaml['qms.yaml'] += '\noutput:\n  formats: [html]\n';
    const { files: yamlWins } = await generateFiles(withYaml, { defaultFormats: ['md'] });
    expect([...yamlWins.keys()].filter((f) => f.endsWith('.md'))).toEqual([]);
  });

  it('workspaceTemplates: false (an untrusted folder) ignores the workspace templates', async () => {
    const custom = { ...small(), 'templates/en/procedure.md.hbs': '# Custom {{doc.code}}\n' };
    expect((await generateFiles(custom)).files.get('SOP-1.md')).toBe('# Custom SOP-1\n');
    const { files } = await generateFiles(custom, { workspaceTemplates: false });
    expect(files.get('SOP-1.md')).toContain('Answer every request on time.');
  });

  it('a not-issued document reads the same wherever it is reported', async () => {
    const { result } = await generateFiles(small());
    const summary = summarizeNotIssued(result.notIssued[0]!);
    expect(summary.heading).toBe('SOP-3 (procedures/SOP-3.qms.yaml): 1 lint error(s): not issued (the copy issued before, if any, stays in force).');
    expect(summary.errors).toEqual([expect.stringMatching(/^16:11 {2}.+ {2}ref\/unknown-role$/)]);
    expect(summary.more).toBe(0);
    const many = { ...result.notIssued[0]!, errors: Array.from({ length: 7 }, (_, i) => ({ ruleId: 'r', line: i + 1, column: 1, message: 'm' })) };
    expect(summarizeNotIssued(many, 5)).toMatchObject({ errors: expect.any(Array), more: 2 });
    expect(summarizeNotIssued(many, 5).errors).toHaveLength(5);
  });
});
