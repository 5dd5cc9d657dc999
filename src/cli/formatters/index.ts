import { codeframe } from './codeframe';
import type { Formatter } from './formatter';
import { json } from './json';
import { sarif } from './sarif';
import { stylish } from './stylish';

export const FORMATTERS = { stylish, json, sarif, codeframe } satisfies Record<string, Formatter>;
export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
