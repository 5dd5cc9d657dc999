import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * Mermaid belongs to the webview bundle only: the extension host never loads it (it is large,
 * and it needs a DOM). Checked on esbuild's metafile of each bundle, built here with the options
 * of scripts/build.mjs, and on the built dist/extension.js when there is one.
 */

const ROOT = path.join(__dirname, '../..');

async function inputsOf(options: esbuild.BuildOptions): Promise<string[]> {
  const result = await esbuild.build({ ...options, absWorkingDir: ROOT, bundle: true, write: false, metafile: true, logLevel: 'silent', outdir: 'out/metafile-check' });
  return Object.keys(result.metafile!.inputs);
}

const MERMAID = /(^|\/)node_modules\/(mermaid|@mermaid-js|dompurify|d3|d3-[a-z-]+|dagre-d3-es|cytoscape|khroma|katex|langium|roughjs)\//;

describe('bundles', () => {
  it('the extension bundle has no Mermaid (nor its DOM libraries) in it', async () => {
    const inputs = await inputsOf({ entryPoints: ['src/extension/extension.ts'], platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] });
    expect(inputs.some((i) => i.startsWith('src/extension/preview/'))).toBe(true);
    expect(inputs.filter((i) => MERMAID.test(i))).toEqual([]);
    expect(inputs.filter((i) => i.startsWith('src/webview/'))).toEqual([]);
  }, 60_000);

  it('the webview bundle carries Mermaid itself, and nothing of the extension host', async () => {
    const inputs = await inputsOf({ entryPoints: ['src/webview/main.ts'], platform: 'browser', format: 'iife', target: 'es2022' });
    expect(inputs.some((i) => /node_modules\/mermaid\/dist\//.test(i))).toBe(true);
    expect(inputs.filter((i) => i.startsWith('src/extension/') || i.startsWith('src/core/') || i.startsWith('src/cli/'))).toEqual([]);
    expect(inputs.filter((i) => i.startsWith('src/shared/'))).toEqual(['src/shared/preview-protocol.ts']);
  }, 60_000);

  it.skipIf(!existsSync(path.join(ROOT, 'dist/extension.js')))('the built dist/extension.js has no Mermaid in it', () => {
    const bundle = readFileSync(path.join(ROOT, 'dist/extension.js'), 'utf8');
    for (const marker of ['DOMPurify', 'mermaidAPI', 'flowchart-v2', 'node_modules/mermaid']) expect(bundle.includes(marker), marker).toBe(false);
  });

  it.skipIf(!existsSync(path.join(ROOT, 'dist/webview/preview.js')))('the built webview bundle fetches nothing: no URL it could load Mermaid or fonts from', () => {
    const bundle = readFileSync(path.join(ROOT, 'dist/webview/preview.js'), 'utf8');
    expect(bundle).toContain('mermaidAPI');
    expect(bundle).not.toMatch(/cdn\.jsdelivr\.net\/npm\/mermaid|unpkg\.com\/mermaid/);
  });
});
