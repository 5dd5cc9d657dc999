import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect } from 'vitest';
import type { Diagram } from '../../src/core/diagram/types';
import { nodeFileSystem } from '../../src/core/io/node-file-system';
import { loadSourceFile } from '../../src/core/model/source-file';
import { assembleWorkspace, loadWorkspace, type Workspace } from '../../src/core/model/workspace';

export const EXAMPLES = path.join(__dirname, '../../examples');
export const FIXTURE = path.join(__dirname, '../fixtures/diagram/ws');
export const GOLDEN = path.join(__dirname, '../golden/diagram');

export async function loadExample(name: string): Promise<Workspace> {
  return loadWorkspace(nodeFileSystem, path.join(EXAMPLES, name));
}

export async function loadFixture(): Promise<Workspace> {
  return loadWorkspace(nodeFileSystem, FIXTURE);
}

/** Compares with the golden file (written first when UPDATE_GOLDEN is set). */
export function expectGolden(name: string, text: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file), `no golden file ${path.relative(process.cwd(), file)}: run UPDATE_GOLDEN=1 npx vitest run test/diagram`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

// ---------------------------------------------------------------------------------------------
// What our Mermaid text may contain, line by line. A label holds no `"` and none of the
// characters we escape, only entity codes and our own `<br/>`; "direction" is never followed by
// white space (Mermaid's lexer would swallow the line).

const ID = '[a-z][a-z0-9]*';
const LABEL = '(?:[^"#%&<>;:|`$\\[\\]{}\\\\\\n\\uFB02\\u00B6]|#(?:quot|amp|lt|gt|\\d+);|<br/>)*';
const LINE_PATTERNS = [
  new RegExp(`^flowchart (?:TD|LR)$`),
  new RegExp(`^ +subgraph ${ID}\\["${LABEL}"\\]$`),
  new RegExp(`^ +end$`),
  new RegExp(`^ +${ID}\\(\\["${LABEL}"\\]\\)$`),
  new RegExp(`^ +${ID}\\("${LABEL}"\\)$`),
  new RegExp(`^ +${ID}\\{"${LABEL}"\\}$`),
  new RegExp(`^ +${ID}\\["${LABEL}"\\]$`),
  new RegExp(`^ +${ID}@\\{ shape: (?:doc|docs), label: "${LABEL}" \\}$`),
  new RegExp(`^ +${ID} (?:-->|-\\.-|-\\.->) ${ID}$`),
  new RegExp(`^ +${ID} -->\\|"${LABEL}"\\| ${ID}$`),
  /^ +classDef [a-z]+ [a-z-]+:[#a-z0-9. ]+(?:,[a-z-]+:[#a-z0-9. ]+)*$/,
  new RegExp(`^ +class ${ID}(?:,${ID})* [a-z]+$`),
];

/** Every line is one of the statements we write, with every label fully escaped. */
export function expectWellFormed(text: string): void {
  expect(text.endsWith('\n')).toBe(true);
  const bad = text
    .slice(0, -1)
    .split('\n')
    .filter((line) => !LINE_PATTERNS.some((p) => p.test(line)) || /direction\s/i.test(line));
  expect(bad).toEqual([]);
  expect(text).not.toMatch(/<img|<script|%%|\r/i);
  // No `&` anywhere: every ampersand is an entity code `#amp;`.
  expect(text).not.toContain('&');
}

/** Every node id the text declares or uses. */
export function nodeIdsIn(text: string): Set<string> {
  const ids = new Set<string>();
  for (const line of text.split('\n')) {
    const m = /^ +([a-z][a-z0-9]*)(?:\(|\{|\[|@)/.exec(line);
    if (m && !line.trimStart().startsWith('subgraph ')) ids.add(m[1]!);
    const edge = /^ +([a-z][a-z0-9]*) (?:-->|-\.-|-\.->)(?:\|"[^"]*"\|)? ([a-z][a-z0-9]*)$/.exec(line);
    if (edge) ids.add(edge[1]!).add(edge[2]!);
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Reading back what Mermaid parsed.

const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };

/** Mermaid's stored text (entity placeholders) → the text a reader sees, lines joined by \n. */
export function decodeMermaidText(stored: string): string {
  return stored
    .split(/<br\s*\/?>/)
    .map((line) =>
      line.replace(/\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF|\uFB02\u00B0(\w+)\u00B6\u00DF/g, (whole, num: string | undefined, name: string | undefined) => {
        if (num !== undefined) return String.fromCodePoint(Number(num));
        const ch = NAMED[name!];
        if (ch === undefined) throw new Error(`unexpected entity ${whole}`);
        return ch;
      }),
    )
    .join('\n');
}

/** The text as our labels show it, ignoring where lines were wrapped: no white space at all. */
export function shown(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001F\u007F]/g, ' ').replace(/\s+/g, '');
}

export interface ParsedFlowchart {
  vertices: Map<string, { id: string; text: string; type?: string }>;
  edges: Array<{ start: string; end: string; text: string; type?: string; stroke?: string }>;
  subgraphs: Array<{ id: string; title: string; nodes: string[] }>;
}

interface MermaidLike {
  parse(text: string): Promise<unknown>;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: { getVertices(): Map<string, never>; getEdges(): never[]; getSubGraphs(): never[] } }> };
}

/** Parses with Mermaid (must not throw) and returns what its flowchart database holds. */
export async function parseWithMermaid(mermaid: unknown, text: string): Promise<ParsedFlowchart> {
  const m = mermaid as MermaidLike;
  await expect(m.parse(text)).resolves.toBeTruthy();
  const { db } = await m.mermaidAPI.getDiagramFromText(text);
  return { vertices: new Map(db.getVertices()), edges: [...db.getEdges()], subgraphs: [...db.getSubGraphs()] };
}

/** Mermaid saw exactly the nodes the diagram maps, no more (a swallowed or stray id would show). */
export function expectNodesMatch(diagram: Diagram, parsed: ParsedFlowchart): void {
  expect([...parsed.vertices.keys()].sort()).toEqual(Object.keys(diagram.nodes).sort());
  expect([...nodeIdsIn(diagram.text)].sort()).toEqual(Object.keys(diagram.nodes).sort());
  for (const id of Object.keys(diagram.nodes)) expect(id).toMatch(/^[a-z][a-z0-9]*$/);
}

// ---------------------------------------------------------------------------------------------
// A generated procedure: `count` steps over four roles, with phases, decisions that loop back,
// forks that join, pauses and forms.

export function generatedProcedure(count: number): string {
  const roles = ['mot-cua', 'tro-ly', 'chi-huy-truong', 'van-thu'];
  const lines = [
    'kind: procedure',
    'code: QT-DV-300',
    `title: Quy trình sinh tự động ${count} bước`,
    'process: P-01',
    'owner: chi-huy-truong',
    'status: draft',
    'revision: 1',
    'steps:',
  ];
  for (let i = 0; i < count; i++) {
    lines.push(`  - id: buoc-${i}`, `    name: Bước ${i + 1} xử lý hồ sơ của công dân theo quy định`, `    role: ${roles[(i * 7 + Math.floor(i / 5)) % roles.length]}`);
    lines.push(`    duration: ${i % 3 === 0 ? `${(i % 4) + 1} giờ` : i % 3 === 1 ? '30 phút' : '0.5 ngày làm việc'}`);
    lines.push(`    phase: Giai đoạn ${Math.floor(i / 50) + 1}`);
    if (i % 30 === 29) lines.push('    pauses_clock: true');
    if (i % 20 === 0) lines.push(`    forms: [BM-${String((i / 20) % 5).padStart(2, '0')}]`);
    if (i === count - 1) lines.push('    end: true');
    else if (i % 25 === 24) {
      lines.push(`    decision: Kết quả bước ${i + 1} đạt?`, '    branches:', '      - when: Đạt', `        next: buoc-${i + 1}`, '      - when: Chưa đạt', `        next: buoc-${i - 3}`);
    } else if (i % 40 === 10 && i + 2 < count) {
      lines.push(`    next: [buoc-${i + 1}, buoc-${i + 2}]`);
    }
  }
  lines.push('forms:');
  for (let f = 0; f < 5; f++) lines.push(`  - code: BM-0${f}`, `    title: Biểu mẫu số ${f}`);
  return lines.join('\n') + '\n';
}

/** The fixture workspace with one more procedure file. */
export function withProcedure(workspace: Workspace, name: string, yaml: string): { workspace: Workspace; file: ReturnType<typeof loadSourceFile> } {
  const file = loadSourceFile(path.join(workspace.root, 'procedures', name), yaml);
  return { workspace: assembleWorkspace(workspace.root, [...workspace.files, file], []), file };
}
