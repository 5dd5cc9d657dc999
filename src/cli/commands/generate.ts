import { existsSync, promises as fsp, realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { FileSystem } from '../../core/io/file-system';
import { nodeFileSystem, writeFileAtomic } from '../../core/io/node-file-system';
import { outputDirOf, systemModel } from '../../core/model/workspace';
import { outputFormatsOf, summarizeNotIssued } from '../../core/render/generate';
import { GenerateError, generateDocuments, isInside, TemplateError, TemplatePathError, type OutputFormat } from '../../core/render/index';
import { parseArgs } from '../args';
import { EXIT_FINDINGS, EXIT_OK, type CliParams } from '../context';
import { RunError, UsageError } from '../errors';
import { createMermaidRenderer, diagramCacheDir, findChromium, findMermaidScript, type MermaidRenderer } from '../mermaid-svg';
import { lintInParallel } from '../parallel-lint';
import { TOOL_VERSION } from '../version';

export const GENERATE_USAGE = `Usage: qmskit generate [folder] [options]

Issues the workspace's controlled documents into its output folder: one file per procedure and
document, a process sheet per process, a release decision per procedure (Vietnamese workspaces),
the master list, the records register, the clause coverage matrix and the process map, and
index.json (what was issued from which revision, with a hash of every file).

Options:
  --out DIR              output folder inside the workspace (default: qms.yaml output.dir, else controlled)
  --format html,md       formats to write (default: qms.yaml output.formats, else both)
  --only CODE[,CODE…]    only these procedures, documents or processes (repeatable); the lists are left as they are
  --force                issue documents even when their file has lint errors

A document whose file has lint errors is not issued (the copy issued before stays in force).
Flowcharts in HTML are drawn by the Chromium named by QMSKIT_CHROMIUM, else the first of
/usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome; without one (or with
QMSKIT_CHROMIUM=none) the HTML carries the flowchart's Mermaid source. No browser is downloaded.
Exit code: 0 everything issued, 1 some documents not issued, 2 the run failed.`;

/** What the process shim passes to `generate` beyond the common parameters. */
export interface GenerateParams extends CliParams {
  /** `QMSKIT_CHROMIUM`: the browser that draws flowcharts (`none` turns drawing off). */
  chromium?: string;
}

/** The toolkit's built-in templates: next to the bundle (`dist/../templates`), or the repository's when running from source. */
export function builtinTemplatesDir(): string {
  const candidates = [path.join(__dirname, '..', 'templates'), path.join(__dirname, '..', '..', 'templates'), path.join(__dirname, '..', '..', '..', 'templates')];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'shared')));
  if (!found) throw new RunError(`the built-in templates are missing (looked in ${candidates.join(', ')}).`);
  return found;
}

const FORMATS: readonly OutputFormat[] = ['html', 'md'];

/** `--only A,B --only C` → [A, B, C]; removed from argv before the common parser sees it. */
function takeOnly(argv: readonly string[]): { rest: string[]; only: string[] | undefined } {
  const rest: string[] = [];
  let only: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (arg === '--only') {
      value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError('--only needs one or more codes');
    } else if (arg.startsWith('--only=')) value = arg.slice('--only='.length);
    else {
      rest.push(arg);
      continue;
    }
    only ??= [];
    only.push(...value.split(',').map((code) => code.trim()).filter(Boolean));
  }
  return { rest, only };
}

/** The real folder a path is or would be in: symbolic links resolved up to its nearest existing ancestor. */
function realTarget(target: string): string {
  let existing = target;
  const missing: string[] = [];
  while (!existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    missing.unshift(path.basename(existing));
    existing = parent;
  }
  return path.join(realpathSync(existing), ...missing);
}

/** The disk as `generate` writes it: each folder created once per run, not once per file (thousands of outputs, a handful of folders). */
function outputFileSystem(fs: FileSystem): FileSystem {
  if (fs !== nodeFileSystem) return fs;
  const made = new Map<string, Promise<unknown>>();
  const ensureFolder = (dir: string): Promise<unknown> => {
    let ready = made.get(dir);
    if (!ready) made.set(dir, (ready = fsp.mkdir(dir, { recursive: true })));
    return ready;
  };
  return { ...fs, writeFile: (target, content) => writeFileAtomic(target, content, ensureFolder) };
}

/** Temp files of an interrupted run (`.name.<pid>.<n>.tmp`, see writeFileAtomic): never outputs, removed before writing. */
async function removeStaleTempFiles(dir: string): Promise<void> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await removeStaleTempFiles(full);
    else if (/^\..+\.\d+\.\d+\.tmp$/.test(entry.name)) await fsp.rm(full, { force: true });
  }
}

export async function generateCommand(params: GenerateParams, argv: readonly string[]): Promise<number> {
  const { rest, only } = takeOnly(argv);
  const args = parseArgs(rest, { booleans: ['force', 'help'], values: ['out', 'format'] });
  if (args.options.has('help')) {
    params.stdout(GENERATE_USAGE + '\n');
    return EXIT_OK;
  }
  if (args.positionals.length > 1) throw new UsageError('generate takes one workspace folder');
  const formatOption = args.options.get('format');
  let formats: OutputFormat[] | undefined;
  if (formatOption !== undefined) {
    if (formatOption === true) throw new UsageError('--format needs a value');
    formats = [...new Set(formatOption.split(',').map((f) => f.trim()).filter(Boolean))] as OutputFormat[];
    if (!formats.length || formats.some((f) => !FORMATS.includes(f))) throw new UsageError(`--format must be html, md or html,md`);
  }
  const outOption = args.options.get('out');
  if (outOption === true) throw new UsageError('--out needs a folder');

  const root = path.resolve(params.cwd, args.positionals[0] ?? '.');
  try {
    await params.fs.readDirectory(root);
  } catch {
    throw new RunError(`cannot read ${args.positionals[0] ?? '.'}: no such folder.`);
  }
  // Load and lint on every core, as `qmskit lint` does; lint findings decide what is issued.
  const { workspace, findings } = await lintInParallel(params.fs, root, { today: params.today }, params.workerScript, params.threads);
  const system = systemModel(workspace);
  if (!system) throw new RunError(`no usable qms.yaml in ${path.relative(params.cwd, root) || '.'}: run \`qmskit lint\` to see why, or \`qmskit init\` to create one.`);

  // The output folder: inside the workspace, also once symbolic links are followed.
  const outText = typeof outOption === 'string' ? outOption : outputDirOf(system);
  const outDir = path.resolve(root, outText);
  const diskBacked = existsSync(root);
  if (!isInside(root, outDir) || outDir === root || (diskBacked && !isInside(realpathSync(root), realTarget(outDir)))) {
    throw new RunError(`the output folder ${outText} is not inside the workspace ${path.relative(params.cwd, root) || '.'}; choose a folder inside it (for example controlled).`);
  }


  const wantsHtml = outputFormatsOf(system, { formats }).includes('html');
  let renderer: MermaidRenderer | undefined;
  if (wantsHtml) {
    const browser = findChromium(params.chromium);
    const script = findMermaidScript();
    if (browser.kind === 'missing') {
      params.stderr(
        `qmskit generate: no Chromium to draw flowcharts (${browser.configured ? `QMSKIT_CHROMIUM=${browser.configured} does not exist` : `tried ${browser.tried.join(', ')}`}); the HTML documents carry each flowchart's Mermaid source instead. Install one (Debian: apt-get install chromium) or set QMSKIT_CHROMIUM to its path.\n`,
      );
    } else if (browser.kind === 'found' && !script) {
      params.stderr('qmskit generate: mermaid.min.js is missing from the installation (dist/vendor); the HTML documents carry each flowchart\'s Mermaid source instead.\n');
    } else if (browser.kind === 'found' && script) {
      renderer = createMermaidRenderer({ executablePath: browser.path, mermaidScript: script, cacheDir: diagramCacheDir(), onError: (message) => params.stderr(`qmskit generate: ${message}\n`) });
    }
  }

  // Workspace templates: inside the workspace once symbolic links are followed, too (the core checks the paths as written).
  if (diskBacked) {
    const realRoot = realpathSync(root);
    const named = Object.entries((system.templates ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string');
    for (const [output, file] of [...named, ['templates/', 'templates'] as [string, string]]) {
      const target = path.resolve(root, file);
      if (existsSync(target) && !isInside(realRoot, realpathSync(target))) {
        throw new RunError(`${output === 'templates/' ? 'the templates folder' : `qms.yaml templates.${output}`} (${file}) leads outside the workspace; templates must be inside it.`);
      }
    }
    await removeStaleTempFiles(outDir);
  }
  let result;
  try {
    result = await generateDocuments(workspace, {
      fs: outputFileSystem(params.fs),
      outDir,
      formats,
      only,
      force: args.options.has('force'),
      renderDiagram: renderer ? (text) => renderer!.render(text) : undefined,
      findings,
      today: params.today,
      builtinTemplates: { fs: params.fs, dir: builtinTemplatesDir() },
      generator: `qmskit ${TOOL_VERSION}`,
    });
  } catch (error) {
    if (error instanceof GenerateError || error instanceof TemplateError || error instanceof TemplatePathError) throw new RunError(error.message);
    throw error;
  } finally {
    await renderer?.close();
  }

  const shownOut = path.relative(params.cwd, result.outDir) || '.';
  const count = (kind: string) => result.manifest.documents.filter((d) => d.kind === kind && d.files.length).length;
  const sheets = result.manifest.processes.filter((p) => p.files.length).length;
  const outputs = result.written.length - 1;
  params.stdout(
    `Generated ${outputs} file(s) in ${shownOut}: ${only ? `${only.join(', ')}` : `${count('procedure')} procedure(s), ${count('document')} document(s), ${sheets} process sheet(s), the lists`}; manifest ${path.join(shownOut, 'index.json')}.\n`,
  );
  if (result.diagrams.fallback > 0 && result.diagrams.rendered > 0) params.stderr(`qmskit generate: ${result.diagrams.fallback} flowchart(s) could not be drawn; their Mermaid source is shown instead.\n`);
  if (result.notIssued.length) {
    params.stdout(`\nNot issued (${result.notIssued.length}):\n`);
    for (const item of result.notIssued) {
      const summary = summarizeNotIssued(item);
      params.stdout(`  ${summary.heading}\n`);
      for (const line of summary.errors) params.stdout(`    ${line}\n`);
      if (summary.more) params.stdout(`    … and ${summary.more} more (qmskit lint ${item.source})\n`);
    }
    params.stdout('Fix the errors and generate again, or use --force to issue them anyway.\n');
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
