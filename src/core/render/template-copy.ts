import * as path from 'node:path';
import type { Locale } from '../findings';
import type { OutputFormat } from './environment';
import { isInside, listFiles, OUTPUT_NAMES, overrideFormatOf, templateLayers, templateNameOf, type TemplateLayer, type TemplateLocations } from './templates';

/**
 * The built-in templates a workspace can copy and edit, and where a copy must go to replace the
 * built-in one: the workspace folder that outranks the built-in folder it came from
 * (`<built-in>/vi/procedure.hbs` → `templates/vi/procedure.hbs`, `<built-in>/shared/partials/
 * flowchart.hbs` → `templates/partials/flowchart.hbs`). The layer order is loadTemplates' own
 * (templateLayers), so what is copied here is what generation then reads.
 */

/** One built-in template or partial, as the workspace would see it replaced. */
export interface BuiltinTemplate {
  /** `procedure`, `flowchart`… (a partial is used as `{{> name}}`). */
  name: string;
  kind: 'template' | 'partial';
  format: OutputFormat;
  /** Its path inside its folder, `/`-separated: `procedure.hbs`, `partials/flowchart.md.hbs`. */
  file: string;
  /** The built-in file (absolute). */
  source: string;
  /** Where a copy replaces it, relative to the workspace root, `/`-separated: `templates/vi/procedure.hbs`. */
  copyTo: string;
}

type WorkspaceTemplates = NonNullable<TemplateLocations['workspace']>;

const FORMATS: readonly OutputFormat[] = ['html', 'md'];

/** Every built-in template and partial for `locale`: the locale's own first, then the shared ones it does not replace. */
export async function listBuiltinTemplates(builtin: TemplateLocations['builtin'], locale: Locale): Promise<BuiltinTemplate[]> {
  // A workspace at '' only to learn the names of its folders, which are the copies' destinations.
  const layers = templateLayers({ builtin, workspace: { fs: builtin.fs, root: '' } }, locale);
  const destination = (scope: TemplateLayer['scope']) => layers.find((l) => l.origin === 'workspace' && l.scope === scope)!.display;
  const found = new Map<string, BuiltinTemplate>();
  for (const layer of layers.filter((l) => l.origin === 'builtin')) {
    for (const sub of ['', 'partials']) {
      for (const name of await listFiles(layer.fs, path.join(layer.dir, sub))) {
        const file = sub ? `${sub}/${name}` : name;
        if (found.has(file)) continue;
        for (const format of FORMATS) {
          const templateName = templateNameOf(name, format);
          if (templateName === undefined || (!sub && !(OUTPUT_NAMES as readonly string[]).includes(templateName))) continue;
          found.set(file, {
            name: templateName,
            kind: sub ? 'partial' : 'template',
            format,
            file,
            source: path.join(layer.dir, sub, name),
            copyTo: `${destination(layer.scope)}/${file}`,
          });
        }
      }
    }
  }
  const order = (t: BuiltinTemplate) => `${t.kind === 'template' ? 0 : 1}${t.file}`;
  return [...found.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/**
 * The workspace file that replaces `template` today, relative to the root (`/`-separated): the
 * qms.yaml `templates:` entry for that output and format, else the first of `templates/<locale>/…`
 * and `templates/…` that exists; undefined while the built-in one is used.
 */
export async function workspaceOverrideOf(workspace: WorkspaceTemplates, locale: Locale, template: BuiltinTemplate): Promise<string | undefined> {
  const named = template.kind === 'template' ? workspace.overrides?.[template.name] : undefined;
  if (typeof named === 'string' && named && overrideFormatOf(named) === template.format) return path.relative(workspace.root, path.resolve(workspace.root, named)).split(path.sep).join('/');
  const layers = templateLayers({ builtin: { fs: workspace.fs, dir: '' }, workspace }, locale).filter((l) => l.origin === 'workspace');
  for (const layer of layers) {
    if (await workspace.fs.exists(path.join(layer.dir, ...template.file.split('/')))) return `${layer.display}/${template.file}`;
  }
  return undefined;
}

export type CopyTemplateResult =
  /** The copy, written (relative to the workspace root). */
  | { copied: string }
  /** Nothing written: this workspace file already replaces the template. */
  | { existing: string };

/**
 * Copies a built-in template into the workspace where it replaces the built-in one. Never
 * overwrites: when a workspace file already replaces it (a copy made before, or a qms.yaml
 * `templates:` entry), that file is named instead and nothing is written.
 */
export async function copyBuiltinTemplate(builtin: TemplateLocations['builtin'], workspace: WorkspaceTemplates, locale: Locale, template: BuiltinTemplate): Promise<CopyTemplateResult> {
  const existing = await workspaceOverrideOf(workspace, locale, template);
  if (existing !== undefined) return { existing };
  const target = path.resolve(workspace.root, ...template.copyTo.split('/'));
  if (!isInside(workspace.root, target)) throw new Error(`${template.copyTo} is outside the workspace ${workspace.root}.`);
  await workspace.fs.writeFile(target, await builtin.fs.readFile(template.source));
  return { copied: template.copyTo };
}
