import * as path from 'node:path';
import type { Finding, Locale } from '../../core/findings';
import type { Formatter } from './formatter';

/** Each finding with the source lines around it and a caret line under the range (biome style). */
export function codeFrame(finding: Finding, text: string, locale: Locale, displayPath: string): string {
  const lines = text.split(/\r?\n/);
  const { start, end } = finding.range;
  const first = Math.max(1, start.line - 1);
  const last = Math.min(lines.length, end.line + 1);
  const width = String(last).length;
  const out = [`${displayPath}:${start.line}:${start.column} ${finding.ruleId} (${finding.severity})`, `  ${finding.message[locale]}`, ''];
  for (let n = first; n <= last; n++) {
    const content = lines[n - 1] ?? '';
    const marked = n >= start.line && n <= end.line;
    out.push(`${marked ? '>' : ' '} ${String(n).padStart(width)} │ ${content}`.trimEnd());
    if (marked) {
      const from = n === start.line ? start.column - 1 : content.length - content.trimStart().length;
      const to = n === end.line ? end.column - 1 : content.length;
      const carets = '^'.repeat(Math.max(1, to - from));
      out.push(`  ${' '.repeat(width)} │ ${' '.repeat(from)}${carets}`);
    }
  }
  return out.join('\n');
}

export const codeframe: Formatter = ({ findings, sources, locale, cwd }) =>
  findings
    .map((f) => codeFrame(f, sources.get(f.file) ?? '', locale, path.relative(cwd, f.file).split(path.sep).join('/')))
    .join('\n\n') + (findings.length ? '\n' : '');
