// A display language for code-server without the network.
//
// VS Code shows a display language only when a language pack for it is registered: with
// `--locale vi` alone, the server resolves the language to English (`vscode.env.language` stays
// `en`, extensions get their default strings). No Vietnamese pack can be fetched here, so the
// harness registers a stub one: the server resolves the display language from
// `<user-data>/languagepacks.json` (written by its language pack service when a user installs a
// pack) and the pack's translation of the workbench, here an empty one. The workbench chrome stays
// English (nothing is translated); the extension host runs with `vscode.env.language === 'vi'`, so
// every extension's package.nls.vi.json and l10n/bundle.l10n.vi.json apply, which is what the
// Vietnamese run checks.
import fs from 'node:fs';
import path from 'node:path';

const NAMES = { vi: 'Tiếng Việt' };

/**
 * Registers a stub language pack for `locale` in the code-server data dir `dataDir` (call before
 * that code-server starts); its translation file goes under `runDir`.
 */
export function registerStubLanguagePack({ runDir, dataDir, locale, log }) {
  const translations = path.join(runDir, `language-pack-${locale}`, 'main.i18n.json');
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }) + '\n');
  const userData = path.join(dataDir, 'user-data');
  fs.mkdirSync(userData, { recursive: true });
  const packs = path.join(userData, 'languagepacks.json');
  const existing = fs.existsSync(packs) ? JSON.parse(fs.readFileSync(packs, 'utf8')) : {};
  const entry = {
    hash: 'qmskit-e2e-stub-1',
    extensions: [{ extensionIdentifier: { id: `qmskit-e2e.language-pack-${locale}` }, version: '0.0.1' }],
    translations: { vscode: translations },
    label: NAMES[locale] ?? locale,
  };
  fs.writeFileSync(packs, JSON.stringify({ ...existing, [locale]: entry }));
  log(`[language] stub ${locale} language pack registered in ${path.relative(runDir, packs)}`);
}
