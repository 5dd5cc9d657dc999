import type { Finding } from '../../src/core/findings';

/**
 * Inline expectation markers in fixture files, markdownlint style:
 *
 *     status: aproved   # expect: schema/enum@9
 *
 * The marker names the rule and the 1-based column the finding starts at; the line is the
 * marker's own line, or — for a marker that is the whole line — the next line with content.
 * Several findings on one line: `# expect: ref/unknown-role@11, ref/unknown-form@20`.
 */
export interface Expectation {
  file: string;
  line: number;
  column: number;
  ruleId: string;
}

const MARKER = /#\s*expect:\s*(.+)$/;

export function expectationsIn(file: string, text: string): Expectation[] {
  const lines = text.split(/\r?\n/);
  const result: Expectation[] = [];
  lines.forEach((content, index) => {
    const match = MARKER.exec(content);
    if (!match) return;
    let line = index + 1;
    if (/^\s*#\s*expect:/.test(content)) {
      let next = index + 1;
      while (next < lines.length && /^\s*(#.*)?$/.test(lines[next]!)) next++;
      line = next + 1;
    }
    for (const part of match[1]!.split(',')) {
      const spec = /^\s*([a-z]+\/[A-Za-z-]+)@(\d+)\s*$/.exec(part);
      if (!spec) throw new Error(`${file}:${index + 1}: bad expectation marker "${part.trim()}" (write rule/id@column)`);
      result.push({ file, line, column: Number(spec[2]), ruleId: spec[1]! });
    }
  });
  return result;
}

/** `file:line:column rule` strings, sorted, for a readable diff when a test fails. */
export function describeFindings(findings: readonly Pick<Finding, 'file' | 'range' | 'ruleId'>[], relativeTo = ''): string[] {
  return findings
    .map((f) => `${f.file.replace(relativeTo, '')}:${f.range.start.line}:${f.range.start.column} ${f.ruleId}`)
    .sort();
}

export function describeExpectations(expectations: readonly Expectation[], relativeTo = ''): string[] {
  return expectations.map((e) => `${e.file.replace(relativeTo, '')}:${e.line}:${e.column} ${e.ruleId}`).sort();
}
