/**
 * The JSON Schemas under `schemas/` are the machine form of docs FORMAT.md. These tests compile them
 * the way QMS Kit does (Ajv 2020-12, strict, allErrors, verbose, our two annotation keywords), check
 * that the FORMAT.md examples are valid, that the value formats (durations, dates, clauses,
 * retention) accept and reject what the spec says, and that the schemas follow the conventions the
 * linter relies on (descriptions on every property, an `x-hint` beside every `pattern`,
 * `additionalProperties: false` on every object, `anyOf` only with typed inline branches).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
// Fixture documents are mutated freely in the tests below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));
const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/format-examples/', import.meta.url));
const BASE = 'https://qmskit.dev/schemas/';
const SCHEMA_NAMES = ['common', 'system', 'process', 'procedure', 'document', 'qms'] as const;
type SchemaName = (typeof SCHEMA_NAMES)[number];
const ENTRY = `${BASE}qms.schema.json`;
const COMMON = `${BASE}common.schema.json`;

const schemas: Record<SchemaName, JsonObject> = Object.fromEntries(
  SCHEMA_NAMES.map((name) => [
    name,
    JSON.parse(readFileSync(`${SCHEMA_DIR}${name}.schema.json`, 'utf8')) as JsonObject,
  ]),
) as Record<SchemaName, JsonObject>;

function makeAjv(messages: string[] = []): Ajv2020 {
  const record = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    verbose: true,
    logger: { log: record, warn: record, error: record },
  });
  addFormats(ajv);
  ajv.addVocabulary(['markdownDescription', 'x-hint']);
  for (const name of SCHEMA_NAMES) ajv.addSchema(schemas[name]);
  return ajv;
}

const ajv = makeAjv();
const entry = ajv.getSchema(ENTRY) as ValidateFunction;

function validate(doc: unknown): ErrorObject[] {
  entry(doc);
  return entry.errors ? [...entry.errors] : [];
}

/** [instancePath, keyword] of every error, for readable assertions. */
function where(errors: ErrorObject[]): [string, string][] {
  return errors.map((e) => [e.instancePath, e.keyword]);
}

function parseYaml(text: string): Doc {
  return parse(text, { version: '1.2', schema: 'core' });
}

const FIXTURE_FILES = ['qms.yaml', 'process.qms.yaml', 'procedure.qms.yaml', 'document.qms.yaml'];
const fixtures: Record<string, Doc> = Object.fromEntries(
  FIXTURE_FILES.map((f) => [f, parseYaml(readFileSync(`${FIXTURE_DIR}${f}`, 'utf8'))]),
);

/** A deep copy of a fixture, changed by `change`. */
function variant(file: string, change: (doc: Doc) => void): Doc {
  const doc = structuredClone(fixtures[file]);
  change(doc);
  return doc;
}

const system = (change: (doc: Doc) => void) => variant('qms.yaml', change);
const processDoc = (change: (doc: Doc) => void) => variant('process.qms.yaml', change);
const procedure = (change: (doc: Doc) => void) => variant('procedure.qms.yaml', change);
const documentDoc = (change: (doc: Doc) => void) => variant('document.qms.yaml', change);

/** Every schema object in a schema file, with its JSON pointer. */
function* schemaNodes(node: Json, pointer = ''): Generator<[string, JsonObject]> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* schemaNodes(node[i], `${pointer}/${i}`);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  yield [pointer, node];
  for (const [key, value] of Object.entries(node)) {
    // Annotations are data, not subschemas.
    if (key === 'x-hint' || key === 'examples' || key === 'enum' || key === 'const') continue;
    yield* schemaNodes(value, `${pointer}/${key}`);
  }
}

function* allSchemaNodes(): Generator<[string, string, JsonObject]> {
  for (const name of SCHEMA_NAMES) {
    for (const [pointer, node] of schemaNodes(schemas[name])) yield [name, pointer, node];
  }
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// ------------------------------------------------------------------------------------------------

describe('schemas compile', () => {
  it('every schema compiles under strict mode with no warnings', () => {
    const messages: string[] = [];
    const strictAjv = makeAjv(messages);
    for (const name of SCHEMA_NAMES) {
      expect(strictAjv.getSchema(`${BASE}${name}.schema.json`), name).toBeTypeOf('function');
    }
    expect(messages).toEqual([]);
  });

  it('every schema has the $id of its file and the 2020-12 dialect', () => {
    for (const name of SCHEMA_NAMES) {
      expect(schemas[name].$id).toBe(`${BASE}${name}.schema.json`);
      expect(schemas[name].$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('every $ref to another file uses the absolute https://qmskit.dev/schemas/ id', () => {
    for (const [name, pointer, node] of allSchemaNodes()) {
      const ref = node.$ref;
      if (typeof ref !== 'string') continue;
      expect(ref.startsWith('#') || ref.startsWith(BASE), `${name}${pointer}: ${ref}`).toBe(true);
    }
  });
});

describe('FORMAT.md examples', () => {
  it('the fixture folder holds the four examples', () => {
    expect(readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.yaml')).sort()).toEqual(
      [...FIXTURE_FILES].sort(),
    );
  });

  it.each([
    ['qms.yaml', 'system'],
    ['process.qms.yaml', 'process'],
    ['procedure.qms.yaml', 'procedure'],
    ['document.qms.yaml', 'document'],
  ])('%s (kind: %s) validates with no errors', (file, kind) => {
    expect(fixtures[file].kind).toBe(kind);
    expect(validate(fixtures[file])).toEqual([]);
  });

  it('YAML 1.2 core keeps dates as strings', () => {
    expect(fixtures['procedure.qms.yaml'].effective).toBe('2026-03-01');
    expect(fixtures['qms.yaml'].calendar.holidays[0]).toBe('2026-01-01');
  });
});

describe('kind', () => {
  it('kind: widget gives exactly one error, enum on /kind', () => {
    const errors = validate({ ...fixtures['procedure.qms.yaml'], kind: 'widget' });
    expect(where(errors)).toEqual([['/kind', 'enum']]);
  });

  it('a missing kind gives exactly one error, required at the root', () => {
    const doc = structuredClone(fixtures['procedure.qms.yaml']);
    delete doc.kind;
    const errors = validate(doc);
    expect(where(errors)).toEqual([['', 'required']]);
    expect(errors[0].params).toEqual({ missingProperty: 'kind' });
  });

  it.each([[null], [[]], ['kind: procedure']])('a root that is not a mapping (%j) gives one type error', (doc) => {
    expect(where(validate(doc))).toEqual([['', 'type']]);
  });

  it('the kind selects the schema: a process file with procedure fields fails', () => {
    const errors = validate({ ...fixtures['process.qms.yaml'], steps: [] });
    expect(errors).toContainEqual(
      expect.objectContaining({ instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'steps' } }),
    );
  });
});

describe('unknown properties are errors', () => {
  const cases: [string, Doc, string, string][] = [
    ['system root', system((d) => (d.colour = 'red')), '', 'colour'],
    ['system organization', system((d) => (d.organization.logo = 'x.png')), '/organization', 'logo'],
    ['system calendar', system((d) => (d.calendar.weekends = ['sat'])), '/calendar', 'weekends'],
    ['system role', system((d) => (d.roles[0].email = 'a@b.c')), '/roles/0', 'email'],
    ['system templates', system((d) => (d.templates = { flowchart: 'x.hbs' })), '/templates', 'flowchart'],
    ['process root', processDoc((d) => (d.ownr = 'x')), '', 'ownr'],
    ['process risk', processDoc((d) => (d.risks[0].owner = 'x')), '/risks/0', 'owner'],
    ['procedure root', procedure((d) => (d.titel = 'x')), '', 'titel'],
    ['procedure step', procedure((d) => (d.steps[0].responsible = 'mot-cua')), '/steps/0', 'responsible'],
    ['procedure branch', procedure((d) => (d.steps[1].branches[0].label = 'x')), '/steps/1/branches/0', 'label'],
    ['procedure record', procedure((d) => (d.records[0].retension = '10 years')), '/records/0', 'retension'],
    ['procedure form', procedure((d) => (d.forms[0].path = 'x')), '/forms/0', 'path'],
    ['procedure service', procedure((d) => (d.service.fees = 0)), '/service', 'fees'],
    ['procedure dossier item', procedure((d) => (d.service.dossier[0].original = 1)), '/service/dossier/0', 'original'],
    ['procedure approval', procedure((d) => (d.approval.checked = {})), '/approval', 'checked'],
    ['procedure approval entry', procedure((d) => (d.approval.prepared.name = 'x')), '/approval/prepared', 'name'],
    ['procedure history entry', procedure((d) => (d.history[0].author = 'x')), '/history/0', 'author'],
    ['document root', documentDoc((d) => (d.body = 'x')), '', 'body'],
    ['document section', documentDoc((d) => (d.sections[0].level = 2)), '/sections/0', 'level'],
  ];

  it.each(cases)('%s', (_label, doc, path, property) => {
    const errors = validate(doc);
    expect(errors).toContainEqual(
      expect.objectContaining({
        instancePath: path,
        keyword: 'additionalProperties',
        params: { additionalProperty: property },
      }),
    );
  });
});

describe('durations', () => {
  const goodWork = [
    '0 minutes',
    '30 minutes',
    '1 minute',
    '0.5 working days',
    '1 hour',
    '1 hours',
    '2 hours',
    '2 working day',
    '1 working day',
    '15 days',
    '1 day',
    '3 ngày làm việc',
    '03 ngày làm việc',
    '15 ngày',
    '2 giờ',
    '30 phút',
  ];
  const badWork = ['2 hrs', 'two hours', '-1 hours', '2', '2hours', '1.5', 'hours', '0,5 working days', '.5 hours', '1 month', '1 year', ''];

  it.each(goodWork)('step duration %j passes', (value) => {
    expect(validate(procedure((d) => (d.steps[0].duration = value)))).toEqual([]);
  });

  it.each(badWork)('step duration %j fails with a pattern error that carries an x-hint', (value) => {
    const errors = validate(procedure((d) => (d.steps[0].duration = value)));
    const error = errors.find((e) => e.instancePath === '/steps/0/duration' && e.keyword === 'pattern');
    expect(error, JSON.stringify(where(errors))).toBeDefined();
    const hint = (error?.parentSchema as JsonObject | undefined)?.['x-hint'] as JsonObject | undefined;
    expect(hint?.en).toMatch(/working days/);
    expect(hint?.vi).toMatch(/ngày làm việc/);
  });

  it('a step duration that is a number fails with type', () => {
    expect(where(validate(procedure((d) => (d.steps[0].duration = 2))))).toContainEqual(['/steps/0/duration', 'type']);
  });

  it.each(['1 working day', '0.5 working days', '3 ngày làm việc'])('service time_limit %j passes', (value) => {
    expect(validate(procedure((d) => (d.service.time_limit = value)))).toEqual([]);
  });

  it.each(['1 month', '2 hrs', 'same day'])('service time_limit %j fails', (value) => {
    expect(where(validate(procedure((d) => (d.service.time_limit = value))))).toContainEqual([
      '/service/time_limit',
      'pattern',
    ]);
  });

  it.each(['1 year', '6 months', '10 years', '2 hours', '0.5 working days', '1 năm', '6 tháng'])(
    'archive_transfer (any duration) %j passes',
    (value) => {
      expect(validate(procedure((d) => (d.records[0].archive_transfer = value)))).toEqual([]);
    },
  );

  it.each(['2 hrs', 'two hours', '-1 hours', '1 yr'])('archive_transfer %j fails', (value) => {
    expect(where(validate(procedure((d) => (d.records[0].archive_transfer = value))))).toContainEqual([
      '/records/0/archive_transfer',
      'pattern',
    ]);
  });

  it.each(['12 months', '1 year', '6 tháng', '1 năm', '0.5 years'])('review_interval %j passes', (value) => {
    expect(validate(procedure((d) => (d.review_interval = value)))).toEqual([]);
    expect(validate(system((d) => (d.review_interval = value)))).toEqual([]);
  });

  it.each(['12 weeks', '2 hours', '365 days', 'yearly'])('review_interval %j fails', (value) => {
    expect(where(validate(procedure((d) => (d.review_interval = value))))).toContainEqual(['/review_interval', 'pattern']);
  });

  it('the common duration def accepts and rejects on its own', () => {
    const duration = ajv.getSchema(`${COMMON}#/$defs/duration`) as ValidateFunction;
    expect(duration).toBeTypeOf('function');
    for (const good of ['0 minutes', '0.5 working days', '1 hour', '2 working day', '3 ngày làm việc', '2 giờ', '10 years', '6 months']) {
      expect(duration(good), good).toBe(true);
    }
    for (const bad of ['2 hrs', 'two hours', '-1 hours', 'permanent']) {
      expect(duration(bad), bad).toBe(false);
    }
  });
});

describe('retention', () => {
  it.each(['10 years', '1 year', '18 months', '5 năm', '6 tháng', 'permanent', 'Permanent', 'vĩnh viễn', 'Vĩnh viễn'])(
    '%j passes',
    (value) => {
      expect(validate(procedure((d) => (d.records[0].retention = value)))).toEqual([]);
    },
  );

  it.each(['forever', '10', '10 days', '2 hours', 'ten years', '-1 years', 'permanently', '10 yrs'])('%j fails', (value) => {
    const errors = validate(procedure((d) => (d.records[0].retention = value)));
    const error = errors.find((e) => e.instancePath === '/records/0/retention' && e.keyword === 'pattern');
    expect(error, JSON.stringify(where(errors))).toBeDefined();
    expect((error?.parentSchema as JsonObject)['x-hint']).toBeDefined();
  });

  it('a number fails with type', () => {
    expect(where(validate(procedure((d) => (d.records[0].retention = 10))))).toContainEqual(['/records/0/retention', 'type']);
  });
});

describe('dates', () => {
  const bad = ['2026-13-01', '01/03/2026', '2026-02-30', '2026-3-1', '2026-03-01T00:00:00Z', '20260301'];

  it.each(bad)('effective %j fails', (value) => {
    const errors = validate(procedure((d) => (d.effective = value)));
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors.filter((x) => x.keyword !== 'if')) {
      expect(e.instancePath).toBe('/effective');
      expect(['pattern', 'format']).toContain(e.keyword);
    }
  });

  it.each(bad)('an approval, history or holiday date %j fails', (value) => {
    expect(where(validate(procedure((d) => (d.approval.approved.date = value))))).toEqual(
      expect.arrayContaining([['/approval/approved/date', expect.stringMatching(/^(pattern|format)$/)]]),
    );
    expect(where(validate(procedure((d) => (d.history[0].date = value))))).toEqual(
      expect.arrayContaining([['/history/0/date', expect.stringMatching(/^(pattern|format)$/)]]),
    );
    expect(where(validate(system((d) => (d.calendar.holidays[1] = value))))).toEqual(
      expect.arrayContaining([['/calendar/holidays/1', expect.stringMatching(/^(pattern|format)$/)]]),
    );
  });

  it.each(['2026-03-01', '2024-02-29', '2026-12-31'])('%j passes', (value) => {
    expect(validate(procedure((d) => (d.effective = value)))).toEqual([]);
  });

  it('a date parsed by YAML 1.1 rules (a Date object) fails with type', () => {
    expect(where(validate(procedure((d) => (d.effective = new Date('2026-03-01')))))).toContainEqual(['/effective', 'type']);
  });
});

describe('clauses', () => {
  it.each(['4', '10', '4.4', '8.5.1', '7.1.5.1', '10.2.2'])('%j passes', (value) => {
    expect(validate(procedure((d) => (d.clauses = [value])))).toEqual([]);
    expect(validate(processDoc((d) => (d.clauses = [value])))).toEqual([]);
  });

  it.each(['11.1', '4.', '3', '4.4.1.1.1', '.4', 'A.6', '8.5.1 '])('%j fails with pattern', (value) => {
    expect(where(validate(procedure((d) => (d.clauses = ['4.4', value]))))).toContainEqual(['/clauses/1', 'pattern']);
  });

  it('an unquoted clause (a number) fails with type', () => {
    expect(where(validate(processDoc((d) => (d.clauses = [4.4]))))).toContainEqual(['/clauses/0', 'type']);
  });
});

describe('identifiers and codes', () => {
  it.each(['tiep-nhan', 'chi-huy-truong', 'b2', '2b'])('id %j passes', (value) => {
    expect(validate(procedure((d) => (d.owner = value)))).toEqual([]);
  });

  it.each(['Tiep-nhan', 'tiep_nhan', 'tiếp-nhận', '-a', 'a-', 'a--b', 'a b'])('id %j fails', (value) => {
    expect(where(validate(procedure((d) => (d.owner = value))))).toContainEqual(['/owner', 'pattern']);
  });

  it.each(['QT-BCHQS-01', 'BM-01/QT-BCHQS-01', 'HS-01/QT-BCHQS-01', 'CS-01', 'SOP-QA-001', 'SOP.QA.001', 'QĐ-01', 'SOP/QAD/001/00'])(
    'document code %j passes',
    (value) => {
      expect(validate(documentDoc((d) => (d.code = value)))).toEqual([]);
    },
  );

  it.each(['qt-01', 'QT 02/CX-HCTP', 'QT--01', 'QT-01/', '/QT'])('document code %j fails', (value) => {
    expect(where(validate(documentDoc((d) => (d.code = value))))).toContainEqual(['/code', 'pattern']);
  });

  it.each(['P-05', 'P05', 'QT-P-01'])('process id %j passes', (value) => {
    expect(validate(processDoc((d) => (d.id = value)))).toEqual([]);
  });

  it.each(['p-05', '05', 'P_05', 'P-'])('process id %j fails', (value) => {
    expect(where(validate(processDoc((d) => (d.id = value))))).toContainEqual(['/id', 'pattern']);
  });

  it('inputs[].from and outputs[].to take an external id or a process id', () => {
    expect(validate(processDoc((d) => (d.inputs[0].from = 'P-02')))).toEqual([]);
    expect(validate(processDoc((d) => (d.outputs[1].to = 'cong-dan')))).toEqual([]);
    expect(where(validate(processDoc((d) => (d.outputs[1].to = 'Công dân'))))).toContainEqual(['/outputs/1/to', 'pattern']);
  });
});

describe('flow fields', () => {
  it.each([['huong-dan'], [['tra-ket-qua', 'luu-ho-so']], [[]]])('next %j passes', (value) => {
    expect(validate(procedure((d) => (d.steps[0].next = value)))).toEqual([]);
  });

  it.each([[3], [true], [{ step: 'a' }]])('next %j (not a string or a list) fails anyOf', (value) => {
    const errors = validate(procedure((d) => (d.steps[0].next = value)));
    expect(where(errors)).toContainEqual(['/steps/0/next', 'anyOf']);
  });

  it('next with a bad id or a repeated id fails', () => {
    expect(where(validate(procedure((d) => (d.steps[0].next = 'Trinh Ky'))))).toContainEqual(['/steps/0/next', 'pattern']);
    expect(where(validate(procedure((d) => (d.steps[0].next = ['a', 'a']))))).toContainEqual(['/steps/0/next', 'uniqueItems']);
  });

  it('a branch needs when and next', () => {
    const errors = validate(procedure((d) => (d.steps[1].branches[0] = { when: 'Có' })));
    expect(errors).toContainEqual(
      expect.objectContaining({ instancePath: '/steps/1/branches/0', keyword: 'required', params: { missingProperty: 'next' } }),
    );
  });

  it('end and pauses_clock are booleans', () => {
    expect(where(validate(procedure((d) => (d.steps[2].end = 'yes'))))).toContainEqual(['/steps/2/end', 'type']);
    expect(where(validate(procedure((d) => (d.steps[2].pauses_clock = 1))))).toContainEqual(['/steps/2/pauses_clock', 'type']);
  });

  it('steps must have at least one step', () => {
    expect(where(validate(procedure((d) => (d.steps = []))))).toContainEqual(['/steps', 'minItems']);
  });
});

describe('required and not required', () => {
  it('what the lint rules report is not required by the schema', () => {
    const minimalProcedure = {
      kind: 'procedure',
      code: 'QT-01',
      title: 'Quy trình',
      process: 'P-01',
      owner: 'chi-huy-truong',
      status: 'approved', // no approval, effective or history: doc/approved-incomplete reports it
      revision: 1,
      steps: [{ id: 'a', name: 'Bước A' }], // no role, no duration
      records: [{ code: 'HS-01', title: 'Sổ' }], // no keeper, no retention
    };
    expect(validate(minimalProcedure)).toEqual([]);

    const minimalProcess = {
      kind: 'process',
      id: 'P-01',
      name: 'Quá trình',
      owner: 'chi-huy-truong',
      risks: [{ description: 'Rủi ro' }], // no likelihood, impact or treatment
      kpis: [{ name: 'Tỷ lệ' }],
    };
    expect(validate(minimalProcess)).toEqual([]);

    const minimalSystem = { kind: 'system', organization: { name: 'Tổ chức' }, roles: [] };
    expect(validate(minimalSystem)).toEqual([]);

    const minimalDocument = {
      kind: 'document',
      code: 'CS-01',
      title: 'Chính sách',
      type: 'policy',
      owner: 'chi-huy-truong',
      status: 'draft',
      revision: 1,
      approval: { prepared: {} },
    };
    expect(validate(minimalDocument)).toEqual([]);
  });

  const missing: [string, Doc, string, string][] = [
    ['system organization', system((d) => delete d.organization), '', 'organization'],
    ['system organization name', system((d) => delete d.organization.name), '/organization', 'name'],
    ['system roles', system((d) => delete d.roles), '', 'roles'],
    ['process id', processDoc((d) => delete d.id), '', 'id'],
    ['process name', processDoc((d) => delete d.name), '', 'name'],
    ['process owner', processDoc((d) => delete d.owner), '', 'owner'],
    ['process kpi name', processDoc((d) => delete d.kpis[0].name), '/kpis/0', 'name'],
    ['process risk description', processDoc((d) => delete d.risks[0].description), '/risks/0', 'description'],
    ['process input name', processDoc((d) => delete d.inputs[0].name), '/inputs/0', 'name'],
    ['process output name', processDoc((d) => delete d.outputs[0].name), '/outputs/0', 'name'],
    ['procedure code', procedure((d) => delete d.code), '', 'code'],
    ['procedure title', procedure((d) => delete d.title), '', 'title'],
    ['procedure process', procedure((d) => delete d.process), '', 'process'],
    ['procedure owner', procedure((d) => delete d.owner), '', 'owner'],
    ['procedure status', procedure((d) => delete d.status), '', 'status'],
    ['procedure revision', procedure((d) => delete d.revision), '', 'revision'],
    ['procedure steps', procedure((d) => delete d.steps), '', 'steps'],
    ['step id', procedure((d) => delete d.steps[0].id), '/steps/0', 'id'],
    ['step name', procedure((d) => delete d.steps[0].name), '/steps/0', 'name'],
    ['form code', procedure((d) => delete d.forms[0].code), '/forms/0', 'code'],
    ['form title', procedure((d) => delete d.forms[0].title), '/forms/0', 'title'],
    ['record code', procedure((d) => delete d.records[0].code), '/records/0', 'code'],
    ['record title', procedure((d) => delete d.records[0].title), '/records/0', 'title'],
    ['dossier item', procedure((d) => delete d.service.dossier[0].item), '/service/dossier/0', 'item'],
    ['history revision', procedure((d) => delete d.history[0].revision), '/history/0', 'revision'],
    ['history date', procedure((d) => delete d.history[0].date), '/history/0', 'date'],
    ['history change', procedure((d) => delete d.history[0].change), '/history/0', 'change'],
    ['document type', documentDoc((d) => delete d.type), '', 'type'],
    ['document owner', documentDoc((d) => delete d.owner), '', 'owner'],
  ];

  it.each(missing)('%s is required', (_label, doc, path, property) => {
    expect(validate(doc)).toContainEqual(
      expect.objectContaining({ instancePath: path, keyword: 'required', params: { missingProperty: property } }),
    );
  });
});

describe('numbers and enums', () => {
  const bad: [string, Doc, string, string][] = [
    ['revision 0', procedure((d) => (d.revision = 0)), '/revision', 'minimum'],
    ['revision 1.5', procedure((d) => (d.revision = 1.5)), '/revision', 'type'],
    ['revision "2"', procedure((d) => (d.revision = '2')), '/revision', 'type'],
    ['amendment -1', procedure((d) => (d.amendment = -1)), '/amendment', 'minimum'],
    ['history revision 0', procedure((d) => (d.history[1].revision = 0)), '/history/1/revision', 'minimum'],
    ['likelihood 0', processDoc((d) => (d.risks[0].likelihood = 0)), '/risks/0/likelihood', 'minimum'],
    ['impact 6', processDoc((d) => (d.risks[0].impact = 6)), '/risks/0/impact', 'maximum'],
    ['copies 0', procedure((d) => (d.service.dossier[0].copies = 0)), '/service/dossier/0/copies', 'minimum'],
    ['hours_per_day 0', system((d) => (d.calendar.hours_per_day = 0)), '/calendar/hours_per_day', 'exclusiveMinimum'],
    ['hours_per_day 25', system((d) => (d.calendar.hours_per_day = 25)), '/calendar/hours_per_day', 'maximum'],
    ['workdays mon twice', system((d) => (d.calendar.workdays = ['mon', 'mon'])), '/calendar/workdays', 'uniqueItems'],
    ['workdays monday', system((d) => (d.calendar.workdays = ['monday'])), '/calendar/workdays/0', 'enum'],
    ['status published', procedure((d) => (d.status = 'published')), '/status', 'enum'],
    ['online level 4', procedure((d) => (d.service.online = 'level-4')), '/service/online', 'enum'],
    ['channel email', procedure((d) => (d.service.channels = ['email'])), '/service/channels/0', 'enum'],
    ['document type sop', documentDoc((d) => (d.type = 'sop')), '/type', 'enum'],
    ['locale fr', system((d) => (d.locale = 'fr')), '/locale', 'enum'],
    ['output format pdf', system((d) => (d.output.formats = ['pdf'])), '/output/formats/0', 'enum'],
    ['lint severity fatal', system((d) => (d.lint = { rules: { 'flow/no-end': 'fatal' } })), '/lint/rules/flow~1no-end', 'enum'],
    ['lint rule id', system((d) => (d.lint = { rules: { Flow: 'off' } })), '/lint/rules', 'propertyNames'],
    ['release counter', system((d) => (d.release = { counter: 'issue' })), '/release/counter', 'enum'],
    ['fee -1', procedure((d) => (d.service.fee = -1)), '/service/fee', 'anyOf'],
  ];

  it.each(bad)('%s fails', (_label, doc, path, keyword) => {
    expect(where(validate(doc))).toContainEqual([path, keyword]);
  });

  it.each([[0], [50000], ['50.000 đồng'], ['Miễn phí']])('fee %j passes', (value) => {
    expect(validate(procedure((d) => (d.service.fee = value)))).toEqual([]);
  });

  it('the optional system blocks accept their documented values', () => {
    const doc = system((d) => {
      d.lint = { rules: { 'flow/missing-duration': 'error', 'ref/unused-record': 'off', 'system/clause-coverage': 'info' } };
      d.superseded = [
        { instrument: 'Nghị định 61/2018/NĐ-CP', replaced_by: 'Nghị định 118/2025/NĐ-CP', since: '2025-07-01' },
        { instrument: 'Thông tư 09/2011/TT-BNV', since: '2023-02-01', note: 'Thay bằng Thông tư 10/2022/TT-BNV' },
      ];
      d.release = { counter: 'amendment' };
      d.numbering.document = 'TL-{org}-{seq:02}';
      d.templates = {
        procedure: 'templates/procedure.hbs',
        document: 'templates/document.hbs',
        'process-sheet': 'templates/process-sheet.hbs',
        'process-map': 'templates/process-map.hbs',
        'master-list': 'templates/master-list.hbs',
        'records-register': 'templates/records-register.hbs',
        'clause-coverage': 'templates/clause-coverage.hbs',
        'release-decision': 'templates/release-decision.hbs',
      };
    });
    expect(validate(doc)).toEqual([]);
  });

  it('superseded entries need instrument and since', () => {
    const errors = validate(system((d) => (d.superseded = [{ replaced_by: 'x' }])));
    expect(errors).toContainEqual(expect.objectContaining({ instancePath: '/superseded/0', keyword: 'required', params: { missingProperty: 'instrument' } }));
    expect(errors).toContainEqual(expect.objectContaining({ instancePath: '/superseded/0', keyword: 'required', params: { missingProperty: 'since' } }));
  });
});

describe('schema conventions', () => {
  it('every entry under any `properties` has a non-empty description', () => {
    const missing: string[] = [];
    let count = 0;
    for (const [name, pointer, node] of allSchemaNodes()) {
      const properties = node.properties;
      if (!isObject(properties)) continue;
      for (const [key, property] of Object.entries(properties)) {
        count++;
        const description = isObject(property) ? property.description : undefined;
        if (typeof description !== 'string' || description.trim() === '') {
          missing.push(`${name}${pointer}/properties/${key}`);
        }
        const md = isObject(property) ? property.markdownDescription : undefined;
        if (md !== undefined && (typeof md !== 'string' || md.trim() === '')) {
          missing.push(`${name}${pointer}/properties/${key} (markdownDescription)`);
        }
      }
    }
    expect(count).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('every pattern sits in $defs beside an x-hint with English and Vietnamese text', () => {
    const problems: string[] = [];
    for (const [name, pointer, node] of allSchemaNodes()) {
      if (typeof node.pattern !== 'string') continue;
      if (!/^\/\$defs\/[^/]+$/.test(pointer)) problems.push(`${name}${pointer}: pattern outside a $defs entry`);
      const hint = node['x-hint'];
      if (!isObject(hint) || typeof hint.en !== 'string' || !hint.en || typeof hint.vi !== 'string' || !hint.vi) {
        problems.push(`${name}${pointer}: no x-hint {en, vi}`);
      }
      if (node.type !== 'string') problems.push(`${name}${pointer}: pattern without type string`);
    }
    expect(problems).toEqual([]);
  });

  it('every object closes its properties (additionalProperties: false), except pure maps', () => {
    const problems: string[] = [];
    for (const [name, pointer, node] of allSchemaNodes()) {
      if ('unevaluatedProperties' in node) problems.push(`${name}${pointer}: unevaluatedProperties`);
      if (node.type !== 'object') continue;
      // The entry schema and its `if` tests leave closing the object to the kind schemas.
      if (name === 'qms' && (pointer === '' || pointer.endsWith('/if'))) continue;
      const ap = node.additionalProperties;
      const isMap = isObject(ap) && !('properties' in node);
      if (ap !== false && !isMap) problems.push(`${name}${pointer}: additionalProperties is not false`);
    }
    expect(problems).toEqual([]);
  });

  it('anyOf only with typed inline branches; no oneOf; if/then only in the entry schema; const only for kind', () => {
    const problems: string[] = [];
    for (const [name, pointer, node] of allSchemaNodes()) {
      if ('oneOf' in node) problems.push(`${name}${pointer}: oneOf`);
      if (('if' in node || 'then' in node || 'else' in node) && name !== 'qms') problems.push(`${name}${pointer}: if/then`);
      if ('const' in node && !pointer.endsWith('/properties/kind')) problems.push(`${name}${pointer}: const`);
      const anyOf = node.anyOf;
      if (anyOf === undefined) continue;
      if (!Array.isArray(anyOf)) {
        problems.push(`${name}${pointer}: anyOf is not a list`);
        continue;
      }
      const types = anyOf.map((branch) => (isObject(branch) ? branch.type : undefined));
      if (types.some((t) => typeof t !== 'string')) problems.push(`${name}${pointer}: an anyOf branch without a type`);
      if (new Set(types).size !== types.length) problems.push(`${name}${pointer}: anyOf branches share a type`);
    }
    expect(problems).toEqual([]);
  });

  it('the entry schema has only type, required, properties.kind and allOf at the top', () => {
    const top = Object.keys(schemas.qms).filter((k) => !['$schema', '$id', 'title', 'description'].includes(k));
    expect(top.sort()).toEqual(['allOf', 'properties', 'required', 'type']);
    expect(Object.keys(schemas.qms.properties as JsonObject)).toEqual(['kind']);
  });
});
