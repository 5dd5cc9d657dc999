// UI check: a problem planted in an example procedure reaches the Problems panel of the real
// workbench, with its rule id and position, the way a quality officer sees it.
//
// The test types into the procedure like a person (go to line, end of line, one extra letter),
// without saving, waits for the ref/unknown-role row, takes a screenshot and reverts the file.
import fs from 'node:fs';
import path from 'node:path';
import { openProblems, quickOpen, runCommand } from '../harness/workbench.mjs';

const FILE = 'QT-BCHQS-06.qms.yaml';
const ROLE_LINE = 'role: nhan-vien-mot-cua';

export default async function problems({ page, workspace, screenshotsDir, log }) {
  const lines = fs.readFileSync(path.join(workspace, 'procedures', FILE), 'utf8').split('\n');
  const lineIndex = lines.findIndex((l) => l.trim() === ROLE_LINE);
  if (lineIndex < 0) throw new Error(`${FILE} has no line "${ROLE_LINE}"`);
  const lineNumber = lineIndex + 1;

  await quickOpen(page, FILE);
  let planted = false;
  try {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
    await page.keyboard.type(String(lineNumber));
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    await page.keyboard.press('Escape'); // close a suggestion popup
    planted = true;
    log(`typed an "x" after "${ROLE_LINE}" on line ${lineNumber} of ${FILE} (unsaved)`);

    const panel = await openProblems(page);
    // Problem rows carry a severity icon (.marker-icon); file rows do not.
    const row = panel.locator('.monaco-list-row', { has: page.locator('.marker-icon'), hasText: 'ref/unknown-role' }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 30_000 });
    } catch {
      const text = (await panel.innerText().catch(() => '')).trim();
      throw new Error(`no ref/unknown-role problem in the Problems panel within 30 s; panel shows: ${JSON.stringify(text.slice(0, 400))}`);
    }
    const rowText = (await row.innerText()).replace(/\s+/g, ' ').trim();
    log(`problem row: ${JSON.stringify(rowText)}`);
    const column = lines[lineIndex].indexOf('nhan-vien-mot-cua') + 1;
    const position = `[Ln ${lineNumber}, Col ${column}]`;
    if (!rowText.includes('nhan-vien-mot-cuax') || !rowText.includes(position)) {
      throw new Error(`the problem row should name the role and ${position}; it reads ${JSON.stringify(rowText)}`);
    }
    await page.screenshot({ path: path.join(screenshotsDir, 'problems.png') });
  } finally {
    // Leave the workbench clean for the next UI test: drop the unsaved edit.
    if (planted) await runCommand(page, 'File: Revert File').catch((e) => log(`could not revert ${FILE}: ${e.message.split('\n')[0]}`));
  }
}
