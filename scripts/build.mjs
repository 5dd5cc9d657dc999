// Bundles QMS Kit: the CLI (Node), the extension (Node, `vscode` external) and the webview
// (browser). One esbuild call per bundle; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// The schema validator, compiled once here instead of in every process and thread at run time.
const generator = 'build/generate-validator.cjs';
const precompiled = path.resolve('build/qms-validator.cjs');
await esbuild.build({ entryPoints: ['scripts/generate-validator.ts'], outfile: generator, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
execFileSync(process.execPath, [generator, precompiled], { stdio: 'inherit' });
const usePrecompiledValidator = {
  name: 'precompiled-validator',
  setup(build) {
    build.onResolve({ filter: /\/precompiled-validator$/ }, () => ({ path: precompiled }));
  },
};

const common = {
  bundle: true,
  plugins: [usePrecompiledValidator],
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const bundles = [
  // playwright-core stays external: it is a runtime dependency, loaded only to draw flowcharts.
  { ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', external: ['playwright-core'] },
];
const benchmarks = process.argv.includes('--bench');
if (benchmarks) {
  bundles.push({ ...common, entryPoints: ['bench/relint.ts'], outfile: 'dist/bench-relint.js', platform: 'node', format: 'cjs', target: 'node20' });
}
if (existsSync('src/extension/extension.ts')) {
  bundles.push({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] });
}
if (existsSync('src/webview/main.ts')) {
  bundles.push({ ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview/preview.js', platform: 'browser', format: 'iife', target: 'es2022' });
}

// Mermaid's browser build ships with the CLI (dist/vendor/): generated documents draw their
// flowcharts offline, never from the network.
mkdirSync('dist/vendor', { recursive: true });
copyFileSync('node_modules/mermaid/dist/mermaid.min.js', 'dist/vendor/mermaid.min.js');

if (watch) {
  for (const options of bundles) await (await esbuild.context(options)).watch();
  console.log('watching…');
} else {
  await Promise.all(bundles.map((options) => esbuild.build(options)));
}
