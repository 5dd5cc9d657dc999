import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleFiles, generateFiles, REPO } from './helpers';
import { filesUnder } from '../helpers/fixture-workspace';

/**
 * Every output of both examples (Vietnamese: ban-chqs, English: acme-en), in both formats,
 * against golden files. The flowchart SVG comes from a deterministic fake, so the goldens do not
 * depend on a browser. Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/render`, then read
 * the diff.
 */
const GOLDEN = path.join(REPO, 'test/golden/render');
const update = process.env.UPDATE_GOLDEN === '1';

describe.each([
  ['ban-chqs', 'vi'],
  ['acme-en', 'en'],
])('golden outputs of examples/%s (%s)', (example) => {
  it('match the goldens, every output in both formats', async () => {
    const { files } = await generateFiles(exampleFiles(example));
    const dir = path.join(GOLDEN, example);
    if (update) {
      rmSync(dir, { recursive: true, force: true });
      for (const [file, text] of files) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
    }
    expect(existsSync(dir), `no goldens yet: run UPDATE_GOLDEN=1 npx vitest run test/render`).toBe(true);
    const golden = filesUnder(dir);
    expect([...files.keys()].sort()).toEqual(Object.keys(golden).sort());
    for (const [file, text] of files) expect(text, `${example}/${file} differs from its golden`).toBe(readFileSync(path.join(dir, file), 'utf8'));
  });

  it('are byte-identical when generated twice', async () => {
    const first = await generateFiles(exampleFiles(example));
    const second = await generateFiles(exampleFiles(example));
    expect([...second.files.entries()]).toEqual([...first.files.entries()]);
  });
});

describe('what the examples issue', () => {
  it('every kind of output, per procedure, document and process', async () => {
    const { files, result } = await generateFiles(exampleFiles('ban-chqs'));
    const names = [...files.keys()];
    for (const name of ['QT-BCHQS-06.html', 'QT-BCHQS-06.md', 'CS-01.html', 'CS-01.md', 'processes/P-02.html', 'processes/P-02.md', 'decisions/QT-BCHQS-06.html', 'decisions/QT-BCHQS-06.md', 'master-list.html', 'records-register.md', 'clause-coverage.html', 'process-map.md', 'index.json']) {
      expect(names).toContain(name);
    }
    expect(result.notIssued).toEqual([]);
    expect(result.diagrams.fallback).toBe(0);
  });

  it('the English example has no release decisions (Vietnamese only)', async () => {
    const { files } = await generateFiles(exampleFiles('acme-en'));
    expect([...files.keys()].some((f) => f.startsWith('decisions/'))).toBe(false);
  });
});
