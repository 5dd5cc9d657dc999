import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { Finding } from '../core/findings';
import type { FileSystem } from '../core/io/file-system';
import { nodeFileSystem } from '../core/io/node-file-system';
import { lintWorkspace, type LintOptions } from '../core/lint/engine';
import { foreignSourceFile, transferable, type SourceFile, type TransferredFile } from '../core/model/source-file';
import { assembleWorkspace, loadFiles, planWorkspace, type Workspace } from '../core/model/workspace';
import type { WorkspaceLock } from '../core/change/lock';

/**
 * Lints a large workspace on every core. Parsing dominates, and each file is parsed exactly once:
 * every thread loads its share of the files, the threads swap the loaded models (cheap plain
 * data), then each one runs every rule over its own files with the whole workspace in view.
 * Small workspaces run on one thread: starting a worker costs more than it saves there.
 */
export const FILES_PER_EXTRA_THREAD = 150;

interface LoadedMessage {
  type: 'loaded';
  files: TransferredFile[];
  findings: Finding[];
}
interface LintMessage {
  type: 'lint';
  foreign: TransferredFile[];
  options: { today: string; only?: string[] };
  /** qms.lock as the main thread read it (plain data); its findings are reported there, once. */
  lock?: WorkspaceLock;
}
interface FindingsMessage {
  type: 'findings';
  findings: Finding[];
}
export interface LintWorkerData {
  qmsLintWorker: true;
  root: string;
  files: string[];
}

export interface ParallelLintResult {
  findings: Finding[];
  /** The workspace this thread assembled: its own files parsed, the others' models as plain data. */
  workspace: Workspace;
  /** Every file's text, for formatters that show source lines. */
  sources: Map<string, string>;
  threads: number;
}

/**
 * `threads`: exactly this many threads (tests, benchmarks); by default, by workspace size and
 * cores. Without a worker script (a CLI run from tests) everything happens on this thread.
 */
export async function lintInParallel(fs: FileSystem, root: string, options: LintOptions, workerScript: string | undefined, threads?: number): Promise<ParallelLintResult> {
  const plan = await planWorkspace(fs, root);
  if (!workerScript) threads = 1;
  threads ??= Math.max(1, Math.min(availableParallelism(), 1 + Math.floor(plan.otherFiles.length / FILES_PER_EXTRA_THREAD)));
  const shards = splitEvenly(plan.otherFiles, threads);
  const workers = shards.slice(1).map((files) => startWorker(workerScript!, { qmsLintWorker: true, root: plan.root, files }));
  try {
    const readFindings = [...plan.findings];
    const shardFiles = await loadFiles(fs, shards[0]!, {}, readFindings);
    const own: SourceFile[] = plan.system ? [plan.system, ...shardFiles] : shardFiles;
    const loadedElsewhere = await Promise.all(workers.map((w) => w.next<LoadedMessage>('loaded')));
    const ownTransfer = workers.length ? own.map(transferable) : [];
    const only = options.only ? [...options.only] : undefined;
    workers.forEach((worker, i) => {
      const foreign = [ownTransfer, ...loadedElsewhere.filter((_, j) => j !== i).map((m) => m.files)].flat();
      worker.send({ type: 'lint', foreign, options: { today: options.today, only }, lock: plan.lock } satisfies LintMessage);
    });
    const foreign = loadedElsewhere.flatMap((m) => m.files);
    const ownPaths = new Set(own.map((f) => f.path));
    const workspace = assembleWorkspace(plan.root, [...own, ...foreign.map(foreignSourceFile)], readFindings, plan.lock);
    const onlyOwn = new Set([...ownPaths].filter((p) => !options.only || options.only.has(p)));
    const findings = lintWorkspace(workspace, { ...options, only: onlyOwn }).findings;
    // Workspace-level findings (a missing qms.yaml, unreadable files) come back from every thread once.
    const elsewhere = await Promise.all(workers.map((w) => w.next<FindingsMessage>('findings')));
    findings.push(...loadedElsewhere.flatMap((m) => m.findings), ...elsewhere.flatMap((m) => m.findings.filter((f) => f.ruleId !== 'workspace/missing-system')));
    const sources = new Map<string, string>([...own.map((f): [string, string] => [f.path, f.parsed.text]), ...foreign.map((f): [string, string] => [f.path, f.text.replace(/^\uFEFF/, '')])]);
    return { findings: sortFindings(findings), workspace, sources, threads };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.range.start.offset - b.range.start.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)));
}

function splitEvenly<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, i) => items.slice(i * size, (i + 1) * size));
}

function startWorker(script: string, data: LintWorkerData) {
  const worker = new Worker(script, { workerData: data });
  const inbox: unknown[] = [];
  const waiting: Array<(message: unknown) => void> = [];
  let failure: Error | undefined;
  const failed: Array<(error: Error) => void> = [];
  worker.on('message', (message) => (waiting.length ? waiting.shift()!(message) : inbox.push(message)));
  worker.on('error', (error) => {
    failure = error;
    failed.splice(0).forEach((reject) => reject(error));
  });
  return {
    send: (message: LintMessage) => worker.postMessage(message),
    next<M extends { type: string }>(type: M['type']): Promise<M> {
      if (failure) return Promise.reject(failure);
      return new Promise<M>((resolve, reject) => {
        failed.push(reject);
        const accept = (message: unknown) => {
          const typed = message as M;
          if (typed.type !== type) reject(new Error(`lint worker sent "${typed.type}", expected "${type}"`));
          else resolve(typed);
        };
        if (inbox.length) accept(inbox.shift());
        else waiting.push(accept);
      });
    },
    terminate: () => worker.terminate(),
  };
}

/** The worker side: load the given files, hand them over, lint them with everyone's models. */
export function isLintWorker(data: unknown): data is LintWorkerData {
  return typeof data === 'object' && data !== null && (data as LintWorkerData).qmsLintWorker === true;
}

export async function runLintWorker(): Promise<void> {
  const data = workerData as LintWorkerData;
  const port = parentPort!;
  const findings: Finding[] = [];
  const own = await loadFiles(nodeFileSystem, data.files, {}, findings);
  port.postMessage({ type: 'loaded', files: own.map(transferable), findings } satisfies LoadedMessage);
  port.once('message', (message: LintMessage) => {
    const workspace: Workspace = assembleWorkspace(data.root, [...own, ...message.foreign.map(foreignSourceFile)], [], message.lock);
    const only = new Set(own.map((f) => f.path).filter((p) => !message.options.only || message.options.only.includes(p)));
    const result = lintWorkspace(workspace, { today: message.options.today, only });
    port.postMessage({ type: 'findings', findings: result.findings } satisfies FindingsMessage);
  });
}
