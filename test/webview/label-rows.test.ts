import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { labelOf, setLabelLines } from '../../src/webview/svg';

// Webview code (DOM types): type-checked with test/webview/tsconfig.json, not the root program.
describe('setLabelLines', () => {
  // A node as Mermaid 11 draws an SVG-text label: a row per line, a tspan per word.
  const node = (rows: string[][]) =>
    new JSDOM(
      `<svg><g class="node"><text>${rows
        .map((words, i) => `<tspan class="text-outer-tspan row" x="0" y="${i}em" dy="1.1em">${words.map((w) => `<tspan class="text-inner-tspan" font-weight="normal">${w} </tspan>`).join('')}</tspan>`)
        .join('')}</text></g></svg>`,
    ).window.document.querySelector('g')!;

  it('writes each line into its row, keeping the row and the word styling', () => {
    const a = node([['Tiếp', 'nhận'], ['hồ', 'sơ']]);
    const b = node([['Ký']]);
    expect(setLabelLines([[a, ['Tiếp nhận <b>&', 'hồ sơ mới']], [b, ['Ký duyệt']]])).toBe(true);
    expect(labelOf(a)).toBe('Tiếp nhận <b>& hồ sơ mới');
    expect(labelOf(b)).toBe('Ký duyệt');
    expect(a.querySelectorAll('b')).toHaveLength(0); // text, never markup
    expect(a.querySelector('tspan.row')!.getAttribute('dy')).toBe('1.1em');
    expect(a.querySelector('tspan.row tspan')!.getAttribute('font-weight')).toBe('normal');
  });

  it('changes nothing when a label would need another number of rows', () => {
    const a = node([['Tiếp', 'nhận']]);
    const b = node([['Ký']]);
    expect(setLabelLines([[a, ['Tiếp nhận mới']], [b, ['Ký', 'duyệt']]])).toBe(false);
    expect(labelOf(a)).toBe('Tiếp nhận');
    expect(labelOf(b)).toBe('Ký');
  });
});
