import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { procedureFlowchart, processMap, processSheet } from '../diagram/index';
import type { Finding, Locale } from '../findings';
import type { FileSystem } from '../io/file-system';
import { lintWorkspace } from '../lint/engine';
import type { SourceFile } from '../model/source-file';
import { outputDirOf, systemModel, type Workspace } from '../model/workspace';
import { createEnvironment, type OutputFormat, type RenderEnvironment } from './environment';
import { TrustedMarkup } from './trusted';
import { isInside, loadTemplates, type OutputName, type TemplateLocations } from './templates';
import { compareCodes, str, viewContext } from './view-models/common';
import { documentView } from './view-models/document';
import { procedureView, type FlowchartView } from './view-models/procedure';
import { processSheetView, processMapView } from './view-models/process';
import { clauseCoverageView, masterListView, recordsRegisterView } from './view-models/registers';
import { releaseDecisionView } from './view-models/release-decision';

/**
 * Issues the workspace's controlled documents (OUTPUTS.md): one procedure or document file per
 * code, a process sheet per process, a release decision per procedure (Vietnamese), and the
 * workspace-level lists (master list, records register, clause coverage, process map), in each
 * requested format, plus a manifest `index.json`.
 *
 * - Deterministic: the same inputs give byte-identical files (no clock; stable order).
 * - Safe to interrupt: every file is written atomically (the FileSystem's temp file + rename),
 *   outputs first, the manifest last, so each file is always either its old or its new version.
 *   A cancelled run (`signal`) stops between files, lets the writes under way finish, and never
 *   writes the manifest: `index.json` still describes the previous complete run.
 * - Gated: a procedure, document or process whose file has lint errors is not issued (the
 *   copy issued before, if any, stays as it was: it is still the one in force) unless `force`.
 * - Contained: the output folder must be inside the workspace.
 */

export interface GenerateOptions {
  /** Where outputs are written (through `writeFile`, atomically) and workspace templates read. */
  fs: FileSystem;
  /** The output folder, relative to the workspace root (or absolute, inside it); default qms.yaml `output.dir`, else `controlled`. */
  outDir?: string;
  /** Formats to write; default qms.yaml `output.formats`, else `defaultFormats`, else both. */
  formats?: readonly OutputFormat[];
  /** Formats when neither `formats` nor qms.yaml `output.formats` says (the editor's `qms.output.formats` setting). */
  defaultFormats?: readonly OutputFormat[];
  /** Only these procedure/document codes and process ids (the workspace-level lists are then left as they are). */
  only?: readonly string[];
  /** Issue documents even when their file has lint errors. */
  force?: boolean;
  /**
   * Draws a Mermaid diagram as SVG (the CLI's headless browser, the extension's webview); resolves
   * undefined when it cannot. Without it, HTML outputs show the diagram's Mermaid source.
   */
  renderDiagram?: (mermaid: string) => Promise<string | undefined>;
  /** Lint findings of the workspace when the caller already has them (else the workspace is linted here). */
  findings?: readonly Finding[];
  /** Today (`YYYY-MM-DD`) for linting here; only rules configured to `error` that depend on it can change what is issued. */
  today?: string;
  /** The language of the documents; default qms.yaml `locale`. */
  locale?: Locale;
  /** Where the built-in templates are. */
  builtinTemplates: { fs: FileSystem; dir: string };
  /** Recorded in the manifest (`qmskit 0.1.0`). */
  generator?: string;
  /**
   * Read the workspace's own templates (`templates/`, qms.yaml `templates:`); default true. The
   * editor turns this off in an untrusted folder: only the built-in templates are used there.
   */
  workspaceTemplates?: boolean;
  /**
   * Called as each procedure, document, process or workspace list starts to be written, with how
   * many are done and how many there are (the one starting is `current`), and once more with
   * `done === total` and no `current` when every output is written, before the manifest.
   */
  onProgress?: (done: number, total: number, current: string | undefined) => void;
  /**
   * Cancels the run, checked between files: the writes under way finish (each file whole, old
   * or new), nothing more is written, not the manifest either, and the run rejects with
   * GenerateCancelled.
   */
  signal?: AbortSignal;
}

/** One file the run wrote. */
export interface WrittenFile {
  /** Path relative to the output folder, `/`-separated. */
  path: string;
  /** sha256 of its content (hex). */
  sha256: string;
}

/** A document that was not issued, and why. */
export interface NotIssued {
  /** Its code (or process id). */
  code: string;
  /** Its file, relative to the workspace root. */
  source: string;
  /** Why, in the locale of the documents. */
  reason: string;
  /** The lint errors that stopped it. */
  errors: Array<{ ruleId: string; line: number; column: number; message: string }>;
}

/** A manifest entry: one procedure, document or process and the files issued from it. */
export interface ManifestEntry {
  /** Code of the procedure or document, or id of the process. */
  code: string;
  /** `procedure`, `document` or `process`. */
  kind: string;
  /** Title (or process name). */
  title: string;
  /** Issue number (procedures and documents). */
  revision: number | null;
  /** Amendment within the issue, when the document keeps one. */
  amendment: number | null;
  /** Effective date. */
  effective: string | null;
  /** Status at generation. */
  status: string | null;
  /** The YAML file, relative to the workspace root. */
  source: string;
  /** sha256 of the YAML file's text. */
  sourceSha256: string;
  /** The outputs issued from it. */
  files: WrittenFile[];
}

/** `index.json` in the output folder. */
export interface Manifest {
  generator: string;
  locale: Locale;
  formats: OutputFormat[];
  /** Procedures and documents, by code. */
  documents: ManifestEntry[];
  /** Process sheets, by process id. */
  processes: ManifestEntry[];
  /** Workspace-level outputs, by name. */
  workspace: Array<{ output: string; files: WrittenFile[] }>;
  /** What was not issued in the last run, and why. */
  notIssued: NotIssued[];
}

export interface GenerateResult {
  /** Absolute output folder. */
  outDir: string;
  /** Every file written in this run (outputs, then the manifest), relative to `outDir`. */
  written: WrittenFile[];
  notIssued: NotIssued[];
  manifest: Manifest;
  /** Diagrams drawn as SVG, and diagrams left as Mermaid source. */
  diagrams: { rendered: number; fallback: number };
}

/** A problem with the run itself (bad output folder, unknown code): nothing was written. */
export class GenerateError extends Error {}

/**
 * The run was cancelled through `signal`. `written` lists the outputs already replaced by their
 * new version; every other output, and `index.json`, is as the previous run left it.
 */
export class GenerateCancelled extends Error {
  constructor(
    readonly outDir: string,
    readonly written: readonly WrittenFile[],
  ) {
    super(`Generation cancelled: ${written.length} file(s) in ${outDir} were replaced; the others and ${MANIFEST_NAME} are as the previous run left them.`);
  }
}

export const MANIFEST_NAME = 'index.json';
/** Writes allowed to wait on the disk at once. */
const WRITES_IN_FLIGHT = 8;
const WORKSPACE_OUTPUTS = ['master-list', 'records-register', 'clause-coverage', 'process-map'] as const;

/** A code as a file name: `/`, `\` and characters Windows refuses become `_`; spaces `-`. */
export function fileSafeName(code: string): string {
  let name = code
    .normalize('NFC')
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, '-')
    .replace(/^[.-]+/, '_');
  if (!name) name = '_';
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(name)) name = `_${name}`;
  return name;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function relativeSource(workspace: Workspace, file: SourceFile): string {
  return path.relative(workspace.root, file.path).split(path.sep).join('/');
}

const SVG_UNSAFE = /<script|<foreignObject|<iframe|<object|<embed|\son[a-z]+\s*=|javascript:/i;

/** The renderer's SVG, vouched for when it is a plain SVG document without scripts or embedded HTML. */
export function trustSvg(svg: string | undefined): TrustedMarkup | null {
  if (typeof svg !== 'string' || !/^\s*<svg[\s>]/.test(svg) || SVG_UNSAFE.test(svg)) return null;
  return TrustedMarkup.vouch(svg.trim());
}

// What to do about it is the caller's to say (fix and run again; `--force` in the CLI): the
// reason is also recorded in the manifest, which outlives any one way of generating.
const NOT_ISSUED_REASON: Record<Locale, (n: number) => string> = {
  en: (n) => `${n} lint error(s): not issued (the copy issued before, if any, stays in force).`,
  vi: (n) => `${n} lỗi kiểm tra: không ban hành (bản đã ban hành trước đó, nếu có, vẫn giữ nguyên hiệu lực).`,
};

/**
 * The formats a run writes: those asked for, else qms.yaml `output.formats`, else the caller's
 * default (the editor's setting), else both; only `html` and `md`, each once.
 */
export function outputFormatsOf(system: { output?: { formats?: unknown } } | undefined, options: Pick<GenerateOptions, 'formats' | 'defaultFormats'> = {}): OutputFormat[] {
  const configured = system?.output?.formats;
  const chosen = options.formats ?? (Array.isArray(configured) && configured.length ? (configured as unknown[]) : undefined) ?? options.defaultFormats ?? ['html', 'md'];
  return [...new Set(chosen)].filter((f): f is OutputFormat => f === 'html' || f === 'md');
}

/** A not-issued document as people read it, for the CLI's report and the editor's. */
export interface NotIssuedSummary {
  /** `SOP-3 (procedures/SOP-3.qms.yaml): 1 lint error(s): not issued (…)`. */
  heading: string;
  /** Its first errors, each `line:column  message  rule`. */
  errors: string[];
  /** How many more errors there are. */
  more: number;
}

export function summarizeNotIssued(item: NotIssued, maxErrors = 5): NotIssuedSummary {
  return {
    heading: `${item.code} (${item.source}): ${item.reason}`,
    errors: item.errors.slice(0, maxErrors).map((error) => `${error.line}:${error.column}  ${error.message}  ${error.ruleId}`),
    more: Math.max(0, item.errors.length - maxErrors),
  };
}

interface Job {
  output: OutputName;
  /** The entry it belongs to (code or process id), or the workspace output's name. */
  owner: string;
  /** Path from the output root without extension. */
  fileBase: string;
  /** Its view model, built once per job (with the flowchart picture, when there is one). */
  view: () => object;
  /** The Markdown view of it, when that differs (no picture: Markdown carries the Mermaid source). */
  forMarkdown?: (view: object) => object;
}

/** A view without its diagram's picture: the `diagram` or `flowchart` field keeps only its Mermaid source. */
function withoutPicture(view: object): object {
  const record = view as Record<string, unknown>;
  const key = 'flowchart' in record ? 'flowchart' : 'diagram';
  return { ...record, [key]: { ...(record[key] as FlowchartView), svg: null } };
}

export async function generateDocuments(workspace: Workspace, options: GenerateOptions): Promise<GenerateResult> {
  const system = systemModel(workspace);
  if (!system) throw new GenerateError(`No usable qms.yaml in ${workspace.root}: documents cannot be generated without it.`);
  const ctx = viewContext(workspace, options.locale);
  const locale = ctx.locale;

  // Output folder: inside the workspace, and not the workspace itself.
  const outDir = path.resolve(workspace.root, options.outDir ?? outputDirOf(system));
  if (!isInside(workspace.root, outDir) || path.resolve(outDir) === path.resolve(workspace.root)) {
    throw new GenerateError(`The output folder ${options.outDir ?? outputDirOf(system)} must be a folder inside the workspace (${workspace.root}).`);
  }
  const formats = outputFormatsOf(system, options);
  if (!formats.length) throw new GenerateError('No output format: choose html, md or both.');

  // What to issue.
  const procedures: SourceFile[] = [];
  const documents: SourceFile[] = [];
  const processes: SourceFile[] = [];
  for (const { file, model } of [...ctx.controlled.values()].sort((a, b) => compareCodes(a.model.code, b.model.code))) (model.kind === 'procedure' ? procedures : documents).push(file);
  for (const id of [...ctx.processes.keys()].sort(compareCodes)) processes.push(ctx.processes.get(id)!.file);
  const only = options.only ? new Set(options.only) : undefined;
  if (only) {
    const known = new Set([...ctx.controlled.keys(), ...ctx.processes.keys()]);
    const unknown = [...only].filter((code) => !known.has(code));
    if (unknown.length) throw new GenerateError(`No procedure, document or process has the code ${unknown.map((c) => `"${c}"`).join(', ')}.`);
  }
  const selected = (code: string) => !only || only.has(code);

  // Lint gate.
  const findings = options.findings ?? lintWorkspace(workspace, { today: options.today ?? '0000-01-01' }).findings;
  const errorsByFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.severity !== 'error') continue;
    const list = errorsByFile.get(finding.file);
    if (list) list.push(finding);
    else errorsByFile.set(finding.file, [finding]);
  }
  const notIssued: NotIssued[] = [];
  const issuable = (file: SourceFile, code: string): boolean => {
    const errors = errorsByFile.get(file.path) ?? [];
    if (!errors.length || options.force) return true;
    notIssued.push({
      code,
      source: relativeSource(workspace, file),
      reason: NOT_ISSUED_REASON[locale](errors.length),
      errors: errors.map((f) => ({ ruleId: f.ruleId, line: f.range.start.line, column: f.range.start.column, message: f.message[locale] })),
    });
    return false;
  };

  // File names: workspace outputs reserved, then codes by code order, clashes numbered.
  const used = new Set<string>([...WORKSPACE_OUTPUTS, 'index'].map((n) => n.toLowerCase()));
  const allocate = (prefix: string, code: string) => {
    const base = fileSafeName(code);
    let name = base;
    for (let n = 2; used.has(`${prefix}${name}`.toLowerCase()); n++) name = `${base}-${n}`;
    used.add(`${prefix}${name}`.toLowerCase());
    return `${prefix}${name}`;
  };
  const fileBases = new Map<string, string>();
  for (const file of [...procedures, ...documents].sort((a, b) => compareCodes(str((a.model as { code?: unknown }).code), str((b.model as { code?: unknown }).code)))) {
    const code = str((file.model as { code?: unknown }).code);
    fileBases.set(code, allocate('', code));
  }
  const decisionBases = new Map<string, string>();
  for (const file of procedures) {
    const code = str((file.model as { code?: unknown }).code);
    decisionBases.set(code, `decisions/${fileBases.get(code)!}`);
  }
  const processBases = new Map<string, string>();
  for (const file of processes) {
    const id = str((file.model as { id?: unknown }).id);
    processBases.set(id, allocate('processes/', id));
  }

  // Diagrams (HTML draws them; Markdown carries their Mermaid source).
  const flowchartText = new Map<SourceFile, string>();
  const jobs: Job[] = [];
  const issued = { procedures: [] as SourceFile[], documents: [] as SourceFile[], processes: [] as SourceFile[] };
  for (const file of procedures) {
    const code = str((file.model as { code?: unknown }).code);
    if (!selected(code) || !issuable(file, code)) continue;
    issued.procedures.push(file);
    flowchartText.set(file, procedureFlowchart(workspace, file, { locale, direction: 'TD', showForms: false })?.text ?? '');
  }
  for (const file of documents) {
    const code = str((file.model as { code?: unknown }).code);
    if (selected(code) && issuable(file, code)) issued.documents.push(file);
  }
  for (const file of processes) {
    const id = str((file.model as { id?: unknown }).id);
    if (!selected(id) || !issuable(file, id)) continue;
    issued.processes.push(file);
    flowchartText.set(file, processSheet(workspace, file, { locale }).text);
  }
  const mapText = only ? '' : processMap(workspace, { locale }).text;

  const svgByText = new Map<string, TrustedMarkup | null>();
  if (options.signal?.aborted) throw new GenerateCancelled(outDir, []);
  if (formats.includes('html') && options.renderDiagram) {
    const texts = [...new Set([...flowchartText.values(), mapText].filter((t) => t.trim() !== ''))];
    const render = options.renderDiagram;
    const results = await Promise.all(texts.map((text) => render(text).then(trustSvg, () => null)));
    texts.forEach((text, i) => svgByText.set(text, results[i]!));
  }
  const diagrams = { rendered: 0, fallback: 0 };
  for (const value of svgByText.values()) {
    if (value) diagrams.rendered++;
    else diagrams.fallback++;
  }
  const flowchart = (text: string): FlowchartView => ({ mermaid: text, svg: svgByText.get(text) ?? null });

  // Jobs, in a stable order.
  for (const file of issued.procedures) {
    const code = str((file.model as { code?: unknown }).code);
    const base = fileBases.get(code)!;
    jobs.push({ output: 'procedure', owner: code, fileBase: base, view: () => procedureView(file, ctx, flowchart(flowchartText.get(file)!), base), forMarkdown: withoutPicture });
    if (locale === 'vi' && (file.model as { status?: unknown }).status !== 'obsolete') {
      jobs.push({ output: 'release-decision', owner: code, fileBase: decisionBases.get(code)!, view: () => releaseDecisionView(file, ctx, decisionBases.get(code)!, base) });
    }
  }
  for (const file of issued.documents) {
    const code = str((file.model as { code?: unknown }).code);
    const base = fileBases.get(code)!;
    jobs.push({ output: 'document', owner: code, fileBase: base, view: () => documentView(file, ctx, base) });
  }
  for (const file of issued.processes) {
    const id = str((file.model as { id?: unknown }).id);
    const base = processBases.get(id)!;
    jobs.push({ output: 'process-sheet', owner: id, fileBase: base, view: () => processSheetView(file, ctx, flowchart(flowchartText.get(file)!), base, fileBases), forMarkdown: withoutPicture });
  }
  if (!only) {
    jobs.push({ output: 'master-list', owner: 'master-list', fileBase: 'master-list', view: () => masterListView(ctx, fileBases) });
    jobs.push({ output: 'records-register', owner: 'records-register', fileBase: 'records-register', view: () => recordsRegisterView(ctx, fileBases) });
    jobs.push({ output: 'clause-coverage', owner: 'clause-coverage', fileBase: 'clause-coverage', view: () => clauseCoverageView(ctx) });
    jobs.push({ output: 'process-map', owner: 'process-map', fileBase: 'process-map', view: () => processMapView(ctx, flowchart(mapText), processBases, fileBases), forMarkdown: withoutPicture });
  }

  // Templates: compiled before anything is written, so a broken one writes nothing.
  const locations: TemplateLocations = {
    builtin: options.builtinTemplates,
    workspace: options.workspaceTemplates === false ? undefined : { fs: options.fs, root: workspace.root, overrides: (system.templates ?? {}) as Record<string, unknown> },
  };
  const environments = new Map<OutputFormat, RenderEnvironment>();
  for (const format of formats) {
    const { templates, partials } = await loadTemplates(locations, locale, format);
    environments.set(format, createEnvironment(format, locale, templates, partials));
  }

  // Each template once before anything is written: a template that does not fit the view model
  // fails the run here, with its file and line, and nothing is written. (A failure that depends
  // on one document's data can still stop a run midway: what was written stays, each file whole,
  // and the manifest is not rewritten.)
  const tried = new Set<string>();
  for (const job of jobs) {
    if (tried.has(job.output)) continue;
    tried.add(job.output);
    const view = job.view();
    for (const format of formats) {
      const env = environments.get(format)!;
      if (env.has(job.output)) env.render(job.output, format === 'md' && job.forMarkdown ? job.forMarkdown(view) : view);
    }
  }

  // Then render and write, a few writes in flight while the next file renders: memory stays flat
  // however large the workspace, and the disk waits overlap the rendering.
  const written: WrittenFile[] = [];
  const filesByOwner = new Map<string, WrittenFile[]>();
  const inFlight = new Set<Promise<void>>();
  let writeError: unknown;
  // Progress and cancellation go by document (a procedure with its release decision, a list),
  // never between the files of one, so a cancelled run leaves no document half in each format.
  const owners = [...new Set(jobs.map((job) => job.owner))];
  let ownersDone = 0;
  let currentOwner: string | undefined;
  let cancelled = false;
  for (const job of jobs) {
    if (job.owner !== currentOwner) {
      if (currentOwner !== undefined) ownersDone++;
      if (options.signal?.aborted) {
        cancelled = true;
        break;
      }
      currentOwner = job.owner;
      options.onProgress?.(ownersDone, owners.length, currentOwner);
    }
    const view = job.view();
    for (const format of formats) {
      const env = environments.get(format)!;
      if (!env.has(job.output)) continue;
      const content = normalizeOutput(env.render(job.output, format === 'md' && job.forMarkdown ? job.forMarkdown(view) : view));
      const relative = `${job.fileBase}.${format}`;
      const entry = { path: relative, sha256: sha256(content) };
      written.push(entry);
      const list = filesByOwner.get(job.owner);
      if (list) list.push(entry);
      else filesByOwner.set(job.owner, [entry]);
      const write: Promise<void> = options.fs
        .writeFile(path.join(outDir, ...relative.split('/')), content)
        .catch((error: unknown) => {
          writeError ??= error;
        })
        .finally(() => inFlight.delete(write));
      inFlight.add(write);
      if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
      if (writeError) break;
    }
    if (writeError) break;
  }
  await Promise.all(inFlight);
  if (writeError) throw writeError;
  // Cancelled after the last document was written: the run is complete, so its manifest is too.
  if (cancelled) throw new GenerateCancelled(outDir, written);
  options.onProgress?.(owners.length, owners.length, undefined);

  // The manifest: this run's entries, and (with `only`) the previous run's for everything else.
  const previous = only ? await readManifest(options.fs, path.join(outDir, MANIFEST_NAME)) : undefined;
  // Source hashes from the files as they are on disk (the text, not a parse of it).
  const sourceHashes = new Map<string, string>();
  for (const file of [...issued.procedures, ...issued.documents, ...issued.processes]) {
    let text: string;
    try {
      text = await options.fs.readFile(file.path);
    } catch {
      text = (file.parsed.hadBom ? '\uFEFF' : '') + file.parsed.text;
    }
    sourceHashes.set(file.path, sha256(text));
  }
  const entryOf = (file: SourceFile, code: string, kind: string): ManifestEntry => {
    const model = file.model as unknown as Record<string, unknown>;
    return {
      code,
      kind,
      title: str(kind === 'process' ? model.name : model.title),
      revision: typeof model.revision === 'number' ? model.revision : null,
      amendment: typeof model.amendment === 'number' ? model.amendment : null,
      effective: typeof model.effective === 'string' ? model.effective : null,
      status: typeof model.status === 'string' ? model.status : null,
      source: relativeSource(workspace, file),
      sourceSha256: sourceHashes.get(file.path)!,
      files: filesByOwner.get(code) ?? [],
    };
  };
  const merge = (fresh: ManifestEntry[], old: ManifestEntry[] | undefined) => {
    const byCode = new Map((old ?? []).filter((e) => !only?.has(e.code)).map((e) => [e.code, e] as const));
    for (const entry of fresh) byCode.set(entry.code, entry);
    return [...byCode.values()].sort((a, b) => compareCodes(a.code, b.code));
  };
  const manifest: Manifest = {
    generator: options.generator ?? 'qmskit',
    locale,
    formats,
    documents: merge(
      [...issued.procedures, ...issued.documents].map((file) => entryOf(file, str((file.model as { code?: unknown }).code), (file.model as { kind: string }).kind)),
      previous?.documents,
    ),
    processes: merge(
      issued.processes.map((file) => entryOf(file, str((file.model as { id?: unknown }).id), 'process')),
      previous?.processes,
    ),
    workspace: only
      ? (previous?.workspace ?? [])
      : WORKSPACE_OUTPUTS.map((output) => ({ output, files: filesByOwner.get(output) ?? [] })),
    notIssued: [...notIssued].sort((a, b) => compareCodes(a.code, b.code)),
  };
  const manifestText = JSON.stringify(manifest, null, 2) + '\n';
  await options.fs.writeFile(path.join(outDir, MANIFEST_NAME), manifestText);
  written.push({ path: MANIFEST_NAME, sha256: sha256(manifestText) });

  return { outDir, written, notIssued: manifest.notIssued, manifest, diagrams };
}

/** One trailing newline, LF line ends, no trailing spaces, no runs of blank lines: templates' whitespace never shows in diffs. */
function normalizeOutput(text: string): string {
  const lf = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return lf.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

async function readManifest(fs: FileSystem, file: string): Promise<Manifest | undefined> {
  try {
    if (!(await fs.exists(file))) return undefined;
    const value = JSON.parse(await fs.readFile(file)) as Manifest;
    return Array.isArray(value.documents) && Array.isArray(value.processes) ? value : undefined;
  } catch {
    return undefined;
  }
}

