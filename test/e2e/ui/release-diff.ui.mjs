// UI check: "QMS: Compare Flowchart with Last Release" in the real workbench.
//
// Edits the duration of step `tham-dinh` of QT-BCHQS-06 (unsaved: the released copy under
// .qms/released/ says 2 giờ), runs the command from the command palette, and checks in the
// webview's SVG that the step's node is drawn amber (class `changed`, the fill of DIFF_CLASS_DEFS
// in src/core/diagram/flowchart-diff.ts) and nothing else is marked, and that the legend is shown.
// Saves preview-diff.png with the changed step in view. Leaves no editor open and the file as on disk.
// (Named to run after preview.ui.mjs and problems.ui.mjs, which expect a window no test has used.)
import fs from 'node:fs';
import path from 'node:path';
import { goToLine, notificationsText, quickOpen, runCommand, webviewContentFrame } from '../harness/workbench.mjs';

const FILE = 'QT-BCHQS-06.qms.yaml';
/** `fill:#fef3c7` of the `changed` class, as the browser computes it. */
const AMBER = 'rgb(254, 243, 199)';

/** The 1-based line of `field` in the step `id`, from the file on disk. */
function stepFieldLine(file, id, text) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const start = lines.indexOf(`  - id: ${id}`);
  const index = lines.findIndex((line, i) => i > start && line === text);
  if (start < 0 || index < 0) throw new Error(`${path.basename(file)} has no line ${JSON.stringify(text)} in step ${id}`);
  return index + 1;
}

/** Closes every editor, answering "Don't Save" for the edited one. */
async function closeAllEditors(page) {
  await runCommand(page, 'View: Close All Editors');
  const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don.t Save/ });
  if (await dontSave.first().isVisible({ timeout: 2_000 }).catch(() => false)) await dontSave.first().click();
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 15_000 });
}

export default async function releaseDiff({ page, workspace, screenshotsDir, log: print }) {
  const started = Date.now();
  const log = (...a) => print(`[${((Date.now() - started) / 1000).toFixed(1)} s]`, ...a);
  const procedure = path.join(workspace, 'procedures', FILE);
  const line = stepFieldLine(procedure, 'tham-dinh', '    duration: 2 giờ');
  const onDisk = fs.readFileSync(procedure, 'utf8');
  let sideBarHidden = false;
  try {
    await quickOpen(page, FILE, { timeout: 45_000 });
    // The file as on disk: an earlier test's unsaved edit may come back with the window's backups.
    await runCommand(page, 'File: Revert File');
    await page.locator('.tabs-container .tab.dirty', { hasText: FILE }).waitFor({ state: 'detached', timeout: 15_000 });
    await goToLine(page, line);
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.insertText('duration: 1.5 giờ');
    await page.keyboard.press('Escape');
    log(`edited line ${line} of ${FILE}: duration 2 giờ → 1.5 giờ (unsaved)`);

    await runCommand(page, 'QMS: Compare Flowchart with Last Release');
    // A refusal is a notification: fail with its text at once rather than wait for a legend.
    const refused = page.locator('.notifications-toasts .notification-toast').first();
    void refused.waitFor({ timeout: 60_000 }).then(
      async () => log(`notification: ${JSON.stringify(await notificationsText(page))}`),
      () => {},
    );
    const frame = await webviewContentFrame(page, { timeout: 60_000 });
    log(`palette: ran the command; preview title ${JSON.stringify(await frame.evaluate(() => document.getElementById('title')?.textContent))}`);
    await frame
      .waitForFunction(() => document.querySelector('#canvas svg g.node.changed') !== null && !document.getElementById('legend').hidden, null, { timeout: 60_000, polling: 'raf' })
      .catch(async (error) => {
        const state = await frame.evaluate(() => ({ title: document.getElementById('title')?.textContent, problem: document.getElementById('problem')?.textContent, nodes: document.querySelectorAll('#canvas svg g.node').length }));
        // The window as it was, before the editors are closed below.
        await page.screenshot({ path: path.join(screenshotsDir, 'diff-not-compared.png') }).catch(() => {});
        throw new Error(`no changed node and legend in the preview within 60 s: ${JSON.stringify(state)}; notifications: ${JSON.stringify(await notificationsText(page))}\n${error.message.split('\n')[0]}`);
      });

    const seen = await frame.evaluate(() => {
      const idOf = (node) => node.getAttribute('data-id') || (/flowchart-(.+)-\d+$/.exec(node.id) || [])[1];
      const marked = (kind) => Array.from(document.querySelectorAll(`#canvas svg g.node.${kind}`)).map(idOf);
      const changed = document.querySelector('#canvas svg g.node.changed');
      const fills = Array.from(changed.querySelectorAll('rect, path, polygon')).map((shape) => getComputedStyle(shape).fill);
      const text = Array.from(changed.querySelectorAll('text tspan.text-outer-tspan')).map((t) => t.textContent.trim()).join(' ');
      return { added: marked('added'), changed: marked('changed'), removed: marked('removed'), fills, text, legend: document.getElementById('legend').innerText.replace(/\s+/g, ' ').trim(), title: document.getElementById('title').textContent };
    });
    log(`title: ${JSON.stringify(seen.title)}; legend: ${JSON.stringify(seen.legend)}`);
    log(`changed node ${seen.changed.join(', ')}: ${JSON.stringify(seen.text)}, fills ${seen.fills.join(', ')}`);
    if (seen.changed.join() !== 's5' || seen.added.length || seen.removed.length) throw new Error(`expected only s5 marked, as changed; the SVG marks ${JSON.stringify(seen)}`);
    if (!seen.fills.includes(AMBER)) throw new Error(`the changed node is not filled amber (${AMBER}): ${seen.fills.join(', ')}`);
    if (!seen.text.includes('1.5 giờ') || !seen.text.includes('duration')) throw new Error(`the changed node does not show the new duration and what changed: ${JSON.stringify(seen.text)}`);
    if (!/Changed \(1\)/.test(seen.legend)) throw new Error(`the legend does not count one changed step: ${JSON.stringify(seen.legend)}`);
    if (!/changes since revision 2, amendment 0 \(2026-03-16\)/.test(seen.title)) throw new Error(`the title does not name the release compared with: ${JSON.stringify(seen.title)}`);

    // The picture: the side bar out of the way, the cursor back on the edited step (the preview
    // brings the step under the cursor into view), the amber step in view at a readable scale.
    await page.keyboard.press('Control+B');
    sideBarHidden = true;
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    await page.locator('.tabs-container .tab', { hasText: FILE }).first().click();
    await goToLine(page, line);
    await frame
      .waitForFunction(
        () => {
          const box = document.querySelector('#canvas svg g.node.changed').getBoundingClientRect();
          const view = document.getElementById('viewport').getBoundingClientRect();
          return box.width > 0 && box.left >= view.left && box.right <= view.right && box.top >= view.top && box.bottom <= view.bottom;
        },
        null,
        { timeout: 10_000, polling: 'raf' },
      )
      .catch(() => {
        throw new Error('the changed step is not in view in the preview');
      });
    await page.screenshot({ path: path.join(screenshotsDir, 'preview-diff.png') });
    log('saved preview-diff.png');
  } finally {
    // The side bar's state outlives the page: the next UI test expects it shown.
    if (sideBarHidden) await page.keyboard.press('Control+B').catch(() => {});
    // As the next UI test expects the window: the edit undone, no editors (a restored preview would keep comparing).
    await page.locator('.tabs-container .tab', { hasText: FILE }).first().click().catch(() => {});
    await runCommand(page, 'File: Revert File').catch((e) => log(`could not revert ${FILE}: ${e.message.split('\n')[0]}`));
    await closeAllEditors(page).catch((e) => log(`could not close the editors: ${e.message.split('\n')[0]}`));
  }
  if (fs.readFileSync(procedure, 'utf8') !== onDisk) throw new Error(`${FILE} was written to disk: the comparison must never save the edited buffer`);
}
