// UI check: the linter's findings for qms.yaml reach the Problems panel of the real workbench.
// QMS_E2E_PROBLEM_TEXT (default "qms") is a piece of text one problem must contain.
import path from 'node:path';
import { openProblems, quickOpen } from '../harness/workbench.mjs';

export default async function problems({ page, screenshotsDir, log }) {
  const expected = process.env.QMS_E2E_PROBLEM_TEXT || 'qms';

  await quickOpen(page, 'qms.yaml');
  const panel = await openProblems(page);

  // The markers tree has file rows and problem rows; only problem rows carry a severity icon
  // (.marker-icon), so the file name "qms.yaml" cannot satisfy the default "qms".
  const row = panel.locator('.monaco-list-row', { has: page.locator('.marker-icon'), hasText: expected }).first();
  try {
    await row.waitFor({ state: 'visible', timeout: 30_000 });
  } catch {
    const text = (await panel.innerText().catch(() => '')).trim();
    throw new Error(`no problem containing ${JSON.stringify(expected)} in the Problems panel within 30 s; panel shows: ${JSON.stringify(text.slice(0, 400))}`);
  }
  log(`problem row: ${JSON.stringify((await row.innerText()).replace(/\s+/g, ' ').trim())}`);
  await page.screenshot({ path: path.join(screenshotsDir, 'problems.png') });
}
