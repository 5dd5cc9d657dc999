import { defineFileRule } from '../../rule';
import { cachedReferencesOf, codeList, didYouMean, suggestId } from './shared';

const PROCESS_ID = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;

export const unknownProcess = defineFileRule({
  id: 'ref/unknown-process',
  severity: 'error',
  clauses: ['4.4.1'],
  fixable: true,
  scope: 'file',
  kinds: ['process', 'procedure'],
  description: {
    en: 'A procedure\'s `process`, or a process\'s `inputs[].from` / `outputs[].to`, naming no process and no external party.',
    vi: '`process` của quy trình, hoặc `inputs[].from` / `outputs[].to` của quá trình, không trỏ tới quá trình hay bên ngoài nào.',
  },
  messages: {
    process: {
      en: 'Process `{id}` is not defined: no process file has `id: {id}`.{hint}',
      vi: 'Quá trình `{id}` chưa được định nghĩa: không có tệp quá trình nào có `id: {id}`.{hint}',
    },
    input: {
      en: 'This input comes from `{id}`, which is neither a process id nor an external party in qms.yaml.{hint}',
      vi: 'Đầu vào này đến từ `{id}` nhưng đó không phải mã quá trình hay mã bên ngoài nào trong qms.yaml.{hint}',
    },
    output: {
      en: 'This output goes to `{id}`, which is neither a process id nor an external party in qms.yaml.{hint}',
      vi: 'Đầu ra này chuyển tới `{id}` nhưng đó không phải mã quá trình hay mã bên ngoài nào trong qms.yaml.{hint}',
    },
  },
  check({ file, model, workspace, system, fix, report }) {
    const { processes, externals } = workspace.index;
    // A process's own id is no sensible suggestion for its inputs and outputs.
    const self = model.kind === 'process' && typeof model.id === 'string' ? model.id : undefined;
    for (const reference of cachedReferencesOf(file)) {
      if (reference.kind !== 'process' && reference.kind !== 'party') continue;
      // Without a readable qms.yaml no external is known; its own findings say what to fix.
      if (reference.kind === 'party' && !system) continue;
      if (processes.has(reference.id) || (reference.kind === 'party' && externals.has(reference.id))) continue;
      const candidates = reference.kind === 'process' ? [...processes.keys()] : [...processes.keys(), ...externals.keys()].filter((id) => id !== self);
      const suggestion = suggestId(reference.id, candidates);
      const defined = processes.size
        ? { en: ` Defined processes: ${codeList(processes.keys())}.`, vi: ` Các quá trình đã có: ${codeList(processes.keys())}.` }
        : { en: '', vi: '' };
      const hint = suggestion
        ? didYouMean(suggestion)
        : reference.kind === 'process' || PROCESS_ID.test(reference.id)
          ? {
              en: ` Create the process (a file with \`kind: process\` and \`id: ${reference.id}\`) or use a defined process id.${defined.en}`,
              vi: ` Hãy tạo quá trình này (tệp có \`kind: process\` và \`id: ${reference.id}\`) hoặc dùng một mã quá trình đã có.${defined.vi}`,
            }
          : {
              en: ' Add it under `externals:` in qms.yaml, or use a process id.',
              vi: ' Hãy thêm vào mục `externals:` trong qms.yaml, hoặc dùng một mã quá trình.',
            };
      report({
        messageId: reference.kind === 'process' ? 'process' : reference.pointer.startsWith('/inputs/') ? 'input' : 'output',
        at: reference.pointer,
        data: { id: reference.id, hint },
        fixes: suggestion ? [fix.replaceValue(reference.pointer, suggestion, { en: `Change to \`${suggestion}\``, vi: `Đổi thành \`${suggestion}\`` })] : [],
      });
    }
  },
});
