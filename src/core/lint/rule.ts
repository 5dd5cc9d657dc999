import type { Fix, LocalizedText, MessageData, Severity } from '../findings';
import type { SourceFile } from '../model/source-file';
import type { Kind, QmsFile, SystemFile } from '../model/types';
import type { Workspace } from '../model/workspace';
import type { RangeTarget } from '../yaml/pointer';
import type { FixBuilder } from './fix-builder';

/**
 * A lint rule, declared as data (id, default severity, clauses, messages) plus a check.
 * Rules report a place by JSON pointer; the engine finds the range. Rules never compute lines.
 */
export interface RuleMeta<MessageId extends string = string> {
  /** `group/name`, the file name under `rules/` and the docs page name. */
  id: string;
  severity: Severity;
  /** ISO 9001:2015 clauses the rule serves, for the docs and SARIF. */
  clauses: string[];
  /** One line: what the rule reports. */
  description: LocalizedText;
  /** Messages keyed by id; `{name}` placeholders are filled from the report's data. */
  messages: Record<MessageId, LocalizedText>;
  /** True when some findings of this rule carry a fix. */
  fixable?: boolean;
}

export interface FileRule<MessageId extends string = string> extends RuleMeta<MessageId> {
  scope: 'file';
  /** The kinds of file this rule looks at. */
  kinds: Kind[];
  check(context: FileRuleContext<MessageId>): void;
}

export interface WorkspaceRule<MessageId extends string = string> extends RuleMeta<MessageId> {
  scope: 'workspace';
  check(context: WorkspaceRuleContext<MessageId>): void;
}

export type Rule = FileRule<string> | WorkspaceRule<string>;

export type Pointer = string | ReadonlyArray<string | number>;

export interface Report<MessageId extends string> {
  messageId: MessageId;
  data?: MessageData;
  /** Where: a JSON pointer into the file. */
  at: Pointer;
  /** Point at the property name rather than its value. */
  target?: RangeTarget;
  /** Other places the finding is about (the first definition of a duplicate). */
  related?: Array<{ file: string; at: Pointer; messageId: MessageId; data?: MessageData }>;
  /** Fixes offered; a builder's undefined (no safe edit possible) is dropped. */
  fixes?: Array<Fix | undefined>;
}

export interface LintSettings {
  /** Today, `YYYY-MM-DD`: injected so that review-due rules are testable and reproducible. */
  today: string;
}

interface SharedContext {
  workspace: Workspace;
  system: SystemFile | undefined;
  settings: LintSettings;
}

export interface FileRuleContext<MessageId extends string> extends SharedContext {
  file: SourceFile;
  model: QmsFile;
  fix: FixBuilder;
  report(report: Report<MessageId>): void;
}

export interface WorkspaceRuleContext<MessageId extends string> extends SharedContext {
  /** Fix builder for a given file. */
  fixFor(file: SourceFile): FixBuilder;
  /**
   * Whether findings on this file are wanted in this run (the editor re-lints only the file
   * being typed in). Reports on other files are dropped anyway; checking first saves the work.
   */
  includes(file: SourceFile): boolean;
  report(file: SourceFile, report: Report<MessageId>): void;
}

/** Typed helpers: `defineFileRule` keeps message ids checked against the `messages` table. */
export function defineFileRule<const M extends string>(rule: FileRule<M>): FileRule<M> {
  return rule;
}

export function defineWorkspaceRule<const M extends string>(rule: WorkspaceRule<M>): WorkspaceRule<M> {
  return rule;
}
