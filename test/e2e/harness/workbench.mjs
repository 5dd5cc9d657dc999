// Small, reusable moves in code-server's workbench for UI tests (test/e2e/ui/*.ui.mjs).
// Keep UI tests few: anything that can be asserted through the vscode API belongs in the in-host suite.

/** Wait until the workbench is up and the explorer lists the workspace (remote file service connected). */
export async function waitForWorkbench(page, { fileInWorkspace = 'qms.yaml', timeout = 60_000 } = {}) {
  await page.waitForSelector('.monaco-workbench', { timeout });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileInWorkspace }).first().waitFor({ timeout });
}

/** Give keyboard focus to the workbench (shortcuts go nowhere while focus is on <body>). */
export async function focusWorkbench(page) {
  await page.locator('.monaco-workbench .part.editor').first().click({ position: { x: 300, y: 200 } }).catch(() => {});
}

/** Quick Open (Ctrl+P) a file by name and wait for its editor tab. */
export async function quickOpen(page, fileName, { timeout = 15_000 } = {}) {
  await focusWorkbench(page);
  await page.keyboard.press('Control+P');
  const qi = page.locator('.quick-input-widget');
  await qi.waitFor({ state: 'visible', timeout });
  await page.keyboard.type(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: fileName }).first().waitFor({ timeout });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout });
}

/** Run a command by its palette title (Ctrl+Shift+P). */
export async function runCommand(page, title, { timeout = 15_000 } = {}) {
  await focusWorkbench(page);
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
}

/** Open the Problems panel (Ctrl+Shift+M) and return its locator. */
export async function openProblems(page, { timeout = 15_000 } = {}) {
  const panel = page.locator('.markers-panel').first();
  if (!(await panel.isVisible().catch(() => false))) {
    await focusWorkbench(page);
    await page.keyboard.press('Control+Shift+M');
  }
  await panel.waitFor({ state: 'visible', timeout });
  return panel;
}

/** Text of visible notification toasts (activation failures of an extension show up here). */
export async function notificationsText(page) {
  return (await page.locator('.notifications-toasts').allInnerTexts().catch(() => [])).join('\n');
}

/** Frame locator for the content of the active webview panel. */
export function webviewFrame(page) {
  return page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
}

/**
 * The Frame (not a FrameLocator) of the active webview's content, for `evaluate` and
 * `waitForFunction` inside it. Waits until the content has a body.
 */
export async function webviewContentFrame(page, { timeout = 30_000 } = {}) {
  const handle = await webviewFrame(page).locator('body').elementHandle({ timeout });
  const frame = await handle.ownerFrame();
  if (!frame) throw new Error('the webview content has no frame');
  return frame;
}

/** Click the CodeLens whose text is `text` in the visible editor. */
export async function clickCodeLens(page, text, { timeout = 15_000 } = {}) {
  const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: text }).first();
  await lens.waitFor({ state: 'visible', timeout });
  await lens.click();
}

/** Go to a 1-based line of the focused editor (Ctrl+G). */
export async function goToLine(page, line, { timeout = 15_000 } = {}) {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout });
}
