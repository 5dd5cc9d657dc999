import type { Rule } from '../../rule';
import { approvalOrder } from './approval-order';
import { approvedIncomplete } from './approved-incomplete';
import { changedWithoutRevision } from './changed-without-revision';
import { codePattern } from './code-pattern';
import { historyMismatch } from './history-mismatch';
import { lockMissing } from './lock-missing';
import { obsoleteReferenced } from './obsolete-referenced';
import { reviewOverdue } from './review-overdue';
import { selfApproval } from './self-approval';

/**
 * The doc/* rules, in the order RULES.md lists them; doc/lock-missing (not in RULES.md) goes with
 * doc/changed-without-revision, the other rule about qms.lock.
 */
export const DOC_RULES: readonly Rule[] = [
  codePattern,
  approvalOrder,
  approvedIncomplete,
  historyMismatch,
  selfApproval,
  reviewOverdue,
  changedWithoutRevision,
  lockMissing,
  obsoleteReferenced,
];
