import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/core/io/node-file-system';
import { loadWorkspace } from '../../src/core/model/workspace';
import { nodesAtOffset, previewKindOf, PreviewParser, previewSource, textOf, workspaceWith, type PreviewSettings } from '../../src/extension/preview/diagram-source';
import { exportFileName } from '../../src/extension/preview/export-name';

const EXAMPLE = path.join(__dirname, '../../examples/ban-chqs');
const PROCEDURE = path.join(EXAMPLE, 'procedures', 'QT-BCHQS-06.qms.yaml');
const SETTINGS: PreviewSettings = { direction: 'TD', showForms: false, editorLocale: 'en' };

describe('what the preview draws', () => {
  it('draws a procedure with one node per step, in the words of qms.yaml\'s locale', async () => {
    const workspace = await loadWorkspace(nodeFileSystem, EXAMPLE);
    const parser = new PreviewParser();
    const file = parser.parse(PROCEDURE, readFileSync(PROCEDURE, 'utf8'));
    const source = previewSource(workspace, file, SETTINGS);
    expect(source.ok).toBe(true);
    if (!source.ok) return;
    expect(source.kind).toBe('procedure');
    const steps = Object.entries(source.nodes).filter(([, kind]) => kind === 'step' || kind === 'decision');
    expect(steps).toHaveLength(12);
    expect(source.diagram.text).toMatch(/^flowchart TD\n/);
    expect(source.diagram.text).toContain('Bắt đầu'); // qms.yaml says locale: vi, the editor says en
    expect(source.title).toBe('QT-BCHQS-06 — flowchart');
  });

  it('follows the settings: direction and forms', async () => {
    const workspace = await loadWorkspace(nodeFileSystem, EXAMPLE);
    const file = new PreviewParser().parse(PROCEDURE, readFileSync(PROCEDURE, 'utf8'));
    const source = previewSource(workspace, file, { ...SETTINGS, direction: 'LR', showForms: true });
    expect(source.ok && source.diagram.text.startsWith('flowchart LR')).toBe(true);
    expect(source.ok && Object.values(source.nodes).includes('form')).toBe(true);
  });

  it('draws the process map for qms.yaml and for a process', async () => {
    const workspace = await loadWorkspace(nodeFileSystem, EXAMPLE);
    for (const name of ['qms.yaml', 'processes/P-02.qms.yaml']) {
      const file = path.join(EXAMPLE, name);
      const source = previewSource(workspace, new PreviewParser().parse(file, readFileSync(file, 'utf8')), SETTINGS);
      expect(source.ok && source.kind).toBe('processMap');
      expect(source.ok && Object.values(source.nodes).filter((k) => k === 'process')).toHaveLength(3);
    }
  });

  it('reports broken YAML as text with its position, and a document as not drawable', async () => {
    const workspace = await loadWorkspace(nodeFileSystem, EXAMPLE);
    const broken = readFileSync(PROCEDURE, 'utf8').replace('  - id: tham-dinh\n', '  - id: tham-dinh\n   bad: [\n');
    const source = previewSource(workspace, new PreviewParser().parse(PROCEDURE, broken), SETTINGS);
    expect(source.ok).toBe(false);
    expect(!source.ok && source.message).toMatch(/^QT-BCHQS-06\.qms\.yaml:\d+:\d+: /);
    const document = path.join(EXAMPLE, 'documents', 'CS-01.qms.yaml');
    const other = previewSource(workspace, new PreviewParser().parse(document, readFileSync(document, 'utf8')), SETTINGS);
    expect(!other.ok && other.message).toMatch(/no flowchart/);
  });

  it('never changes the workspace it is given (it belongs to the linter)', async () => {
    const workspace = await loadWorkspace(nodeFileSystem, EXAMPLE);
    const linterFile = workspace.index.byPath.get(PROCEDURE)!;
    const before = textOf(linterFile);
    const tree = String(linterFile.parsed.document);
    const parser = new PreviewParser();
    const original = readFileSync(PROCEDURE, 'utf8');
    parser.parse(PROCEDURE, original);
    // Two keystrokes inside one step: the second is parsed incrementally from the preview's own first parse.
    for (const name of ['Tiếp nhận hồ sơ X', 'Tiếp nhận hồ sơ XY']) {
      const file = parser.parse(PROCEDURE, original.replace('name: Tiếp nhận hồ sơ\n', `name: ${name}\n`));
      const source = previewSource(workspace, file, SETTINGS);
      expect(source.ok && source.diagram.text).toContain(name);
    }
    expect(workspace.index.byPath.get(PROCEDURE)).toBe(linterFile);
    expect(textOf(linterFile)).toBe(before);
    expect(linterFile.parsed.text).toBe(before);
    expect(String(linterFile.parsed.document)).toBe(tree); // the incremental parser rewrites the tree it is given
    expect(workspace.files.find((f) => f.path === PROCEDURE)).toBe(linterFile);
    const copy = workspaceWith(workspace, linterFile);
    expect(copy).not.toBe(workspace);
    expect(copy.index).toBe(workspace.index);
  });

  it('works without a workspace (a file outside any QMS folder)', () => {
    const file = new PreviewParser().parse('/tmp/x/solo.qms.yaml', 'kind: procedure\ncode: QT-X-01\nsteps:\n  - id: a\n    name: Một\n    end: true\n');
    const source = previewSource(undefined, file, SETTINGS);
    expect(source.ok && source.nodes).toMatchObject({ s0: 'step' });
  });
});

describe('the node under the cursor', () => {
  it('is the innermost definition around the offset; terminals are never picked', async () => {
    const workspace = await loadWorkspace(nodeFileSystem, EXAMPLE);
    const text = readFileSync(PROCEDURE, 'utf8');
    const file = new PreviewParser().parse(PROCEDURE, text);
    const source = previewSource(workspace, file, { ...SETTINGS, showForms: true });
    if (!source.ok) throw new Error(source.message);
    const at = (needle: string) => nodesAtOffset(source.diagram, file, text.indexOf(needle));
    expect(at('name: Tiếp nhận hồ sơ')).toEqual(['s0']);
    expect(at('decision: Hồ sơ hợp lệ?')).toEqual(['s1']);
    expect(at('Thông báo kết quả đăng ký')).toEqual(['s11']);
    expect(at('title: Phiếu đăng ký nghĩa vụ quân sự')).toEqual(['f0']);
    expect(at('purpose:')).toEqual([]);
  });
});

describe('which files get a preview', () => {
  it.each([
    ['/ws/qms.yaml', 'kind: system', 'processMap'],
    ['/ws/p/QT-01.qms.yaml', 'kind: procedure', 'procedure'],
    ['/ws/p/QT-01.qms.yaml', '# c\nkind: "procedure"', 'procedure'],
    ['/ws/p/P-01.qms.yaml', 'kind: process', 'processMap'],
    ['/ws/d/CS-01.qms.yaml', 'kind: document', undefined],
    ['/ws/d/x.qms.yaml', 'code: x', undefined],
  ])('%s with %j → %s', (file, text, kind) => {
    expect(previewKindOf(file, text)).toBe(kind);
  });

  it('names exported pictures after the YAML', () => {
    expect(exportFileName('/ws/procedures/QT-BCHQS-06.qms.yaml', 'svg')).toBe('QT-BCHQS-06.svg');
    expect(exportFileName('/ws/qms.yaml', 'png')).toBe('process-map.png');
  });
});
