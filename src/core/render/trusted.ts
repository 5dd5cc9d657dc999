/**
 * Markup the toolkit made itself and vouches for: the flowchart SVG drawn by our renderer, and
 * Markdown rendered and sanitised by `markdown.ts`. Handlebars prints an object with a
 * `toHTML()` method without escaping it, so this is the ONLY way anything reaches an output
 * unescaped. Templates cannot create one (they run no code); view models hold them only where
 * their TSDoc says so; workspace data never becomes one except through the sanitiser.
 */
const BRAND = Symbol('qmskit.trusted');

export class TrustedMarkup {
  readonly [BRAND] = true;
  private constructor(private readonly markup: string) {}

  /** Called by Handlebars' escaping: the markup as is. */
  toHTML(): string {
    return this.markup;
  }

  toString(): string {
    return this.markup;
  }

  /** Internal: only the renderer's own modules call this, on markup they produced. */
  static vouch(markup: string): TrustedMarkup {
    return new TrustedMarkup(markup);
  }
}

export function isTrusted(value: unknown): value is TrustedMarkup {
  return value instanceof TrustedMarkup;
}
