import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The extension's pure adapters are unit-tested against a small stand-in for the editor API;
  // the end-to-end suite runs them against the real one.
  resolve: { alias: { vscode: fileURLToPath(new URL('./test/helpers/fake-vscode.ts', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 20_000,
  },
});
