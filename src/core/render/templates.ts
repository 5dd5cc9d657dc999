import * as path from 'node:path';
import type { Locale } from '../findings';
import type { FileSystem } from '../io/file-system';
import type { OutputFormat, TemplateSource } from './environment';

/**
 * Where templates come from, highest priority first:
 *
 * 1. `templates:` in qms.yaml: per output, a path relative to the workspace root (`.md.hbs`
 *    replaces the Markdown template, anything else the HTML one);
 * 2. the workspace's `templates/<locale>/` folder, then its `templates/` folder;
 * 3. the built-in `templates/<locale>/`, then the built-in `templates/shared/`.
 *
 * In each folder, `<output>.hbs` is an HTML template, `<output>.md.hbs` a Markdown one, and
 * `partials/<name>.hbs` / `partials/<name>.md.hbs` a partial used as `{{> name}}`. A file of a
 * higher layer replaces the file of the same name below it; a workspace may also add partials.
 * Only templates are ever read from a workspace, never code: helpers are the toolkit's.
 */

/** The outputs, each with a main template of the same name. */
export const OUTPUT_NAMES = ['procedure', 'document', 'process-sheet', 'process-map', 'master-list', 'records-register', 'clause-coverage', 'release-decision'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

export interface TemplateLocations {
  /** The toolkit's own `templates/` folder. */
  builtin: { fs: FileSystem; dir: string };
  /** The workspace: its root, and qms.yaml's `templates:` entries. */
  workspace?: { fs: FileSystem; root: string; overrides?: Readonly<Record<string, unknown>> };
}

/** A template path that would leave the workspace, or names no file. */
export class TemplatePathError extends Error {}

const BUILTIN_PREFIX = '<built-in>';

/** `procedure.md.hbs` → `procedure` for md; `procedure.hbs` → `procedure` for html; other files → undefined. */
export function templateNameOf(file: string, format: OutputFormat): string | undefined {
  if (format === 'md') return file.endsWith('.md.hbs') ? file.slice(0, -'.md.hbs'.length) : undefined;
  return file.endsWith('.hbs') && !file.endsWith('.md.hbs') ? file.slice(0, -'.hbs'.length) : undefined;
}

/** The files (not folders) of `dir`, sorted; none when it does not exist. */
export async function listFiles(fs: FileSystem, dir: string): Promise<string[]> {
  if (!(await fs.exists(dir))) return [];
  try {
    const entries = await fs.readDirectory(dir);
    return entries
      .filter((e) => !e.directory)
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** True when `target` is `root` or inside it (after resolving `..`). */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(target));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The format a qms.yaml `templates:` entry replaces: a path ending in `.md.hbs` the Markdown template, any other the HTML one. */
export function overrideFormatOf(file: string): OutputFormat {
  return file.endsWith('.md.hbs') ? 'md' : 'html';
}

export interface TemplateLayer {
  fs: FileSystem;
  dir: string;
  /** How errors name files of this layer: `templates/vi` or `<built-in>/vi`. */
  display: string;
  /** Whose folder it is. */
  origin: 'workspace' | 'builtin';
  /** One language's templates (`vi/`), or those of every language (`shared/`, the workspace's `templates/`). */
  scope: 'locale' | 'shared';
}

/** The folders templates are read from, highest priority first (the workspace's only when given). */
export function templateLayers(locations: TemplateLocations, locale: Locale): TemplateLayer[] {
  const layers: TemplateLayer[] = [];
  const ws = locations.workspace;
  if (ws) {
    layers.push({ fs: ws.fs, dir: path.join(ws.root, 'templates', locale), display: `templates/${locale}`, origin: 'workspace', scope: 'locale' });
    layers.push({ fs: ws.fs, dir: path.join(ws.root, 'templates'), display: 'templates', origin: 'workspace', scope: 'shared' });
  }
  const builtin = locations.builtin;
  layers.push({ fs: builtin.fs, dir: path.join(builtin.dir, locale), display: `${BUILTIN_PREFIX}/${locale}`, origin: 'builtin', scope: 'locale' });
  layers.push({ fs: builtin.fs, dir: path.join(builtin.dir, 'shared'), display: `${BUILTIN_PREFIX}/shared`, origin: 'builtin', scope: 'shared' });
  return layers;
}

export async function loadTemplates(locations: TemplateLocations, locale: Locale, format: OutputFormat): Promise<{ templates: TemplateSource[]; partials: TemplateSource[] }> {
  const layers = templateLayers(locations, locale);
  const ws = locations.workspace;

  const templates = new Map<string, TemplateSource>();
  const partials = new Map<string, TemplateSource>();
  // Lowest layer first, so that higher layers overwrite.
  for (const layer of [...layers].reverse()) {
    for (const [sub, target] of [
      ['', templates],
      ['partials', partials],
    ] as const) {
      const dir = sub ? path.join(layer.dir, sub) : layer.dir;
      for (const file of await listFiles(layer.fs, dir)) {
        const name = templateNameOf(file, format);
        if (name === undefined) continue;
        if (!sub && !(OUTPUT_NAMES as readonly string[]).includes(name)) continue;
        const text = await layer.fs.readFile(path.join(dir, file));
        target.set(name, { name, displayPath: `${layer.display}/${sub ? sub + '/' : ''}${file}`, text });
      }
    }
  }

  for (const [output, value] of Object.entries(ws?.overrides ?? {})) {
    if (!(OUTPUT_NAMES as readonly string[]).includes(output) || typeof value !== 'string' || !value) continue;
    if (overrideFormatOf(value) !== format) continue;
    const file = path.resolve(ws!.root, value);
    if (!isInside(ws!.root, file)) throw new TemplatePathError(`qms.yaml templates.${output}: ${value} is outside the workspace; templates must be inside it.`);
    if (!(await ws!.fs.exists(file))) throw new TemplatePathError(`qms.yaml templates.${output}: ${value} does not exist.`);
    templates.set(output, { name: output, displayPath: path.relative(ws!.root, file).split(path.sep).join('/'), text: await ws!.fs.readFile(file) });
  }
  const byName = (a: TemplateSource, b: TemplateSource) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return { templates: [...templates.values()].sort(byName), partials: [...partials.values()].sort(byName) };
}

