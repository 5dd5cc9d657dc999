import * as path from 'node:path';
import { docsUrlForRule } from '../../core/findings';
import type { Formatter } from './formatter';

/** One object per finding, with 1-based positions and a path relative to the working folder. */
export const json: Formatter = ({ findings, locale, cwd }) =>
  JSON.stringify(
    findings.map((f) => ({
      file: path.relative(cwd, f.file).split(path.sep).join('/'),
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message[locale],
      line: f.range.start.line,
      column: f.range.start.column,
      endLine: f.range.end.line,
      endColumn: f.range.end.column,
      docs: docsUrlForRule(f.ruleId),
      fixable: Boolean(f.fixes?.some((fix) => fix.safe)),
    })),
    null,
    2,
  ) + '\n';
