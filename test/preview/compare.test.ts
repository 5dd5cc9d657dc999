import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithRelease } from '../../src/core/change/compare';
import { DIFF_CLASS_DEFS } from '../../src/core/diagram/flowchart-diff';
import { nodeFileSystem } from '../../src/core/io/node-file-system';
import { loadWorkspace } from '../../src/core/model/workspace';
import { PreviewParser, previewSource, type PreviewComparison, type PreviewSettings } from '../../src/extension/preview/diagram-source';
import { isHostMessage, isWebviewMessage } from '../../src/shared/preview-protocol';

// The preview's comparison with the last release, short of the editor: what the host draws and
// posts, what the protocol lets through, and a legend whose colours are the diagram's.

const EXAMPLE = path.join(__dirname, '../../examples/ban-chqs');
const PROCEDURE = path.join(EXAMPLE, 'procedures', 'QT-BCHQS-06.qms.yaml');
const SETTINGS: PreviewSettings = { direction: 'TD', showForms: false, editorLocale: 'en' };

describe('the preview compared with the last release', () => {
  it('draws the working copy marked against the released copy, with the host\'s title and note', async () => {
    const workspace = await loadWorkspace(nodeFileSystem, EXAMPLE);
    const release = await compareWithRelease(nodeFileSystem, EXAMPLE, workspace.lock, workspace.index.byPath.get(PROCEDURE)!.model);
    if (!release.ok) throw new Error(release.message.en);
    const text = readFileSync(PROCEDURE, 'utf8').replace('    duration: 2 giờ\n    phase: Giải quyết\n', '    duration: 1.5 giờ\n    phase: Giải quyết\n').replace(/^title: .*$/m, 'title: Đăng ký NVQS lần đầu');
    const file = new PreviewParser().parse(PROCEDURE, text);
    const notes: unknown[] = [];
    const comparison: PreviewComparison = {
      ...release,
      title: 'QT-BCHQS-06 — changes since revision 2, amendment 0 (2026-03-16)',
      note: (diff) => (notes.push(diff), `elsewhere: ${diff.elsewhere.join(', ')}`),
    };
    const source = previewSource(workspace, file, SETTINGS, comparison);
    expect(source.ok).toBe(true);
    if (!source.ok) return;
    expect(source.title).toBe(comparison.title);
    expect(source.compare).toEqual({ added: [], changed: ['s5'], removed: [], note: 'elsewhere: title' });
    expect(notes).toMatchObject([{ elsewhere: ['title'], reordered: false }]);
    expect(source.diagram.text).toContain('class s5 changed');
    // Without a comparison, the same text is drawn plain.
    const plain = previewSource(workspace, file, SETTINGS);
    expect(plain.ok && plain.compare).toBe(undefined);
    expect(plain.ok && plain.title).toBe('QT-BCHQS-06 — flowchart');
  });

  it('lets the comparison through the protocol, and nothing else with it', () => {
    const render = { type: 'render', seq: 1, uri: 'file:///ws/QT-01.qms.yaml', text: 'flowchart TD', nodes: { s0: 'step', x1: 'removed' }, title: 'QT-01' };
    const compare = { added: ['s2'], changed: ['s0'], removed: ['x1'], note: '' };
    expect(isHostMessage({ ...render, compare })).toBe(true);
    expect(isHostMessage({ ...render, compare: { ...compare, note: undefined } })).toBe(false);
    expect(isHostMessage({ ...render, compare: { ...compare, changed: ['s0"]; click'] } })).toBe(false);
    expect(isHostMessage({ ...render, compare: { ...compare, html: '<b>' } })).toBe(false);
    const rendered = { type: 'rendered', seq: 1, nodeCount: 2, stepIds: ['s0'], labels: {}, ms: 1, at: 2 };
    const drawn = { added: [], changed: ['s0'], removed: ['x1'], legend: 'Changes since the last release: Added (0) Changed (1) Removed (1)' };
    expect(isWebviewMessage({ ...rendered, compare: drawn })).toBe(true);
    expect(isWebviewMessage({ ...rendered, compare: { ...drawn, legend: 3 } })).toBe(false);
    expect(isWebviewMessage({ ...rendered, compare: { changed: ['s0'] } })).toBe(false);
  });

  it('shows the legend in the colours the diagram draws', () => {
    const css = readFileSync(path.join(__dirname, '../../src/webview/preview.css'), 'utf8');
    for (const [name, style] of DIFF_CLASS_DEFS) {
      const rule = new RegExp(`\\.legend-item\\.${name} \\.swatch \\{([^}]*)\\}`).exec(css)?.[1];
      expect(rule, `a swatch for ${name}`).toBeDefined();
      const fill = /fill:(#[0-9a-f]{6})/.exec(style)![1];
      const stroke = /stroke:(#[0-9a-f]{6})/.exec(style)![1];
      expect(rule).toContain(`background: ${fill};`);
      expect(rule).toContain(`border-color: ${stroke};`);
    }
  });
});
