import type { LocalizedText } from '../../../findings';
import type { Definition } from '../../../model/workspace-index';
import { defineWorkspaceRule } from '../../rule';
import { cachedLocalDefinitionsOf, workspacePath } from './shared';

const CONTROLLED_KIND: Record<string, { the: LocalizedText; this: LocalizedText }> = {
  procedure: { the: { en: 'the procedure', vi: 'quy trình' }, this: { en: 'procedure', vi: 'quy trình' } },
  document: { the: { en: 'the document', vi: 'tài liệu' }, this: { en: 'document', vi: 'tài liệu' } },
};

const LOCAL_KIND: Record<'step' | 'form' | 'record', { name: LocalizedText; item: LocalizedText }> = {
  step: { name: { en: 'Step id', vi: 'Mã bước' }, item: { en: 'step', vi: 'bước' } },
  form: { name: { en: 'Form code', vi: 'Mã biểu mẫu' }, item: { en: 'form', vi: 'biểu mẫu' } },
  record: { name: { en: 'Record code', vi: 'Mã hồ sơ' }, item: { en: 'record', vi: 'hồ sơ' } },
};

const SYSTEM_KIND: Record<'role' | 'unit' | 'external', { name: LocalizedText; item: LocalizedText; list: string }> = {
  role: { name: { en: 'Role id', vi: 'Mã vai trò' }, item: { en: 'role', vi: 'vai trò' }, list: 'roles' },
  unit: { name: { en: 'Unit id', vi: 'Mã đơn vị' }, item: { en: 'unit', vi: 'đơn vị' }, list: 'units' },
  external: { name: { en: 'External id', vi: 'Mã bên ngoài' }, item: { en: 'external party', vi: 'đối tượng bên ngoài' }, list: 'externals' },
};

/** `/roles/3/id` → 4 (1-based position in its list). */
function position(pointer: string): number {
  return Number(/^\/\w+\/(\d+)\//.exec(pointer)?.[1] ?? 0) + 1;
}

export const duplicateId = defineWorkspaceRule({
  id: 'ref/duplicate-id',
  severity: 'error',
  clauses: ['7.5.2'],
  scope: 'workspace',
  description: {
    en: 'Two processes, procedures or documents with the same id or code in the workspace; two steps, forms or records with the same id or code in one procedure; two roles, units or externals with the same id in qms.yaml.',
    vi: 'Hai quá trình, quy trình hoặc tài liệu trùng mã trong hệ thống; hai bước, biểu mẫu hoặc hồ sơ trùng mã trong một quy trình; hai vai trò, đơn vị hoặc bên ngoài trùng mã trong qms.yaml.',
  },
  messages: {
    process: {
      en: 'Process id `{id}` is already used in `{first}`. Process ids must be unique across the workspace: give this process another id.',
      vi: 'Mã quá trình `{id}` đã được dùng trong `{first}`. Mã quá trình phải là duy nhất trong toàn hệ thống: hãy đặt mã khác cho quá trình này.',
    },
    controlled: {
      en: 'Code `{id}` is already the code of {firstKind} in `{first}`. Procedure and document codes must be unique across the workspace: give this {thisKind} another code.',
      vi: 'Mã `{id}` đã là mã của {firstKind} trong `{first}`. Mã quy trình và tài liệu phải là duy nhất trong toàn hệ thống: hãy đặt mã khác cho {thisKind} này.',
    },
    local: {
      en: '{name} `{id}` is already used by {item} {position} of this procedure. It must be unique within the procedure: rename or remove this {item}.',
      vi: '{name} `{id}` đã được dùng cho {item} thứ {position} của quy trình này. Mã phải là duy nhất trong quy trình: hãy đổi mã hoặc xóa {item} trùng này.',
    },
    system: {
      en: '{name} `{id}` is already defined ({item} {position} under `{list}:`). References to it would be ambiguous: rename or remove this {item}.',
      vi: '{name} `{id}` đã được khai báo ({item} thứ {position} trong mục `{list}:`). Các tham chiếu tới mã này sẽ không rõ trỏ tới mục nào: hãy đổi mã hoặc xóa {item} trùng này.',
    },
    first: {
      en: 'First definition of `{id}`.',
      vi: 'Nơi khai báo đầu tiên của `{id}`.',
    },
  },
  check({ workspace, report, includes }) {
    const { index } = workspace;
    const fileOf = (definition: Definition) => index.byPath.get(definition.file);
    const related = (first: Definition) => [{ file: first.file, at: first.pointer, messageId: 'first' as const, data: { id: first.id } }];

    // Across files: process ids; procedure and document codes (one code space).
    for (const definitions of index.processes.values()) {
      const [first, ...rest] = definitions;
      for (const duplicate of rest) {
        const file = fileOf(duplicate);
        if (!file || !first) continue;
        report(file, { messageId: 'process', at: duplicate.pointer, data: { id: duplicate.id, first: workspacePath(workspace, first.file) }, related: related(first) });
      }
    }
    for (const definitions of index.controlled.values()) {
      const [first, ...rest] = definitions;
      for (const duplicate of rest) {
        const file = fileOf(duplicate);
        if (!file || !first) continue;
        report(file, {
          messageId: 'controlled',
          at: duplicate.pointer,
          data: {
            id: duplicate.id,
            first: workspacePath(workspace, first.file),
            firstKind: CONTROLLED_KIND[first.kind]!.the,
            thisKind: CONTROLLED_KIND[duplicate.kind]!.this,
          },
          related: related(first),
        });
      }
    }

    // In qms.yaml: roles, units and externals (each its own id space).
    for (const [kind, map] of [
      ['role', index.roles],
      ['unit', index.units],
      ['external', index.externals],
    ] as const) {
      const meta = SYSTEM_KIND[kind];
      for (const definitions of map.values()) {
        const [first, ...rest] = definitions;
        for (const duplicate of rest) {
          const file = fileOf(duplicate);
          if (!file || !first) continue;
          report(file, {
            messageId: 'system',
            at: duplicate.pointer,
            data: { id: duplicate.id, name: meta.name, item: meta.item, list: meta.list, position: position(first.pointer) },
            related: related(first),
          });
        }
      }
    }

    // Within each procedure: steps, forms, records.
    for (const file of workspace.files) {
      if (file.model?.kind !== 'procedure' || !includes(file)) continue;
      const seen = new Map<string, { pointer: string; index: number }>();
      for (const definition of cachedLocalDefinitionsOf(file)) {
        const key = `${definition.kind}\u0000${definition.id}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, definition);
          continue;
        }
        const meta = LOCAL_KIND[definition.kind];
        report(file, {
          messageId: 'local',
          at: definition.pointer,
          data: { id: definition.id, name: meta.name, item: meta.item, position: first.index + 1 },
          related: [{ file: file.path, at: first.pointer, messageId: 'first', data: { id: definition.id } }],
        });
      }
    }
  },
});
