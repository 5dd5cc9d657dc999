import { describe, expect, it } from 'vitest';
import { cssString, escapeMarkdown } from '../../src/core/render/escape';
import { formatDate, formatDuration, formatHours, formatLongDate, formatNumber, formatRetention, formatWorkingDays } from '../../src/core/render/format';
import { isSafeHref, renderMarkdownHtml, sanitizeMarkdownSource } from '../../src/core/render/markdown';

describe('dates', () => {
  it.each([
    ['2026-02-20', 'vi', '20/02/2026'],
    ['2026-02-20', 'en', '2026-02-20'],
    ['2026-11-05', 'vi', '05/11/2026'],
    ['not a date', 'vi', 'not a date'],
  ] as const)('%s in %s → %s', (iso, locale, text) => expect(formatDate(iso, locale)).toBe(text));

  it.each([
    // Decree 30/2020: a day below 10 and the months 1 and 2 take a leading zero; other months do not.
    ['2026-01-05', 'vi', 'ngày 05 tháng 01 năm 2026'],
    ['2026-02-20', 'vi', 'ngày 20 tháng 02 năm 2026'],
    ['2026-03-10', 'vi', 'ngày 10 tháng 3 năm 2026'],
    ['2026-11-09', 'vi', 'ngày 09 tháng 11 năm 2026'],
    ['2026-02-20', 'en', '20 February 2026'],
  ] as const)('long %s in %s → %s', (iso, locale, text) => expect(formatLongDate(iso, locale)).toBe(text));
});

describe('durations and numbers', () => {
  it.each([
    ['2 hours', 'vi', '2 giờ'],
    ['1.5 hours', 'vi', '1,5 giờ'],
    ['1.5 giờ', 'en', '1.5 hours'],
    ['1 hours', 'en', '1 hour'],
    ['2 working day', 'en', '2 working days'],
    ['0.5 working days', 'vi', '0,5 ngày làm việc'],
    ['3 ngày', 'en', '3 working days'],
    ['15 phút', 'en', '15 minutes'],
    ['12 months', 'vi', '12 tháng'],
    ['1 năm', 'en', '1 year'],
    ['soon', 'en', 'soon'],
  ] as const)('%s in %s → %s', (raw, locale, text) => expect(formatDuration(raw, locale)).toBe(text));

  it('totals in working days and hours', () => {
    expect(formatWorkingDays(0.9375, 'vi')).toBe('0,94 ngày làm việc');
    expect(formatWorkingDays(1, 'en')).toBe('1 working day');
    expect(formatHours(7.5, 'vi')).toBe('7 giờ 30 phút');
    expect(formatHours(12.5, 'en')).toBe('12 hours 30 minutes');
    expect(formatHours(0.25, 'en')).toBe('15 minutes');
  });

  it('numbers as each locale writes them', () => {
    expect(formatNumber(50000, 'vi')).toBe('50.000');
    expect(formatNumber(50000, 'en')).toBe('50,000');
    expect(formatNumber(1234.5, 'vi')).toBe('1.234,5');
    expect(formatNumber(0.125, 'en')).toBe('0.13');
  });

  it('retention periods', () => {
    expect(formatRetention('vĩnh viễn', 'vi')).toBe('Vĩnh viễn');
    expect(formatRetention('permanent', 'en')).toBe('Permanent');
    expect(formatRetention('Permanent', 'vi')).toBe('Vĩnh viễn');
    expect(formatRetention('10 years', 'vi')).toBe('10 năm');
  });
});

describe('escaping', () => {
  it('Markdown text shows as the same text', () => {
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('<script>x</script>')).toBe('&lt;script&gt;x&lt;/script&gt;');
    expect(escapeMarkdown('*bold* _em_ [l](u) `c` ~s~ \\')).toBe('\\*bold\\* \\_em\\_ \\[l\\](u) \\`c\\` \\~s\\~ \\\\');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
    expect(escapeMarkdown('A & B')).toBe('A &amp; B');
  });

  it('CSS strings cannot end the string or the style element', () => {
    expect(cssString('QT-01')).toBe('"QT-01"');
    expect(cssString('a"b\\c')).toBe('"a\\22 b\\5C c"');
    expect(cssString('</style><script>')).toBe('"\\3C /style\\3E \\3C script\\3E "');
    expect(cssString('line 1\nline 2')).toBe('"line 1\\A line 2"');
    expect(cssString('Quy trình đăng ký')).toBe('"Quy trình đăng ký"');
  });
});

describe('Markdown in document sections', () => {
  it('renders GitHub-flavoured Markdown, headings moved below the section heading', () => {
    const html = renderMarkdownHtml('# Title\n\n1. **one**\n2. two\n\n| a | b |\n| - | - |\n| 1 | 2 |').toHTML();
    expect(html).toContain('<h3>Title</h3>');
    expect(html).toContain('<ol>\n<li><strong>one</strong></li>');
    expect(html).toContain('<table>');
  });

  it('prints raw HTML as text, drops unsafe links and images', () => {
    const html = renderMarkdownHtml('<script>x()</script>\n\nInline <b onclick="y()">b</b> [a](javascript:alert(1)) [b](JaVaScRiPt&#58;alert(1)) [c](data:text/html,x) [d](https://ok.example/) ![i](https://t.example/p.png)').toHTML();
    expect(html).not.toMatch(/<script|<b |href="javascript|href="data|https:\/\/t\.example/i);
    expect(html).toContain('&lt;script&gt;x()&lt;/script&gt;');
    expect(html).toContain('<a href="https://ok.example/">d</a>');
    expect(html).toContain('<span class="md-image">i</span>');
  });

  it('safe link targets', () => {
    for (const ok of ['https://x.example', 'http://x', 'mailto:a@b.c', '#anchor', 'relative/path.html', '../up.html']) expect(isSafeHref(ok), ok).toBe(true);
    for (const bad of ['javascript:alert(1)', ' javascript:x', 'java\tscript:x', 'JAVASCRIPT:x', 'jav&#x61;script:x', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd']) expect(isSafeHref(bad), bad).toBe(false);
  });

  it('passes Markdown through for Markdown outputs, raw HTML escaped outside code', () => {
    const source = 'Text <b>x</b> and `<code>` and ``a ` <b>``\n\n```\n<pre>kept</pre>\n```\n\n[bad](javascript:alert(1)) [good](https://ok.example) ![img](https://t.example/x.png)';
    expect(sanitizeMarkdownSource(source).toHTML()).toBe('Text &lt;b>x&lt;/b> and `<code>` and ``a ` <b>``\n\n```\n<pre>kept</pre>\n```\n\nbad [good](https://ok.example) img');
  });
});
