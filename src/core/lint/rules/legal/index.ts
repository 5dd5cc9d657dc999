import type { Rule } from '../../rule';
import { supersededReference } from './superseded-reference';

/** The legal/* rules, in the order RULES.md lists them. */
export const LEGAL_RULES: readonly Rule[] = [supersededReference];
