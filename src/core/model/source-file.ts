import type { Finding } from '../findings';
import { schemaFindings } from '../schema/findings';
import { reparseIncrementally } from '../yaml/incremental';
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

export function loadSourceFile(path: string, text: string, previous?: SourceFile): SourceFile {
  // A keystroke in a long procedure re-parses only the list item it touched.
  const parsed = (previous && reparseIncrementally(previous.parsed, text)) || parseYaml(text, path);
  return sourceFileFromParsed(path, parsed);
}

function sourceFileFromParsed(path: string, parsed: ParsedYaml): SourceFile {
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

/**
 * What one thread sends another about a file it loaded: enough for cross-file rules (the
 * model), and the text, should a range in that file ever be needed (it is parsed on demand).
 */
export interface TransferredFile {
  path: string;
  text: string;
  kind: Kind | undefined;
  model: QmsFile | undefined;
  schemaValid: boolean;
}

export function transferable(file: SourceFile): TransferredFile {
  return { path: file.path, text: (file.parsed.hadBom ? '\uFEFF' : '') + file.parsed.text, kind: file.kind, model: file.model, schemaValid: file.schemaValid };
}

/** A file loaded elsewhere: its findings belong to the thread that loaded it. */
export function foreignSourceFile(transferred: TransferredFile): SourceFile {
  let parsed: ParsedYaml | undefined;
  return {
    path: transferred.path,
    kind: transferred.kind,
    model: transferred.model,
    schemaValid: transferred.schemaValid,
    findings: [],
    get parsed() {
      parsed ??= parseYaml(transferred.text, transferred.path);
      return parsed;
    },
  };
}
