import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { SourceRange } from '../findings';
import { rangeOfOffsets, type ParsedYaml } from './parse';

/**
 * JSON pointers ("/steps/2/role") are how the schema validator and the rules name a place in a
 * file; this module turns them into AST nodes and source ranges.
 */

export interface PointerTarget {
  /** The node at the pointer (undefined when the pointer goes past what exists). */
  node: Node | undefined;
  /** The mapping pair holding the node, when its parent is a mapping. */
  pair: Pair<Node, Node | null> | undefined;
  /** How many pointer segments were resolved. */
  depth: number;
  /** The deepest existing node on the way (the node itself when fully resolved). */
  deepest: Node | undefined;
  /** The pair that holds `deepest`, when its parent is a mapping. */
  deepestPair: Pair<Node, Node | null> | undefined;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function resolvePointer(parsed: ParsedYaml, pointer: string | ReadonlyArray<string | number>): PointerTarget {
  const segments = typeof pointer === 'string' ? splitPointer(pointer) : pointer.map(String);
  let node: Node | undefined = parsed.document?.contents ?? undefined;
  let pair: Pair<Node, Node | null> | undefined;
  let depth = 0;
  let deepest: Node | undefined = node;
  let deepestPair: Pair<Node, Node | null> | undefined;
  for (const segment of segments) {
    const container = dereference(parsed, node);
    let next: Node | undefined;
    let nextPair: Pair<Node, Node | null> | undefined;
    if (isMap(container)) {
      nextPair = container.items.find((item) => isPair(item) && keyText(item.key) === segment) as Pair<Node, Node | null> | undefined;
      next = nextPair ? ((nextPair.value as Node | null) ?? undefined) : undefined;
      if (nextPair && !next) {
        // `key:` with nothing after it: the pair exists, its value is an implicit null.
        depth++;
        return { node: undefined, pair: nextPair, depth, deepest: nextPair.key as Node, deepestPair: nextPair };
      }
    } else if (isSeq(container) && /^\d+$/.test(segment)) {
      next = (container.items[Number(segment)] as Node | undefined) ?? undefined;
      nextPair = undefined;
    }
    if (!next) return { node: undefined, pair: undefined, depth, deepest, deepestPair };
    node = next;
    pair = nextPair;
    depth++;
    deepest = next;
    deepestPair = nextPair;
  }
  return { node, pair, depth, deepest, deepestPair };
}

function dereference(parsed: ParsedYaml, node: Node | undefined | null): Node | undefined {
  if (node && isAlias(node) && parsed.document) return (node.resolve(parsed.document) as Node | undefined) ?? undefined;
  return node ?? undefined;
}

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

/** The source range of a node (its value, without trailing comments). */
export function rangeOfNode(parsed: ParsedYaml, node: Node): SourceRange {
  const [start, valueEnd] = node.range ?? [0, 0];
  // Block scalars (`>-`, `|`) own the line breaks after their text; a range never ends in them.
  let end = valueEnd;
  while (end > start && /\s/.test(parsed.text[end - 1]!)) end--;
  return rangeOfOffsets(parsed, start, end);
}

export type RangeTarget = 'value' | 'key';

/**
 * The range a finding about `pointer` should cover. `key` asks for the property name (unknown
 * property, missing child), `value` for the value itself. When the pointer goes past what
 * exists, the deepest existing node is used: never "line 1" while a better node exists.
 */
export function rangeAtPointer(parsed: ParsedYaml, pointer: string | ReadonlyArray<string | number>, target: RangeTarget = 'value'): SourceRange {
  const found = resolvePointer(parsed, pointer);
  const segments = typeof pointer === 'string' ? splitPointer(pointer) : pointer;
  const complete = found.depth === segments.length;
  if (complete && found.pair && (target === 'key' || !found.node || isEmptyNode(found.node))) {
    return rangeOfNode(parsed, found.pair.key as Node);
  }
  if (complete && found.node) {
    if (target === 'key') return rangeOfNode(parsed, headOf(found.node));
    return rangeOfNode(parsed, found.node);
  }
  if (found.deepestPair) return rangeOfNode(parsed, found.deepestPair.key as Node);
  if (found.deepest) return rangeOfNode(parsed, headOf(found.deepest));
  return rangeOfOffsets(parsed, 0, 0);
}

/**
 * Where to point for a whole collection that has no key of its own (a list item, the root):
 * its first key, so the squiggle sits on one line instead of covering the whole block.
 */
export function headOf(node: Node): Node {
  if (isMap(node)) {
    const first = node.items[0];
    if (first && isPair(first) && first.key) return first.key as Node;
  }
  return node;
}

function isEmptyNode(node: Node): boolean {
  if (isCollection(node)) return false;
  const [start, end] = node.range ?? [0, 0];
  return end <= start;
}

/** The pointer to a key-less parent mapping's location, for "missing property" findings. */
export function rangeForMissingProperty(parsed: ParsedYaml, parentPointer: string | ReadonlyArray<string | number>): SourceRange {
  return rangeAtPointer(parsed, parentPointer, 'key');
}
