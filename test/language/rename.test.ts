import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/lint/apply-fixes';
import { prepareRename, rename } from '../../src/core/language/rename';
import type { Refusal, RenameFileEdits } from '../../src/core/language/types';
import { abs, editing, fileOf, offsetOf, PROCEDURE, PROCESS, SYSTEM, workspaceOf } from './helpers';

const PROC = 'procedures/QT-01.qms.yaml';

function edited(result: RenameFileEdits[] | Refusal): Record<string, string[]> {
  if ('error' in result) throw new Error(result.error.en);
  return Object.fromEntries(result.map((f) => [f.file.replace('/qms/', ''), f.edits.map((e) => `${e.range.start.line}:${e.range.start.column}-${e.range.end.line}:${e.range.end.column} ${e.newText}`)]));
}

async function renameAt(relative: string, text: string, needle: string, newName: string) {
  const workspace = await workspaceOf();
  return rename(workspace, fileOf(workspace, relative), offsetOf(text, needle), newName);
}

describe('rename', () => {
  it('prepareRename: the id under the cursor and its range', async () => {
    const workspace = await workspaceOf();
    expect(prepareRename(workspace, fileOf(workspace, PROC), offsetOf(PROCEDURE, 'role: mot|-cua'))).toEqual({
      placeholder: 'mot-cua',
      range: { start: { line: 12, column: 11, offset: offsetOf(PROCEDURE, 'role: |mot-cua') }, end: { line: 12, column: 18, offset: offsetOf(PROCEDURE, 'role: mot-cua|') } },
    });
  });

  it('prepareRename refuses what is not an id or a code, with a reason', async () => {
    const workspace = await workspaceOf();
    const refused = prepareRename(workspace, fileOf(workspace, PROC), offsetOf(PROCEDURE, 'title: Quy| trình')) as Refusal;
    expect(refused.error.en).toMatch(/^Only an id or a code can be renamed here/);
    expect(refused.error.vi).toMatch(/^Chỉ đổi tên được một mã/);
    const key = prepareRename(workspace, fileOf(workspace, PROC), offsetOf(PROCEDURE, 'ro|le: mot-cua')) as Refusal;
    expect(key.error).toBeDefined();
  });

  it('a role id in qms.yaml: the definition and every procedure and process using it', async () => {
    expect(edited(await renameAt('qms.yaml', SYSTEM, '  - id: mot|-cua', 'bo-phan-mot-cua'))).toEqual({
      'qms.yaml': ['14:9-14:16 bo-phan-mot-cua'],
      [PROC]: ['12:11-12:18 bo-phan-mot-cua', '26:11-26:18 bo-phan-mot-cua', '35:13-35:20 bo-phan-mot-cua'],
    });
  });

  it('applying the edits renames everywhere, keeping quotes and comments', async () => {
    const text = PROCEDURE.replace('    role: mot-cua\n    duration', '    role: "mot-cua"   # quoted\n    duration');
    const { workspace } = await editing(PROC, text);
    const result = rename(workspace, fileOf(workspace, 'qms.yaml'), offsetOf(SYSTEM, '  - id: mot|-cua'), 'mot-cua-2');
    if ('error' in result) throw new Error(result.error.en);
    const procedureEdits = result.find((f) => f.file === abs(PROC))!.edits;
    const after = applyEdits(text, procedureEdits).text;
    expect(after).toContain('    role: "mot-cua-2"   # quoted\n');
    expect(after).toContain('    keeper: mot-cua-2\n');
    expect(after.match(/mot-cua-2/g)).toHaveLength(3);
  });

  it('a step id: only within its procedure', async () => {
    expect(edited(await renameAt(PROC, PROCEDURE, 'next: tiep|-nhan', 'nhan-ho-so'))).toEqual({
      [PROC]: ['10:9-10:18 nhan-ho-so', '23:15-23:24 nhan-ho-so'],
    });
  });

  it('a form code, a procedure code and a process id', async () => {
    expect(edited(await renameAt(PROC, PROCEDURE, 'code: BM|-01', 'BM-02'))).toEqual({ [PROC]: ['14:13-14:18 BM-02', '30:11-30:16 BM-02'] });
    expect(edited(await renameAt(PROC, PROCEDURE, 'code: QT|-01', 'QT-05'))).toEqual({
      [PROC]: ['2:7-2:12 QT-05'],
      'processes/P-01.qms.yaml': ['12:14-12:19 QT-05'],
    });
    expect(edited(await renameAt('processes/P-01.qms.yaml', PROCESS, 'id: P|-01', 'P-10'))).toEqual({
      [PROC]: ['4:10-4:14 P-10'],
      'processes/P-01.qms.yaml': ['2:5-2:9 P-10'],
      'processes/P-02.qms.yaml': ['7:11-7:15 P-10'],
    });
  });

  it('refuses a new id that does not fit the schema pattern, or that exists already', async () => {
    const invalid = (await renameAt('qms.yaml', SYSTEM, '  - id: mot|-cua', 'Mot Cua')) as Refusal;
    expect(invalid.error.en).toBe(
      '`Mot Cua` is not a valid role id: use a lowercase kebab-case id such as `chi-huy-truong` or `tiep-nhan` (letters a–z without accents, digits, single hyphens between words).',
    );
    expect(invalid.error.vi).toMatch(/^`Mot Cua` không phải là mã vai trò hợp lệ: hãy dùng một mã chữ thường/);
    const code = (await renameAt(PROC, PROCEDURE, 'code: QT|-01', 'qt-01')) as Refusal;
    expect(code.error.en).toMatch(/^`qt-01` is not a valid document code: use a document code such as `QT-BCHQS-01`/);
    const taken = (await renameAt('qms.yaml', SYSTEM, '  - id: mot|-cua', 'chi-huy-truong')) as Refusal;
    expect(taken.error.en).toBe('A role id `chi-huy-truong` exists already: choose another one.');
  });

  it('refuses to rename an id that nothing defines', async () => {
    const { workspace, file } = await editing(PROC, PROCEDURE.replace('role: mot-cua', 'role: mot-cuaa'));
    const refused = prepareRename(workspace, file, offsetOf(file.parsed.text, 'role: mot|-cuaa')) as Refusal;
    expect(refused.error.en).toBe('Nothing defines the role id `mot-cuaa`, so there is nothing to rename: correct the reference instead.');
  });
});
