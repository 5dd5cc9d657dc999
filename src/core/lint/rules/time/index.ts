import type { Rule } from '../../rule';
import { exceedsLimit } from './exceeds-limit';

/** The time/* rules, in the order RULES.md lists them. */
export const TIME_RULES: readonly Rule[] = [exceedsLimit];
