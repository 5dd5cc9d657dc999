import { isScalar, type Scalar } from 'yaml';
import type { SourceRange } from '../findings';
import { isRecord, type SourceFile } from '../model/source-file';
import { KINDS, type Kind, type QmsFile } from '../model/types';
import { MAX_ALIAS_COUNT, rangeOfOffsets } from '../yaml/parse';
import { resolvePointer } from '../yaml/pointer';
import type { PathSegment } from './node-at';
import type { OffsetSpan } from './types';

/**
 * The editor asks about files being typed, which often do not parse cleanly (`ro` without its
 * colon yet): the model is then read from the syntax tree anyway, as far as it goes.
 */
const tolerantModels = new WeakMap<object, QmsFile | null>();

export function modelOf(file: SourceFile): QmsFile | undefined {
  if (file.model) return file.model;
  const document = file.parsed.document;
  if (!document) return undefined;
  // Keyed by the parse, not the tree: an incremental re-parse splices into the same tree.
  let model = tolerantModels.get(file.parsed);
  if (model === undefined) {
    // A half-typed file can have a list as a key: `toJS` would print a process warning for it.
    const logLevel = document.options.logLevel;
    try {
      document.options.logLevel = 'error';
      const value: unknown = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      model = isRecord(value) && KINDS.includes(value.kind as Kind) ? (value as unknown as QmsFile) : null;
    } catch {
      model = null;
    } finally {
      document.options.logLevel = logLevel;
    }
    tolerantModels.set(file.parsed, model);
  }
  return model ?? undefined;
}

/** The file with its model read tolerantly (for helpers that read `file.model`). */
export function tolerant(file: SourceFile): SourceFile {
  if (file.model) return file;
  const model = modelOf(file);
  return model ? { ...file, model } : file;
}

/**
 * `value` with `replacement` at `path`, copying only the containers on the way (the model is
 * shared with the linter). Undefined when the path does not lead anywhere in the value.
 */
export function withValueAt(value: unknown, path: readonly PathSegment[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === 'number' && head <= value.length) {
    const inner = withValueAt(value[head], rest, replacement);
    if (inner === undefined) return undefined;
    const copy = [...value];
    copy[head] = inner;
    return copy;
  }
  if (isRecord(value) && typeof head === 'string') {
    if (rest.length && !(head in value)) return undefined;
    const inner = withValueAt(value[head], rest, replacement);
    return inner === undefined ? undefined : { ...value, [head]: inner };
  }
  return undefined;
}

/** The span of a scalar's text: inside its quotes when quoted. */
export function textSpanOf(node: Scalar): OffsetSpan {
  const [start, end] = node.range ?? [0, 0];
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  return quoted && end - start >= 2 ? { start: start + 1, end: end - 1 } : { start, end };
}

/** The range of the id or code at `pointer` (its text, without quotes), when it is a scalar. */
export function idRangeAt(file: SourceFile, pointer: string): SourceRange | undefined {
  const node = resolvePointer(file.parsed, pointer).node;
  if (!node || !isScalar(node) || !node.range) return undefined;
  const span = textSpanOf(node);
  return rangeOfOffsets(file.parsed, span.start, span.end);
}

export function spanRange(file: SourceFile, span: OffsetSpan): SourceRange {
  return rangeOfOffsets(file.parsed, span.start, span.end);
}
