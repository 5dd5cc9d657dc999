import type { Fix, LocalizedText, MessageData } from '../../../findings';
import type { DocumentDiff } from '../../../change/diff';
import { summarizeDiff } from '../../../change/diff';
import { describeVersion } from '../../../change/lock';
import { ChangeControlError, planRelease, RELEASE_COMMAND } from '../../../change/release';
import { diffSinceRelease, releaseStatusOf, type SnapshotState } from '../../../change/state';
import type { Workspace } from '../../../model/workspace';
import type { SourceFile } from '../../../model/source-file';
import { defineFileRule, type Pointer } from '../../rule';
import { workspaceLocale } from './shared';

const NO_DETAIL: Record<Exclude<SnapshotState, 'ok'>, LocalizedText> = {
  missing: {
    en: 'its released copy {copy} is missing, so what changed cannot be shown',
    vi: 'không còn bản lưu khi ban hành {copy} nên không thể chỉ ra nội dung thay đổi',
  },
  unreadable: {
    en: 'its released copy {copy} cannot be read, so what changed cannot be shown',
    vi: 'không đọc được bản lưu khi ban hành {copy} nên không thể chỉ ra nội dung thay đổi',
  },
  mismatch: {
    en: 'its released copy {copy} no longer matches the release, so what changed cannot be shown',
    vi: 'bản lưu khi ban hành {copy} không còn khớp với lần ban hành nên không thể chỉ ra nội dung thay đổi',
  },
};

function fill(text: LocalizedText, copy: string): LocalizedText {
  return { en: text.en.replace('{copy}', copy), vi: text.vi.replace('{copy}', copy) };
}

/** Up to this many places in the working copy are listed as related locations. */
const MAX_RELATED = 8;

interface Place {
  at: Pointer;
  messageId: 'stepChanged' | 'stepAdded' | 'sectionChanged';
  data: Record<string, string>;
}

function placesOf(diff: DocumentDiff, model: Record<string, unknown>): Place[] {
  const places: Place[] = [];
  for (const step of diff.steps.changed) {
    const fields = step.changes.map((c) => c.field).filter(Boolean);
    const first = fields.find((field) => {
      const steps = model.steps as Array<Record<string, unknown>> | undefined;
      return steps?.[step.index]?.[field] !== undefined;
    });
    places.push({ at: first ? ['steps', step.index, first] : ['steps', step.index, 'id'], messageId: 'stepChanged', data: { id: step.key, fields: fields.join(', ') } });
  }
  for (const step of diff.steps.added) places.push({ at: ['steps', step.index, 'id'], messageId: 'stepAdded', data: { id: step.key } });
  for (const key of [...diff.sections.changed, ...diff.sections.added]) places.push({ at: [key], messageId: 'sectionChanged', data: { key } });
  return places.slice(0, MAX_RELATED);
}

/** The quick fix: the release's text edits (document and lock), standing for the release command. */
export function releaseFix(workspace: Workspace, file: SourceFile, code: string, today: string, locale: 'en' | 'vi'): Fix {
  const title: LocalizedText = { en: 'Release new revision…', vi: 'Ban hành lần mới…' };
  const command = { id: RELEASE_COMMAND, arguments: [{ root: workspace.root, code, file: file.path }] };
  try {
    const plan = planRelease(workspace, code, { today, summary: locale === 'vi' ? 'Mô tả nội dung sửa đổi' : 'Describe the change', preview: true });
    const edits = [{ file: plan.file, edits: plan.documentEdits }];
    if (plan.lockEdit) edits.push({ file: plan.lockPath, edits: [plan.lockEdit] });
    return { title, safe: false, edits, command };
  } catch (error) {
    if (!(error instanceof ChangeControlError)) throw error;
    // The command will say why; there are no edits to preview.
    return { title, safe: false, edits: [], command };
  }
}

export const changedWithoutRevision = defineFileRule({
  id: 'doc/changed-without-revision',
  severity: 'error',
  clauses: ['7.5.2', '7.5.3.2'],
  fixable: true,
  scope: 'file',
  kinds: ['procedure', 'document'],
  description: {
    en: 'An approved document whose content no longer matches the `qms.lock` fingerprint of its revision: it was changed without releasing a new revision.',
    vi: 'Tài liệu đã phê duyệt có nội dung không còn khớp với dấu vân tay của lần ban hành trong `qms.lock`: tài liệu bị sửa mà không ban hành lần mới.',
  },
  messages: {
    changed: {
      en: '{code} was released as {version} on {date}, and its content has changed since: {what}. An approved document changes only through a new revision: release one (`qmskit release {code} --summary "…"`), or undo the change (`qmskit diff {code}` shows it).',
      vi: '{code} đã được ban hành ({version}) ngày {date} và nội dung đã thay đổi kể từ đó: {what}. Tài liệu đã phê duyệt chỉ được thay đổi qua một lần ban hành mới: hãy ban hành (`qmskit release {code} --summary "…"`), hoặc hoàn tác thay đổi (`qmskit diff {code}` cho biết thay đổi).',
    },
    changedNoDetail: {
      en: '{code} was released as {version} on {date}, and its content no longer matches the fingerprint recorded then in qms.lock ({why}). An approved document changes only through a new revision: release one (`qmskit release {code} --summary "…"`), or undo the change.',
      vi: '{code} đã được ban hành ({version}) ngày {date} và nội dung không còn khớp với dấu vân tay ghi trong qms.lock khi đó ({why}). Tài liệu đã phê duyệt chỉ được thay đổi qua một lần ban hành mới: hãy ban hành (`qmskit release {code} --summary "…"`), hoặc hoàn tác thay đổi.',
    },
    stepChanged: {
      en: 'Step `{id}` changed since the release ({fields}).',
      vi: 'Bước `{id}` đã thay đổi kể từ lần ban hành ({fields}).',
    },
    stepAdded: {
      en: 'Step `{id}` was added after the release.',
      vi: 'Bước `{id}` được thêm sau lần ban hành.',
    },
    sectionChanged: {
      en: '`{key}` changed since the release.',
      vi: '`{key}` đã thay đổi kể từ lần ban hành.',
    },
  },
  check({ workspace, file, model, system, settings, report }) {
    const lock = workspace.lock;
    if (!lock?.valid || (model.kind !== 'procedure' && model.kind !== 'document') || model.status !== 'approved') return;
    const status = releaseStatusOf(lock, model);
    if (status.state !== 'changed' || !status.entry || !status.code) return;
    // A code several files define cannot be matched to its record: ref/duplicate-id says so.
    if ((workspace.index.controlled.get(status.code)?.length ?? 0) > 1) return;
    const { entry, code } = status;
    const { copy, diff } = diffSinceRelease(lock, entry, model);
    const detailed = diff !== undefined && !diff.identical;
    const data: MessageData = detailed
      ? { code, version: describeVersion(status.version!), date: entry.date, what: summarizeDiff(diff) }
      : { code, version: describeVersion(status.version!), date: entry.date, why: fill(NO_DETAIL[copy.state === 'ok' ? 'mismatch' : copy.state], copy.relativePath) };
    const places = detailed ? placesOf(diff, model as unknown as Record<string, unknown>) : [];
    report({
      messageId: detailed ? 'changed' : 'changedNoDetail',
      at: '/revision',
      data,
      related: places.map((place) => ({ file: file.path, at: place.at, messageId: place.messageId, data: place.data })),
      fixes: [releaseFix(workspace, file, code, settings.today, workspaceLocale(system))],
    });
  },
});
