import type { Rule } from '../../rule';
import { missingKpi } from './missing-kpi';
import { orphan } from './orphan';
import { riskUnscored } from './risk-unscored';

/** The process/* rules, in the order RULES.md lists them. */
export const PROCESS_RULES: readonly Rule[] = [missingKpi, riskUnscored, orphan];
