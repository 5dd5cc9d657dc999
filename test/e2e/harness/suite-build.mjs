// Compile the in-host mocha suites into CommonJS bundles (one per entry, so tests may import project
// source such as src/core/...; `vscode` comes from the extension host and `mocha` from node_modules):
//
//   out/e2e/suite/     index.ts + suite/*.test.ts       the main run (display language English)
//   out/e2e/suite-vi/  index.ts + suite/*.test.vi.ts    the Vietnamese run (code-server --locale vi);
//                      each *.test.vi.ts is emitted as *.test.js, so the same index.ts finds it and
//                      only it: the main run never sees the Vietnamese tests, nor this run the others.
//
// Shared by scripts/e2e.mjs (code-server) and test/e2e/electron.mjs (desktop VS Code).
import fs from 'node:fs';
import path from 'node:path';

export async function buildSuite({ root, log = () => {} }) {
  const t0 = Date.now();
  const src = path.join(root, 'test', 'e2e', 'suite');
  const out = path.join(root, 'out', 'e2e', 'suite');
  const outVi = path.join(root, 'out', 'e2e', 'suite-vi');
  const esbuild = await import('esbuild');
  const names = fs.readdirSync(src);
  if (!names.includes('index.ts')) throw new Error(`${src}/index.ts is missing`);
  const entries = names.filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => path.join(src, f));
  const viEntries = [
    { in: path.join(src, 'index.ts'), out: 'index' },
    ...names.filter((f) => f.endsWith('.test.vi.ts')).map((f) => ({ in: path.join(src, f), out: f.replace(/\.test\.vi\.ts$/, '.test') })),
  ];
  // No stale tests from deleted files.
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(outVi, { recursive: true, force: true });
  const options = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'linked',
    logLevel: 'warning',
  };
  await Promise.all([
    esbuild.build({ ...options, entryPoints: entries, outdir: out }),
    esbuild.build({ ...options, entryPoints: viEntries, outdir: outVi }),
  ]);
  log(`[build] e2e suite: ${entries.length} entries -> ${path.relative(root, out)}, ${viEntries.length} -> ${path.relative(root, outVi)} in ${Date.now() - t0} ms`);
  return {
    entry: path.join(out, 'index.js'),
    outDir: out,
    /** The Vietnamese run's entry, or null when there is no *.test.vi.ts. */
    viEntry: viEntries.length > 1 ? path.join(outVi, 'index.js') : null,
    viOutDir: outVi,
  };
}
