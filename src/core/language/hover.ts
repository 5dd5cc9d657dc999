import type { SourceFile } from '../model/source-file';
import type { Workspace } from '../model/workspace';
import { clauseText, describeSymbol, durationText } from './describe';
import { spanRange } from './model';
import { nodeAt } from './node-at';
import { descriptionOf, enumValues, schemaAt } from './schema';
import { fileKind, slotAt, symbolAt } from './symbols-at';
import { escapeMarkdown as md, same, type HoverResult } from './types';

/** Definitions of shared value kinds whose values are durations. */
const DURATIONS = new Set(['duration', 'workDuration', 'period']);

/**
 * Hover: on a key, what the schema says of the property; on an id or code, what it names; on a
 * clause number, its title and our paraphrase; on a duration, its working days.
 */
export function hover(workspace: Workspace, file: SourceFile, offset: number): HoverResult | undefined {
  const at = nodeAt(file, offset);
  if (!at?.node?.range) return undefined;
  const range = spanRange(file, { start: at.node.range[0], end: at.node.range[1] });
  const kind = fileKind(file);
  const schema = schemaAt(kind, at.path);

  if (at.on === 'key') {
    const description = schema && !schema.free && descriptionOf(schema);
    return description ? { contents: same(description), range } : undefined;
  }

  const symbol = symbolAt(workspace, file, offset);
  if (symbol) return { contents: describeSymbol(workspace, symbol.symbol), range };

  const value = at.node.value;
  if (slotAt(file, at.path) === 'clause' && (typeof value === 'string' || typeof value === 'number')) {
    return { contents: clauseText(workspace, String(value)), range };
  }
  if (schema?.definition && DURATIONS.has(schema.definition) && typeof value === 'string') {
    const text = durationText(workspace, value);
    if (text) return { contents: { en: `${md(value)} ${text.en}`, vi: `${md(value)} ${text.vi}` }, range };
  }
  // An enum value: the property's description usually explains every value.
  if (schema && enumValues(schema).includes(value as string)) {
    const description = descriptionOf(schema);
    if (description) return { contents: same(description), range };
  }
  return undefined;
}
