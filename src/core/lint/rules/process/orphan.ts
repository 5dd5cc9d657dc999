import type { LocalizedText } from '../../../findings';
import type { SourceFile } from '../../../model/source-file';
import type { WorkspaceIndex } from '../../../model/workspace-index';
import { fixBuilder, yamlScalar } from '../../fix-builder';
import { defineFileRule } from '../../rule';
import { addListItem, combineFixes, flowMapping, isMissingList, placeholderLocale, processLabel } from './shared';

const PLACEHOLDER = {
  inputs: { en: 'TODO: what the process needs, and from whom', vi: 'TODO: đầu vào của quá trình, do ai cung cấp' },
  outputs: { en: 'TODO: what the process delivers, and to whom', vi: 'TODO: đầu ra của quá trình, chuyển cho ai' },
};

interface ListingSite {
  file: SourceFile;
  /** The codes the process lists under `procedures:`; undefined when that is not a list (the schema reports it). */
  codes: ReadonlySet<string> | undefined;
}

/** Per workspace: the process each id names, when exactly one file defines it (duplicates are ref/duplicate-id's). */
const listings = new WeakMap<WorkspaceIndex, Map<string, ListingSite | undefined>>();

function listingOf(index: WorkspaceIndex, processId: string): ListingSite | undefined {
  let byId = listings.get(index);
  if (!byId) {
    byId = new Map();
    listings.set(index, byId);
  }
  if (byId.has(processId)) return byId.get(processId);
  const definitions = index.processes.get(processId) ?? [];
  const file = definitions.length === 1 ? index.byPath.get(definitions[0]!.file) : undefined;
  let site: ListingSite | undefined;
  if (file?.model?.kind === 'process') {
    const procedures = (file.model as { procedures?: unknown }).procedures;
    site = {
      file,
      codes: procedures === undefined ? new Set() : Array.isArray(procedures) ? new Set(procedures.filter((c): c is string => typeof c === 'string')) : undefined,
    };
  }
  byId.set(processId, site);
  return site;
}

const ADD_TITLE: Record<'inputs' | 'outputs' | 'both', LocalizedText> = {
  inputs: { en: 'Add an input to fill in', vi: 'Thêm một đầu vào để điền' },
  outputs: { en: 'Add an output to fill in', vi: 'Thêm một đầu ra để điền' },
  both: { en: 'Add an input and an output to fill in', vi: 'Thêm một đầu vào và một đầu ra để điền' },
};

export const orphan = defineFileRule({
  id: 'process/orphan',
  severity: 'warning',
  clauses: ['4.4.1', '4.4.2'],
  fixable: true,
  scope: 'file',
  kinds: ['process', 'procedure'],
  description: {
    en: 'A process with no input or no output, or a procedure whose `process` does not list it.',
    vi: 'Quá trình không có đầu vào hoặc đầu ra, hoặc quy trình mà quá trình ghi ở mục `process` không liệt kê nó.',
  },
  messages: {
    noInputs: {
      en: '{process} has no inputs: list under `inputs:` what it needs and who supplies it (4.4.1 a), so that the process map shows where its work comes from.',
      vi: '{process} chưa có đầu vào: hãy liệt kê trong mục `inputs:` những gì quá trình cần và ai cung cấp (4.4.1 a), để sơ đồ quá trình thể hiện nguồn đầu vào.',
    },
    noOutputs: {
      en: '{process} has no outputs: list under `outputs:` what it delivers and to whom (4.4.1 a), so that the process map shows where its results go.',
      vi: '{process} chưa có đầu ra: hãy liệt kê trong mục `outputs:` những gì quá trình tạo ra và chuyển cho ai (4.4.1 a), để sơ đồ quá trình thể hiện kết quả đi đâu.',
    },
    isolated: {
      en: '{process} has neither inputs nor outputs, so it is connected to nothing: list what it needs under `inputs:` and what it delivers under `outputs:` (4.4.1 a, b).',
      vi: '{process} chưa có đầu vào và cũng chưa có đầu ra, nên chưa gắn với quá trình hay bên liên quan nào: hãy liệt kê những gì quá trình cần trong mục `inputs:` và những gì quá trình tạo ra trong mục `outputs:` (4.4.1 a, b).',
    },
    notListed: {
      en: 'Process `{process}` does not list this procedure (`{code}`) under `procedures:`. Add `{code}` to the procedures of `{process}`, or set `process` to the process this procedure carries out.',
      vi: 'Quá trình `{process}` không liệt kê quy trình này (`{code}`) trong mục `procedures:`. Hãy thêm `{code}` vào danh sách quy trình của `{process}`, hoặc sửa `process` thành quá trình mà quy trình này thực hiện.',
    },
  },
  check({ file, model, workspace, system, fix, report }) {
    if (model.kind === 'procedure') {
      const { process, code, status } = model as { process?: unknown; code?: unknown; status?: unknown };
      // An obsolete procedure is rightly no longer listed; an unknown process is ref/unknown-process's.
      if (typeof process !== 'string' || typeof code !== 'string' || status === 'obsolete') return;
      const site = listingOf(workspace.index, process);
      if (!site?.codes || site.codes.has(code)) return;
      report({
        messageId: 'notListed',
        at: '/process',
        data: { process, code },
        fixes: [
          addListItem(
            site.file,
            fixBuilder(site.file),
            '/procedures',
            { lines: [yamlScalar(code)], flow: yamlScalar(code) },
            { en: `Add \`${code}\` to the procedures of \`${process}\``, vi: `Thêm \`${code}\` vào danh sách quy trình của \`${process}\`` },
          ),
        ],
      });
      return;
    }

    if (model.kind !== 'process') return;
    const { id, inputs, outputs } = model as { id?: unknown; inputs?: unknown; outputs?: unknown };
    const noInputs = isMissingList(inputs);
    const noOutputs = isMissingList(outputs);
    if (!noInputs && !noOutputs) return;
    const locale = placeholderLocale(system);
    const add = (key: 'inputs' | 'outputs') =>
      addListItem(file, fix, `/${key}`, { lines: [`name: ${yamlScalar(PLACEHOLDER[key][locale])}`], flow: flowMapping([['name', PLACEHOLDER[key][locale]]]) }, ADD_TITLE[key]);
    const atId = typeof id === 'string' ? '/id' : '/kind';
    const data = { process: processLabel(id) };
    if (noInputs && noOutputs) {
      report({ messageId: 'isolated', at: atId, data, fixes: [combineFixes(ADD_TITLE.both, [add('inputs'), add('outputs')])] });
    } else if (noInputs) {
      report({ messageId: 'noInputs', at: inputs === undefined ? atId : '/inputs', target: inputs === undefined ? 'value' : 'key', data, fixes: [add('inputs')] });
    } else {
      report({ messageId: 'noOutputs', at: outputs === undefined ? atId : '/outputs', target: outputs === undefined ? 'value' : 'key', data, fixes: [add('outputs')] });
    }
  },
});

