import { describe, expect, it } from 'vitest';
import type { Fix } from '../../src/core/findings';
import { loadSourceFile } from '../../src/core/model/source-file';
import { rangeOfNode } from '../../src/core/yaml/pointer';
import { isScalar, visit, type Node } from 'yaml';
import { QmsDiagnostic, toRange, toWorkspaceEdit } from '../../src/extension/convert';
import { fakeDocument, type Range } from '../helpers/fake-vscode';

const TEXTS: Record<string, string> = {
  'LF, ASCII': 'kind: process\nid: P-01\nname: Order handling\nowner: quality-manager\n',
  'CRLF, Vietnamese': 'kind: process\r\nid: P-01\r\nname: Tiếp nhận và giải quyết hồ sơ\r\nowner: chi-huy-truong\r\nresources: [Phần mềm một cửa, Máy scan]\r\n',
  'emoji and astral characters': 'kind: process\nid: P-01\nname: "📄 Hồ sơ 𝔸 — đơn"\nowner: "👤-role"\nresources: [a📎b, "c😀d"]\n',
  'no final newline, CRLF': 'kind: process\r\nid: P-01\r\nname: X\r\nowner: "ô"',
};

/** Every scalar's range as the adapter converts it, against where VS Code puts those offsets. */
function conversions(text: string) {
  const file = loadSourceFile('/w/p.qms.yaml', text);
  const document = fakeDocument('/w/p.qms.yaml', text);
  const pairs: Array<{ converted: Range; expected: { start: unknown; end: unknown } }> = [];
  visit(file.parsed.document!, {
    Scalar(_key, node) {
      const range = rangeOfNode(file.parsed, node as Node);
      pairs.push({
        converted: toRange(range),
        expected: { start: document.positionAt(range.start.offset), end: document.positionAt(range.end.offset) },
      });
      void isScalar;
    },
  });
  return pairs;
}

describe('toRange: core positions to editor positions', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`agrees with the editor's own positions (${name})`, () => {
      const pairs = conversions(text);
      expect(pairs.length).toBeGreaterThan(6);
      for (const { converted, expected } of pairs) expect({ start: converted.start, end: converted.end }).toEqual(expected);
    });
  }

  it('is 0-based where the core is 1-based', () => {
    const range = toRange({ start: { line: 1, column: 1, offset: 0 }, end: { line: 3, column: 5, offset: 20 } });
    expect([range.start.line, range.start.character, range.end.line, range.end.character]).toEqual([0, 0, 2, 4]);
  });
});

describe('QmsDiagnostic', () => {
  it('carries the finding, source "qms", a code linking to the rule page, and related places', () => {
    const finding = {
      ruleId: 'ref/duplicate-id',
      severity: 'warning' as const,
      message: { en: 'Duplicate `P-01`.', vi: 'Trùng `P-01`.' },
      file: '/w/b.qms.yaml',
      range: { start: { line: 2, column: 5, offset: 20 }, end: { line: 2, column: 9, offset: 24 } },
      related: [{ file: '/w/a.qms.yaml', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 3, offset: 2 } }, message: { en: 'first', vi: 'đầu tiên' } }],
    };
    const diagnostic = new QmsDiagnostic(finding, 'vi');
    expect(diagnostic.message).toBe('Trùng `P-01`.');
    expect(diagnostic.severity).toBe(1);
    expect(diagnostic.source).toBe('qms');
    expect((diagnostic.code as { value: string; target: { toString(): string } }).value).toBe('ref/duplicate-id');
    expect(String((diagnostic.code as { target: unknown }).target)).toMatch(/docs\/rules\/ref\/duplicate-id\.md$/);
    expect(diagnostic.relatedInformation?.[0]?.message).toBe('đầu tiên');
    expect(diagnostic.relatedInformation?.[0]?.location.range.start).toEqual({ line: 0, character: 0 });
  });
});

describe('toWorkspaceEdit: fix offsets to editor edits', () => {
  it('places edits by the document positions, CRLF and non-ASCII text included', () => {
    const text = 'kind: process\r\nname: Tiếp nhận 📄\r\nowner: x\r\n';
    const document = fakeDocument('/w/p.qms.yaml', text);
    const start = text.indexOf('x');
    const fix: Fix = { title: { en: 't', vi: 't' }, safe: true, edits: [{ file: '/w/p.qms.yaml', edits: [{ start, end: start + 1, newText: 'chi-huy-truong' }] }] };
    const edit = toWorkspaceEdit(fix, (file) => (file === '/w/p.qms.yaml' ? (document as never) : undefined)) as unknown as { replacements: Array<{ range: Range; newText: string }> };
    expect(edit.replacements).toHaveLength(1);
    expect(edit.replacements[0]!.range.start).toEqual({ line: 2, character: 7 });
    expect(edit.replacements[0]!.newText).toBe('chi-huy-truong');
  });

  it('gives up rather than half-applying when a file of the fix is not open', () => {
    const fix: Fix = { title: { en: 't', vi: 't' }, safe: false, edits: [{ file: '/w/other.qms.yaml', edits: [{ start: 0, end: 0, newText: 'x' }] }] };
    expect(toWorkspaceEdit(fix, () => undefined)).toBeUndefined();
  });
});
