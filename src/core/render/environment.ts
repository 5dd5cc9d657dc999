import Handlebars from 'handlebars';
import type { Locale } from '../findings';
import { escapeMarkdown, cssString } from './escape';
import { formatDate, formatDuration, formatLongDate, twoDigits } from './format';
import { label } from './labels';
import { renderMarkdownHtml, sanitizeMarkdownSource } from './markdown';
import { TrustedMarkup } from './trusted';

/**
 * An isolated Handlebars environment per output format and locale (`Handlebars.create()`: no
 * global helper or partial leaks in or out). Templates are compiled strict: a field the view
 * model does not have is an error naming the template file and line. Everything printed is
 * escaped for the output format (HTML entities, or Markdown escapes) except `TrustedMarkup`,
 * which only the toolkit makes. Triple-stash `{{{…}}}` and `{{&…}}` are refused outright, so a
 * template cannot print data unescaped by mistake. Helpers are ours; a workspace can replace
 * templates and partials, never helpers.
 */

export type OutputFormat = 'html' | 'md';

/** A template or partial source, with the path errors should name. */
export interface TemplateSource {
  /** The name it is known by: `procedure` (a main template) or `header-block` (a partial; `header-block.md` for Markdown). */
  name: string;
  /** The path shown in errors: relative to the workspace for overrides, `<builtin>/vi/procedure.hbs` for built-ins. */
  displayPath: string;
  /** The Handlebars source. */
  text: string;
}

/** A template failed to compile or to render; the message starts with `file:line:column:`. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly template: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

interface Loc {
  start: { line: number; column: number };
}

/** Thrown by helpers; carries the helper call's position for the template error. */
class HelperError extends Error {
  constructor(
    message: string,
    readonly loc: Loc | undefined,
  ) {
    super(message);
  }
}

function toTemplateError(error: unknown, file: string): TemplateError {
  if (error instanceof TemplateError) return error;
  const e = error as { message?: string; lineNumber?: number; column?: number; loc?: Loc };
  let message = typeof e?.message === 'string' ? e.message : String(error);
  let line: number | undefined;
  let column: number | undefined;
  if (error instanceof HelperError && error.loc) {
    line = error.loc.start.line;
    column = error.loc.start.column + 1;
  } else if (typeof e?.lineNumber === 'number') {
    line = e.lineNumber;
    column = typeof e.column === 'number' ? e.column + 1 : undefined;
    message = message.replace(/ - \d+:\d+$/, '');
  } else {
    const parse = /Parse error on line (\d+)/.exec(message);
    if (parse) line = Number(parse[1]);
  }
  const nullRead = /^Cannot read properties of (null|undefined) \(reading '([^']+)'\)$/.exec(message);
  if (nullRead) message = `"${nullRead[2]}" read from a value that is ${nullRead[1]}: check the value first ({{#if …}}), the view model says which fields can be null`;
  const strict = /^"([^"]+)" not defined in (.*)$/s.exec(message);
  if (strict) message = `"${strict[1]}" is not a field of the view model here (${strict[2] === 'null' || strict[2] === 'undefined' ? `the value is ${strict[2]}` : 'see docs/templates.md for the fields'})`;
  const where = `${file}${line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ''}` : ''}`;
  return new TemplateError(`${where}: ${message}`, file, line, column);
}

/** The same contract as Handlebars' escaping (trusted markup as is, null as nothing), for Markdown. */
function markdownEscapeExpression(value: unknown): string {
  if (typeof value !== 'string') {
    if (value && typeof (value as { toHTML?: unknown }).toHTML === 'function') return (value as { toHTML(): string }).toHTML();
    if (value === null || value === undefined) return '';
    if (!value) return String(value);
    value = String(value);
  }
  return escapeMarkdown(value as string);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface HelperOptions {
  loc?: Loc;
  hash?: Record<string, unknown>;
}

function optionsOf(args: unknown[]): { values: unknown[]; options: HelperOptions } {
  const options = (args[args.length - 1] ?? {}) as HelperOptions;
  return { values: args.slice(0, -1), options };
}

/** The helpers every template gets. */
function registerHelpers(hb: typeof Handlebars, format: OutputFormat, locale: Locale): void {
  const fail = (options: HelperOptions, message: string): never => {
    throw new HelperError(message, options.loc);
  };

  /** `{{t "approval.prepared"}}`: a label in the document's language. */
  hb.registerHelper('t', (...args: unknown[]) => {
    const { values, options } = optionsOf(args);
    const key = values[0];
    if (typeof key !== 'string') return fail(options, 't: the label key must be a string, e.g. {{t "approval.prepared"}}');
    const text = label(key, locale);
    if (text === undefined) return fail(options, `t: there is no label "${key}" (docs/templates.md lists them)`);
    return text;
  });

  /** `{{date doc.effective}}`, `{{date doc.effective "long"}}`: a DateView or an ISO date in the locale's format. */
  hb.registerHelper('date', (...args: unknown[]) => {
    const { values, options } = optionsOf(args);
    if (!values.length) return fail(options, 'date: expects a date, e.g. {{date doc.effective}} (a field named date prints with {{date.text}})');
    const [value, style] = values;
    if (value === null || value === undefined || value === '') return '';
    const iso = isRecord(value) && typeof value.iso === 'string' ? value.iso : typeof value === 'string' ? value : fail(options, 'date: expects a date (a DateView or YYYY-MM-DD)');
    if (style !== undefined && style !== 'short' && style !== 'long') return fail(options, 'date: the style is "short" or "long"');
    return style === 'long' ? formatLongDate(iso, locale) : formatDate(iso, locale);
  });

  /** `{{duration step.duration}}`: a DurationView or a duration as written, in words. */
  hb.registerHelper('duration', (...args: unknown[]) => {
    const { values, options } = optionsOf(args);
    if (!values.length) return fail(options, 'duration: expects a duration, e.g. {{duration step.duration}} (a field named duration prints with {{duration.text}})');
    const value = values[0];
    if (value === null || value === undefined || value === '') return '';
    if (isRecord(value) && typeof value.text === 'string') return value.text;
    if (typeof value === 'string') return formatDuration(value, locale);
    return fail(options, 'duration: expects a duration (a DurationView or text such as "2 hours")');
  });

  /** `{{role step.role}}` (name), `{{role step.role "holder"}}`, `{{role step.role "display"}}`. */
  hb.registerHelper('role', (...args: unknown[]) => {
    const { values, options } = optionsOf(args);
    if (!values.length) return fail(options, 'role: expects a role, e.g. {{role step.role}} (a field named role prints with {{role.name}})');
    const [value, field] = values;
    if (value === null || value === undefined) return '';
    if (!isRecord(value)) return fail(options, 'role: expects a RoleView (for example step.role)');
    const key = field === undefined ? 'name' : field;
    if (key !== 'name' && key !== 'holder' && key !== 'display' && key !== 'unit' && key !== 'id') return fail(options, 'role: the field is "name", "holder", "display", "unit" or "id"');
    return String(value[key as string] ?? '');
  });

  /** `{{clause this}}`: a ClauseView, `8.5.1 Control of production and service provision`. */
  hb.registerHelper('clause', (...args: unknown[]) => {
    const { values, options } = optionsOf(args);
    const value = values[0];
    if (isRecord(value) && typeof value.display === 'string') return value.display;
    return fail(options, 'clause: expects a ClauseView (an item of doc.clauses)');
  });

  /** `{{pad no 2}}`: a number on at least N digits (`01`). */
  hb.registerHelper('pad', (...args: unknown[]) => {
    const { values, options } = optionsOf(args);
    const [value, width] = values;
    if (typeof value !== 'number') return fail(options, 'pad: expects a number');
    const digits = typeof width === 'number' ? width : 2;
    return digits === 2 ? twoDigits(value) : String(value).padStart(digits, '0');
  });

  /** `{{#if (eq a b)}}`. */
  hb.registerHelper('eq', (...args: unknown[]) => {
    const { values } = optionsOf(args);
    return values[0] === values[1];
  });

  /** `{{join list "; "}}`: strings joined (each escaped when printed). */
  hb.registerHelper('join', (...args: unknown[]) => {
    const { values, options } = optionsOf(args);
    const [items, separator] = values;
    if (!Array.isArray(items)) return fail(options, 'join: expects a list');
    return items.map((item) => (isRecord(item) && typeof item.name === 'string' ? item.name : String(item))).join(typeof separator === 'string' ? separator : ', ');
  });

  /** `{{markdown section.body}}`: HTML, rendered and sanitised; Markdown, passed through with raw HTML escaped. */
  hb.registerHelper('markdown', (...args: unknown[]) => {
    const { values, options } = optionsOf(args);
    const value = values[0];
    if (typeof value !== 'string') return fail(options, 'markdown: expects Markdown text (for example section.body)');
    return format === 'html' ? renderMarkdownHtml(value) : sanitizeMarkdownSource(value);
  });

  /**
   * `{{css-string doc.code}}`: a CSS string literal for generated content (the running header in
   * `@page` margin boxes); several arguments are joined. `</style>`, quotes and backslashes in the
   * data cannot escape the string.
   */
  hb.registerHelper('css-string', (...args: unknown[]) => {
    const { values, options } = optionsOf(args);
    const parts = values.map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : v === null || v === undefined ? '' : fail(options, 'css-string: expects text')));
    return TrustedMarkup.vouch(cssString(parts.join('')));
  });

  /** `{{fence flowchart.mermaid}}`: a Markdown code fence no backtick run in the text can close. */
  hb.registerHelper('fence', (...args: unknown[]) => {
    const { values } = optionsOf(args);
    const text = typeof values[0] === 'string' ? values[0] : '';
    let longest = 0;
    for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
    return TrustedMarkup.vouch('`'.repeat(Math.max(3, longest + 1)));
  });

  /** `{{codeblock flowchart.mermaid}}` in Markdown: text for a fenced code block, printed as is (a fence cannot be closed by it, see `fence`). */
  hb.registerHelper('codeblock', (...args: unknown[]) => {
    const { values, options } = optionsOf(args);
    const text = values[0];
    if (typeof text !== 'string') return fail(options, 'codeblock: expects text');
    return format === 'md' ? TrustedMarkup.vouch(text.replace(/\r\n?/g, '\n').replace(/\s+$/, '')) : text;
  });
}

/** Helpers Handlebars itself provides. */
const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'blockHelperMissing', 'helperMissing']);

interface AstNode {
  type: string;
  path?: { type: string; original?: unknown; parts?: string[] };
  params?: unknown[];
  hash?: unknown;
  escaped?: boolean;
  name?: { type: string; original?: unknown };
  loc?: Loc;
  body?: AstNode[];
  program?: { body: AstNode[] };
  inverse?: { body: AstNode[] };
}

/** Statically: no unescaped output, and every partial named literally exists. */
function checkTemplate(source: TemplateSource, partialNames: ReadonlySet<string>, hb: typeof Handlebars, helperNames: ReadonlySet<string>): void {
  let ast: { body: AstNode[] };
  try {
    ast = hb.parse(source.text) as unknown as { body: AstNode[] };
  } catch (error) {
    throw toTemplateError(error, source.displayPath);
  }
  // Inline partials ({{#*inline "name"}}) count as existing.
  const inlinePartials = new Set<string>();
  const collect = (nodes: AstNode[] | undefined) => {
    for (const node of nodes ?? []) {
      if (node.type === 'DecoratorBlock' && (node as unknown as { params: Array<{ value?: unknown }> }).params?.[0]?.value !== undefined) {
        inlinePartials.add(String((node as unknown as { params: Array<{ value: unknown }> }).params[0]!.value));
      }
      collect(node.program?.body);
      collect(node.inverse?.body);
    }
  };
  collect(ast.body);
  const visit = (nodes: AstNode[] | undefined) => {
    for (const node of nodes ?? []) {
      const at = node.loc?.start;
      const fail = (message: string) => {
        throw new TemplateError(`${source.displayPath}:${at?.line ?? '?'}:${(at?.column ?? 0) + 1}: ${message}`, source.displayPath, at?.line, at ? at.column + 1 : undefined);
      };
      if (node.type === 'MustacheStatement' && node.escaped === false) {
        fail('unescaped output ({{{…}}} or {{&…}}) is not allowed: use {{…}}; markup the toolkit makes (flowchart SVG, Markdown) is printed as is anyway');
      }
      const isCall = (node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression') && ((node.params?.length ?? 0) > 0 || node.hash !== undefined);
      if (isCall && node.path?.type === 'PathExpression' && node.path.parts?.length === 1) {
        const name = String(node.path.original);
        if (!helperNames.has(name) && !BUILTIN_HELPERS.has(name)) fail(`there is no helper "${name}": helpers are the toolkit's own (docs/templates.md lists them), templates cannot add any`);
      }
      for (const param of (node.params ?? []) as AstNode[]) if (param && typeof param === 'object' && param.type === 'SubExpression') visit([param]);
      if ((node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') && node.name?.type === 'PathExpression') {
        const name = String(node.name.original);
        if (!partialNames.has(name) && !inlinePartials.has(name)) fail(`there is no partial "${name}" (built-in partials: ${[...partialNames].sort().join(', ')})`);
      }
      visit(node.program?.body);
      visit(node.inverse?.body);
    }
  };
  visit(ast.body);
}

export interface RenderEnvironment {
  format: OutputFormat;
  locale: Locale;
  /** Renders a main template with a view model; errors are `TemplateError`s naming the file and line. */
  render(name: string, view: object): string;
  /** True when a main template of that name exists. */
  has(name: string): boolean;
}

type CompiledTemplate = (context: unknown, options?: unknown) => string;

/**
 * Compiles every template and partial of one format and locale. Compiling happens here, once
 * per generation; rendering is then a plain function call per document.
 */
export function createEnvironment(format: OutputFormat, locale: Locale, templates: readonly TemplateSource[], partials: readonly TemplateSource[]): RenderEnvironment {
  const hb = Handlebars.create();
  registerHelpers(hb, format, locale);
  const partialNames = new Set(partials.map((p) => p.name));
  const helperNames = new Set(Object.keys(hb.helpers));
  const compileOptions = { strict: true, preventIndent: true };

  const compile = (source: TemplateSource): CompiledTemplate => {
    checkTemplate(source, partialNames, hb, helperNames);
    let spec: string;
    try {
      spec = hb.precompile(source.text, compileOptions) as unknown as string;
    } catch (error) {
      throw toTemplateError(error, source.displayPath);
    }
    // Markdown output escapes for Markdown: Handlebars reads its escaping function when a
    // template is instantiated, so it is swapped for exactly that synchronous call.
    const utils = hb.Utils as unknown as { escapeExpression: (value: unknown) => string };
    const saved = utils.escapeExpression;
    if (format === 'md') utils.escapeExpression = markdownEscapeExpression;
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      return hb.template(new Function(`return ${spec}`)()) as unknown as CompiledTemplate;
    } finally {
      utils.escapeExpression = saved;
    }
  };

  for (const partial of partials) {
    const compiled = compile(partial);
    const wrapped: CompiledTemplate = (context, options) => {
      try {
        return compiled(context, options);
      } catch (error) {
        throw toTemplateError(error, partial.displayPath);
      }
    };
    hb.registerPartial(partial.name, wrapped as unknown as Handlebars.Template);
  }
  const mains = new Map<string, { source: TemplateSource; compiled: CompiledTemplate }>();
  for (const template of templates) mains.set(template.name, { source: template, compiled: compile(template) });

  return {
    format,
    locale,
    has: (name) => mains.has(name),
    render(name, view) {
      const main = mains.get(name);
      if (!main) throw new TemplateError(`no template "${name}" for ${format} (${locale})`, name, undefined, undefined);
      try {
        return main.compiled(view);
      } catch (error) {
        throw toTemplateError(error, main.source.displayPath);
      }
    },
  };
}

