// Generates a synthetic QMS workspace of N procedures × S steps (plus processes), realistic enough
// for every rule to run: roles, decisions, forks, forms, records, approvals, history.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export function generateWorkspace(dir, { procedures = 1000, steps = 25, proceduresPerProcess = 20 } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'processes'), { recursive: true });
  mkdirSync(path.join(dir, 'procedures'), { recursive: true });
  const roles = ['chi-huy-truong', 'pho-chi-huy-truong', 'tro-ly', 'mot-cua', 'van-thu'];
  writeFileSync(path.join(dir, 'qms.yaml'), `kind: system
organization:
  name: Đơn vị đo hiệu năng
  short: BENCH
locale: vi
review_interval: 12 months
calendar:
  workdays: [mon, tue, wed, thu, fri]
  hours_per_day: 8
  holidays: [2026-01-01, 2026-04-30, 2026-05-01, 2026-09-02]
units:
  - id: tham-muu
    name: Ban Tham mưu
roles:
${roles.map((r) => `  - id: ${r}\n    name: Vai trò ${r}\n    unit: tham-muu`).join('\n')}
externals:
  - id: cong-dan
    name: Công dân
numbering:
  procedure: "QT-{org}-{seq:04}"
  form: "BM-{seq:02}/{procedure}"
  record: "HS-{seq:02}/{procedure}"
  process: "P-{seq:03}"
lint:
  rules:
    system/clause-coverage: "off"
`);
  const processCount = Math.ceil(procedures / proceduresPerProcess);
  const code = (i) => `QT-BENCH-${String(i + 1).padStart(4, '0')}`;
  for (let p = 0; p < processCount; p++) {
    const id = `P-${String(p + 1).padStart(3, '0')}`;
    const codes = [];
    for (let i = p * proceduresPerProcess; i < Math.min(procedures, (p + 1) * proceduresPerProcess); i++) codes.push(code(i));
    writeFileSync(path.join(dir, 'processes', `${id}.qms.yaml`), `kind: process
id: ${id}
name: Quá trình số ${p + 1}
owner: chi-huy-truong
purpose: Quá trình tổng hợp phục vụ đo hiệu năng.
clauses: ["8.2", "8.5.1"]
inputs:
  - name: Hồ sơ đề nghị
    from: cong-dan
outputs:
  - name: Kết quả giải quyết
    to: cong-dan
procedures: [${codes.join(', ')}]
kpis:
  - name: Tỷ lệ đúng hạn
    target: ">= 98%"
    frequency: monthly
risks:
  - id: R-01
    description: Hồ sơ chậm
    likelihood: 2
    impact: 3
    treatment: Theo dõi hằng ngày
`);
    for (const c of codes) writeFileSync(path.join(dir, 'procedures', `${c}.qms.yaml`), procedureText(c, id, steps, roles));
  }
  return { procedures, steps, processes: processCount };
}

export function procedureText(code, processId, stepCount, roles = ['chi-huy-truong', 'pho-chi-huy-truong', 'tro-ly', 'mot-cua', 'van-thu']) {
  const lines = [
    'kind: procedure',
    `code: ${code}`,
    `title: Quy trình ${code}`,
    `process: ${processId}`,
    'owner: chi-huy-truong',
    'status: approved',
    'revision: 2',
    'effective: 2026-03-01',
    'approval:',
    '  prepared: { role: tro-ly, date: 2026-02-10 }',
    '  reviewed: { role: pho-chi-huy-truong, date: 2026-02-15 }',
    '  approved: { role: chi-huy-truong, date: 2026-02-20 }',
    'distribution: [tham-muu]',
    'clauses: ["8.5.1"]',
    'purpose: Quy định trình tự giải quyết hồ sơ.',
    'references:',
    '  - Luật Nghĩa vụ quân sự số 78/2015/QH13',
    'service:',
    `  time_limit: ${Math.ceil(stepCount / 4) + 1} working days`,
    '  dossier:',
    `    - item: Tờ khai`,
    `      form: BM-01/${code}`,
    'steps:',
  ];
  for (let s = 0; s < stepCount; s++) {
    const id = `buoc-${s + 1}`;
    lines.push(`  - id: ${id}`, `    name: Bước xử lý số ${s + 1} của hồ sơ`, `    role: ${roles[s % roles.length]}`, `    duration: 2 hours`);
    if (s === 0) lines.push(`    forms: [BM-01/${code}]`);
    if (s === 2 && stepCount > 5) {
      lines.push('    decision: Hồ sơ hợp lệ?', '    branches:', `      - when: Có`, `        next: buoc-4`, `      - when: Không`, `        next: buoc-${s + 3}`);
    }
    if (s === stepCount - 1) lines.push(`    records: [HS-01/${code}]`, '    end: true');
  }
  lines.push('forms:', `  - code: BM-01/${code}`, '    title: Tờ khai', 'records:', `  - code: HS-01/${code}`, '    title: Sổ theo dõi', '    keeper: van-thu', '    retention: 10 years');
  lines.push('history:', '  - revision: 2', '    date: 2026-02-20', '    change: Sửa đổi thời hạn', '  - revision: 1', '    date: 2024-01-10', '    change: Ban hành lần đầu');
  return lines.join('\n') + '\n';
}
