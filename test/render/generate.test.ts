import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSafeName, type Manifest } from '../../src/core/render/index';
import { fixtureFiles, generateFiles, ROOT } from './helpers';

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
