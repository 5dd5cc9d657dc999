import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { procedureFlowchart } from '../../src/core/diagram';
import { escapeLine, label, wrapText } from '../../src/core/diagram/mermaid';
import { systemModel, type Workspace } from '../../src/core/model/workspace';
import { decodeMermaidText, expectNodesMatch, expectWellFormed, loadFixture, parseWithMermaid, shown, withProcedure } from './helpers';

// Mermaid's parser needs a DOM in Node (DOMPurify runs while parsing).
const dom = new JSDOM('<!doctype html><html><body></body></html>');
(globalThis as any).window = dom.window as any;
(globalThis as any).document = dom.window.document;
const { default: mermaid } = await import('mermaid');

describe('escapeLine', () => {
  it('writes every character that means something to Mermaid as an entity code', () => {
    expect(escapeLine('"]; click A call alert(1)')).toBe('#quot;#93;#59; click A call alert(1)');
    expect(escapeLine('<img src=x onerror=alert(1)>')).toBe('#lt;img src=x onerror=alert(1)#gt;');
    expect(escapeLine('%%{init: {"theme":"dark"}}%%')).toBe('#37;#37;#123;init#58; #123;#quot;theme#quot;#58;#quot;dark#quot;#125;#125;#37;#37;');
    expect(escapeLine('a & b | c ` d # e ; f \\ g [h]')).toBe('a #amp; b #124; c #96; d #35; e #59; f #92; g #91;h#93;');
    expect(escapeLine('#quot;')).toBe('#35;quot#59;');
    expect(escapeLine('ﬂ°lt¶ß')).toBe('#64258;°lt#182;ß');
    expect(escapeLine('$$x^2$$ fa:fa-car')).toBe('#36;#36;x^2#36;#36; fa#58;fa-car');
  });

  it('keeps Vietnamese diacritics, emoji, parentheses and apostrophes as they are', () => {
    for (const text of ['Ủy ban nhân dân phường Mỹ Đình', 'Gửi 📨 kết quả 👍🏽 👨‍👩‍👧', "Trả kết quả (bản chính) cho công dân 'A'"]) {
      expect(escapeLine(text)).toBe(text);
    }
  });

  it('breaks "direction LR", which Mermaid\'s lexer would take for a statement anywhere on a line', () => {
    expect(escapeLine('Set direction LR')).toBe('Set direction#32;LR');
    expect(escapeLine('DIRECTION\tTB')).toBe('DIRECTION#32;TB');
    expect(escapeLine('directions')).toBe('directions');
  });
});

describe('wrapText', () => {
  it('wraps at about 30 characters between words', () => {
    expect(wrapText('Lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả, vào Sổ theo dõi hồ sơ')).toEqual(['Lập Giấy tiếp nhận hồ sơ và', 'hẹn trả kết quả, vào Sổ theo', 'dõi hồ sơ']);
    expect(wrapText('short')).toEqual(['short']);
    expect(wrapText('   ')).toEqual([]);
  });

  it('counts decomposed Vietnamese by the letters a reader sees', () => {
    const nfc = 'Lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả';
    expect(wrapText(nfc.normalize('NFD')).map((l) => l.normalize('NFC'))).toEqual(wrapText(nfc));
  });

  it("keeps the text's own line breaks, turns control characters into spaces, cuts very long words", () => {
    expect(wrapText('a\nb\r\nc\rd\u2028e\u2029f')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(wrapText('a\u0007b\u0000c\td')).toEqual(['a b c d']);
    const long = 'x'.repeat(75);
    expect(wrapText(`see ${long} now`)).toEqual(['see', 'x'.repeat(30), 'x'.repeat(30), 'x'.repeat(15) + ' now']);
    expect(wrapText('👨‍👩‍👧'.repeat(40)).every((line) => !line.startsWith('\u200D'))).toBe(true);
  });

  it('label joins wrapped, escaped parts with <br/>; width 0 keeps one line', () => {
    expect(label(['[Tiếp nhận]', 'Tiếp nhận hồ sơ', undefined, '15 phút'])).toBe('#91;Tiếp nhận#93;<br/>Tiếp nhận hồ sơ<br/>15 phút');
    expect(label(['Chuyên gia đánh giá nội bộ của Ban Chỉ huy Quân sự'], 0)).toBe('Chuyên gia đánh giá nội bộ của Ban Chỉ huy Quân sự');
    expect(label(['a\nb'], 0)).toBe('a b');
  });
});

describe('any name stays inside its label and is shown as written (property)', () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await loadFixture();
  });

  const pieces = fc.constantFrom(
    '"', "'", '#', ';', ':', '|', '`', '<', '>', '&', '%', '%%', '%%{init: {"theme":"dark"}}%%', '[', ']', '{', '}', '(', ')', '\\', '\n', '\r\n', '\t',
    '\u0000', '\u2028', 'ﬂ°', '¶ß', '#quot;', '#35;', '&lt;', '<br/>', 'direction LR', 'direction TB', 'end', 'subgraph', 'click', 'style', 'classDef',
    'style x fill:#f00;', '$$x$$', 'fa:fa-car', '-->', '-.-', '==>', '@{', 'Ủy ban', 'đ', '📨', '👨‍👩‍👧', 'ế'.normalize('NFD'), ' ', 'abc',
  );
  const hostile = fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme', maxLength: 8 })), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));

  // Mermaid parses each case (a few hundred ms on a busy machine): 40 fixed cases by default;
  // DIAGRAM_PROPERTY_RUNS=500 explores new random ones.
  it('step names, role names and branch labels', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, async (name, role, when) => {
        fc.pre(shown(name) !== '' && shown(when) !== '');
        const yaml = [
          'kind: procedure',
          'code: QT-DV-77',
          'steps:',
          `  - id: a`,
          `    name: ${JSON.stringify(name)}`,
          `    role: ${JSON.stringify(role)}`,
          `    decision: ${JSON.stringify(name)}`,
          '    branches:',
          `      - when: ${JSON.stringify(when)}`,
          '        next: b',
          `  - id: b`,
          `    name: ${JSON.stringify(name)}`,
          `    role: ${JSON.stringify(role)}`,
          `    phase: ${JSON.stringify(when)}`,
          `    forms: [${JSON.stringify(name)}]`,
          '    end: true',
        ].join('\n');
        const { workspace: ws, file } = withProcedure(workspace, 'prop.qms.yaml', yaml);
        const diagram = procedureFlowchart(ws, file, { locale: 'vi', showForms: true })!;
        expectWellFormed(diagram.text);
        const parsed = await parseWithMermaid(mermaid, diagram.text);
        expectNodesMatch(diagram, parsed);
        expect(shown(decodeMermaidText(parsed.vertices.get('s0')!.text))).toBe(shown(name));
        expect(shown(decodeMermaidText(parsed.vertices.get('s1')!.text))).toBe(shown(`[${when}]`) + shown(name));
        expect(shown(decodeMermaidText(parsed.vertices.get('f0')!.text))).toBe(shown(name));
        expect(parsed.edges.filter((e) => e.start === 's0' && e.end === 's1').map((e) => shown(decodeMermaidText(e.text)))).toEqual([shown(when)]);
        const title = systemModel(ws)?.roles.find((r) => r.id === role)?.name ?? role;
        if (shown(role) !== '') expect(parsed.subgraphs.map((s) => shown(decodeMermaidText(s.title)))).toEqual([shown(title)]);
      }),
      { numRuns: Number(process.env.DIAGRAM_PROPERTY_RUNS ?? 40), seed: process.env.DIAGRAM_PROPERTY_RUNS ? undefined : 20260301 },
    );
  }, 120_000);
});
