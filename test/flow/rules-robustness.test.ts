import { describe, expect, it } from 'vitest';
import { fixtureFiles, lintFiles } from '../helpers/fixture-workspace';

const HEADER = `kind: procedure
code: QT-DV-01
title: Quy trình thử
process: P-01
owner: chi-huy-truong
status: draft
revision: 1
`;

/** Malformed shapes the schema reports; the flow and time rules must neither throw nor pile on. */
const BODIES: Record<string, string> = {
  'steps is a mapping': 'steps:\n  tiep-nhan: { name: Tiếp nhận }\n',
  'steps is empty': 'steps: []\n',
  'steps hold scalars and nulls': 'steps:\n  - tiep-nhan\n  -\n  - 3\n',
  'odd step fields': `service:
  time_limit: 1 working day
  time_limit_variants: { when: x, limit: 2 days }
steps:
  - id: 7
    name: [a]
    role: { x: 1 }
    duration: 2 hrs
    next: 4
    decision: { q: 1 }
    branches: nope
    end: "yes"
    pauses_clock: 1
  - name: Không có id
    branches:
      - null
      - { when: 3, next: [a] }
      - { next: tiep-nhan }
`,
  'service is text, limits odd': `service: một cửa
steps:
  - id: a
    name: A
    role: mot-cua
`,
  'variant items odd': `service:
  time_limit: 3 months
  time_limit_variants: [null, 2, { when: 1, limit: 1 hour }, { limit: zz }]
steps:
  - id: a
    name: A
    role: mot-cua
    duration: 2 hours
`,
};

describe('flow and time rules on malformed procedures', () => {
  for (const [name, body] of Object.entries(BODIES)) {
    it(`never throw: ${name}`, async () => {
      // lintFiles rethrows a rule's exception (throwOnRuleError).
      const { findings } = await lintFiles(fixtureFiles(undefined, { 'procedures/QT-DV-01.qms.yaml': HEADER + body }));
      expect(findings.filter((f) => f.ruleId === 'lint/rule-error')).toEqual([]);
      for (const f of findings) expect(f.message.en).not.toMatch(/\{\w+\}|undefined|\[object/);
    });
  }

  it('reports a variant limit in hours on the variant even when the main limit is in months', async () => {
    const { findings } = await lintFiles(fixtureFiles(undefined, { 'procedures/QT-DV-01.qms.yaml': HEADER + BODIES['variant items odd']! }));
    expect(findings.filter((f) => f.ruleId === 'time/exceeds-limit').map((f) => `${f.range.start.line}:${f.range.start.column}`)).toEqual(['10:52']);
  });
});
