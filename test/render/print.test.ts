import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMermaidRenderer, findChromium, findMermaidScript, type MermaidRenderer } from '../../src/cli/mermaid-svg';
import { procedureFlowchart } from '../../src/core/diagram/index';
import { nodeFileSystem } from '../../src/core/io/node-file-system';
import { loadWorkspace } from '../../src/core/model/workspace';
import { generateDocuments, trustSvg } from '../../src/core/render/index';
import { EXAMPLES, REPO, TEMPLATES, TODAY } from './helpers';

/**
 * The print check, with the real tools: Debian's Chromium draws the flowcharts (Mermaid, offline)
 * and prints the Vietnamese procedure and release decision to PDF; poppler-utils measures the
 * pages and turns the first ones into PNGs under test-results/print/ for a person to look at.
 * Nothing is skipped: a missing tool fails with the command that installs it.
 */
const OUT = path.join(REPO, 'test-results/print');
const TIMEOUT = 240_000;

function requireTool(command: string, install: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error(`${command} is missing: install it with \`${install}\``);
}

function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const text = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(text)![1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(text)!;
  return { pages, width: Number(size[1]), height: Number(size[2]) };
}

function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });
}

let workspaceDir: string;
let renderer: MermaidRenderer;
let chromium: string;
let browser: import('playwright-core').Browser;

beforeAll(async () => {
  const lookup = findChromium(process.env.QMSKIT_CHROMIUM);
  if (lookup.kind !== 'found') throw new Error('Chromium is missing: install it with `apt-get install -y chromium` (or set QMSKIT_CHROMIUM to a Chromium 131 or later)');
  chromium = lookup.path;
  requireTool('pdfinfo', 'apt-get install -y poppler-utils');
  requireTool('pdftoppm', 'apt-get install -y poppler-utils');
  requireTool('pdftotext', 'apt-get install -y poppler-utils');
  const fonts = execFileSync('fc-list', [':family=Liberation Serif'], { encoding: 'utf8' });
  if (!fonts.trim()) throw new Error('Liberation Serif (metric-compatible with Times New Roman) is missing: install it with `apt-get install -y fonts-liberation`');
  const script = findMermaidScript();
  if (!script) throw new Error('mermaid.min.js is missing: run `npm ci`');
  renderer = createMermaidRenderer({ executablePath: chromium, mermaidScript: script });
  const { chromium: playwright } = await import('playwright-core');
  browser = await playwright.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });

  workspaceDir = mkdtempSync(path.join(os.tmpdir(), 'qmskit-print-'));
  cpSync(path.join(EXAMPLES, 'ban-chqs'), workspaceDir, { recursive: true, filter: (file) => path.basename(file) !== 'controlled' });
  const workspace = await loadWorkspace(nodeFileSystem, workspaceDir);
  const result = await generateDocuments(workspace, {
    fs: nodeFileSystem,
    formats: ['html'],
    only: ['QT-BCHQS-06', 'QT-BCHQS-01'],
    today: TODAY,
    renderDiagram: (text) => renderer.render(text),
    builtinTemplates: { fs: nodeFileSystem, dir: TEMPLATES },
  });
  expect(result.diagrams).toEqual({ rendered: 2, fallback: 0 });
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
}, TIMEOUT);

afterAll(async () => {
  await renderer?.close();
  await browser?.close();
  if (workspaceDir) rmSync(workspaceDir, { recursive: true, force: true });
});

async function print(html: string, name: string): Promise<string> {
  const page = await browser.newPage();
  await page.goto(`file://${html}`);
  const pdf = path.join(OUT, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await page.close();
  execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '3', pdf, path.join(OUT, name)]);
  return pdf;
}

describe('printing with Chromium', () => {
  it('the HTML carries the flowchart as SVG drawn by Mermaid: text labels, no script, no embedded HTML', () => {
    const html = readFileSync(path.join(workspaceDir, 'controlled/QT-BCHQS-06.html'), 'utf8');
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg.length).toBeGreaterThan(10_000);
    expect(svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain('Tiếp nhận hồ sơ');
    expect(svg).not.toMatch(/<script|<foreignObject|\son[a-z]+=/i);
  }, TIMEOUT);

  it('the Vietnamese procedure prints on A4, over several pages, with the header block and "Trang x/y" on every page', async () => {
    const pdf = await print(path.join(workspaceDir, 'controlled/QT-BCHQS-06.html'), 'QT-BCHQS-06');
    const info = pdfInfo(pdf);
    expect(Math.round(info.width)).toBe(596);
    expect(Math.round(info.height)).toBe(843);
    expect(info.pages).toBeGreaterThan(1);
    for (let page = 1; page <= info.pages; page++) {
      const text = pageText(pdf, page);
      expect(text, `page ${page}`).toContain(`Trang: ${page}/${info.pages}`);
      expect(text, `page ${page}`).toContain('Mã hiệu: QT-BCHQS-06');
      expect(text, `page ${page}`).toContain('BẢN KHÔNG KIỂM SOÁT KHI IN');
    }
    const first = pageText(pdf, 1);
    expect(first).toContain('QUY TRÌNH ĐĂNG KÝ NGHĨA VỤ QUÂN SỰ');
    expect(first).toContain('Theo dõi sửa đổi tài liệu');
    for (const text of ['Soạn thảo', 'Xem xét', 'Phê duyệt', 'Chữ ký', 'Chu Minh', 'Trợ lý quân']) expect(first).toContain(text);
    // Every step row is printed whole: its number, name and responsible role on one page.
    const pages = Array.from({ length: info.pages }, (_, i) => pageText(pdf, i + 1));
    for (const [name, role] of [
      ['Thẩm định hồ sơ, đối chiếu điều', 'Trợ lý quân'],
      ['Kiểm tra kết quả, trình ký', 'Phó Chỉ'],
      ['Trả kết quả cho công dân', 'Nhân viên'],
    ]) {
      const on = pages.filter((text) => text.includes(name!));
      expect(on.length, name).toBeGreaterThan(0);
      expect(on.some((text) => text.includes(role!)), name).toBe(true);
    }
    expect(existsSync(path.join(OUT, 'QT-BCHQS-06-1.png'))).toBe(true);
  }, TIMEOUT);

  it('the release decision prints on A4 in the Decree 30 layout, page numbers from page 2 only', async () => {
    const pdf = await print(path.join(workspaceDir, 'controlled/decisions/QT-BCHQS-06.html'), 'decision-QT-BCHQS-06');
    const info = pdfInfo(pdf);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([596, 843]);
    const first = pageText(pdf, 1);
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(first).toContain('Nam Từ Liêm, ngày 10 tháng 3 năm 2026');
    expect(first).toContain('QUYẾT ĐỊNH');
    expect(first).toMatch(/Số:\s+\/QĐ-BCHQS/);
    expect(first.split('\n').slice(0, 3).join('\n')).not.toMatch(/^\s*1\s*$/m);
    const all = Array.from({ length: info.pages }, (_, i) => pageText(pdf, i + 1)).join('\n');
    expect(all).toContain('Nơi nhận:');
    expect(all).toContain('- Lưu: VT, TM.');
    if (info.pages > 1) expect(pageText(pdf, 2).split('\n').find((l) => l.trim() !== '')!.trim()).toBe('2');
  }, TIMEOUT);

  it('the same diagram draws the same SVG in a fresh browser (outputs stay byte-identical)', async () => {
    const workspace = await loadWorkspace(nodeFileSystem, workspaceDir);
    const file = workspace.index.byPath.get(path.join(workspaceDir, 'procedures/QT-BCHQS-01.qms.yaml'))!;
    const text = procedureFlowchart(workspace, file, { locale: 'vi', direction: 'TD', showForms: false })!.text;
    const again = createMermaidRenderer({ executablePath: chromium, mermaidScript: findMermaidScript()! });
    try {
      const [a, b] = [await renderer.render(text), await again.render(text)];
      expect(a).toBeDefined();
      expect(b).toBe(a);
    } finally {
      await again.close();
    }
  }, TIMEOUT);

  it('hostile step names draw as text in the SVG', async () => {
    const text = 'flowchart TD\n  a("#lt;script#gt;alert(1)#lt;/script#gt; </style>")\n  b("<img src=x onerror=alert(1)>")\n  a --> b\n';
    const svg = await renderer.render(text);
    expect(svg).toBeDefined();
    expect(svg).not.toMatch(/<script|<img|onerror=/i);
    expect(trustSvg(svg)).not.toBeNull();
  }, TIMEOUT);
});
