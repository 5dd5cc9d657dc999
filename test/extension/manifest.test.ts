import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

// The extension's manifest and its translations are contracts with the workbench: a contributed
// command nobody registers fails only when a user clicks it, and a missing translation shows
// English to a Vietnamese user. Both are checked here, statically.

const root = path.resolve(__dirname, '../..');
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const pkg = readJson('package.json') as { contributes: { commands: Array<{ command: string; title: string }>; menus: Record<string, Array<{ command: string }>>; keybindings?: Array<{ command: string }> } };

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourcesUnder(full) : full.endsWith('.ts') ? [full] : [];
  });
}
const extensionSource = sourcesUnder(path.join(root, 'src/extension'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

/** The string literal keys of `l10n.t('…')` calls (the first argument, quotes undone). */
function l10nKeys(source: string): string[] {
  return [...source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
}

describe('package.json contributions', () => {
  const contributed = pkg.contributes.commands.map((c) => c.command);

  it('every contributed command is registered by the extension', () => {
    const unregistered = contributed.filter((id) => !extensionSource.includes(`'${id}'`));
    expect(unregistered).toEqual([]);
  });

  it('menus and keybindings name only contributed commands', () => {
    const used = [...Object.values(pkg.contributes.menus).flat(), ...(pkg.contributes.keybindings ?? [])].map((entry) => entry.command);
    expect(used.filter((id) => !contributed.includes(id))).toEqual([]);
  });

  it('every %key% of package.json has an English and a Vietnamese text', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(10);
    for (const file of ['package.nls.json', 'package.nls.vi.json']) {
      const texts = readJson(file);
      expect(keys.filter((key) => typeof texts[key] !== 'string'), file).toEqual([]);
    }
  });
});

describe('l10n/bundle.l10n.vi.json', () => {
  const bundle = readJson('l10n/bundle.l10n.vi.json');

  it('translates every l10n.t string of the extension', () => {
    const keys = [...new Set(l10nKeys(extensionSource))];
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((key) => typeof bundle[key] !== 'string')).toEqual([]);
  });

  it('keeps the {0} placeholders of each string in its translation', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    const broken = Object.entries(bundle).filter(([english, vietnamese]) => placeholders(english).join() !== placeholders(String(vietnamese)).join());
    expect(broken).toEqual([]);
  });
});
