import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { memoryFileSystem } from '../../src/core/io/memory-file-system';
import { nodeFileSystem } from '../../src/core/io/node-file-system';
import { loadWorkspace } from '../../src/core/model/workspace';
import { generateDocuments, type GenerateOptions, type GenerateResult } from '../../src/core/render/index';
import { filesUnder } from '../helpers/fixture-workspace';

export const REPO = path.join(__dirname, '../..');
export const TEMPLATES = path.join(REPO, 'templates');
export const EXAMPLES = path.join(REPO, 'examples');
/** Generation lints as if today were this day. */
export const TODAY = '2026-06-15';
export const ROOT = '/qms';

/**
 * A deterministic stand-in for the headless browser: an SVG that names the diagram by a hash of
 * its Mermaid text, so goldens show which diagram went where without depending on a browser.
 */
export async function fakeSvg(text: string): Promise<string> {
  const hash = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
  const lines = text.split('\n').length;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="fake-diagram" data-mermaid-sha256="${hash}" viewBox="0 0 100 ${lines}"><text x="0" y="10">diagram ${hash}</text></svg>`;
}

export interface Generated {
  result: GenerateResult;
  /** Outputs by path relative to the output folder (`/`-separated). */
  files: Map<string, string>;
  fs: ReturnType<typeof memoryFileSystem>;
}

/** Generates a workspace held in memory (files by path relative to its root). */
export async function generateFiles(files: Record<string, string>, options: Partial<GenerateOptions> = {}): Promise<Generated> {
  const fs = memoryFileSystem(Object.fromEntries(Object.entries(files).map(([rel, text]) => [path.join(ROOT, rel), text])));
  const workspace = await loadWorkspace(fs, ROOT);
  const result = await generateDocuments(workspace, {
    fs,
    today: TODAY,
    renderDiagram: fakeSvg,
    builtinTemplates: { fs: nodeFileSystem, dir: TEMPLATES },
    generator: 'qmskit test',
    ...options,
  });
  const out = new Map<string, string>();
  const prefix = result.outDir + path.sep;
  for (const [file, text] of [...fs.files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (file.startsWith(prefix)) out.set(file.slice(prefix.length).split(path.sep).join('/'), text);
  }
  return { result, files: out, fs };
}

/** An example's files, without the outputs a previous `npm run example` left in it. */
export function exampleFiles(name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(filesUnder(path.join(EXAMPLES, name))).filter(([file]) => !file.startsWith('controlled/')));
}

export function fixtureFiles(name: string): Record<string, string> {
  return filesUnder(path.join(REPO, 'test/fixtures/render', name));
}
