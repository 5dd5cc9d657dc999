import type { SystemFile } from '../../../model/types';
import { defineFileRule } from '../../rule';
import { list, record, text } from './shared';

interface RoleFacts {
  name: string | undefined;
  holder: string | undefined;
}

const rolesCache = new WeakMap<SystemFile, Map<string, RoleFacts>>();

/** Role id → name and holder, read once per qms.yaml model. */
function rolesOf(system: SystemFile | undefined): Map<string, RoleFacts> {
  if (!system) return new Map();
  let roles = rolesCache.get(system);
  if (!roles) {
    roles = new Map();
    for (const item of list(system.roles)) {
      const role = record(item);
      const id = text(role?.id);
      if (id && !roles.has(id)) roles.set(id, { name: text(role?.name), holder: text(role?.holder) });
    }
    rolesCache.set(system, roles);
  }
  return roles;
}

/** Names compared the way people read them: same letters, case and spacing aside. */
function samePerson(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
  return norm(a) === norm(b);
}

export const selfApproval = defineFileRule({
  id: 'doc/self-approval',
  severity: 'warning',
  clauses: ['7.5.2', '5.3'],
  scope: 'file',
  kinds: ['procedure', 'document'],
  description: {
    en: 'The same role (or the same named holder) prepared and approved a document.',
    vi: 'Cùng một vai trò (hoặc cùng một người) vừa soạn thảo vừa phê duyệt tài liệu.',
  },
  messages: {
    sameRole: {
      en: 'The same role, `{role}` ({name}), prepared and approved this document: approval should be an independent check of what was prepared. Have a different role approve it, or someone else prepare it.',
      vi: 'Cùng một vai trò `{role}` ({name}) vừa soạn thảo vừa phê duyệt tài liệu: phê duyệt phải là bước kiểm tra độc lập đối với người soạn thảo. Hãy để vai trò khác phê duyệt, hoặc giao người khác soạn thảo.',
    },
    sameHolder: {
      en: '{holder} prepared this document (as `{preparedRole}`) and approved it (as `{approvedRole}`): the same person signs twice. Have someone else approve it, or someone else prepare it.',
      vi: '{holder} vừa soạn thảo (với vai trò `{preparedRole}`) vừa phê duyệt (với vai trò `{approvedRole}`) tài liệu: một người ký hai lần. Hãy để người khác phê duyệt hoặc người khác soạn thảo.',
    },
    prepared: {
      en: 'Prepared by `{role}`.',
      vi: 'Người soạn thảo: `{role}`.',
    },
  },
  check({ file, model, system, report }) {
    if (model.kind !== 'procedure' && model.kind !== 'document') return;
    if (model.status === 'obsolete') return; // withdrawn: its signatures no longer matter
    const approval = record(model.approval);
    const preparedRole = text(record(approval?.prepared)?.role);
    const approvedRole = text(record(approval?.approved)?.role);
    if (!preparedRole || !approvedRole) return;
    const related = [{ file: file.path, at: '/approval/prepared/role', messageId: 'prepared' as const, data: { role: preparedRole } }];
    const roles = rolesOf(system);
    if (preparedRole === approvedRole) {
      report({ messageId: 'sameRole', at: '/approval/approved/role', data: { role: approvedRole, name: roles.get(approvedRole)?.name ?? approvedRole }, related });
      return;
    }
    const preparer = roles.get(preparedRole)?.holder;
    const approver = roles.get(approvedRole)?.holder;
    if (preparer && approver && samePerson(preparer, approver)) {
      report({ messageId: 'sameHolder', at: '/approval/approved/role', data: { holder: approver, preparedRole, approvedRole }, related });
    }
  },
});
