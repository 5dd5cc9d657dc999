import type { LocalizedText } from '../../../findings';
import { yamlScalar } from '../../fix-builder';
import { defineFileRule } from '../../rule';
import { isObject, list, placeholderLocale } from './shared';

/** A risk scoring this much (likelihood × impact, each 1–5) or more needs a treatment. */
export const HIGH_RISK_SCORE = 15;

const PLACEHOLDER_TREATMENT = {
  en: 'TODO: how the risk is reduced or controlled, by whom',
  vi: 'TODO: biện pháp xử lý rủi ro, người thực hiện',
};

/** A score the schema accepts: a whole number from 1 to 5. */
function score(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? value : undefined;
}

/** "`R-01`", or the start of its description in quotes, or "3" (1-based). */
function riskLabel(risk: Record<string, unknown>, index: number): string {
  if (typeof risk.id === 'string' && risk.id !== '') return `\`${risk.id}\``;
  if (typeof risk.description === 'string' && risk.description.trim() !== '') {
    const text = risk.description.trim().replace(/\s+/g, ' ');
    return `“${text.length > 40 ? `${text.slice(0, 39).trimEnd()}…` : text}”`;
  }
  return `#${index + 1}`;
}

const MISSING: Record<'likelihood' | 'impact' | 'both', LocalizedText> = {
  likelihood: { en: 'no likelihood', vi: 'chưa có khả năng xảy ra' },
  impact: { en: 'no impact', vi: 'chưa có mức độ ảnh hưởng' },
  both: { en: 'neither likelihood nor impact', vi: 'chưa có khả năng xảy ra và mức độ ảnh hưởng' },
};

export const riskUnscored = defineFileRule({
  id: 'process/risk-unscored',
  severity: 'warning',
  clauses: ['4.4.1', '6.1.2'],
  fixable: true,
  scope: 'file',
  kinds: ['process'],
  description: {
    en: 'A risk without likelihood and impact, or scoring 15 or more (likelihood × impact) with no treatment.',
    vi: 'Rủi ro thiếu khả năng xảy ra hoặc mức độ ảnh hưởng, hoặc có điểm từ 15 trở lên (khả năng × ảnh hưởng) mà chưa có biện pháp xử lý.',
  },
  messages: {
    unscored: {
      en: 'Risk {risk} has {missing}: give it a likelihood and an impact from 1 to 5, so that its score (likelihood × impact) shows whether it needs a treatment.',
      vi: 'Rủi ro {risk} {missing}: hãy chấm khả năng xảy ra và mức độ ảnh hưởng theo thang 1 đến 5, để điểm rủi ro (khả năng xảy ra × mức độ ảnh hưởng) cho biết có cần biện pháp xử lý hay không.',
    },
    untreated: {
      en: 'Risk {risk} scores {likelihood} × {impact} = {score} ({threshold} or more) but has no treatment: add a `treatment` saying how the risk is reduced or controlled (6.1.2).',
      vi: 'Rủi ro {risk} có điểm {likelihood} × {impact} = {score} (từ {threshold} trở lên) nhưng chưa có biện pháp xử lý: hãy thêm mục `treatment` nêu cách giảm thiểu hoặc kiểm soát rủi ro (6.1.2).',
    },
  },
  check({ model, system, fix, report }) {
    const placeholder = PLACEHOLDER_TREATMENT[placeholderLocale(system)];
    list((model as { risks?: unknown }).risks).forEach((risk, i) => {
      // A risk that is not a mapping is a schema finding already.
      if (!isObject(risk)) return;
      const at = typeof risk.id === 'string' ? `/risks/${i}/id` : 'description' in risk ? `/risks/${i}/description` : `/risks/${i}`;
      const label = riskLabel(risk, i);
      // A present but malformed score (0, 6, "high") is the schema's to report: count it as given.
      const hasLikelihood = risk.likelihood !== undefined;
      const hasImpact = risk.impact !== undefined;
      if (!hasLikelihood || !hasImpact) {
        report({ messageId: 'unscored', at, data: { risk: label, missing: MISSING[!hasLikelihood && !hasImpact ? 'both' : !hasLikelihood ? 'likelihood' : 'impact'] } });
        return;
      }
      const likelihood = score(risk.likelihood);
      const impact = score(risk.impact);
      if (likelihood === undefined || impact === undefined || likelihood * impact < HIGH_RISK_SCORE) return;
      // `treatment:` present but empty or not text is the schema's to report.
      if (risk.treatment !== undefined) return;
      report({
        messageId: 'untreated',
        at,
        data: { risk: label, likelihood, impact, score: likelihood * impact, threshold: HIGH_RISK_SCORE },
        fixes: [
          fix.insertProperty(
            `/risks/${i}`,
            'treatment',
            yamlScalar(placeholder),
            { en: 'Add a `treatment` to fill in', vi: 'Thêm biện pháp xử lý (`treatment`) để điền' },
            false,
          ),
        ],
      });
    });
  },
});
