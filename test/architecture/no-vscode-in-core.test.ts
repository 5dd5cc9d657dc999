import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|js|mjs)$/.test(name) ? [full] : [];
  });
}

const IMPORTS_VSCODE = /(?:from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/;

describe('architecture', () => {
  for (const layer of ['core', 'cli']) {
    it(`no module under src/${layer} imports vscode`, () => {
      const files = sourceFiles(path.join(SRC, layer));
      expect(files.length).toBeGreaterThan(0);
      const offenders = files.filter((file) => IMPORTS_VSCODE.test(readFileSync(file, 'utf8')));
      expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
    });
  }

  it('core does not reach into cli, extension or webview', () => {
    const offenders = sourceFiles(path.join(SRC, 'core')).filter((file) =>
      /from\s+['"](?:\.\.\/)+(?:cli|extension|webview)\//.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('the guard itself recognises an import of vscode', () => {
    expect(IMPORTS_VSCODE.test("import * as vscode from 'vscode';")).toBe(true);
    expect(IMPORTS_VSCODE.test("const v = require('vscode')")).toBe(true);
    expect(IMPORTS_VSCODE.test("import { x } from './vscode-like';")).toBe(false);
  });
});
