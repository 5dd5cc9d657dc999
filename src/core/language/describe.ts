import * as path from 'node:path';
import { clauseByNumber, DEFAULT_STANDARD, editionOf, type Clause } from '../data/clauses';
import type { LocalizedText } from '../findings';
import { calendarOf } from '../flow/calendar';
import { formatDays, parseDuration, toWorkingDays } from '../flow/duration';
import type { SourceFile } from '../model/source-file';
import type { ProcedureFile, Role, Step, SystemFile } from '../model/types';
import type { Workspace } from '../model/workspace';
import { modelOf } from './model';
import { definitionSites } from './navigation';
import { escapeMarkdown as md, type QmsSymbol } from './types';

/**
 * Markdown about the things files name — roles, steps, clauses, durations — shared by hover
 * and completion, in both languages.
 */
export function systemOf(workspace: Workspace): SystemFile | undefined {
  const model = workspace.system && modelOf(workspace.system);
  return model?.kind === 'system' ? model : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function entityOf(workspace: Workspace, key: 'roles' | 'units' | 'externals', id: string): (Role & { parent?: string }) | undefined {
  return list(systemOf(workspace)?.[key]).find((e) => (e as Role | null)?.id === id) as (Role & { parent?: string }) | undefined;
}

export function workspacePath(workspace: Workspace, file: string): string {
  return path.relative(workspace.root, file).split(path.sep).join('/');
}

function lines(...parts: Array<LocalizedText | undefined>): LocalizedText {
  const present = parts.filter((p): p is LocalizedText => !!p);
  return { en: present.map((p) => p.en).join('\n\n'), vi: present.map((p) => p.vi).join('\n\n') };
}

function line(en: string, vi: string, value: string | undefined): LocalizedText | undefined {
  return value === undefined ? undefined : { en: `${en}: ${value}`, vi: `${vi}: ${value}` };
}

function unitLabel(workspace: Workspace, id: string | undefined): string | undefined {
  if (!id) return undefined;
  const unit = entityOf(workspace, 'units', id);
  return unit?.name ? `${md(unit.name)} (\`${id}\`)` : `\`${id}\``;
}

export function roleLabel(workspace: Workspace, id: string | undefined): string | undefined {
  if (!id) return undefined;
  const role = entityOf(workspace, 'roles', id);
  return role?.name ? `${md(role.name)} (\`${id}\`)` : `\`${id}\``;
}

/** "Holder: …", "Unit: …" for a role (completion documentation and hover). */
export function roleDetails(workspace: Workspace, id: string): LocalizedText | undefined {
  const role = entityOf(workspace, 'roles', id);
  if (!role) return undefined;
  const text = lines(line('Holder', 'Người đảm nhiệm', str(role.holder) && md(role.holder!)), line('Unit', 'Đơn vị', unitLabel(workspace, str(role.unit))));
  return text.en ? text : undefined;
}

/** "= 0.25 working days at 8 h/day" for a duration (to follow the duration itself), when it is one. */
export function durationText(workspace: Workspace, text: unknown): LocalizedText | undefined {
  const duration = parseDuration(text);
  if (!duration) return undefined;
  const calendar = calendarOf(systemOf(workspace));
  const days = toWorkingDays(duration, calendar.hoursPerDay);
  if (days === undefined) {
    return {
      en: '— a calendar period (months and years are not working time)',
      vi: '— khoảng thời gian theo lịch (tháng và năm không tính theo ngày làm việc)',
    };
  }
  const shown = formatDays(days);
  const unit = days === 1 ? 'working day' : 'working days';
  if (duration.unit === 'workingDays') {
    return { en: `= ${shown} ${unit} (weekends and holidays skipped)`, vi: `= ${shown} ngày làm việc (không tính ngày nghỉ, ngày lễ)` };
  }
  const hours = formatDays(calendar.hoursPerDay);
  return { en: `= ${shown} ${unit} at ${hours} h/day`, vi: `= ${shown} ngày làm việc, với ${hours} giờ/ngày` };
}

export function clauseOf(workspace: Workspace, number: string): { clause: Clause | undefined; edition: string } {
  const edition = editionOf(systemOf(workspace)?.standard) ?? DEFAULT_STANDARD;
  return { clause: clauseByNumber(number, edition), edition };
}

export function clauseText(workspace: Workspace, number: string): LocalizedText {
  const { clause, edition } = clauseOf(workspace, number);
  if (!clause) {
    return {
      en: `Clause \`${md(number)}\` is not in the ${edition} catalogue.`,
      vi: `Điều khoản \`${md(number)}\` không có trong danh mục ${edition}.`,
    };
  }
  return {
    en: `**${clause.number} — ${md(clause.title.en)}**\n\n${md(clause.summary.en)}\n\n*${edition}*`,
    vi: `**${clause.number} — ${md(clause.title.vi)}**\n\n${md(clause.summary.vi)}\n\n*${edition}*`,
  };
}

function procedureOf(file: SourceFile | undefined): ProcedureFile | undefined {
  const model = file && modelOf(file);
  return model?.kind === 'procedure' ? model : undefined;
}

export function stepDetails(workspace: Workspace, step: Step): LocalizedText {
  const duration = str(step.duration);
  const days = duration ? durationText(workspace, duration) : undefined;
  return lines(
    line('Role', 'Vai trò', roleLabel(workspace, str(step.role))),
    duration ? { en: `Duration: ${md(duration)}${days ? ` ${days.en}` : ''}`, vi: `Thời gian: ${md(duration)}${days ? ` ${days.vi}` : ''}` } : undefined,
    line('Decision', 'Điểm quyết định', str(step.decision) && md(step.decision!)),
    step.pauses_clock === true ? { en: 'Pauses the clock.', vi: 'Không tính vào thời hạn giải quyết.' } : undefined,
    step.end === true ? { en: 'Ends the flow.', vi: 'Kết thúc quy trình.' } : undefined,
  );
}

/** Markdown describing what a symbol names: its name, who, where. */
export function describeSymbol(workspace: Workspace, symbol: QmsSymbol): LocalizedText {
  const id = `\`${md(symbol.id)}\``;
  const title = (name: string | undefined, en: string, vi: string): LocalizedText =>
    name ? { en: `**${md(name)}** — ${en} ${id}`, vi: `**${md(name)}** — ${vi} ${id}` } : { en: `${en} ${id}`, vi: `${vi} ${id}` };
  const sites = definitionSites(workspace, symbol);
  const site = sites[0];
  const where = site ? line('File', 'Tệp', `\`${md(workspacePath(workspace, site.file.path))}\``) : undefined;
  const unknown = (en: string, vi: string): LocalizedText => ({ en: `Unknown ${en} ${id}: nothing defines it.`, vi: `Không có ${vi} ${id}: chưa được định nghĩa.` });
  switch (symbol.kind) {
    case 'role': {
      const role = entityOf(workspace, 'roles', symbol.id);
      return role ? lines(title(str(role.name), 'role', 'vai trò'), roleDetails(workspace, symbol.id)) : unknown('role', 'vai trò');
    }
    case 'unit': {
      const unit = entityOf(workspace, 'units', symbol.id);
      if (!unit) return unknown('unit', 'đơn vị');
      const roles = list(systemOf(workspace)?.roles).filter((r) => (r as Role | null)?.unit === symbol.id).map((r) => roleLabel(workspace, (r as Role).id)!);
      return lines(title(str(unit.name), 'unit', 'đơn vị'), line('Roles', 'Vai trò', roles.length ? roles.join(', ') : undefined));
    }
    case 'external': {
      const external = entityOf(workspace, 'externals', symbol.id);
      return external ? title(str(external.name), 'external party', 'bên ngoài') : unknown('external party', 'bên ngoài');
    }
    case 'process': {
      const model = site && modelOf(site.file);
      if (model?.kind !== 'process') return unknown('process', 'quá trình');
      return lines(title(str(model.name), 'process', 'quá trình'), line('Owner', 'Chủ sở hữu', roleLabel(workspace, str(model.owner))), where);
    }
    case 'controlled': {
      const model = site && modelOf(site.file);
      if (model?.kind !== 'procedure' && model?.kind !== 'document') return unknown('procedure or document', 'quy trình hay tài liệu');
      const [en, vi] = model.kind === 'procedure' ? ['procedure', 'quy trình'] : ['document', 'tài liệu'];
      const status = str(model.status);
      return lines(
        title(str(model.title), en, vi),
        status ? { en: `Status: ${md(status)}, revision ${String(model.revision ?? '?')}`, vi: `Trạng thái: ${md(status)}, lần ban hành ${String(model.revision ?? '?')}` } : undefined,
        where,
      );
    }
    case 'step': {
      const procedure = procedureOf(workspace.index.byPath.get(symbol.file ?? ''));
      const step = list(procedure?.steps).find((s) => (s as Step | null)?.id === symbol.id) as Step | undefined;
      return step ? lines(title(str(step.name), 'step', 'bước'), stepDetails(workspace, step)) : unknown('step', 'bước');
    }
    case 'form': {
      const procedure = procedureOf(workspace.index.byPath.get(symbol.file ?? ''));
      const form = list(procedure?.forms).find((f) => (f as { code?: unknown } | null)?.code === symbol.id) as { title?: string; file?: string } | undefined;
      return form ? lines(title(str(form.title), 'form', 'biểu mẫu'), line('File', 'Tệp', str(form.file) && `\`${md(form.file!)}\``)) : unknown('form', 'biểu mẫu');
    }
    case 'record': {
      const procedure = procedureOf(workspace.index.byPath.get(symbol.file ?? ''));
      const record = list(procedure?.records).find((r) => (r as { code?: unknown } | null)?.code === symbol.id) as
        | { title?: string; keeper?: string; retention?: string; location?: string }
        | undefined;
      if (!record) return unknown('record', 'hồ sơ');
      return lines(
        title(str(record.title), 'record', 'hồ sơ'),
        line('Keeper', 'Người lưu', roleLabel(workspace, str(record.keeper))),
        line('Retention', 'Thời gian lưu', str(record.retention) && md(record.retention!)),
        line('Location', 'Nơi lưu', str(record.location) && md(record.location!)),
      );
    }
  }
}
