import type { Rule } from '../../rule';
import { approvalOrder } from './approval-order';
import { approvedIncomplete } from './approved-incomplete';
import { codePattern } from './code-pattern';
import { historyMismatch } from './history-mismatch';
import { obsoleteReferenced } from './obsolete-referenced';
import { reviewOverdue } from './review-overdue';
import { selfApproval } from './self-approval';

/**
 * The doc/* rules, in the order RULES.md lists them. doc/changed-without-revision (between
 * review-overdue and obsolete-referenced) comes with the qms.lock work.
 */
export const DOC_RULES: readonly Rule[] = [codePattern, approvalOrder, approvedIncomplete, historyMismatch, selfApproval, reviewOverdue, obsoleteReferenced];
