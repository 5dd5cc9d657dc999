import type { Finding } from '../findings';
import { schemaFindings } from '../schema/findings';
import { parseYaml, type ParsedYaml } from '../yaml/parse';
import { KINDS, type Kind, type QmsFile } from './types';

/**
 * One QMS file, parsed and checked against its schema. `model` is set only when the file is
 * schema-valid enough to trust its shape (no syntax errors and a known kind); rules read
 * `model` and never the raw YAML.
 */
export interface SourceFile {
  path: string;
  parsed: ParsedYaml;
  kind: Kind | undefined;
  /** yaml/syntax and schema/* findings. */
  findings: Finding[];
  /** The typed value when the file parsed and its kind is known; rules guard optional fields. */
  model: QmsFile | undefined;
  /** True when the schema accepted the file as is. */
  schemaValid: boolean;
}

export function loadSourceFile(path: string, text: string): SourceFile {
  const parsed = parseYaml(text, path);
  const findings = [...parsed.findings];
  const value = parsed.value;
  const kindValue = isRecord(value) ? value.kind : undefined;
  const kind = KINDS.includes(kindValue as Kind) ? (kindValue as Kind) : undefined;
  if ((value === undefined || value === null) && parsed.findings.length === 0) {
    // An empty file: there is nothing to validate, but the kind is still missing.
    findings.push(...schemaFindings({ ...parsed, value: {} }));
    return { path, parsed, kind: undefined, findings, model: undefined, schemaValid: false };
  }
  const schema = schemaFindings(parsed);
  findings.push(...schema);
  const model = kind && isRecord(value) ? (value as unknown as QmsFile) : undefined;
  return { path, parsed, kind, findings, model, schemaValid: parsed.findings.length === 0 && schema.length === 0 };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
