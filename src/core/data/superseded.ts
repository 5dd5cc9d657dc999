import type { LocalizedText } from '../findings';
import type { SystemFile } from '../model/types';

/**
 * Legal instruments (and other external documents) that are no longer in force, as data with
 * effective dates. Organizations extend the list in qms.yaml under `superseded:`.
 *
 * An instrument is superseded for a document whose `effective` date (or, without one, today)
 * is on or after `since`: a procedure that took effect while the old decree was in force cited
 * the law of its day.
 */
export interface SupersededEntry {
  /** The instrument as it is usually cited, e.g. `Nghị định 61/2018/NĐ-CP`. */
  instrument: string;
  /** How people cite it: matched against NFC-normalised text. */
  patterns: readonly RegExp[];
  /** What replaces it, when something does, as it should be cited. */
  replacedBy?: string;
  /** `YYYY-MM-DD`: the day from which it no longer applies. */
  since: string;
  note: LocalizedText;
  /** Where the entry comes from: the built-in list or the workspace's qms.yaml. */
  origin: 'built-in' | 'workspace';
}

/** Neither a letter nor a digit (nor `/`) may touch a citation: `61/2018` is not `161/2018`. */
const B = '(?<![\\p{L}\\p{N}/])';
const E = '(?![\\p{L}\\p{N}]|/\\p{N})';

/**
 * A numbered instrument: `Nghị định 61/2018/NĐ-CP`, `Nghị định số 61/2018/NĐ-CP`, `NĐ 61/2018`,
 * `Decree 61/2018/ND-CP` and the bare `61/2018/NĐ-CP` (the suffix identifies it).
 */
function numbered(kindWords: string, number: string, year: string, suffix: string): RegExp[] {
  const suffixPattern = suffix.replace(/Đ/g, '[ĐD]').replace(/-/g, '\\s*-\\s*');
  return [
    // With the kind named, the suffix may be left out, but a different suffix is a different instrument.
    new RegExp(`${B}(?:${kindWords})\\.?\\s*(?:số\\s*|No\\.?\\s*)?0*${number}\\s*/\\s*${year}(?:\\s*/\\s*${suffixPattern}${E}|${E}(?!\\s*/))`, 'iu'),
    new RegExp(`${B}0*${number}\\s*/\\s*${year}\\s*/\\s*${suffixPattern}${E}`, 'iu'),
  ];
}

const decree = (number: string, year: string) => numbered('Nghị\\s+định|NĐ|ND|Decree', number, year, 'NĐ-CP');
const circular = (number: string, year: string, issuer: string) => numbered('Thông\\s+tư|TT|Circular', number, year, `TT-${issuer}`);
const law = (number: string, year: string, session: string) => numbered('Luật|Law', number, year, session);

const n = (en: string, vi: string): LocalizedText => ({ en, vi });

// BRIEF §3.9. Entries marked "verify" rest on a single secondary source; check the date against
// vbpl.vn before relying on it for a boundary case.
const BUILT_IN: SupersededEntry[] = [
  {
    instrument: 'Nghị định 61/2018/NĐ-CP',
    patterns: decree('61', '2018'),
    replacedBy: 'Nghị định 118/2025/NĐ-CP',
    since: '2025-07-01',
    note: n('It governed the one-stop shop (cơ chế một cửa); Decree 118/2025 now does.', 'Văn bản quy định cơ chế một cửa, nay thay bằng Nghị định 118/2025/NĐ-CP.'),
    origin: 'built-in',
  },
  {
    instrument: 'Nghị định 107/2021/NĐ-CP',
    patterns: decree('107', '2021'),
    replacedBy: 'Nghị định 118/2025/NĐ-CP',
    since: '2025-07-01',
    note: n('It amended Decree 61/2018, which Decree 118/2025 replaced.', 'Văn bản sửa đổi Nghị định 61/2018/NĐ-CP, nay thay bằng Nghị định 118/2025/NĐ-CP.'),
    origin: 'built-in',
  },
  {
    instrument: 'Thông tư 01/2018/TT-VPCP',
    patterns: circular('1', '2018', 'VPCP'),
    replacedBy: 'Thông tư 03/2025/TT-VPCP',
    since: '2025-07-01',
    note: n('Its one-stop-shop forms are replaced by those of Circular 03/2025.', 'Các biểu mẫu một cửa nay theo Thông tư 03/2025/TT-VPCP.'),
    origin: 'built-in',
  },
  {
    instrument: 'Nghị định 110/2004/NĐ-CP',
    patterns: decree('110', '2004'),
    replacedBy: 'Nghị định 30/2020/NĐ-CP',
    since: '2020-03-05',
    note: n('Clerical work (công tác văn thư) is now governed by Decree 30/2020.', 'Công tác văn thư nay theo Nghị định 30/2020/NĐ-CP.'),
    origin: 'built-in',
  },
  {
    instrument: 'Nghị định 09/2010/NĐ-CP',
    patterns: decree('9', '2010'),
    replacedBy: 'Nghị định 30/2020/NĐ-CP',
    since: '2020-03-05',
    note: n('It amended Decree 110/2004 on clerical work; Decree 30/2020 replaced both.', 'Văn bản sửa đổi Nghị định 110/2004/NĐ-CP về công tác văn thư; cả hai nay thay bằng Nghị định 30/2020/NĐ-CP.'),
    origin: 'built-in',
  },
  {
    instrument: 'Thông tư 01/2011/TT-BNV',
    patterns: circular('1', '2011', 'BNV'),
    replacedBy: 'Nghị định 30/2020/NĐ-CP',
    since: '2020-03-05',
    note: n('The format of administrative documents (thể thức) is now set by Decree 30/2020.', 'Thể thức văn bản hành chính nay theo Nghị định 30/2020/NĐ-CP.'),
    origin: 'built-in',
  },
  {
    // verify: BRIEF gives only "2023"; the circular of 19/12/2022 is taken to apply from 01/02/2023.
    instrument: 'Thông tư 09/2011/TT-BNV',
    patterns: circular('9', '2011', 'BNV'),
    replacedBy: 'Thông tư 10/2022/TT-BNV',
    since: '2023-02-01',
    note: n('Retention periods of records now follow Circular 10/2022.', 'Thời hạn lưu trữ hồ sơ, tài liệu nay theo Thông tư 10/2022/TT-BNV.'),
    origin: 'built-in',
  },
  {
    instrument: 'Luật Lưu trữ 01/2011/QH13',
    patterns: [...law('1', '2011', 'QH13'), new RegExp(`${B}Luật\\s+Lưu\\s+trữ\\s+(?:năm\\s+)?2011${E}`, 'iu')],
    replacedBy: 'Luật Lưu trữ 33/2024/QH15',
    since: '2025-07-01',
    note: n('The 2024 Archives Law replaces the 2011 one.', 'Luật Lưu trữ năm 2024 thay thế Luật Lưu trữ năm 2011.'),
    origin: 'built-in',
  },
  {
    instrument: 'Nghị định 43/2011/NĐ-CP',
    patterns: decree('43', '2011'),
    replacedBy: 'Nghị định 42/2022/NĐ-CP',
    since: '2022-08-15',
    note: n('Online public services are now "full" or "partial", no longer levels 1–4.', 'Dịch vụ công trực tuyến nay chia thành toàn trình và một phần, không còn mức độ 1–4.'),
    origin: 'built-in',
  },
  {
    instrument: 'Nghị định 31/2014/NĐ-CP',
    patterns: decree('31', '2014'),
    since: '2021-07-01',
    note: n('The residence decree expired; check the residence rules now in force.', 'Nghị định về cư trú đã hết hiệu lực; hãy đối chiếu quy định về cư trú hiện hành.'),
    origin: 'built-in',
  },
  {
    // verify: BRIEF gives "2024/2025"; the 2024 Land Law was brought forward to 01/8/2024.
    instrument: 'Luật Đất đai 45/2013/QH13',
    patterns: [...law('45', '2013', 'QH13'), new RegExp(`${B}Luật\\s+Đất\\s+đai\\s+(?:năm\\s+)?2013${E}`, 'iu')],
    replacedBy: 'Luật Đất đai 31/2024/QH15',
    since: '2024-08-01',
    note: n('The 2024 Land Law replaces the 2013 one.', 'Luật Đất đai năm 2024 thay thế Luật Đất đai năm 2013.'),
    origin: 'built-in',
  },
  {
    instrument: 'UBND cấp huyện',
    patterns: [new RegExp(`${B}(?:UBND|Ủy\\s+ban\\s+nhân\\s+dân|Uỷ\\s+ban\\s+nhân\\s+dân)\\s+cấp\\s+huyện${E}`, 'iu')],
    since: '2025-07-01',
    note: n(
      'The district level of local government was abolished (two-level local government); name the commune or provincial body that now acts.',
      'Cấp huyện đã kết thúc hoạt động (chính quyền địa phương hai cấp); hãy ghi cơ quan cấp xã hoặc cấp tỉnh hiện có thẩm quyền.',
    ),
    origin: 'built-in',
  },
  {
    // End of the three-year transition: certificates to the 2008 edition lapsed on 15/9/2018.
    instrument: 'TCVN ISO 9001:2008',
    patterns: [new RegExp(`${B}TCVN\\s+ISO\\s+9001\\s*:\\s*2008${E}`, 'iu')],
    replacedBy: 'TCVN ISO 9001:2015',
    since: '2018-09-15',
    note: n('The 2008 edition was withdrawn; the 2015 edition is in force.', 'Phiên bản 2008 đã bị hủy bỏ; phiên bản 2015 đang có hiệu lực.'),
    origin: 'built-in',
  },
  {
    instrument: 'ISO 9001:2008',
    patterns: [new RegExp(`(?<!TCVN\\s+)${B}ISO\\s+9001\\s*:\\s*2008${E}`, 'iu')],
    replacedBy: 'ISO 9001:2015',
    since: '2018-09-15',
    note: n('The 2008 edition was withdrawn; the 2015 edition is in force.', 'Phiên bản 2008 đã bị hủy bỏ; phiên bản 2015 đang có hiệu lực.'),
    origin: 'built-in',
  },
];

export const SUPERSEDED_INSTRUMENTS: readonly SupersededEntry[] = BUILT_IN;

/** Lower case, NFC, runs of white space as one space, trimmed: how instrument names compare. */
export function normaliseCitation(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A workspace entry's instrument, matched literally: case-insensitive, any run of white space. */
export function literalPattern(instrument: string): RegExp {
  const body = instrument.normalize('NFC').trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  const start = /^[\p{L}\p{N}]/u.test(instrument.trim()) ? B : '';
  const end = /[\p{L}\p{N}]$/u.test(instrument.trim()) ? E : '';
  return new RegExp(`${start}${body}${end}`, 'iu');
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const merged = new WeakMap<object, readonly SupersededEntry[]>();

/**
 * The built-in list merged with qms.yaml `superseded:`. A workspace entry naming the same
 * instrument as a built-in one (compared normalised) replaces it; malformed entries (which the
 * schema reports) are skipped. Cached per `superseded` array.
 */
export function supersededInstruments(system: Pick<SystemFile, 'superseded'> | undefined): readonly SupersededEntry[] {
  const declared = system?.superseded;
  if (!Array.isArray(declared) || declared.length === 0) return SUPERSEDED_INSTRUMENTS;
  const cached = merged.get(declared);
  if (cached) return cached;
  const own: SupersededEntry[] = [];
  for (const entry of declared as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { instrument, replaced_by, since, note } = entry as Record<string, unknown>;
    if (typeof instrument !== 'string' || !instrument.trim() || typeof since !== 'string' || !DATE.test(since)) continue;
    own.push({
      instrument: instrument.replace(/\s+/g, ' ').trim(),
      patterns: [literalPattern(instrument)],
      ...(typeof replaced_by === 'string' && replaced_by.trim() ? { replacedBy: replaced_by.replace(/\s+/g, ' ').trim() } : {}),
      since,
      note: typeof note === 'string' && note.trim() ? { en: note.trim(), vi: note.trim() } : { en: '', vi: '' },
      origin: 'workspace',
    });
  }
  const overridden = new Set(own.map((e) => normaliseCitation(e.instrument)));
  const result = [...own, ...SUPERSEDED_INSTRUMENTS.filter((e) => !overridden.has(normaliseCitation(e.instrument)))];
  merged.set(declared, result);
  return result;
}

/** True when `instrument` no longer applies on `date` (`YYYY-MM-DD`): on or after `since`. */
export function isSupersededOn(instrument: Pick<SupersededEntry, 'since'>, date: string): boolean {
  return date >= instrument.since;
}

export interface SupersededMatch {
  instrument: SupersededEntry;
  /** The citation as written (the matched text). */
  text: string;
  /** Offsets of the match in the NFC-normalised citation. */
  start: number;
  end: number;
}

/**
 * The superseded instruments a citation names, as of `date` (the citing document's effective
 * date, or today): one match per instrument, the first occurrence, in order of appearance.
 */
export function findSuperseded(citation: string, date: string, instruments: readonly SupersededEntry[] = SUPERSEDED_INSTRUMENTS): SupersededMatch[] {
  if (typeof citation !== 'string' || !citation) return [];
  const text = citation.normalize('NFC');
  const matches: SupersededMatch[] = [];
  for (const instrument of instruments) {
    if (!isSupersededOn(instrument, date)) continue;
    let best: RegExpExecArray | null = null;
    for (const pattern of instrument.patterns) {
      pattern.lastIndex = 0;
      const match = pattern.exec(text);
      if (match && (!best || match.index < best.index)) best = match;
    }
    if (best) matches.push({ instrument, text: best[0], start: best.index, end: best.index + best[0].length });
  }
  // Two entries matching the same words (a workspace entry next to a built-in one): keep the first.
  return matches
    .filter((m, i) => !matches.slice(0, i).some((o) => o.start < m.end && m.start < o.end))
    .sort((a, b) => a.start - b.start);
}
