import { describe, expect, it } from 'vitest';
import { procedureFlowchart } from '../../src/core/diagram';
import { escapeLine, wrapText } from '../../src/core/diagram/mermaid';
import { labelLines, labelOnlyChanges } from '../../src/webview/label-changes';
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
