import type { SourceFile } from '../../model/source-file';
import type { ProcedureFile } from '../../model/types';
import { formatDate } from '../format';
import { controlledHeaderView, dateView, list, str, upper, viewBase, type DateView, type RoleView, type StampsView, type ViewBase, type ViewContext } from './common';

/**
 * The decision that promulgates a procedure (VN: Quyết định ban hành), laid out as Decree
 * 30/2020/NĐ-CP Appendix I sets out an administrative document: national title block, issuing
 * body, number and symbol, place and date, type and summary, bases, articles, signature block,
 * recipients. Vietnamese only.
 */

/** One article (Điều). */
export interface ArticleView {
  /** Article number, from 1. */
  no: number;
  /** `Điều 1.` */
  label: string;
  /** The article's text (the last one ends with `./.`). */
  text: string;
}

/** The signature block (Decree 30 cells 7a–7c). */
export interface SignerView {
  /** Authority prefix (`KT.`, `TL.`…); `''` when the head signs in person. */
  prefix: string;
  /** The position in capitals: `CHỈ HUY TRƯỞNG`. */
  position: string;
  /** The signer's name (a military unit may show the rank); `''` when qms.yaml names no holder (space left to write it). */
  name: string;
  /** The approving role. */
  role: RoleView | null;
}

/** The view model of a release decision: `release-decision.hbs`. */
export interface ReleaseDecisionView extends ViewBase {
  /** Always `release-decision`. */
  kind: 'release-decision';
  /** The output's path from the output root, without extension (`decisions/QT-BCHQS-01`). */
  fileBase: string;
  /** The procedure released. */
  procedure: {
    /** Its code. */
    code: string;
    /** Its title. */
    title: string;
    /** Its issue number, two digits. */
    revisionText: string;
    /** Its effective date; `null` when not set. */
    effective: DateView | null;
    /** The issue it replaces, two digits; `''` for a first issue. */
    previousRevisionText: string;
    /** Its output's path from the output root, without extension. */
    fileBase: string;
  };
  /** Governing body in capitals (cell 2, first line); `''` when none. */
  parentUpper: string;
  /** Issuing body in capitals (cell 2, bold). */
  issuerUpper: string;
  /** The symbol after the number: `QĐ-BCHQS`. */
  symbol: string;
  /** Place for the date line (the district or province the body sits in, from its name); `''` when it cannot be told. */
  place: string;
  /** Signing date (the approval date); `null` when not yet approved. */
  date: DateView | null;
  /** Cell 4, complete: `Nam Từ Liêm, ngày 15 tháng 01 năm 2026` (dots where place or date are missing). */
  placeDate: string;
  /** The summary under `QUYẾT ĐỊNH`: `Về việc ban hành Quy trình …`. */
  summary: string;
  /** The authority line above the bases: `CHỈ HUY TRƯỞNG BAN CHỈ HUY QUÂN SỰ QUẬN NAM TỪ LIÊM`. */
  authority: string;
  /** The bases, each a complete line: `Căn cứ Luật …;`. */
  bases: string[];
  /** `Theo đề nghị của …`; `''` when no reviewer is named. */
  proposal: string;
  /** The articles. */
  articles: ArticleView[];
  /** Who signs. */
  signer: SignerView;
  /** Recipients (Nơi nhận), each a complete line; the last is `Lưu: VT, …`. */
  recipients: string[];
  /** True when the procedure is not approved: the decision is a draft and carries the draft marker. */
  isDraft: boolean;
  /** Status stamps of the procedure. */
  stamps: StampsView;
}

const LEGAL = /^(Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|Pháp lệnh|Hiến pháp|TCVN|Tiêu chuẩn)/u;
const LEGAL_ORDER = [/^Hiến pháp/u, /^Bộ luật/u, /^Luật/u, /^Pháp lệnh/u, /^Nghị quyết/u, /^Nghị định/u, /^Quyết định/u, /^Thông tư/u, /^Chỉ thị/u, /^(TCVN|Tiêu chuẩn)/u];
const PLACE = /(?:^|\s)(?:quận|huyện|thị xã|thành phố|tỉnh|thị trấn|phường|xã)\s+(.+)$/iu;

/** The place in the date line: `Ban Chỉ huy Quân sự quận Nam Từ Liêm` → `Nam Từ Liêm`. */
export function placeOf(organizationName: string): string {
  const match = PLACE.exec(organizationName.trim());
  return match ? match[1]!.trim() : '';
}

/** A unit's abbreviation as `Lưu: VT, …` prints it: `Ban Tham mưu` → `TM`; `Ban Hậu cần - Kỹ thuật` → `HC-KT`. */
export function unitAbbreviation(name: string): string {
  const stripped = name.normalize('NFC').trim().replace(/^(Ban|Phòng|Bộ phận|Trung tâm|Khoa|Tổ)\s+/iu, '');
  return stripped
    .split(/\s*-\s*/)
    .map((part) =>
      part
        .split(/\s+/)
        .filter(Boolean)
        .map((word) => upper([...word][0]!))
        .join(''),
    )
    .filter(Boolean)
    .join('-');
}

export function releaseDecisionView(file: SourceFile, ctx: ViewContext, fileBase: string, procedureFileBase: string): ReleaseDecisionView {
  const model = file.model as ProcedureFile;
  const header = controlledHeaderView(model, ctx);
  const base = viewBase(ctx, '../');
  const org = base.organization;
  const title = header.title;
  const titled = /^quy trình/iu.test(title) ? title : `Quy trình ${title}`;
  const approvedDate = header.approval.approved.date;
  const place = placeOf(org.name);
  const placeDate = `${place || '……'}, ${approvedDate ? approvedDate.long : 'ngày … tháng … năm …'}`;
  const signerRole = header.approval.approved.role;
  const previous = header.history.find((h) => h.revision < header.revision)?.revision ?? (header.revision > 1 ? header.revision - 1 : null);
  const previousText = previous === null ? '' : String(previous).padStart(2, '0');

  // Bases in the order of legal force: laws before decrees before circulars… standards last.
  const rank = (ref: string) => LEGAL_ORDER.findIndex((pattern) => pattern.test(ref));
  const bases = list(model.references)
    .map((ref) => str(ref).trim())
    .filter((ref) => LEGAL.test(ref))
    .map((ref, i) => ({ ref, i, rank: rank(ref) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ ref }) => ref)
    .map((ref) => `Căn cứ ${ref.trim().replace(/^TCVN/u, 'Tiêu chuẩn quốc gia TCVN').replace(/[.;]+$/u, '')};`);
  const reviewer = header.approval.reviewed.role;
  const proposal = reviewer ? `Theo đề nghị của ${reviewer.name}.` : '';

  const responsible = [header.owner?.name, ...header.distribution.map((u) => u.name)].filter((n): n is string => Boolean(n));
  const uniqueResponsible = [...new Set(responsible)];
  const effective = header.effective ? formatDate(header.effective.iso, 'vi') : '';
  const articles: ArticleView[] = [
    { no: 1, label: 'Điều 1.', text: `Ban hành kèm theo Quyết định này ${titled}, mã hiệu ${header.code}, lần ban hành ${header.revisionText}.` },
    {
      no: 2,
      label: 'Điều 2.',
      text:
        `Quyết định này có hiệu lực ${effective ? `kể từ ngày ${effective}` : 'kể từ ngày ký'}` +
        (previousText ? `, thay thế ${titled} lần ban hành ${previousText}.` : '.'),
    },
    {
      no: 3,
      label: 'Điều 3.',
      text: `${uniqueResponsible.length ? uniqueResponsible.join(', ') + ' và các' : 'Các'} cơ quan, đơn vị, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.`,
    },
  ];

  const ownerUnit = header.owner?.unit ?? '';
  const recipients = ['Như Điều 3;'];
  if (org.parent) recipients.push(`${org.parent} (để báo cáo);`);
  recipients.push(`Lưu: VT${ownerUnit ? `, ${unitAbbreviation(ownerUnit)}` : ''}.`);

  return {
    ...base,
    kind: 'release-decision',
    fileBase,
    procedure: { code: header.code, title, revisionText: header.revisionText, effective: header.effective, previousRevisionText: previousText, fileBase: procedureFileBase },
    parentUpper: org.parentUpper,
    issuerUpper: org.nameUpper,
    symbol: `QĐ-${org.short || 'XXX'}`,
    place,
    date: approvedDate ? dateView(approvedDate.iso, 'vi') : null,
    placeDate,
    summary: `Về việc ban hành ${titled}`,
    authority: signerRole ? `${upper(signerRole.name)} ${org.nameUpper}` : org.nameUpper,
    bases,
    proposal,
    articles,
    signer: { prefix: '', position: signerRole ? upper(signerRole.name) : '', name: signerRole?.holder ?? '', role: signerRole },
    recipients,
    isDraft: !header.isApproved,
    stamps: header.stamps,
  };
}
