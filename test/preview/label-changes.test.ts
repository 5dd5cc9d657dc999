import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { procedureFlowchart } from '../../src/core/diagram';
import { escapeLine, wrapText } from '../../src/core/diagram/mermaid';
import { labelLines, labelOnlyChanges } from '../../src/webview/label-changes';
import { labelOf, setLabelLines } from '../../src/webview/svg';
import { generatedProcedure, loadFixture, withProcedure } from '../diagram/helpers';

const workspace = await loadFixture();

function flowchartOf(yaml: string): string {
  const { workspace: ws, file } = withProcedure(workspace, 'QT-DV-300.qms.yaml', yaml);
  return procedureFlowchart(ws, file, { locale: 'vi', showForms: true })!.text;
}

describe('labelOnlyChanges', () => {
  const yaml = generatedProcedure(12);
  const before = flowchartOf(yaml);
  const stepName = /name: (.+)/.exec(yaml)![1]!;

  it('finds the one node whose name was edited, with the lines the core wraps it into', () => {
    const renamed = 'Tiếp nhận hồ sơ của công dân, kiểm tra & vào sổ "theo dõi" <ngay>';
    const after = flowchartOf(yaml.replace(`name: ${stepName}`, `name: '${renamed}'`));
    const changes = labelOnlyChanges(before, after)!;
    expect([...changes.keys()]).toEqual(['s0']);
    const lines = changes.get('s0')!;
    // (after the phase line the generated procedure puts first, before the duration)
    expect(lines.join('\n')).toContain(wrapText(renamed).join('\n'));
  });

  it('is empty for the same text, and undefined when the structure changed', () => {
    expect(labelOnlyChanges(before, before)).toEqual(new Map());
    const fewer = generatedProcedure(11);
    expect(labelOnlyChanges(before, flowchartOf(fewer))).toBeUndefined();
    // A step moved to another role moves to another lane: the layout changes.
    const secondRole = /role: (.+)/g;
    const roles = [...yaml.matchAll(secondRole)].map((m) => m[1]!);
    const other = roles.find((r) => r !== roles[0])!;
    expect(labelOnlyChanges(before, flowchartOf(yaml.replace(`role: ${roles[0]}`, `role: ${other}`)))).toBeUndefined();
  });

  it('decodes every escaped character back to what was typed', () => {
    const hostile = 'a "b" #c; 50% <img> & {x} [y] | `z` $ \\ ﬂ ¶: direction LR;';
    expect(labelLines(escapeLine(hostile))).toEqual([hostile]);
    expect(labelLines(`${escapeLine('one')}<br/>${escapeLine('two #1')}`)).toEqual(['one', 'two #1']);
  });
});

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
