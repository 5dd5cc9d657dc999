import { describe, expect, it } from 'vitest';
import { fixtureFiles, generateFiles } from './helpers';

/**
 * Hostile data (markup, `<script>`, `</style>`, Handlebars syntax, Markdown and table syntax) in
 * every kind of text field must come out as text: in HTML escaped, in Markdown escaped, in CSS
 * (the running header) as a CSS string that cannot close the style element.
 */
const generate = (options = {}) => generateFiles(fixtureFiles('hostile'), { force: true, ...options });

/** Markdown without its code (fenced blocks and code spans show as code, whatever they hold). */
function outsideFences(markdown: string): string {
  return markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '').replace(/`[^`\n]*`/g, '');
}

describe('hostile data', () => {
  it('is issued as the test expects (forced past its lint errors), with codes made file-safe', async () => {
    const { files } = await generate();
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['QT_HOSTILE.01.html', 'QT_HOSTILE.01.md', 'DOC-HOSTILE.html', 'processes/P-01.html', 'decisions/QT_HOSTILE.01.html', 'master-list.html']),
    );
  });

  it('shows as text in every HTML output: no tag, handler, script link or style break from the data', async () => {
    const { files } = await generate();
    const html = [...files].filter(([name]) => name.endsWith('.html'));
    expect(html.length).toBeGreaterThanOrEqual(8);
    for (const [name, text] of html) {
      expect(text, name).not.toMatch(/<script|<img|<iframe|<b>|<div onclick|<a href="javascript/i);
      expect(text, name).not.toMatch(/<[a-z][^>]*\son(error|click|load)\s*=/i);
      expect(text, name).not.toMatch(/href="\s*javascript:/i);
      expect(text.match(/<style>/g)?.length, name).toBe(1);
      expect(text.match(/<\/style>/g)?.length, name).toBe(1);
      expect(text.match(/<\/table>/g)?.length ?? 0, name).toBe(text.match(/<table/g)?.length ?? 0);
    }
    const procedure = files.get('QT_HOSTILE.01.html')!;
    expect(procedure).toContain('Title &lt;/style&gt;&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; &quot; &#x27; &#x60; {{doc.code}} {{{raw}}} {{&gt; partial}}');
    expect(procedure).toContain('Step &lt;script&gt;alert(&#x27;step&#x27;)&lt;/script&gt; }}{{');
    expect(procedure).toContain('Role &lt;script&gt;alert(&#x27;role&#x27;)&lt;/script&gt; }} {{#each x}}');
    expect(procedure).toContain('Desc &lt;/style&gt;&lt;/textarea&gt;&lt;script&gt;');
    // The running header carries the title as a CSS string: `<` and `"` escaped, no way out of the string or the style.
    expect(procedure).toMatch(/@top-center \{\s*content: "QUY TRÌNH" "\\A " "Title \\3C \/style\\3E \\3C script\\3E alert\('title'\)\\3C \/script\\3E  \\22  ' ` \{\{doc\.code\}\}/);
  });

  it('renders Markdown bodies sanitised: raw HTML as text, script links dropped, images as their text', async () => {
    const { files } = await generate();
    const doc = files.get('DOC-HOSTILE.html')!;
    expect(doc).toContain("Raw HTML: &lt;script&gt;alert('body')&lt;/script&gt; and &lt;img src=x onerror=alert(&#39;img&#39;)&gt;.");
    expect(doc).toContain('&lt;div onclick&#x3D;&quot;alert(&#x27;div&#x27;)&quot;&gt;block html&lt;/div&gt;');
    expect(doc).toContain('A bad link, a <a href="https://example.org/a?b&#x3D;1&amp;c&#x3D;2">good link</a>');
    expect(doc).toContain('<span class="md-image">image</span>');
    expect(doc).not.toContain('evil.example');
    expect(doc).toContain('<code>code with &lt;b&gt;tags&lt;/b&gt;</code>');
    expect(doc).toContain('{{doc.code}} and {{{raw}}} are text here.');
    expect(doc).toMatch(/class="watermark obsolete"[^>]*><span>HẾT HIỆU LỰC<\/span>/);
  });

  it('shows as text in every Markdown output', async () => {
    const { files } = await generate();
    const markdown = [...files].filter(([name]) => name.endsWith('.md'));
    for (const [name, text] of markdown) {
      const prose = outsideFences(text);
      expect(prose, name).not.toMatch(/<script|<img|<iframe|<b>|<div|<\/style|<a /i);
      for (const line of prose.split('\n').filter((l) => l.startsWith('|'))) {
        // Every row of a table keeps its columns: pipes in the data are escaped.
        const cells = line.replace(/\\\|/g, '').split('|').length;
        const header = prose.split('\n').find((l) => l.startsWith('|') && prose.indexOf(l) <= prose.indexOf(line));
        expect(cells, `${name}: ${line}`).toBeGreaterThan(2);
        expect(header).toBeDefined();
      }
    }
    const procedure = files.get('QT_HOSTILE.01.md')!;
    expect(procedure).toContain('Step &lt;script&gt;alert(\'step\')&lt;/script&gt; }}{{');
    expect(procedure).toContain('No \\| pipe');
    expect(procedure).toContain('Leader \\| pipe \\* star \\_under\\_ \\[link\\](javascript:alert(1))');
    const doc = files.get('DOC-HOSTILE.md')!;
    expect(doc).toContain("Raw HTML: &lt;script>alert('body')&lt;/script> and &lt;img src=x onerror=alert('img')>.");
    expect(doc).toContain('A bad link, a [good link](https://example.org/a?b=1&c=2), an\nimage and `code with <b>tags</b>`.');
    expect(doc).not.toContain('evil.example');
    expect(doc).toContain("```html\n<script>fenced('stays code')</script>\n```");
    expect(doc).toContain('`code with <b>tags</b>`');
  });

  it('shows the Mermaid source as escaped text when there is no renderer', async () => {
    const { files, result } = await generate({ renderDiagram: undefined });
    expect(result.diagrams).toEqual({ rendered: 0, fallback: 0 });
    const html = files.get('QT_HOSTILE.01.html')!;
    expect(html).toContain('<pre class="mermaid-source"><code class="language-mermaid">flowchart TD');
    expect(html).not.toMatch(/<svg/);
  });

  it('refuses SVG from a renderer that is not plain SVG (scripts, handlers, embedded HTML)', async () => {
    for (const bad of ['<svg><script>alert(1)</script></svg>', '<svg onload="alert(1)"></svg>', '<svg><foreignObject><div>x</div></foreignObject></svg>', '<p>not svg</p>']) {
      const { files, result } = await generate({ renderDiagram: async () => bad });
      expect(result.diagrams.rendered).toBe(0);
      expect(files.get('QT_HOSTILE.01.html')).toContain('class="mermaid-source"');
      expect(files.get('QT_HOSTILE.01.html')).not.toContain(bad);
    }
  });
});
