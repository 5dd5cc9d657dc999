/**
 * When only node labels changed between two Mermaid texts (the user is typing a step's name), the
 * picture on screen can show the new words at once: the layout cannot have changed in any way
 * the reader needs before Mermaid's full render (over a second for 100 steps) replaces it.
 *
 * Reads the Mermaid that src/core/diagram writes: one node per line, `id<open>"label"<close>`,
 * labels escaped as `#code;` with `<br/>` between lines (src/core/diagram/mermaid.ts).
 */

/** `  s3("label")`, `  d1{"label"}`, `  st(["Start"])`, `  f0[/"label"/]`, … with nothing after but a class. */
const NODE_LINE = /^(\s*[A-Za-z][\w-]*)(\(\[|\(\(|\[\[|\[\/|\[\\|\{\{|\(|\[|\{|>)"([^"]*)"(\]\)|\)\)|\]\]|\/\]|\\\]|\}\}|\)|\]|\})(:::[\w-]+)?\s*$/;

const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };

/** A label's lines as the reader sees them (codes decoded, `<br/>` splits). */
export function labelLines(escaped: string): string[] {
  return escaped.split('<br/>').map((line) =>
    line.replace(/#(\d+|[a-z]+);/g, (code, name: string) => {
      if (/^\d+$/.test(name)) return String.fromCodePoint(Number(name));
      return NAMED[name] ?? code;
    }),
  );
}

/**
 * The new lines of each node whose label changed, when that is all that changed (same lines
 * otherwise, same node ids, shapes and order); undefined when anything else differs.
 */
export function labelOnlyChanges(before: string, after: string): Map<string, string[]> | undefined {
  if (before === after) return new Map();
  const old = before.split('\n');
  const next = after.split('\n');
  if (old.length !== next.length) return undefined;
  const changes = new Map<string, string[]>();
  for (let i = 0; i < old.length; i++) {
    if (old[i] === next[i]) continue;
    const a = NODE_LINE.exec(old[i]!);
    const b = NODE_LINE.exec(next[i]!);
    if (!a || !b || a[1] !== b[1] || a[2] !== b[2] || a[4] !== b[4] || a[5] !== b[5]) return undefined;
    changes.set(b[1]!.trim(), labelLines(b[3]!));
  }
  return changes;
}
