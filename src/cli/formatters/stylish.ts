import * as path from 'node:path';
import type { Formatter } from './formatter';

const LABEL = { en: { error: 'error', warning: 'warning', info: 'info' }, vi: { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' } } as const;

/** ESLint's "stylish" layout: a block per file, one line per finding, a summary line. */
export const stylish: Formatter = ({ findings, locale, cwd }) => {
  if (findings.length === 0) return locale === 'vi' ? 'Không có vấn đề nào.\n' : 'No problems found.\n';
  const lines: string[] = [];
  let currentFile: string | undefined;
  const positions = findings.map((f) => `${f.range.start.line}:${f.range.start.column}`);
  const positionWidth = Math.max(...positions.map((p) => p.length));
  const severityWidth = Math.max(...findings.map((f) => LABEL[locale][f.severity].length));
  findings.forEach((finding, i) => {
    if (finding.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      currentFile = finding.file;
      lines.push(path.relative(cwd, finding.file) || finding.file);
    }
    lines.push(`  ${positions[i]!.padEnd(positionWidth)}  ${LABEL[locale][finding.severity].padEnd(severityWidth)}  ${finding.message[locale]}  ${finding.ruleId}`);
  });
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  lines.push('');
  lines.push(
    locale === 'vi'
      ? `✖ ${findings.length} vấn đề (${errors} lỗi, ${warnings} cảnh báo, ${infos} thông tin)`
      : `✖ ${findings.length} problem${findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`,
  );
  return lines.join('\n') + '\n';
};
