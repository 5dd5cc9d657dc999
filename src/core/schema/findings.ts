import type { Finding, LocalizedText } from '../findings';
import type { ParsedYaml } from '../yaml/parse';
import { rangeAtPointer, splitPointer, joinPointer } from '../yaml/pointer';
import { closestMatch } from './did-you-mean';
import { validateValue, type SchemaError } from './validator';

/**
 * Turns ajv's errors into the findings a person would write: one per real problem, on the node
 * it is about, in English and Vietnamese.
 */
export function schemaFindings(parsed: ParsedYaml): Finding[] {
  if (parsed.value === undefined) return [];
  return schemaErrorsToFindings(parsed, validateValue(parsed.value));
}

export function schemaErrorsToFindings(parsed: ParsedYaml, errors: SchemaError[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const collapsed = collapseErrors(errors);
  const misspelt = misspeltRequiredProperties(collapsed);
  for (const error of collapsed) {
    // `revison: 1` is one problem (a typo), not two (unknown `revison`, missing `revision`).
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}|${String(error.params.missingProperty)}`)) continue;
    const finding = toFinding(parsed, error);
    const key = `${finding.ruleId}|${finding.range.start.offset}|${finding.range.end.offset}|${finding.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

function knownProperties(error: SchemaError): string[] {
  return Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
}

/** `path|property` of required properties that an unknown property nearby is a typo of. */
function misspeltRequiredProperties(errors: SchemaError[]): Set<string> {
  const missing = new Set(errors.filter((e) => e.keyword === 'required').map((e) => `${e.instancePath}|${String(e.params.missingProperty)}`));
  const misspelt = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const suggestion = closestMatch(String(error.params.additionalProperty), knownProperties(error));
    const key = `${error.instancePath}|${suggestion}`;
    if (suggestion && missing.has(key)) misspelt.add(key);
  }
  return misspelt;
}

/**
 * ajv reports every branch of an `anyOf` that failed, then the `anyOf` itself, and an `if`
 * error next to each failing `then`. Keep what a person needs:
 * - `if` errors go (the `then` errors say what is wrong);
 * - for an `anyOf` whose value has the type of one branch, keep that branch's errors;
 *   when no branch has the value's type, keep a single type error listing every allowed type.
 */
export function collapseErrors(errors: SchemaError[]): SchemaError[] {
  const dropped = new Set<SchemaError>();
  const replacements = new Map<SchemaError, SchemaError>();
  errors.forEach((error, index) => {
    if (error.keyword === 'if') {
      dropped.add(error);
      return;
    }
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') return;
    dropped.add(error);
    const path = error.instancePath;
    const run: SchemaError[] = [];
    for (let i = index - 1; i >= 0; i--) {
      const candidate = errors[i]!;
      if (candidate.instancePath !== path && !candidate.instancePath.startsWith(path + '/')) break;
      run.push(candidate);
    }
    const typeMismatchesHere = run.filter((e) => e.keyword === 'type' && e.instancePath === path);
    const branches = Array.isArray(error.schema) ? (error.schema as Array<{ type?: string }>) : [];
    const branchTypes = branches.map((b) => b.type).filter((t): t is string => typeof t === 'string');
    const valueMatchesABranch = branchTypes.some((t) => jsonTypeMatches(error.data, t));
    if (valueMatchesABranch) {
      for (const e of typeMismatchesHere) dropped.add(e);
    } else {
      for (const e of run) dropped.add(e);
      replacements.set(error, { ...error, keyword: 'type', params: { type: branchTypes.join(',') } });
    }
  });
  // A value failing its pattern fails its format too (`01/03/2026`): one finding says it.
  const patternFailures = new Set(errors.filter((e) => e.keyword === 'pattern').map((e) => e.instancePath));
  for (const error of errors) if (error.keyword === 'format' && patternFailures.has(error.instancePath)) dropped.add(error);
  const result: SchemaError[] = [];
  for (const error of errors) {
    const replacement = replacements.get(error);
    if (replacement) result.push(replacement);
    else if (!dropped.has(error)) result.push(error);
  }
  return result;
}

function jsonTypeMatches(value: unknown, type: string): boolean {
  switch (type) {
    case 'null': return value === null;
    case 'array': return Array.isArray(value);
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'number': return typeof value === 'number';
    default: return typeof value === type;
  }
}

const TYPE_NAMES: Record<string, LocalizedText> = {
  string: { en: 'text', vi: 'chuỗi văn bản' },
  number: { en: 'a number', vi: 'một số' },
  integer: { en: 'a whole number', vi: 'một số nguyên' },
  boolean: { en: '`true` or `false`', vi: '`true` hoặc `false`' },
  array: { en: 'a list', vi: 'một danh sách' },
  object: { en: 'a mapping of properties', vi: 'một ánh xạ thuộc tính' },
  null: { en: 'empty', vi: 'rỗng' },
};

function typeList(types: string, locale: 'en' | 'vi'): string {
  const or = locale === 'en' ? ' or ' : ' hoặc ';
  return types.split(',').map((t) => TYPE_NAMES[t]?.[locale] ?? t).join(or);
}

/** `/steps/2/duration` → `steps[2].duration`: how people name a place in a YAML file. */
export function readablePath(pointer: string): string {
  let out = '';
  for (const segment of splitPointer(pointer)) out += /^\d+$/.test(segment) ? `[${segment}]` : out ? `.${segment}` : segment;
  return out || '(root)';
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function hintOf(error: SchemaError): LocalizedText | undefined {
  const hint = (error.parentSchema as { 'x-hint'?: LocalizedText } | undefined)?.['x-hint'];
  return hint && typeof hint.en === 'string' && typeof hint.vi === 'string' ? hint : undefined;
}

function toFinding(parsed: ParsedYaml, error: SchemaError): Finding {
  const ruleId = `schema/${error.keyword}`;
  const where = readablePath(error.instancePath);
  const base = { ruleId, severity: 'error' as const, file: parsed.file };
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const property = String(params.missingProperty);
      const inside = error.instancePath ? { en: ` in \`${where}\``, vi: ` trong \`${where}\`` } : { en: '', vi: '' };
      return {
        ...base,
        range: rangeAtPointer(parsed, error.instancePath, 'key'),
        message: {
          en: `Missing required property \`${property}\`${inside.en}. Add \`${property}:\` with a value.`,
          vi: `Thiếu thuộc tính bắt buộc \`${property}\`${inside.vi}. Hãy thêm \`${property}:\` và giá trị.`,
        },
      };
    }
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const known = knownProperties(error);
      const suggestion = closestMatch(property, known);
      const pointer = joinPointer([...splitPointer(error.instancePath), property]);
      return {
        ...base,
        range: rangeAtPointer(parsed, pointer, 'key'),
        message: suggestion
          ? {
              en: `Unknown property \`${property}\`: did you mean \`${suggestion}\`?`,
              vi: `Thuộc tính không hợp lệ \`${property}\`: có phải ý bạn là \`${suggestion}\`?`,
            }
          : {
              en: `Unknown property \`${property}\`. Allowed here: ${known.map((k) => `\`${k}\``).join(', ')}.`,
              vi: `Thuộc tính không hợp lệ \`${property}\`. Các thuộc tính được phép: ${known.map((k) => `\`${k}\``).join(', ')}.`,
            },
      };
    }
    case 'type': {
      const types = String(params.type);
      const empty = error.data === null;
      return {
        ...base,
        range: rangeAtPointer(parsed, error.instancePath, 'value'),
        message: empty
          ? { en: `\`${where}\` has no value; it must be ${typeList(types, 'en')}.`, vi: `\`${where}\` chưa có giá trị; giá trị phải là ${typeList(types, 'vi')}.` }
          : { en: `\`${where}\` must be ${typeList(types, 'en')}.`, vi: `\`${where}\` phải là ${typeList(types, 'vi')}.` },
      };
    }
    case 'enum': {
      const allowed = ((params.allowedValues as unknown[]) ?? []).map((v) => `\`${String(v)}\``).join(', ');
      return {
        ...base,
        range: rangeAtPointer(parsed, error.instancePath, 'value'),
        message: {
          en: `\`${describeValue(error.data)}\` is not an allowed value for \`${where}\`. Use one of: ${allowed}.`,
          vi: `\`${describeValue(error.data)}\` không phải giá trị hợp lệ của \`${where}\`. Dùng một trong: ${allowed}.`,
        },
      };
    }
    case 'pattern':
    case 'format': {
      const hint = hintOf(error) ?? formatHint(error);
      return {
        ...base,
        range: rangeAtPointer(parsed, error.instancePath, 'value'),
        message: {
          en: `\`${describeValue(error.data)}\` in \`${where}\` is not valid: it must be ${hint.en}.`,
          vi: `\`${describeValue(error.data)}\` tại \`${where}\` không hợp lệ: giá trị phải là ${hint.vi}.`,
        },
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const comparison = String(params.comparison);
      const limit = String(params.limit);
      return {
        ...base,
        range: rangeAtPointer(parsed, error.instancePath, 'value'),
        message: {
          en: `\`${where}\` is ${describeValue(error.data)}; it must be ${comparison} ${limit}.`,
          vi: `\`${where}\` bằng ${describeValue(error.data)}; giá trị phải ${comparison} ${limit}.`,
        },
      };
    }
    case 'minItems':
      return {
        ...base,
        range: rangeAtPointer(parsed, error.instancePath, 'value'),
        message: {
          en: `\`${where}\` must list at least ${String(params.limit)} item(s).`,
          vi: `\`${where}\` phải có ít nhất ${String(params.limit)} mục.`,
        },
      };
    case 'uniqueItems':
      return {
        ...base,
        range: rangeAtPointer(parsed, joinPointer([...splitPointer(error.instancePath), String(params.i)]), 'value'),
        message: {
          en: `\`${where}\` lists the same value twice (items ${Number(params.j) + 1} and ${Number(params.i) + 1}). Remove the repeat.`,
          vi: `\`${where}\` có giá trị bị lặp (mục ${Number(params.j) + 1} và ${Number(params.i) + 1}). Hãy xóa mục lặp.`,
        },
      };
    case 'propertyNames':
      return {
        ...base,
        range: rangeAtPointer(parsed, joinPointer([...splitPointer(error.instancePath), String(params.propertyName)]), 'key'),
        message: {
          en: `\`${String(params.propertyName)}\` is not a valid name in \`${where}\`.`,
          vi: `\`${String(params.propertyName)}\` không phải tên hợp lệ trong \`${where}\`.`,
        },
      };
    default:
      return {
        ...base,
        range: rangeAtPointer(parsed, error.instancePath, 'value'),
        message: { en: `\`${where}\` ${error.message ?? 'is not valid'}.`, vi: `\`${where}\` không hợp lệ (${error.message ?? error.keyword}).` },
      };
  }
}

function formatHint(error: SchemaError): LocalizedText {
  if (error.keyword === 'format' && (error.params as { format?: string }).format === 'date') {
    return { en: 'a real calendar date written `YYYY-MM-DD`', vi: 'một ngày có thật, viết dạng `YYYY-MM-DD`' };
  }
  return { en: `text matching \`${String((error.params as { pattern?: string }).pattern ?? error.schema)}\``, vi: `chuỗi khớp mẫu \`${String((error.params as { pattern?: string }).pattern ?? error.schema)}\`` };
}
