import { describe, expect, it } from 'vitest';
import type { Location } from '../../src/core/language/types';
import { definition, references } from '../../src/core/language/navigation';
import { abs, fileOf, FILES, offsetOf, PROCEDURE, PROCESS, PROCESS_2, SYSTEM, workspaceOf } from './helpers';

const PROC = 'procedures/QT-01.qms.yaml';

/** `file:line:column-line:column` and the text the location covers. */
function show(locations: Location[]): string[] {
  return locations.map((l) => {
    const text = Object.entries(FILES).find(([rel]) => abs(rel) === l.file)![1];
    const rel = l.file.replace('/qms/', '');
    return `${rel}:${l.range.start.line}:${l.range.start.column}-${l.range.end.line}:${l.range.end.column} ${text.slice(l.range.start.offset, l.range.end.offset)}`;
  });
}

async function definitionAt(relative: string, text: string, needle: string) {
  const workspace = await workspaceOf();
  return show(definition(workspace, fileOf(workspace, relative), offsetOf(text, needle)));
}

async function referencesAt(relative: string, text: string, needle: string, includeDeclaration = true) {
  const workspace = await workspaceOf();
  return show(references(workspace, fileOf(workspace, relative), offsetOf(text, needle), includeDeclaration));
}

describe('go to definition', () => {
  it('a role id in a procedure jumps to qms.yaml', async () => {
    expect(await definitionAt(PROC, PROCEDURE, 'role: mot|-cua')).toEqual(['qms.yaml:14:9-14:16 mot-cua']);
    expect(await definitionAt(PROC, PROCEDURE, 'keeper: mot|-cua')).toEqual(['qms.yaml:14:9-14:16 mot-cua']);
  });

  it('a unit, an external and a process in inputs and outputs', async () => {
    expect(await definitionAt('qms.yaml', SYSTEM, 'unit: tham|-muu')).toEqual(['qms.yaml:8:9-8:17 tham-muu']);
    expect(await definitionAt('processes/P-01.qms.yaml', PROCESS, 'from: cong|-dan')).toEqual(['qms.yaml:18:9-18:17 cong-dan']);
    expect(await definitionAt('processes/P-01.qms.yaml', PROCESS, 'to: P-|02')).toEqual(['processes/P-02.qms.yaml:2:5-2:9 P-02']);
  });

  it('a process id and a procedure code across files', async () => {
    expect(await definitionAt(PROC, PROCEDURE, 'process: P|-01')).toEqual(['processes/P-01.qms.yaml:2:5-2:9 P-01']);
    expect(await definitionAt('processes/P-01.qms.yaml', PROCESS, 'procedures: [QT|-01]')).toEqual(['procedures/QT-01.qms.yaml:2:7-2:12 QT-01']);
  });

  it('steps, forms and records within the procedure', async () => {
    expect(await definitionAt(PROC, PROCEDURE, 'next: tra|-ket-qua')).toEqual([`${PROC}:24:9-24:20 tra-ket-qua`]);
    expect(await definitionAt(PROC, PROCEDURE, 'forms: [BM|-01]')).toEqual([`${PROC}:30:11-30:16 BM-01`]);
    expect(await definitionAt(PROC, PROCEDURE, 'records: [HS|-01]')).toEqual([`${PROC}:33:11-33:16 HS-01`]);
  });

  it('nothing on text that names nothing', async () => {
    expect(await definitionAt(PROC, PROCEDURE, 'title: Quy| trình')).toEqual([]);
  });
});

describe('find references', () => {
  it('of a role, from its definition: every file that uses it, with the declaration', async () => {
    expect(await referencesAt('qms.yaml', SYSTEM, '  - id: mot|-cua')).toEqual([
      'qms.yaml:14:9-14:16 mot-cua',
      `${PROC}:12:11-12:18 mot-cua`,
      `${PROC}:26:11-26:18 mot-cua`,
      `${PROC}:35:13-35:20 mot-cua`,
    ]);
  });

  it('of a role, from a reference, without the declaration', async () => {
    expect(await referencesAt(PROC, PROCEDURE, 'owner: chi|-huy', false)).toEqual([
      `${PROC}:5:8-5:22 chi-huy-truong`,
      `${PROC}:17:11-17:25 chi-huy-truong`,
      'processes/P-01.qms.yaml:4:8-4:22 chi-huy-truong',
      'processes/P-02.qms.yaml:4:8-4:22 chi-huy-truong',
    ]);
  });

  it('of a process: `process` of procedures and `from`/`to` of other processes', async () => {
    expect(await referencesAt('processes/P-02.qms.yaml', PROCESS_2, 'from: P-|01')).toEqual([
      'processes/P-01.qms.yaml:2:5-2:9 P-01',
      `${PROC}:4:10-4:14 P-01`,
      'processes/P-02.qms.yaml:7:11-7:15 P-01',
    ]);
  });

  it('of a step, within its procedure only', async () => {
    expect(await referencesAt(PROC, PROCEDURE, '  - id: tiep|-nhan')).toEqual([`${PROC}:10:9-10:18 tiep-nhan`, `${PROC}:23:15-23:24 tiep-nhan`]);
  });

  it('of a quoted clause? none: clauses are not definitions', async () => {
    expect(await referencesAt(PROC, PROCEDURE, '"8.2|.2"')).toEqual([]);
  });
});
