/**
 * Change control (docs/change-control.md): fingerprints, qms.lock, releases, the structural diff.
 * The CLI and the extension call these with their own FileSystem.
 */
export { canonicalJson, fingerprintDocument, RELEASE_FIELDS, shortFingerprint } from './fingerprint';
export {
  describeVersion,
  documentVersion,
  entriesFor,
  entryFor,
  lastRelease,
  LOCK_RULE_ID,
  parseLock,
  readSnapshot,
  RELEASED_DIR,
  snapshotPath,
  snapshotRelativePath,
  versionLabel,
  type DocumentVersion,
  type LockEntry,
  type LockEvent,
  type WorkspaceLock,
} from './lock';
export { diffDocuments, formatDiff, summarizeDiff, type DocumentDiff, type ListDiff } from './diff';
export {
  controlledDocumentStatuses,
  diffSinceRelease,
  releasedCopy,
  releaseStatusOf,
  type ChangeState,
  type ControlledDocumentStatus,
  type ReleaseStatus,
} from './state';
export {
  ChangeControlError,
  findControlledDocument,
  obsoleteDocument,
  planObsolete,
  planRecord,
  planRelease,
  RECORD_COMMAND,
  recordDocuments,
  RELEASE_COMMAND,
  releaseDocument,
  type ChangePlan,
  type ChangeResult,
  type Counter,
  type ReleaseOptions,
} from './release';
