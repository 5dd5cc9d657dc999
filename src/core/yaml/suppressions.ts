import type { SourceRange } from '../findings';
import { rangeOfOffsets, type ParsedYaml } from './parse';

export const SUPPRESSION_DIRECTIVE = 'qms-disable-next-line';

/** `# qms-disable-next-line rule/a rule/b`: silences those rules on the next line of content. */
export interface Suppression {
  /** 1-based line of the comment. */
  line: number;
  /** 1-based line the comment applies to: the next line that is neither blank nor a comment. */
  targetLine: number;
  /** The rule ids named; empty means every rule. */
  ruleIds: string[];
  range: SourceRange;
  /** Where each named rule id sits, to point at the one that silenced nothing. */
  ruleRanges: SourceRange[];
}

const DIRECTIVE = new RegExp(`^([ \\t]*#[ \\t]*)${SUPPRESSION_DIRECTIVE}\\b(.*)$`);

export function findSuppressions(parsed: ParsedYaml): Suppression[] {
  const { text } = parsed;
  if (!text.includes(SUPPRESSION_DIRECTIVE)) return [];
  const starts = parsed.lineCounter.lineStarts;
  const lineText = (index: number): string => {
    const start = starts[index]!;
    const end = index + 1 < starts.length ? starts[index + 1]! : text.length;
    return text.slice(start, end).replace(/\r?\n$/, '');
  };
  const suppressions: Suppression[] = [];
  for (let i = 0; i < starts.length; i++) {
    const content = lineText(i);
    const match = DIRECTIVE.exec(content);
    if (!match) continue;
    let target = i + 1;
    while (target < starts.length && /^\s*(#.*)?$/.test(lineText(target))) target++;
    const lineStart = starts[i]!;
    const argsStart = lineStart + match[1]!.length + SUPPRESSION_DIRECTIVE.length;
    const ruleIds: string[] = [];
    const ruleRanges: SourceRange[] = [];
    for (const id of match[2]!.matchAll(/[^\s,]+/g)) {
      if (id[0].startsWith('--') || id[0].startsWith('#')) break; // `-- reason` explains, as in ESLint
      ruleIds.push(id[0]);
      const start = argsStart + id.index!;
      ruleRanges.push(rangeOfOffsets(parsed, start, start + id[0].length));
    }
    suppressions.push({
      line: i + 1,
      targetLine: target + 1,
      ruleIds,
      range: rangeOfOffsets(parsed, lineStart + match[1]!.indexOf('#'), lineStart + content.length),
      ruleRanges,
    });
  }
  return suppressions;
}
