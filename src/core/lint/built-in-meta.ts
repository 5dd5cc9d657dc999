import type { RuleMeta } from './rule';

/** Findings made while loading (parser and schema) have metadata too, for docs and SARIF. */
export const SYNTAX_RULE: RuleMeta = {
  id: 'yaml/syntax',
  severity: 'error',
  clauses: [],
  description: {
    en: 'YAML that does not parse; duplicate keys; tabs for indentation.',
    vi: 'YAML không phân tích được; khóa bị lặp; thụt lề bằng tab.',
  },
  messages: {},
};

export const SCHEMA_RULE: RuleMeta = {
  id: 'schema/*',
  severity: 'error',
  clauses: ['7.5.2'],
  description: {
    en: 'Anything the JSON Schema rejects: unknown kind, missing required field, wrong type, unknown field, bad value.',
    vi: 'Mọi điều lược đồ JSON không chấp nhận: kind không hợp lệ, thiếu trường bắt buộc, sai kiểu, trường lạ, giá trị sai.',
  },
  messages: {},
};

export const WORKSPACE_RULES: RuleMeta[] = [
  {
    id: 'workspace/missing-system',
    severity: 'error',
    clauses: ['4.3'],
    description: { en: 'The folder has no qms.yaml at its root.', vi: 'Thư mục không có tệp qms.yaml ở gốc.' },
    messages: {},
  },
  {
    id: 'workspace/unreadable-file',
    severity: 'error',
    clauses: [],
    description: { en: 'A QMS file that could not be read.', vi: 'Một tệp QMS không đọc được.' },
    messages: {},
  },
  {
    id: 'lock/invalid',
    severity: 'error',
    clauses: ['7.5.3.2'],
    description: {
      en: 'A qms.lock that cannot be read: a corrupt, truncated, hand-edited or merge-conflicted line.',
      vi: 'Tệp qms.lock không đọc được: một dòng bị hỏng, bị cắt, bị sửa tay hoặc còn xung đột khi gộp.',
    },
    messages: {},
  },
  {
    id: 'lint/rule-error',
    severity: 'warning',
    clauses: [],
    description: { en: 'A rule that could not check a file (usually because of schema problems).', vi: 'Một quy tắc không kiểm tra được tệp (thường do lỗi lược đồ).' },
    messages: {},
  },
];
