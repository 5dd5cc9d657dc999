import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../src/core/findings';
import { memoryFileSystem } from '../../src/core/io/memory-file-system';
import { lintWorkspace } from '../../src/core/lint/engine';
import { loadWorkspace, type Workspace } from '../../src/core/model/workspace';

/** Rule fixtures are linted as if today were this day, so that review dates never drift. */
export const FIXTURE_TODAY = '2026-06-15';
export const RULE_FIXTURES = path.join(__dirname, '../fixtures/rules');
export const BASE_FIXTURE = path.join(RULE_FIXTURES, '_base');
/** Where a fixture workspace lives in the in-memory file system. */
export const FIXTURE_ROOT = '/qms';

export function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(dir, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

/**
 * The base workspace with a fixture's files laid over it. A `.remove` file in the fixture lists
 * base files (one relative path a line) the fixture needs gone.
 */
export function fixtureFiles(fixtureDir: string | undefined, extra: Record<string, string> = {}): Record<string, string> {
  const base = filesUnder(BASE_FIXTURE);
  const own = fixtureDir ? filesUnder(fixtureDir) : {};
  const removed = (own['.remove'] ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  delete own['.remove'];
  for (const file of removed) delete base[file];
  return { ...base, ...own, ...extra };
}

export async function lintFiles(files: Record<string, string>, today = FIXTURE_TODAY): Promise<{ workspace: Workspace; findings: Finding[] }> {
  const fs = memoryFileSystem(Object.fromEntries(Object.entries(files).map(([rel, text]) => [path.posix.join(FIXTURE_ROOT, rel), text])));
  const workspace = await loadWorkspace(fs, FIXTURE_ROOT);
  return { workspace, findings: lintWorkspace(workspace, { today, throwOnRuleError: true }).findings };
}
