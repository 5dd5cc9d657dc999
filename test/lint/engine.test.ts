import { describe, expect, it } from 'vitest';
import { describeFindings } from '../helpers/expectations';
import { FIXTURE_ROOT, fixtureFiles, lintFiles } from '../helpers/fixture-workspace';

describe('lint engine', () => {
  it('reports a value the schema rejects once, not again as an unknown reference', async () => {
    const files = fixtureFiles(undefined);
    files['procedures/QT-DV-01.qms.yaml'] = files['procedures/QT-DV-01.qms.yaml']!.replace('    role: tro-ly\n', '    role: Tro-Ly\n');
    const { findings } = await lintFiles(files);
    expect(describeFindings(findings, FIXTURE_ROOT)).toEqual(['/procedures/QT-DV-01.qms.yaml:28:11 schema/pattern']);
  });

  it('does not report every reference as unknown while qms.yaml does not parse', async () => {
    const files = fixtureFiles(undefined);
    files['qms.yaml'] = files['qms.yaml']!.replace('locale: vi\n', 'locale: vi\nlocale: en\n');
    const { findings } = await lintFiles(files);
    expect(describeFindings(findings, FIXTURE_ROOT)).toEqual(['/qms.yaml:7:1 yaml/syntax']);
  });

  it('severities and disabled rules come from qms.yaml', async () => {
    const files = fixtureFiles(undefined);
    files['qms.yaml'] = files['qms.yaml']!.replace('    system/clause-coverage: "off"\n', '    system/clause-coverage: "off"\n    ref/unknown-role: warning\n    flow/missing-duration: "off"\n');
    files['procedures/QT-DV-01.qms.yaml'] = files['procedures/QT-DV-01.qms.yaml']!.replace('    role: tro-ly\n    duration: 2 hours\n', '    role: tro-lyy\n');
    const { findings } = await lintFiles(files);
    expect(findings.map((f) => `${f.severity} ${f.ruleId}`)).toEqual(['warning ref/unknown-role']);
  });
});
