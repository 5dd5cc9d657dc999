import { describe, expect, it } from 'vitest';
import { fixtureFiles, lintFiles } from '../helpers/fixture-workspace';

/**
 * The clause data as system/clause-coverage applies it to a workspace: the edges one invalid
 * fixture cannot show (a workspace has one qms.yaml, so one finding at most).
 */
const base = fixtureFiles(undefined);
const systemWithout = (edit: (text: string) => string) => edit(base['qms.yaml']!.replace(/^lint:[\s\S]*$/m, ''));

async function coverage(qms: string, extra: Record<string, string> = {}) {
  const { findings } = await lintFiles({ ...base, 'qms.yaml': qms, ...extra });
  return findings.filter((f) => f.ruleId === 'system/clause-coverage');
}

describe('system/clause-coverage on the clause data', () => {
  it('reports on the `kind` key when qms.yaml names no standard (ISO 9001:2015 by default)', async () => {
    const found = await coverage(systemWithout((t) => t));
    expect(found).toHaveLength(1);
    expect(found[0]!.range.start).toMatchObject({ line: 2, column: 1 });
    expect(found[0]!.range.end.column).toBe(5);
    expect(found[0]!.severity).toBe('info');
    expect(found[0]!.message.en).toContain('4.3 Determining the scope of the quality management system (maintain)');
    expect(found[0]!.message.en).toContain('8.5.2 Identification and traceability (retain)');
    expect(found[0]!.message.vi).toContain('9.2 Đánh giá nội bộ (lưu giữ)');
  });

  it('accepts the TCVN spelling of the edition and says nothing for an edition it has no catalogue for', async () => {
    expect(await coverage(systemWithout((t) => t.replace('locale: vi', 'locale: vi\nstandard: TCVN ISO 9001:2015')))).toHaveLength(1);
    expect(await coverage(systemWithout((t) => t.replace('locale: vi', 'locale: vi\nstandard: ISO 9001:2026')))).toEqual([]);
  });

  it('finds nothing once every clause is addressed, through parents or exactly', async () => {
    const process = base['processes/P-01.qms.yaml']!.replace(
      'clauses: ["8.2", "8.5.1"]',
      'clauses: ["4.3", "4.4.2", "5.2.2", "6.2", "7.1.5", "7.2", "8", "9.1.1", "9.2.2", "9.3.3", "10.2"]',
    );
    expect(await coverage(systemWithout((t) => t), { 'processes/P-01.qms.yaml': process })).toEqual([]);
  });
});
