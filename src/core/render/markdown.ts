import { Marked, type Tokens } from 'marked';
import { escapeHtml } from './escape';
import { TrustedMarkup } from './trusted';

/**
 * Markdown in document sections (`sections[].body`), made safe for an issued document.
 *
 * HTML output: rendered with `marked` (GitHub-flavoured), then sanitised at the source: raw HTML
 * in the Markdown is printed as text (never interpreted), links keep only `http:`, `https:`,
 * `mailto:` and relative targets (a `javascript:` or `data:` link keeps its text and loses the
 * link), and images print their alternative text (an issued document never fetches anything).
 * Headings move down `headingOffset` levels, below the section's own heading.
 *
 * Markdown output: the author's Markdown as written, with raw HTML escaped outside code.
 */

const SAFE_SCHEME = /^(https?:|mailto:)/i;

function decodeEntities(text: string): string {
  return text.replace(/&#(x[0-9a-f]+|\d+);?/gi, (_, code: string) => {
    const n = code[0] === 'x' || code[0] === 'X' ? parseInt(code.slice(1), 16) : parseInt(code, 10);
    return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : '';
  }).replace(/&colon;/gi, ':').replace(/&tab;|&newline;/gi, '');
}

/** True for `https://…`, `mailto:…`, `#anchor`, `relative/path`; false for `javascript:`, `data:`, `vbscript:`… */
export function isSafeHref(href: string): boolean {
  const plain = decodeEntities(href).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([^/?#]*?):/.exec(plain);
  return !scheme || SAFE_SCHEME.test(plain);
}

const markedByOffset = new Map<number, Marked>();

function markedFor(headingOffset: number): Marked {
  let instance = markedByOffset.get(headingOffset);
  if (instance) return instance;
  instance = new Marked({ gfm: true, breaks: false, async: false });
  instance.use({
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(text);
      },
      heading({ tokens, depth }: Tokens.Heading) {
        const level = Math.min(6, depth + headingOffset);
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      link({ href, title, tokens }: Tokens.Link) {
        const text = this.parser.parseInline(tokens);
        if (!isSafeHref(href)) return text;
        return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${text}</a>`;
      },
      image({ text }: Tokens.Image) {
        return `<span class="md-image">${escapeHtml(text)}</span>`;
      },
    },
  });
  markedByOffset.set(headingOffset, instance);
  return instance;
}

/** Markdown → sanitised HTML, vouched for as toolkit-made markup. */
export function renderMarkdownHtml(source: string, headingOffset = 2): TrustedMarkup {
  const html = markedFor(headingOffset).parse(source.replace(/\r\n?/g, '\n')) as string;
  return TrustedMarkup.vouch(html.trimEnd());
}

/**
 * The author's Markdown for a Markdown output: unchanged except that `<` outside code (fenced
 * blocks and code spans) becomes `&lt;`, so raw HTML shows as text wherever the file is viewed.
 */
export function sanitizeMarkdownSource(source: string): TrustedMarkup {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let fence: { char: string; length: number } | undefined;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(escapeOutsideCodeSpans(paragraph.join('\n')));
    paragraph = [];
  };
  for (const line of lines) {
    if (fence) {
      out.push(line);
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (open && !(open[1]![0] === '`' && line.slice(open[0].length).includes('`'))) {
      flush();
      fence = { char: open[1]![0]!, length: open[1]!.length };
      out.push(line);
      continue;
    }
    if (line.trim() === '') {
      flush();
      out.push(line);
    } else paragraph.push(line);
  }
  flush();
  return TrustedMarkup.vouch(out.join('\n').trimEnd());
}

/**
 * Outside code spans (a backtick run closed by a run of the same length): `<` → `&lt;`; an image
 * becomes its alternative text (nothing is fetched); a link with a scheme other than `http:`,
 * `https:` or `mailto:` becomes its text.
 */
function escapeOutsideCodeSpans(text: string): string {
  const segments: Array<{ code: boolean; text: string }> = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      plain += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === '`') {
      let n = 0;
      while (text[i + n] === '`') n++;
      const run = '`'.repeat(n);
      let j = i + n;
      let close = -1;
      while (j < text.length) {
        const k = text.indexOf(run, j);
        if (k < 0) break;
        let m = 0;
        while (text[k + m] === '`') m++;
        if (m === n) {
          close = k;
          break;
        }
        j = k + m;
      }
      if (close >= 0) {
        segments.push({ code: false, text: plain });
        plain = '';
        segments.push({ code: true, text: text.slice(i, close + n) });
        i = close + n;
      } else {
        plain += run;
        i += n;
      }
      continue;
    }
    plain += ch;
    i++;
  }
  segments.push({ code: false, text: plain });
  return segments.map((segment) => (segment.code ? segment.text : defang(segment.text))).join('');
}

function defang(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/\[([^\]]*)\]\(\s*<?([^()\s>]*(?:\([^()]*\))?)(?:[^()]|\([^()]*\))*\)/g, (link: string, label: string, href: string) => (isSafeHref(href) ? link : label))
    .replace(/</g, '&lt;');
}
