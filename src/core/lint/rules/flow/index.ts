import type { Rule } from '../../rule';
import { deadEnd } from './dead-end';
import { decisionBranches } from './decision-branches';
import { loopWithoutDecision } from './loop-without-decision';
import { missingDuration } from './missing-duration';
import { missingRole } from './missing-role';
import { noEnd } from './no-end';
import { unreachableStep } from './unreachable-step';

/** The flow/* rules, in the order RULES.md lists them. */
export const FLOW_RULES: readonly Rule[] = [noEnd, unreachableStep, deadEnd, decisionBranches, loopWithoutDecision, missingRole, missingDuration];
