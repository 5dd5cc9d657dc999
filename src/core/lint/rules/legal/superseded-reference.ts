import { findSuperseded, supersededInstruments, type SupersededMatch } from '../../../data/superseded';
import type { LocalizedText } from '../../../findings';
import { parseIsoDate } from '../../../flow/calendar';
import { yamlScalar } from '../../fix-builder';
import { defineFileRule } from '../../rule';

/** `2025-07-01` → `01/07/2025`, the way Vietnamese documents write dates. */
function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** A note as a sentence after the message: a leading space, a final full stop. */
function sentence(note: string): string {
  const text = note.trim();
  return text ? ` ${/[.!?…]$/.test(text) ? text : `${text}.`}` : '';
}

function date(iso: string): LocalizedText {
  return { en: iso, vi: viDate(iso) };
}

/** The lists of citations a procedure or document carries, as JSON pointers to each string. */
function citationsOf(model: Record<string, unknown>): Array<{ at: string; text: string }> {
  const found: Array<{ at: string; text: string }> = [];
  const collect = (value: unknown, base: string) => {
    if (!Array.isArray(value)) return;
    value.forEach((text, i) => {
      if (typeof text === 'string') found.push({ at: `${base}/${i}`, text });
    });
  };
  collect(model.references, '/references');
  const service = model.service;
  if (typeof service === 'object' && service !== null && !Array.isArray(service)) collect((service as Record<string, unknown>).legal_basis, '/service/legal_basis');
  return found;
}

/**
 * The citation with the superseded instrument replaced: the matched words, and the date of the
 * old instrument right after them (`… ngày 23/4/2018`), which would be wrong for the new one.
 */
function replaced(citation: string, match: SupersededMatch, replacement: string): string {
  const text = citation.normalize('NFC');
  const tail = text.slice(match.end);
  const oldDate = /^,?\s+ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/iu.exec(tail)?.[0] ?? '';
  return text.slice(0, match.start) + replacement + tail.slice(oldDate.length);
}

export const supersededReference = defineFileRule({
  id: 'legal/superseded-reference',
  severity: 'warning',
  clauses: ['7.5.3.2'],
  fixable: true,
  scope: 'file',
  kinds: ['procedure', 'document'],
  description: {
    en: 'A reference or legal basis citing an instrument superseded on or before the document takes effect.',
    vi: 'Tài liệu viện dẫn hoặc căn cứ pháp lý là văn bản đã bị thay thế trước hoặc vào ngày tài liệu có hiệu lực.',
  },
  messages: {
    replaced: {
      en: '`{cited}` is superseded: {replacement} replaces it from {since}, and {asOf}. Cite {replacement} instead and check the content against it.{note}',
      vi: '`{cited}` là văn bản đã bị thay thế: {replacement} thay thế văn bản này từ ngày {since}, và {asOf}. Hãy viện dẫn {replacement} và rà soát nội dung theo văn bản mới.{note}',
    },
    expired: {
      en: '`{cited}` no longer applies from {since}, and {asOf}.{note} Remove the reference or cite what is now in force.',
      vi: '`{cited}` không còn hiệu lực từ ngày {since}, và {asOf}.{note} Hãy bỏ viện dẫn này hoặc viện dẫn văn bản đang có hiệu lực.',
    },
  },
  check({ model, system, settings, fix, report }) {
    const document = model as unknown as Record<string, unknown>;
    // An obsolete document is withdrawn: what it cites no longer matters.
    if (document.status === 'obsolete') return;
    const effective = parseIsoDate(document.effective) ? (document.effective as string) : undefined;
    const asOfDate = effective ?? settings.today;
    const kind: LocalizedText = model.kind === 'procedure' ? { en: 'this procedure', vi: 'quy trình này' } : { en: 'this document', vi: 'tài liệu này' };
    const asOf: LocalizedText = effective
      ? { en: `${kind.en} takes effect on ${effective}`, vi: `${kind.vi} có hiệu lực từ ngày ${viDate(effective)}` }
      : { en: `${kind.en} has no \`effective\` date (checked as of today, ${settings.today})`, vi: `${kind.vi} chưa có ngày hiệu lực (\`effective\`), nên được kiểm tra theo ngày hôm nay ${viDate(settings.today)}` };
    const instruments = supersededInstruments(system);

    for (const { at, text } of citationsOf(document)) {
      for (const match of findSuperseded(text, asOfDate, instruments)) {
        const { replacedBy, since, note } = match.instrument;
        const data = {
          cited: match.text,
          since: date(since),
          asOf,
          note: { en: sentence(note.en), vi: sentence(note.vi) },
        };
        if (replacedBy) {
          const fixed = replaced(text, match, replacedBy);
          report({
            messageId: 'replaced',
            at,
            data: { ...data, replacement: replacedBy },
            fixes: [fix.replaceValue(at, yamlScalar(fixed), { en: `Cite ${replacedBy} instead`, vi: `Thay bằng ${replacedBy}` }, false)],
          });
        } else {
          report({ messageId: 'expired', at, data });
        }
      }
    }
  },
});
