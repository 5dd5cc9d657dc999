// Compile the in-host mocha suite: test/e2e/suite/{index,*.test}.ts -> out/e2e/suite/*.js.
// One CommonJS bundle per entry, so tests may import project source (src/core/...) directly;
// `vscode` comes from the extension host and `mocha` from node_modules at run time.
// Shared by scripts/e2e.mjs (code-server) and test/e2e/electron.mjs (desktop VS Code).
import fs from 'node:fs';
import path from 'node:path';

export async function buildSuite({ root, log = () => {} }) {
  const t0 = Date.now();
  const src = path.join(root, 'test', 'e2e', 'suite');
  const out = path.join(root, 'out', 'e2e', 'suite');
  const esbuild = await import('esbuild');
  const entries = fs.readdirSync(src).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => path.join(src, f));
  if (!entries.some((e) => path.basename(e) === 'index.ts')) throw new Error(`${src}/index.ts is missing`);
  fs.rmSync(out, { recursive: true, force: true }); // no stale tests from deleted files
  await esbuild.build({
    entryPoints: entries,
    outdir: out,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  log(`[build] e2e suite: ${entries.length} entries -> ${path.relative(root, out)} in ${Date.now() - t0} ms`);
  return { entry: path.join(out, 'index.js'), outDir: out };
}
