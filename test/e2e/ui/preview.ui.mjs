// UI check: the flowchart preview of the packaged extension in the real workbench.
//
// 1. Opens QT-BCHQS-06, runs "QMS: Open Flowchart Preview" from the command palette, finds the
//    rendered SVG inside the webview's frames with one node per step: preview.png.
// 2. Types hostile step names (markup, a Mermaid click directive, an init directive), unsaved, and
//    checks they are drawn as text: no <img> in the webview, no dialog, the theme untouched:
//    preview-hostile.png.
// 3. Exports SVG and PNG through the command and checks the files (the PNG's IHDR, `<svg` in the SVG).
// 4. Measures the refresh after typing in a 100-step procedure (created in the workspace copy):
//    from the last keystroke to the new SVG in the page; prints `preview refresh: N ms` (median).
// 5. Reloads the window: the preview comes back (the webview serializer and its saved state).
import fs from 'node:fs';
import path from 'node:path';
import { goToLine, quickOpen, runCommand, waitForWorkbench, webviewContentFrame, webviewFrame } from '../harness/workbench.mjs';

const FILE = 'QT-BCHQS-06.qms.yaml';
const PERF_FILE = 'QT-PERF-100.qms.yaml';
const PERF_STEPS = 100;
// Three steps next to each other in the chart (s5, s6, s7), so that one screenshot shows them all.
const HOSTILE = [
  { line: '    name: Thẩm định hồ sơ, đối chiếu điều kiện đăng ký', text: '<img src=x onerror=alert(1)>', yaml: `'<img src=x onerror=alert(1)>'` },
  { line: '    name: Ghi Sổ đăng ký NVQS, cập nhật cơ sở dữ liệu, dự thảo Giấy chứng nhận', text: '"]; click A call alert(1)', yaml: `'"]; click A call alert(1)'` },
  { line: '    name: Kiểm tra kết quả, trình ký', text: '%%{init: {"theme":"forest"}}%%', yaml: `'%%{init: {"theme":"forest"}}%%'` },
];

/** A linear procedure of `n` steps with the example's roles. */
function perfProcedure(n) {
  const roles = ['nhan-vien-mot-cua', 'tro-ly-quan-luc', 'pho-chi-huy-truong', 'chi-huy-truong'];
  const steps = Array.from({ length: n }, (_, i) =>
    [`  - id: buoc-${i + 1}`, `    name: Bước ${i + 1} của quy trình thử hiệu năng`, `    role: ${roles[Math.floor(i / 10) % roles.length]}`, '    duration: 1 giờ', ...(i === n - 1 ? ['    end: true'] : [])].join('\n'),
  );
  return ['kind: procedure', 'code: QT-BCHQS-99', 'title: Quy trình thử hiệu năng xem trước', 'process: P-02', 'owner: chi-huy-truong', 'status: draft', 'revision: 1', 'steps:', ...steps, ''].join('\n');
}

function lineOf(file, text) {
  const index = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l === text);
  if (index < 0) throw new Error(`${path.basename(file)} has no line ${JSON.stringify(text)}`);
  return index + 1;
}

/** Each node's text in the preview's SVG, by Mermaid id (`flowchart-<id>-<n>`). */
function nodeTexts(frame) {
  return frame.evaluate(() => {
    const out = {};
    for (const node of document.querySelectorAll('#canvas svg g.node')) {
      const id = node.getAttribute('data-id') || (/flowchart-(.+)-\d+$/.exec(node.id) || [])[1];
      if (id) out[id] = Array.from(node.querySelectorAll('text tspan.text-outer-tspan')).map((t) => t.textContent.replace(/\s+/g, ' ').trim()).join(' ');
    }
    return out;
  });
}

/** Waits until the SVG's node texts satisfy `accept` (checked on every animation frame in the page). */
async function waitForNodes(frame, accept, what, timeout = 30_000) {
  try {
    await frame.waitForFunction(accept, null, { timeout, polling: 'raf' });
  } catch (error) {
    const texts = await nodeTexts(frame).catch(() => ({}));
    throw new Error(`${what}: not within ${timeout / 1000} s; nodes: ${JSON.stringify(texts).slice(0, 600)}\n${error.message.split('\n')[0]}`);
  }
}

/** Give the keyboard to the text editor of `fileName` in the first editor group (a click on its tab). */
async function focusEditor(page, fileName) {
  const group = page.locator('.editor-group-container').first();
  await group.locator('.tabs-container .tab', { hasText: fileName }).first().click();
  await group.locator('.monaco-editor.focused').first().waitFor({ timeout: 15_000 });
}

function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function svgText(svg) {
  return svg.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

async function waitForFile(file, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (fs.existsSync(file) && fs.statSync(file).size > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${file} was not written within ${timeout / 1000} s`);
}

/** Closes every editor, answering "Don't Save" should an editor still be dirty. */
async function closeAllEditors(page) {
  await runCommand(page, 'View: Close All Editors');
  const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don.t Save/ });
  if (await dontSave.first().isVisible({ timeout: 1_000 }).catch(() => false)) await dontSave.first().click();
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 15_000 });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
};

export default async function preview({ page, workspace, screenshotsDir, log: print }) {
  const started = Date.now();
  const log = (...a) => print(`[${((Date.now() - started) / 1000).toFixed(1)} s]`, ...a);
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  const procedure = path.join(workspace, 'procedures', FILE);
  const perf = path.join(workspace, 'procedures', PERF_FILE);
  fs.writeFileSync(perf, perfProcedure(PERF_STEPS));
  const exported = ['svg', 'png'].map((ext) => path.join(workspace, 'procedures', `QT-BCHQS-06.${ext}`));
  for (const file of exported) fs.rmSync(file, { force: true });
  try {
    const steps = fs.readFileSync(procedure, 'utf8').split('\n').filter((l) => /^  - id: /.test(l)).length;

    // ---- 1. open the preview from the command palette
    await quickOpen(page, FILE, { timeout: 45_000 });
    // Beside the YAML, to type and watch (the in-place "Open Flowchart Preview" is the in-host suite's).
    await runCommand(page, 'QMS: Open Flowchart Preview to the Side');
    await page.locator('.editor-group-container').nth(1).locator('.tab', { hasText: `Preview ${FILE}` }).waitFor({ timeout: 30_000 });
    const frame = await webviewContentFrame(page, { timeout: 60_000 });
    await waitForNodes(frame, () => document.querySelectorAll('#canvas svg g.node.step, #canvas svg g.node.decision').length > 0, 'the first picture', 60_000);
    const drawn = await frame.evaluate(() => document.querySelectorAll('#canvas svg g.node.step, #canvas svg g.node.decision').length);
    if (drawn !== steps) throw new Error(`the preview shows ${drawn} step nodes; ${FILE} has ${steps} steps`);
    log(`preview drawn: ${drawn} step nodes for ${steps} steps`);
    await page.screenshot({ path: path.join(screenshotsDir, 'preview.png') });

    // A real click on the first step's node selects the step in the YAML (status bar: line, column, selection).
    const stepLine = lineOf(procedure, '  - id: tiep-nhan');
    // The preview has just opened beside the editor: the picture is fitted again while the
    // editor groups settle. Click once the node's place holds over a few frames.
    await frame.waitForFunction(
      () => {
        const node = document.querySelector('#canvas svg g.node[id*="-flowchart-s0-"]');
        if (!node) return false;
        const { x, y } = node.getBoundingClientRect();
        const place = `${Math.round(x)},${Math.round(y)}`;
        const data = document.body.dataset;
        data.s0Steady = data.s0Place === place ? String(Number(data.s0Steady || 0) + 1) : '0';
        data.s0Place = place;
        return Number(data.s0Steady) >= 10;
      },
      null,
      { timeout: 15_000, polling: 'raf' },
    );
    await webviewFrame(page).locator('#canvas svg g.node[id*="-flowchart-s0-"]').click();
    const position = page.locator('.statusbar-item', { hasText: `Ln ${stepLine}, Col 5 (` });
    await position.first().waitFor({ timeout: 15_000 }).catch(async () => {
      const clicked = await frame.evaluate(() => document.body.dataset.lastNodeClick ?? 'none').catch(() => 'unknown');
      throw new Error(`clicking node s0 did not select step 0 (line ${stepLine}); the webview's last node click: ${clicked}; the status bar shows ${JSON.stringify(await page.locator('.statusbar').innerText())}`);
    });
    log(`clicked node s0: the editor selects ${JSON.stringify((await position.first().innerText()).trim())}`);

    // ---- 2. hostile step names, typed and unsaved
    await focusEditor(page, FILE);
    for (const { line, yaml } of HOSTILE) {
      await goToLine(page, lineOf(procedure, line));
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Home');
      // insertText: the text as a paste would bring it (no auto-closed quotes or brackets).
      await page.keyboard.insertText(`name: ${yaml}`);
      await page.keyboard.press('Escape');
    }
    log('typed hostile step names into the editor (unsaved)');
    await waitForNodes(
      frame,
      () => {
        const all = Array.from(document.querySelectorAll('#canvas svg g.node')).map((n) => Array.from(n.querySelectorAll('text tspan.text-outer-tspan')).map((t) => t.textContent.replace(/\s+/g, ' ').trim()).join(' '));
        return ['<img src=x onerror=alert(1)>', '"]; click A call alert(1)', '%%{init: {"theme":"forest"}}%%'].every((name) => all.some((text) => text.includes(name)));
      },
      'the hostile names drawn as text',
    );
    const texts = await nodeTexts(frame);
    for (const { text } of HOSTILE) {
      const node = Object.entries(texts).find(([, t]) => t.includes(text));
      if (!node) throw new Error(`no node shows ${JSON.stringify(text)} as text: ${JSON.stringify(texts)}`);
      log(`node ${node[0]} shows ${JSON.stringify(node[1])}`);
    }
    const inner = await frame.evaluate(() => ({
      images: document.querySelectorAll('img, image, foreignObject').length,
      scripts: Array.from(document.scripts).map((s) => s.src || `inline(${(s.textContent || '').slice(0, 60)})`),
      handlers: Array.from(document.querySelectorAll('*')).filter((e) => Array.from(e.attributes).some((a) => a.name.toLowerCase().startsWith('on'))).length,
      forest: /#cde498/i.test(document.querySelector('#canvas svg')?.innerHTML ?? ''),
    }));
    const outer = await (await page.frameLocator('iframe.webview').locator('body').elementHandle()).ownerFrame();
    const outerImages = await outer.evaluate(() => document.querySelectorAll('img').length);
    if (inner.images || outerImages) throw new Error(`the webview has ${inner.images} img/image/foreignObject elements inside and ${outerImages} <img> in its host frame`);
    log(`scripts in the webview document: ${JSON.stringify(inner.scripts)}`);
    if (inner.handlers) throw new Error(`${inner.handlers} elements in the webview carry on* handler attributes`);
    if (inner.forest) throw new Error('the %%{init}%% in a step name changed the Mermaid theme to forest');
    if (dialogs.length) throw new Error(`a dialog opened: ${dialogs.join(' | ')}`);
    // The side bar out of the way for the picture, then back.
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    await page.screenshot({ path: path.join(screenshotsDir, 'preview-hostile.png') });
    await page.keyboard.press('Control+B');

    // ---- 3. export SVG and PNG beside the YAML
    await runCommand(page, 'QMS: Export Flowchart (SVG and PNG)');
    for (const file of exported) await waitForFile(file);
    const svg = fs.readFileSync(exported[0], 'utf8');
    if (!svg.startsWith('<svg')) throw new Error(`${exported[0]} does not start with <svg: ${svg.slice(0, 80)}`);
    if (/<img|<script|<foreignObject/i.test(svg)) throw new Error(`${exported[0]} carries markup from a step name`);
    if (!svgText(svg).includes('<img src=x onerror=alert(1)>')) throw new Error(`${exported[0]} does not show the step names as text`);
    const size = pngSize(fs.readFileSync(exported[1]));
    if (!size || !(size.width > 0 && size.height > 0)) throw new Error(`${exported[1]} is not a PNG with a size`);
    log(`exported ${path.basename(exported[0])} (${svg.length} bytes) and ${path.basename(exported[1])} (${size.width}×${size.height})`);

    // Back to the file as it is on disk (the picture follows; no need to wait for it).
    await focusEditor(page, FILE);
    await runCommand(page, 'File: Revert File');

    // ---- 4. refresh time for a 100-step procedure
    await quickOpen(page, PERF_FILE, { timeout: 45_000 });
    await waitForNodes(frame, () => document.querySelectorAll('#canvas svg g.node.step').length === 100, 'the 100-step procedure', 60_000);
    await goToLine(page, lineOf(perf, '    name: Bước 50 của quy trình thử hiệu năng'));
    await page.keyboard.press('End');
    // One keystroke at a time, each measured from the keystroke to the new words in the picture
    // (written into the SVG on screen when only labels changed), and to Mermaid's full render
    // with its layout. At least three; up to five while the harness's 180 s per UI test leave room (it runs beside the in-host suites).
    const samples = [];
    const layouts = [];
    const drawing = [];
    let typed = '';
    while (samples.length < 3 || (samples.length < 5 && Date.now() - started < 75_000)) {
      const key = String((samples.length + 1) % 10);
      typed += key;
      const expected = `Bước 50 của quy trình thử hiệu năng${typed}`;
      const t0 = Date.now();
      await page.keyboard.press(key);
      await frame.waitForFunction(
        (label) => Array.from(document.querySelectorAll('#canvas svg g.node')).some((n) => Array.from(n.querySelectorAll('tspan.text-outer-tspan')).map((t) => t.textContent.replace(/\s+/g, ' ').trim()).join(' ').includes(label)),
        expected,
        { timeout: 30_000, polling: 'raf' },
      );
      // Then Mermaid's render of that text (the words may have been written in before it).
      await frame.waitForFunction(
        (since) => {
          const data = document.body.dataset;
          const patched = Number(data.labelsAt) >= since;
          return Number(data.renderedAt) >= since && (!patched || Number(data.renderedSeq) >= Number(data.labelsSeq));
        },
        t0,
        { timeout: 30_000, polling: 'raf' },
      );
      const data = await frame.evaluate(() => ({ ...document.body.dataset }));
      const renderedAt = Number(data.renderedAt);
      const labelsAt = Number(data.labelsAt);
      samples.push((labelsAt >= t0 ? Math.min(labelsAt, renderedAt) : renderedAt) - t0);
      layouts.push(renderedAt - t0);
      drawing.push(Number(data.renderMs));
    }
    await page.keyboard.press('Escape');
    log(`preview refresh samples (ms, ${PERF_STEPS} steps, last keystroke → new words in the picture): ${samples.join(', ')}`);
    log(`preview refresh: ${median(samples)} ms`);
    log(`  full render with layout (last keystroke → Mermaid's new SVG in the page): median ${median(layouts)} ms (${layouts.join(', ')}), of which Mermaid (parse and render in the webview) ${median(drawing)} ms (${drawing.join(', ')}); the rest is the 400 ms typing pause the webview waits for before Mermaid lays out (the words are shown before), the extension host and messaging`);
    await runCommand(page, 'File: Revert File');
    if (dialogs.length) throw new Error(`a dialog opened: ${dialogs.join(' | ')}`);

    // ---- 5. reload: the preview comes back with its document (the harness gives a UI test 180 s in all:
    // on a loaded machine the checks above can take most of it, and this one is then left out, saying so)
    if (Date.now() - started > 70_000) {
      log(`NOTE: the reload check is skipped: ${Math.round((Date.now() - started) / 1000)} s of the 180 s budget are used`);
      return;
    }
    await page.reload({ timeout: 60_000 });
    await waitForWorkbench(page);
    const restored = await webviewContentFrame(page, { timeout: 60_000 });
    await waitForNodes(restored, () => document.querySelectorAll('#canvas svg g.node.step').length > 0, 'the preview restored after reload', 60_000);
    log(`after reload the preview is back with ${await restored.evaluate(() => document.querySelectorAll('#canvas svg g.node.step').length)} step nodes`);
    if (dialogs.filter((d) => !d.startsWith('beforeunload')).length) throw new Error(`a dialog opened: ${dialogs.join(' | ')}`);
  } finally {
    // Leave the window as the next UI test expects it: no editors (a restored preview would draw
    // the 100-step chart while that test types), no files of ours in the workspace.
    const closing = Date.now();
    await closeAllEditors(page).catch((e) => log(`could not close the editors: ${e.message.split('\n')[0]}`));
    for (const file of [perf, ...exported]) fs.rmSync(file, { force: true });
    log(`closed the editors and removed the test files in ${Date.now() - closing} ms`);
  }
}
