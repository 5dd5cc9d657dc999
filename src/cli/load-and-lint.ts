import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../core/findings';
import type { FileSystem } from '../core/io/file-system';
import { lintWorkspace } from '../core/lint/engine';
import { foreignSourceFile, transferable, type SourceFile, type TransferredFile } from '../core/model/source-file';
import { assembleWorkspace, loadFiles, planWorkspace, type Workspace } from '../core/model/workspace';
import { FILES_PER_EXTRA_THREAD, type LintWorkerData } from './parallel-lint';

/**
 * `qmskit generate` needs what `qmskit lint` computes (every file loaded, every finding) and then
 * the loaded workspace itself. This is `lintInParallel` (same worker protocol, same workers: the
 * CLI bundle dispatches them through `isLintWorker`) that also returns the workspace it assembled,
 * so that no file is parsed twice: models loaded by other threads arrive as plain data.
 * Small workspaces, or a CLI without a worker script (tests), load and lint on this thread.
 * Keep the messages in step with `parallel-lint.ts` (or let `lintInParallel` return its workspace
 * and delete this file).
 */
export interface LoadedAndLinted {
  workspace: Workspace;
  findings: Finding[];
}

export async function loadAndLint(fs: FileSystem, root: string, today: string, workerScript: string | undefined, threads?: number): Promise<LoadedAndLinted> {
  const plan = await planWorkspace(fs, root);
  const count = workerScript ? (threads ?? Math.max(1, Math.min(availableParallelism(), 1 + Math.floor(plan.otherFiles.length / FILES_PER_EXTRA_THREAD)))) : 1;
  const size = Math.ceil(plan.otherFiles.length / count);
  const shards = Array.from({ length: count }, (_, i) => plan.otherFiles.slice(i * size, (i + 1) * size));
  const workers = shards.slice(1).map((files) => startWorker(workerScript!, { qmsLintWorker: true, root: plan.root, files }));
  try {
    const readFindings = [...plan.findings];
    const shardFiles = await loadFiles(fs, shards[0] ?? [], {}, readFindings);
    const own: SourceFile[] = plan.system ? [plan.system, ...shardFiles] : shardFiles;
    const loaded = await Promise.all(workers.map((w) => w.next<{ type: 'loaded'; files: TransferredFile[]; findings: Finding[] }>('loaded')));
    const ownTransfer = workers.length ? own.map(transferable) : [];
    workers.forEach((worker, i) => {
      const foreign = [ownTransfer, ...loaded.filter((_, j) => j !== i).map((m) => m.files)].flat();
      worker.send({ type: 'lint', foreign, options: { today }, lock: plan.lock });
    });
    const foreign = loaded.flatMap((m) => m.files).map(foreignSourceFile);
    const workspace = assembleWorkspace(plan.root, [...own, ...foreign], readFindings, plan.lock);
    const ownPaths = new Set(own.map((f) => f.path));
    const findings = lintWorkspace(workspace, { today, only: ownPaths }).findings;
    const elsewhere = await Promise.all(workers.map((w) => w.next<{ type: 'findings'; findings: Finding[] }>('findings')));
    findings.push(...loaded.flatMap((m) => m.findings), ...elsewhere.flatMap((m) => m.findings.filter((f) => f.ruleId !== 'workspace/missing-system')));
    return { workspace, findings };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
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
    send: (message: unknown) => worker.postMessage(message),
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
