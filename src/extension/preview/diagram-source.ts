import * as path from 'node:path';
import { procedureFlowchart, processMap, type Diagram } from '../../core/diagram';
import { procedureFlowchartDiff, type FlowchartBaseline, type FlowchartDiff } from '../../core/diagram/flowchart-diff';
import type { Locale } from '../../core/findings';
import { SYSTEM_FILE_NAME } from '../../core/model/discover';
import { loadSourceFile, type SourceFile } from '../../core/model/source-file';
import { assembleWorkspace, systemModel, type Workspace } from '../../core/model/workspace';
import { resolvePointer } from '../../core/yaml/pointer';
import type { CompareInfo, PreviewNodeKind } from '../../shared/preview-protocol';

/**
 * What the preview draws for a file, from the editor's text and the linter's workspace. Pure
 * (no `vscode`): unit-tested, and the panel only adds the editor around it.
 *
 * The linter's workspace is read, never changed: a keystroke's text is parsed into a file of the
 * preview's own (with the preview's previous parse of that file reused for the incremental
 * parser, which rewrites the tree it is given) and put into a shallow copy of the workspace.
 */

export type PreviewKind = 'procedure' | 'processMap';

export interface PreviewSettings {
  direction: 'TD' | 'LR' | undefined;
  showForms: boolean;
  /** The editor's language, used when qms.yaml names none. */
  editorLocale: Locale;
}

/** A procedure's flowchart compared with its last release: the released copy, and the host's words. */
export interface PreviewComparison extends FlowchartBaseline {
  /** The toolbar's title while comparing. */
  title: string;
  /** The legend's sentence about changes the flowchart does not show ('' when there are none). */
  note(diff: Pick<FlowchartDiff, 'elsewhere' | 'reordered'>): string;
}

export type PreviewSource =
  | { ok: true; kind: PreviewKind; diagram: Diagram; file: SourceFile; title: string; nodes: Record<string, PreviewNodeKind>; compare?: CompareInfo }
  | { ok: false; file: SourceFile | undefined; message: string };

/** The preview's own parse of each file: never shared with the linter. */
export class PreviewParser {
  private readonly files = new Map<string, SourceFile>();

  parse(filePath: string, text: string): SourceFile {
    const previous = this.files.get(filePath);
    if (previous && textOf(previous) === text) return previous;
    const file = loadSourceFile(filePath, text, previous);
    this.files.set(filePath, file);
    return file;
  }

  forget(filePath: string): void {
    this.files.delete(filePath);
  }
}

export function textOf(file: SourceFile): string {
  return (file.parsed.hadBom ? '\uFEFF' : '') + file.parsed.text;
}

/** Which picture a file gets: a procedure its flowchart, qms.yaml and processes the process map. */
export function previewKindOf(filePath: string, text: string): PreviewKind | undefined {
  if (path.basename(filePath) === SYSTEM_FILE_NAME) return 'processMap';
  const kind = /^kind:[ \t]*["']?([a-z]+)/m.exec(text)?.[1];
  if (kind === 'procedure') return 'procedure';
  if (kind === 'process' || kind === 'system') return 'processMap';
  return undefined;
}

/** `workspace` with `file` in place of the file of the same path (or added): a copy, the original is left alone. */
export function workspaceWith(workspace: Workspace | undefined, file: SourceFile): Workspace {
  if (!workspace) return assembleWorkspace(path.dirname(file.path), [file], []);
  let replaced = false;
  const files = workspace.files.map((f) => {
    if (f.path !== file.path) return f;
    replaced = true;
    return file;
  });
  if (!replaced) files.push(file);
  const system = workspace.system?.path === file.path || (!workspace.system && path.basename(file.path) === SYSTEM_FILE_NAME) ? file : workspace.system;
  return { ...workspace, files, system };
}

/** The locale of the words a diagram adds (start, end): qms.yaml's `locale`, else the editor's. */
export function diagramLocale(workspace: Workspace, editorLocale: Locale): Locale {
  const locale = systemModel(workspace)?.locale;
  return locale === 'vi' || locale === 'en' ? locale : editorLocale;
}

export function previewSource(workspace: Workspace | undefined, file: SourceFile, settings: PreviewSettings, comparison?: PreviewComparison): PreviewSource {
  const syntax = file.parsed.findings[0];
  if (syntax) {
    return { ok: false, file, message: `${path.basename(file.path)}:${syntax.range.start.line}:${syntax.range.start.column}: ${syntax.message.en}` };
  }
  const kind = previewKindOf(file.path, textOf(file));
  const name = path.basename(file.path);
  if (!kind) return { ok: false, file, message: `${name}: no flowchart for this file (its kind is not procedure, process or system).` };
  const ws = workspaceWith(workspace, file);
  const locale = diagramLocale(ws, settings.editorLocale);
  let diagram: Diagram | undefined;
  let compare: CompareInfo | undefined;
  if (kind === 'procedure') {
    const options = { direction: settings.direction, showForms: settings.showForms, locale };
    if (comparison) {
      const diff = procedureFlowchartDiff(ws, file, comparison, options);
      diagram = diff;
      if (diff) compare = { ...diff.changes, note: comparison.note(diff) };
    } else {
      diagram = procedureFlowchart(ws, file, options);
    }
    if (!diagram) return { ok: false, file, message: `${name}: not a procedure the flowchart can be drawn from (check kind and steps).` };
  } else {
    // `qms.preview.direction` is the direction of flowcharts; the process map reads left to right.
    diagram = processMap(ws, { locale });
  }
  const nodes: Record<string, PreviewNodeKind> = {};
  for (const [id, node] of Object.entries(diagram.nodes)) nodes[id] = node.kind;
  const code = (file.model as { code?: unknown; id?: unknown } | undefined)?.code;
  const title = compare && comparison ? comparison.title : kind === 'procedure' ? `${typeof code === 'string' ? code : name} — flowchart` : `${name} — process map`;
  return { ok: true, kind, diagram, file, title, nodes, ...(compare ? { compare } : {}) };
}

/**
 * The node the cursor is on: of the nodes defined in `file`, the one whose definition (the YAML
 * node at its pointer) is the innermost around `offset`. Start and end terminals are not picked
 * (they share their step's pointer); a process map's whole-file nodes are picked only when no
 * smaller one holds the cursor.
 */
export function nodesAtOffset(diagram: Diagram, file: SourceFile, offset: number): string[] {
  let best: { ids: string[]; size: number } | undefined;
  for (const [id, node] of Object.entries(diagram.nodes)) {
    if (node.file !== file.path || node.kind === 'start' || node.kind === 'end') continue;
    const target = resolvePointer(file.parsed, node.pointer).node;
    const range = target?.range;
    if (!range) continue;
    const [start, end] = range;
    if (offset < start || offset > end) continue;
    const size = end - start;
    if (!best || size < best.size) best = { ids: [id], size };
    else if (size === best.size) best.ids.push(id);
  }
  return best?.ids ?? [];
}
