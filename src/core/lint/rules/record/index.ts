import type { Rule } from '../../rule';
import { missingRetention } from './missing-retention';

/** The record/* rules, in the order RULES.md lists them. */
export const RECORD_RULES: readonly Rule[] = [missingRetention];
