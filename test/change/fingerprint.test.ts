import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { canonicalJson, fingerprintDocument, hashCanonical, RELEASE_FIELDS } from '../../src/core/change/fingerprint';
import { parseYaml } from '../../src/core/yaml/parse';

const EXAMPLES = path.join(__dirname, '../../examples');

function read(example: string, rel: string): string {
  return readFileSync(path.join(EXAMPLES, example, rel), 'utf8');
}

/** The fingerprint of a YAML text, parsed as the workspace parses it. */
function fp(text: string): string {
  const parsed = parseYaml(text, 'x.qms.yaml');
  expect(parsed.findings).toEqual([]);
  return fingerprintDocument(parsed.value as Record<string, unknown>);
}

function valueOf(text: string): Record<string, unknown> {
  return parseYaml(text, 'x.qms.yaml').value as Record<string, unknown>;
}

const QT06 = read('ban-chqs', 'procedures/QT-BCHQS-06.qms.yaml');
const SOP001 = read('acme-en', 'procedures/SOP-001.qms.yaml');

/** Replace exactly one occurrence (a test edit that silently does nothing would prove nothing). */
function edit(text: string, find: string, replace: string): string {
  expect(text.split(find).length - 1, `"${find}" must occur once`).toBe(1);
  return text.replace(find, replace);
}

describe('canonical serialisation (fingerprint version 1)', () => {
  it('sorts keys by code point, writes JSON without whitespace, keeps types apart', () => {
    expect(canonicalJson({ b: 1, a: ['x', 1.5, true, null, false], 'é': 'e', Z: {} })).toBe('{"Z":{},"a":["x",1.5,true,null,false],"b":1,"é":"e"}');
    expect(canonicalJson({ n: 1 })).not.toBe(canonicalJson({ n: '1' }));
    expect(canonicalJson([])).not.toBe(canonicalJson(null));
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(canonicalJson([NaN, Infinity, -Infinity])).toBe('[NaN,Infinity,-Infinity]');
  });

  it('escapes quotes, backslashes, control characters and lone surrogates, and nothing else', () => {
    expect(canonicalJson('a"b\\c\n\td\u0001é😀')).toBe('"a\\"b\\\\c\\u000a\\u0009d\\u0001é😀"');
    expect(canonicalJson('\ud800x')).toBe('"\\ud800x"');
    expect(canonicalJson('\udc00')).toBe('"\\udc00"');
  });

  it('normalises strings and keys to NFC, line breaks to LF, and drops trailing line breaks', () => {
    const decomposed = 'Quy trình đăng ký'.normalize('NFD');
    expect(decomposed).not.toBe('Quy trình đăng ký');
    expect(canonicalJson({ [decomposed]: decomposed })).toBe(canonicalJson({ 'Quy trình đăng ký': 'Quy trình đăng ký' }));
    expect(canonicalJson('a\r\nb\rc\n\n')).toBe('"a\\u000ab\\u000ac"');
    expect(canonicalJson(' a ')).toBe('" a "');
  });

  it('orders keys by code point, not by UTF-16 unit', () => {
    // U+FF5E (one unit, 0xFF5E) sorts before U+1F600 (surrogates 0xD83D…) by code point.
    expect(canonicalJson({ '😀': 1, '～': 2 })).toBe('{"～":2,"😀":1}');
  });

  it('hashes "qms-fingerprint/1" + LF + the canonical text with SHA-256', () => {
    const canonical = canonicalJson({ code: 'QT-01' });
    const expected = 'sha256:' + createHash('sha256').update(`qms-fingerprint/1\n${canonical}`, 'utf8').digest('hex');
    expect(hashCanonical(canonical)).toBe(expected);
    // Pinned: a change of the algorithm, the prefix or the escaping fails here.
    expect(hashCanonical(canonicalJson({ code: 'QT-01', steps: [{ id: 'a', duration: '2 giờ' }] }))).toBe(
      'sha256:' + createHash('sha256').update('qms-fingerprint/1\n{"code":"QT-01","steps":[{"duration":"2 giờ","id":"a"}]}', 'utf8').digest('hex'),
    );
  });

  it('leaves out exactly the release fields', () => {
    expect(RELEASE_FIELDS).toEqual(['status', 'revision', 'amendment', 'effective', 'approval', 'history']);
  });
});

describe('fingerprint of a document: what does not matter', () => {
  const base = fp(QT06);

  it('reformatting: indentation, flow or block style, quoting, comments, key order', () => {
    const value = valueOf(QT06);
    // The whole document written out again by another YAML writer, in several styles.
    expect(fp(stringify(value, { indent: 4 }))).toBe(base);
    expect(fp(stringify(value, { collectionStyle: 'flow' }))).toBe(base);
    expect(fp(stringify(value, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }))).toBe(base);
    expect(fp(stringify(value, { defaultStringType: 'QUOTE_SINGLE', lineWidth: 40 }))).toBe(base);
    expect(fp(stringify(value, { sortMapEntries: true }))).toBe(base);
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    expect(fp(stringify(reversed(value)))).toBe(base);
  });

  it('hand edits that keep the value: comments, quotes, flow lists, re-wrapped folded text', () => {
    let text = QT06;
    text = edit(text, 'kind: procedure\n', '# Bản chính do Thư ký ISO quản lý.\nkind: procedure   # loại tệp\n');
    text = edit(text, 'code: QT-BCHQS-06\n', 'code: "QT-BCHQS-06"\n');
    text = edit(text, 'title: Quy trình đăng ký nghĩa vụ quân sự lần đầu\n', "title: 'Quy trình đăng ký nghĩa vụ quân sự lần đầu'\n");
    text = edit(text, 'distribution: [tham-muu, bo-phan-mot-cua, bo-phan-van-thu]\n', 'distribution:\n  - tham-muu\n  - bo-phan-mot-cua   # bản sao số 2\n  - bo-phan-van-thu\n');
    text = edit(
      text,
      'purpose: >-\n  Quy định trình tự, trách nhiệm và thời gian tiếp nhận, giải quyết hồ sơ đăng ký nghĩa vụ quân sự\n  lần đầu',
      'purpose: >-\n  Quy định trình tự, trách nhiệm và thời gian\n  tiếp nhận, giải quyết hồ sơ đăng ký nghĩa vụ quân sự lần đầu',
    );
    text = edit(text, '    role: tro-ly-quan-luc\n    duration: 2 giờ\n', '    duration: 2 giờ\n    role: "tro-ly-quan-luc"\n');
    expect(text).not.toBe(QT06);
    expect(fp(text)).toBe(base);
  });

  it('line endings, a BOM, and Unicode normalisation of the text', () => {
    expect(fp(QT06.replace(/\n/g, '\r\n'))).toBe(base);
    expect(fp('\uFEFF' + QT06)).toBe(base);
    expect(fp(QT06.normalize('NFD'))).toBe(base);
  });

  it('the release fields: status, revision, amendment, effective, approval, history', () => {
    let text = QT06;
    text = edit(text, 'status: approved\n', 'status: draft\n');
    text = edit(text, 'revision: 2\namendment: 0\n', 'revision: 3\namendment: 1\n');
    text = edit(text, 'effective: 2026-03-16\n', 'effective: 2026-12-01\n');
    text = edit(text, 'approved: { role: chi-huy-truong, date: 2026-03-10 }', 'approved: { role: pho-chi-huy-truong, date: 2026-11-30 }');
    text = edit(text, 'history:\n', 'history:\n  - revision: 3\n    date: 2026-11-30\n    change: Sửa đổi\n');
    expect(fp(text)).toBe(base);
  });
});

describe('fingerprint of a document: what changes it', () => {
  const base = fp(QT06);
  const cases: Array<[string, string, string]> = [
    ["a step's role", '    name: Lưu hồ sơ đăng ký NVQS\n    role: tro-ly-quan-luc\n', '    name: Lưu hồ sơ đăng ký NVQS\n    role: van-thu\n'],
    ["a step's duration", '    role: tro-ly-quan-luc\n    duration: 2 giờ\n', '    role: tro-ly-quan-luc\n    duration: 1.5 giờ\n'],
    ["a step's forms", 'forms: [BM-08/QT-BCHQS-06]', 'forms: [BM-08/QT-BCHQS-06, BM-06/QT-BCHQS-06]'],
    ["a step's next", 'next: [tra-ket-qua, thong-bao-phuong]', 'next: [thong-bao-phuong, tra-ket-qua]'],
    ['the purpose', 'bảo đảm đúng quy định của pháp luật', 'bảo đảm đúng pháp luật'],
    ['a number written as text', '  fee: 0\n', '  fee: "0"\n'],
    ['a record retention', '    retention: vĩnh viễn\n', '    retention: 50 năm\n'],
    ['the distribution', 'distribution: [tham-muu, bo-phan-mot-cua, bo-phan-van-thu]', 'distribution: [tham-muu, bo-phan-mot-cua]'],
    ['a literal block instead of a folded one (line breaks become part of the text)', 'purpose: >-\n', 'purpose: |-\n'],
    ['a field added', 'scope: >-\n', 'review_interval: 6 months\nscope: >-\n'],
  ];
  for (const [what, find, replace] of cases) {
    it(`changes with ${what}`, () => {
      expect(fp(edit(QT06, find, replace))).not.toBe(base);
    });
  }

  it('does not depend on line endings, and differs between two documents', () => {
    expect(fp(SOP001)).toBe(fp(SOP001.replace(/\n/g, '\r\n')));
    expect(fp(SOP001)).not.toBe(base);
  });
});

describe('golden fingerprints of the example procedures', () => {
  // Pinned: if one of these changes, either an example procedure changed (release it: `qmskit
  // release`, and update the pin) or the fingerprint algorithm changed by accident, which would
  // flag every released document of every workspace as changed. The second must never happen.
  const GOLDEN: Array<[example: string, code: string, fingerprint: string]> = [
    ['ban-chqs', 'QT-BCHQS-01', 'sha256:6667c2e628ca02105c692eb671046d3e4a107d0e01c50708059c8896ae4bd4b6'],
    ['ban-chqs', 'QT-BCHQS-02', 'sha256:82ad969144d2a77b37a8bf991f3125038de225239ad45d576161ccf900392c69'],
    ['ban-chqs', 'QT-BCHQS-03', 'sha256:4c96175c9ae9140f75a90e4cde5b59970b731ba86b8f3da34eb6b6b2f0901d14'],
    ['ban-chqs', 'QT-BCHQS-04', 'sha256:3b8cb0e896cae78b8291dcfd22f38e8cbecab15ccf75f45707e0bd77cac4f929'],
    ['ban-chqs', 'QT-BCHQS-05', 'sha256:6b4ccec99e089bad5643f3c357ec048cdacbcab7c43c051d8f78092a15832c99'],
    ['ban-chqs', 'QT-BCHQS-06', 'sha256:d2bdf639433e560200719efd6065ee3f8ccab8429fd16c1f9096193f90ad59c7'],
    ['ban-chqs', 'QT-BCHQS-07', 'sha256:e65bbe85dc0d8ba5f54d1a1a8a8b7d11753bfc8343691c03fc8d9e796d3fa620'],
    ['ban-chqs', 'QT-BCHQS-08', 'sha256:06f39a2b561e0e226fa43909ee9f8519deaeeb3c678bec39cc3a5bfadc443ba3'],
    ['acme-en', 'SOP-001', 'sha256:178acebf9356bdb9a3e051760d22290aac8ca44adfe14072a4cf9773fa221ff3'],
    ['acme-en', 'SOP-002', 'sha256:932c877d8c6a8190e8aee93f6e7759a00b514c0b98573d7e15719cd81183fba7'],
    ['acme-en', 'SOP-003', 'sha256:dae9ffd896338d73eac65a1cdcfa87c978f63a2eb0055c2c4adc057b487b84f9'],
    ['acme-en', 'SOP-004', 'sha256:43220648a33e1c915a1bd05756e8d2f8740c5029af0bc79a340362b56336146a'],
  ];
  for (const [example, code, fingerprint] of GOLDEN) {
    it(`${example} ${code}`, () => {
      expect(fp(read(example, `procedures/${code}.qms.yaml`))).toBe(fingerprint);
    });
  }

  it('does not depend on the YAML library’s own serialisation', () => {
    // The document is re-created node by node: only the parsed value counts.
    const rebuilt = parseDocument(QT06).toString({ indent: 3, indentSeq: false });
    expect(fp(rebuilt)).toBe('sha256:d2bdf639433e560200719efd6065ee3f8ccab8429fd16c1f9096193f90ad59c7');
  });
});
