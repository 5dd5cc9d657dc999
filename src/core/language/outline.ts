import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { LocalizedText, SourceRange } from '../findings';
import type { SourceFile } from '../model/source-file';
import { rangeOfOffsets } from '../yaml/parse';
import { keyText, rangeOfNode } from '../yaml/pointer';
import { fileKind } from './symbols-at';
import { same, type OutlineKind, type OutlineSymbol } from './types';

/**
 * The outline of a file, read from its syntax tree (so it stays while the file does not parse):
 * a procedure's header, service, steps (decisions marked), forms and records; a process's
 * inputs, outputs, KPIs and risks; qms.yaml's units, roles and externals.
 */
export function outline(file: SourceFile): OutlineSymbol[] {
  const root = file.parsed.document?.contents;
  if (!isMap(root)) return [];
  const kind = fileKind(file);
  const pairs = (root.items as Array<Pair<Node, Node | null>>).filter((p) => isPair(p) && isScalar(p.key) && !!p.key.range);
  const symbols: OutlineSymbol[] = [];
  const header: OutlineSymbol[] = [];
  let headerOpen = kind === 'procedure' || kind === 'document';
  for (const pair of pairs) {
    const key = keyText(pair.key) ?? '';
    const list = LISTS[kind ?? '']?.[key];
    if (list) {
      headerOpen = false;
      symbols.push(listSymbol(file, pair, key, list));
    } else if (kind === 'procedure' && key === 'service') {
      headerOpen = false;
      symbols.push({ ...fieldSymbol(file, pair, key, 'service'), children: childFields(file, pair.value) });
    } else if (headerOpen) {
      header.push(fieldSymbol(file, pair, key, 'field'));
    } else {
      symbols.push(fieldSymbol(file, pair, key, 'field'));
    }
  }
  if (header.length) {
    const title = pairs.find((p) => keyText(p.key) === 'code')?.value;
    symbols.unshift({
      name: { en: 'Header', vi: 'Phần đầu' },
      detail: isScalar(title) && title.value !== null ? same(String(title.value)) : undefined,
      kind: 'header',
      range: cover(file, header[0]!.range, header[header.length - 1]!.range),
      selectionRange: header[0]!.selectionRange,
      children: header,
    });
  }
  return symbols;
}

interface ListSpec {
  kind: OutlineKind;
  /** The item's own key: its id, code or name. */
  id: string;
  /** What follows the id in the name (`id — name`). */
  name?: string;
  /** A short second line. */
  detail?: (item: YAMLMap) => LocalizedText | undefined;
}

const entity: ListSpec = { kind: 'role', id: 'id', name: 'name' };

const LISTS: Record<string, Record<string, ListSpec>> = {
  system: {
    units: { ...entity, kind: 'unit' },
    roles: { ...entity, kind: 'role', detail: (item) => textOf(item, 'holder') },
    externals: { ...entity, kind: 'external' },
  },
  process: {
    inputs: { kind: 'input', id: 'name', detail: (item) => arrow('←', textOf(item, 'from')) },
    outputs: { kind: 'output', id: 'name', detail: (item) => arrow('→', textOf(item, 'to')) },
    kpis: { kind: 'kpi', id: 'name', detail: (item) => textOf(item, 'target') },
    risks: { kind: 'risk', id: 'id', name: 'description', detail: riskScore },
  },
  procedure: {
    steps: { kind: 'step', id: 'id', name: 'name', detail: stepDetail },
    forms: { kind: 'form', id: 'code', name: 'title' },
    records: { kind: 'record', id: 'code', name: 'title', detail: (item) => textOf(item, 'retention') },
  },
  document: {
    sections: { kind: 'section', id: 'title' },
  },
};

function listSymbol(file: SourceFile, pair: Pair<Node, Node | null>, key: string, spec: ListSpec): OutlineSymbol {
  const symbol = fieldSymbol(file, pair, key, 'list');
  const seq = pair.value;
  if (!isSeq(seq)) return symbol;
  symbol.children = seq.items.flatMap((item) => {
    if (!isMap(item) || !item.range) return [];
    const idNode = valueNode(item, spec.id);
    const id = idNode && isScalar(idNode) && idNode.value !== null ? String(idNode.value) : undefined;
    const label = spec.name ? textOf(item, spec.name, false)?.en : undefined;
    const name = (id && label ? `${id} — ${label}` : id || label) || '?';
    const decision = spec.kind === 'step' && valueNode(item, 'decision') !== undefined;
    const range = rangeOfNode(file.parsed, item);
    const selectionRange = idNode?.range ? rangeOfNode(file.parsed, idNode) : range;
    return [{ name: same(decision ? `◇ ${name}` : name), detail: spec.detail?.(item), kind: decision ? 'decision' : spec.kind, range, selectionRange, children: [] }];
  });
  return symbol;
}

function fieldSymbol(file: SourceFile, pair: Pair<Node, Node | null>, key: string, kind: OutlineKind): OutlineSymbol {
  const keyRange = rangeOfNode(file.parsed, pair.key!);
  const value = pair.value;
  const range = value?.range && value.range[1] > value.range[0] ? cover(file, keyRange, rangeOfNode(file.parsed, value)) : keyRange;
  const detail = isScalar(value) && value.value !== null && kind === 'field' ? same(oneLine(String(value.value))) : undefined;
  // An editor refuses a symbol without a name (a key being typed can be empty).
  return { name: same(key || '?'), detail, kind, range, selectionRange: keyRange, children: [] };
}

function childFields(file: SourceFile, value: Node | null): OutlineSymbol[] {
  if (!isMap(value)) return [];
  return value.items.flatMap((pair) => (isPair(pair) && isScalar(pair.key) && pair.key.range ? [fieldSymbol(file, pair as Pair<Node, Node | null>, keyText(pair.key) ?? '', 'field')] : []));
}

function valueNode(map: YAMLMap, key: string): Node | undefined {
  const pair = map.items.find((p) => isPair(p) && keyText(p.key) === key);
  return pair && isPair(pair) ? ((pair.value as Node | null) ?? undefined) : undefined;
}

function textOf(map: YAMLMap, key: string, shorten = true): LocalizedText | undefined {
  const node = valueNode(map, key);
  return isScalar(node) && node.value !== null && node.value !== '' ? same(oneLine(String(node.value), shorten)) : undefined;
}

function arrow(symbol: string, text: LocalizedText | undefined): LocalizedText | undefined {
  return text && same(`${symbol} ${text.en}`);
}

function stepDetail(item: YAMLMap): LocalizedText | undefined {
  const decision = textOf(item, 'decision');
  if (decision) return decision;
  const parts = [textOf(item, 'role')?.en, textOf(item, 'duration')?.en].filter(Boolean);
  return parts.length ? same(parts.join(' · ')) : undefined;
}

function riskScore(item: YAMLMap): LocalizedText | undefined {
  const likelihood = valueNode(item, 'likelihood');
  const impact = valueNode(item, 'impact');
  if (!isScalar(likelihood) || !isScalar(impact) || typeof likelihood.value !== 'number' || typeof impact.value !== 'number') return undefined;
  const score = likelihood.value * impact.value;
  return { en: `score ${score} (${likelihood.value} × ${impact.value})`, vi: `điểm ${score} (${likelihood.value} × ${impact.value})` };
}

/** Names stay whole; details and values shown beside them are cut at 80 characters. */
function oneLine(text: string, shorten = true): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return shorten && flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

function cover(file: SourceFile, from: SourceRange, to: SourceRange): SourceRange {
  return rangeOfOffsets(file.parsed, from.start.offset, Math.max(from.end.offset, to.end.offset));
}
