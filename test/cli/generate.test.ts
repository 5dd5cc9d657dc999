import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { GenerateParams } from '../../src/cli/commands/generate';
import { nodeFileSystem } from '../../src/core/io/node-file-system';

const REPO = path.join(__dirname, '../..');
const TODAY = '2026-06-15';
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempCopy(source: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qmskit-generate-'));
  temps.push(dir);
  // Without outputs a previous `npm run example` left there.
  cpSync(source, dir, { recursive: true, filter: (file) => path.basename(file) !== 'controlled' });
  return dir;
}

async function run(argv: string[], options: { cwd?: string; chromium?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const params: GenerateParams = {
    argv,
    cwd: options.cwd ?? REPO,
    fs: nodeFileSystem,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    today: TODAY,
    defaultLocale: 'en',
    chromium: options.chromium ?? 'none',
  };
  const code = await main(params);
  return { code, stdout, stderr };
}

/** Every file under a folder, by relative path. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(dir, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

describe('qmskit generate', () => {
  it('issues the example into its output folder', async () => {
    const dir = tempCopy(path.join(REPO, 'examples/ban-chqs'));
    const result = await run(['generate', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Generated 52 file\(s\) in .*controlled: 8 procedure\(s\), 3 document\(s\), 3 process sheet\(s\), the lists; manifest/);
    const files = tree(path.join(dir, 'controlled'));
    expect(files.size).toBe(53);
    expect(files.get('QT-BCHQS-06.html')).toContain('class="mermaid-source"');
    expect(JSON.parse(files.get('index.json')!).generator).toMatch(/^qmskit \d/);
  });

  it('without a browser: a clear message, and the Mermaid source in the HTML', async () => {
    const dir = tempCopy(path.join(REPO, 'examples/acme-en'));
    const result = await run(['generate', dir], { chromium: '/nonexistent/chromium' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('no Chromium to draw flowcharts (QMSKIT_CHROMIUM=/nonexistent/chromium does not exist); the HTML documents carry each flowchart\'s Mermaid source instead.');
    expect(readFileSync(path.join(dir, 'controlled/SOP-001.html'), 'utf8')).toContain('<pre class="mermaid-source"><code class="language-mermaid">flowchart TD');
    expect(readFileSync(path.join(dir, 'controlled/SOP-001.md'), 'utf8')).toContain('```mermaid\nflowchart TD');
  });

  it('Markdown only never looks for a browser', async () => {
    const dir = tempCopy(path.join(REPO, 'examples/acme-en'));
    const result = await run(['generate', dir, '--format', 'md'], { chromium: '/nonexistent/chromium' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect([...tree(path.join(dir, 'controlled')).keys()].some((f) => f.endsWith('.html'))).toBe(false);
  });

  it('--out must stay inside the workspace, also through a symbolic link', async () => {
    const dir = tempCopy(path.join(REPO, 'examples/acme-en'));
    const outside = mkdtempSync(path.join(os.tmpdir(), 'qmskit-outside-'));
    temps.push(outside);
    for (const out of ['../x', '/tmp/x', '.']) {
      const result = await run(['generate', dir, '--out', out]);
      expect(result.code, out).toBe(2);
      expect(result.stderr, out).toMatch(/qmskit generate: the output folder .* is not inside the workspace/);
    }
    symlinkSync(outside, path.join(dir, 'linked'));
    const linked = await run(['generate', dir, '--out', 'linked/docs']);
    expect(linked.code).toBe(2);
    expect(readdirSync(outside)).toEqual([]);
    const fine = await run(['generate', dir, '--out', 'issued']);
    expect(fine.code).toBe(0);
    expect(existsSync(path.join(dir, 'issued/index.json'))).toBe(true);
  });

  it('templates reached through a symbolic link outside the workspace are refused', async () => {
    const dir = tempCopy(path.join(REPO, 'examples/acme-en'));
    const outside = mkdtempSync(path.join(os.tmpdir(), 'qmskit-outside-'));
    temps.push(outside);
    writeFileSync(path.join(outside, 'procedure.hbs'), '<h1>{{doc.title}}</h1>');
    symlinkSync(outside, path.join(dir, 'templates'));
    const result = await run(['generate', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the templates folder (templates) leads outside the workspace');
  });

  it('--only, repeated or comma-separated', async () => {
    const dir = tempCopy(path.join(REPO, 'examples/ban-chqs'));
    const result = await run(['generate', dir, '--only', 'QT-BCHQS-06,CS-01', '--only=P-01']);
    expect(result.code, result.stderr).toBe(0);
    expect([...tree(path.join(dir, 'controlled')).keys()].sort()).toEqual(['CS-01.html', 'CS-01.md', 'QT-BCHQS-06.html', 'QT-BCHQS-06.md', 'decisions/QT-BCHQS-06.html', 'decisions/QT-BCHQS-06.md', 'index.json', 'processes/P-01.html', 'processes/P-01.md']);
    const unknown = await run(['generate', dir, '--only', 'QT-NOPE']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No procedure, document or process has the code "QT-NOPE".');
  });

  it('documents with lint errors are not issued (exit 1) unless --force', async () => {
    const dir = tempCopy(path.join(REPO, 'test/fixtures/render/small'));
    const result = await run(['generate', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Not issued (1):\n  SOP-3 (procedures/SOP-3.qms.yaml): 1 lint error(s): not issued');
    expect(result.stdout).toContain('16:11  Role `nobody-defines-this-role` is not defined in qms.yaml.');
    expect(existsSync(path.join(dir, 'controlled/SOP-3.html'))).toBe(false);
    const forced = await run(['generate', dir, '--force']);
    expect(forced.code).toBe(0);
    expect(existsSync(path.join(dir, 'controlled/SOP-3.html'))).toBe(true);
  });

  it('a broken workspace template fails the run, naming the template file and line', async () => {
    const dir = tempCopy(path.join(REPO, 'test/fixtures/render/small'));
    mkdirSync(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, 'templates/procedure.hbs'), '<h1>{{doc.title}}</h1>\n<p>{{doc.signatureImage}}</p>\n');
    const result = await run(['generate', dir, '--force']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^qmskit generate: templates\/procedure\.hbs:2:\d+: "signatureImage" is not a field of the view model/);
    expect(existsSync(path.join(dir, 'controlled'))).toBe(false);
  });

  it.each([
    [['generate', '--format', 'xml'], '--format must be html, md or html,md'],
    [['generate', '--only'], '--only needs one or more codes'],
    [['generate', 'a', 'b'], 'generate takes one workspace folder'],
    [['generate', 'no/such/folder'], 'cannot read no/such/folder: no such folder.'],
  ])('%j fails with a message', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('--help', async () => {
    const result = await run(['generate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: qmskit generate [folder] [options]');
  });
});

/**
 * Killing a run midway leaves every output either its old or its new version: outputs are written
 * atomically (temp file + rename), the manifest last. A copy of the example with hundreds of
 * procedures is generated (old), changed, then generated again by the built CLI, killed with
 * SIGKILL as soon as the first changed file appears.
 */
describe('an interrupted run', () => {
  const CLI = path.join(REPO, 'dist/cli.js');
  const COPIES = 250;

  beforeAll(() => {
    const newest = (dir: string): number =>
      readdirSync(dir, { withFileTypes: true }).reduce((t, e) => Math.max(t, e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs), 0);
    if (!existsSync(CLI) || statSync(CLI).mtimeMs < newest(path.join(REPO, 'src'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'ignore' });
  }, 180_000);

  function bigWorkspace(): string {
    const dir = tempCopy(path.join(REPO, 'examples/ban-chqs'));
    const source = readFileSync(path.join(dir, 'procedures/QT-BCHQS-06.qms.yaml'), 'utf8');
    for (let i = 0; i < COPIES; i++) {
      const code = `QT-BCHQS-${100 + i}`;
      writeFileSync(path.join(dir, `procedures/${code}.qms.yaml`), source.replaceAll('QT-BCHQS-06', code));
    }
    return dir;
  }

  function changeEveryProcedure(dir: string): void {
    for (const name of readdirSync(path.join(dir, 'procedures'))) {
      const file = path.join(dir, 'procedures', name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^purpose: >-\n/m, 'purpose: >-\n  (Sửa đổi) '));
    }
  }

  // --force: the change is made without a new revision, which change control reports as an error.
  const cli = (dir: string) => spawn(process.execPath, [CLI, 'generate', dir, '--force'], { env: { ...process.env, QMSKIT_CHROMIUM: 'none' }, stdio: 'ignore' });
  const finish = (dir: string) =>
    new Promise<number | null>((resolve) => {
      const child = cli(dir);
      child.on('exit', (code) => resolve(code));
    });

  it('leaves every file old or new, never partial, and the next run completes it', async () => {
    const dir = bigWorkspace();
    expect(await finish(dir)).toBe(0);
    const before = tree(path.join(dir, 'controlled'));
    expect(before.size).toBeGreaterThan(COPIES * 4);

    changeEveryProcedure(dir);
    const expectedDir = tempCopy(dir);
    rmSync(path.join(expectedDir, 'controlled'), { recursive: true, force: true });
    expect(await finish(expectedDir)).toBe(0);
    const after = tree(path.join(expectedDir, 'controlled'));
    const changed = [...after].filter(([file, text]) => before.get(file) !== text).map(([file]) => file);
    expect(changed.length).toBeGreaterThan(COPIES);

    // Kill as soon as the first changed output has been replaced.
    const sentinel = path.join(dir, 'controlled', changed.find((f) => f.endsWith('.html'))!);
    const sentinelBefore = before.get(path.relative(path.join(dir, 'controlled'), sentinel))!;
    const child = cli(dir);
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let killed = false;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && child.exitCode === null) {
      if (readFileSync(sentinel, 'utf8') !== sentinelBefore) {
        child.kill('SIGKILL');
        killed = true;
        break;
      }
      await new Promise((r) => setImmediate(r));
    }
    await exited;
    expect(killed, 'the run finished before it could be killed').toBe(true);

    const now = tree(path.join(dir, 'controlled'));
    const leftovers = [...now.keys()].filter((f) => !before.has(f) && !after.has(f));
    // At most the temp file being written when the process died: hidden, never an output name.
    for (const file of leftovers) expect(path.basename(file), file).toMatch(/^\..+\.\d+\.\d+\.tmp$/);
    let old = 0;
    let fresh = 0;
    for (const [file, text] of now) {
      if (leftovers.includes(file)) continue;
      const isOld = text === before.get(file);
      const isNew = text === after.get(file);
      expect(isOld || isNew, `${file} is neither its old nor its new version`).toBe(true);
      if (isOld && !isNew) old++;
      if (isNew && !isOld) fresh++;
    }
    for (const file of before.keys()) expect(now.has(file), `${file} disappeared`).toBe(true);
    expect(fresh, 'some outputs were replaced before the kill').toBeGreaterThan(0);
    expect(old, 'the kill came midway: some outputs are still old').toBeGreaterThan(0);
    // The manifest is written last: still the old one, and whole.
    expect(now.get('index.json')).toBe(before.get('index.json'));
    JSON.parse(now.get('index.json')!);

    // The next run completes the job and clears what the killed one left.
    expect(await finish(dir)).toBe(0);
    const completed = tree(path.join(dir, 'controlled'));
    expect([...completed.keys()].sort()).toEqual([...after.keys()].sort());
    for (const [file, text] of completed) expect(text, file).toBe(after.get(file));
  }, 300_000);
});

describe('the headless renderer, without a browser', () => {
  it('finds the browser from configuration or the usual paths, never downloads one', async () => {
    const { findChromium, CHROMIUM_ARGS } = await import('../../src/cli/mermaid-svg');
    const exists = (file: string) => file === '/usr/bin/chromium-browser' || file === '/opt/chrome';
    expect(findChromium(undefined, exists)).toEqual({ kind: 'found', path: '/usr/bin/chromium-browser' });
    expect(findChromium('/opt/chrome', exists)).toEqual({ kind: 'found', path: '/opt/chrome' });
    expect(findChromium('/opt/missing', exists)).toEqual({ kind: 'missing', tried: ['/opt/missing'], configured: '/opt/missing' });
    expect(findChromium('none', exists)).toEqual({ kind: 'disabled' });
    expect(findChromium(undefined, () => false)).toMatchObject({ kind: 'missing', tried: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'] });
    expect(CHROMIUM_ARGS).toEqual(['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage']);
  });

  it('gives entity codes Mermaid escaped twice their ampersand back, and nothing else', async () => {
    const { fixEntityCodes } = await import('../../src/cli/mermaid-svg');
    expect(fixEntityCodes('<tspan>soát&amp;#59; x&amp;#x3C;y</tspan>')).toBe('<tspan>soát&#59; x&#x3C;y</tspan>');
    expect(fixEntityCodes('a &amp;lt; b &amp; c')).toBe('a &amp;lt; b &amp; c');
  });
});
