import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsUrlForRule, type Finding, type Severity } from '../../core/findings';
import { ruleMeta } from '../../core/lint/registry';
import type { Formatter } from './formatter';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, for GitHub code scanning and other CI dashboards. */
export const sarif: Formatter = ({ findings, locale, cwd, toolVersion }) => {
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
  const rules = ruleIds.map((id) => {
    const meta = ruleMeta(id);
    const clauses = meta?.clauses ?? [];
    return {
      id,
      shortDescription: { text: meta?.description[locale] ?? id },
      helpUri: docsUrlForRule(id),
      help: { text: `${meta?.description[locale] ?? id} ${docsUrlForRule(id)}` },
      defaultConfiguration: { level: LEVEL[meta?.severity ?? 'error'] },
      properties: { tags: clauses.map((c) => `ISO 9001:2015 ${c}`) },
    };
  });
  const location = (file: string, range: Finding['range']) => ({
    physicalLocation: {
      artifactLocation: { uri: path.relative(cwd, file).split(path.sep).join('/'), uriBaseId: '%SRCROOT%' },
      region: {
        startLine: range.start.line,
        startColumn: range.start.column,
        endLine: range.end.line,
        endColumn: range.end.column,
      },
    },
  });
  const results = findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIds.indexOf(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message[locale] },
    locations: [location(f.file, f.range)],
    ...(f.related?.length
      ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, message: { text: r.message[locale] }, ...location(r.file, r.range) })) }
      : {}),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'qmskit', version: toolVersion, informationUri: 'https://github.com/qmskit/qmskit', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
