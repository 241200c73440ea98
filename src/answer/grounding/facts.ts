// Checks of what a claim states outright: its quantities and dates, its quotations, and
// the evaluative and causal words it adds.
import { findQuantities, quantitySupports, type Quantity } from '../../text/quantity.js';
import type { Evidence, Finding } from './evidence.js';
import { CAUSAL_WORDS, EVALUATIVE_WORDS } from './lexicon.js';
import type { Unit } from './units.js';

function dateQuantities(dates: string[] | undefined): Quantity[] {
  return (dates ?? []).flatMap((date) =>
    findQuantities(
      date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_m, y: string, m: string, d: string) => `${y}년 ${Number(m)}월 ${Number(d)}일`),
    ),
  );
}

/** A claim's date or day ("14일") agrees with its article's date. */
function matchesArticleDate(quantity: Quantity, dates: Quantity[]): boolean {
  return dates.some((date) => {
    if (quantity.unit === 'date') return quantitySupports(date, quantity);
    return quantity.unit === '일' && date.date?.day === quantity.value;
  });
}

/** Quantities: each agrees with one of the span, or dates the event by its article. */
export function checkQuantities(evidence: Evidence): Finding[] {
  const articleDates = dateQuantities(evidence.dates);
  return evidence.claim.quantities
    .filter(
      (quantity) =>
        !evidence.span.quantities.some((source) => quantitySupports(source, quantity)) && !matchesArticleDate(quantity, articleDates),
    )
    .map((quantity) => ({ missing: quantity.text, reason: `근거 문장과 다른 수치: "${quantity.text}"` }));
}

const QUOTATIONS = /“([^”]+)”|"([^"]+)"|‘([^’]+)’|'([^']+)'|「([^」]+)」|『([^』]+)』/g;
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Quotations are found verbatim in a cited passage. */
export function checkQuotations(evidence: Evidence): Finding[] {
  const findings: Finding[] = [];
  for (const match of evidence.claimText.matchAll(QUOTATIONS)) {
    const quoted = collapse(match.slice(1).find((group) => group !== undefined) ?? '').replace(/[.,]+$/, '');
    if (quoted.length >= 2 && !evidence.passages.some((p) => collapse(p.text).includes(quoted))) {
      findings.push({ missing: match[0], reason: `기사에 없는 인용문: ${match[0]}` });
    }
  }
  return findings;
}

const hasWord = (text: string, word: string) => new RegExp(`(^|[^가-힣])${word}`).test(text);
const isCausal = (unit: Unit) =>
  CAUSAL_WORDS.some((word) => unit.tokens.some((token) => token.surface.startsWith(word) || token.surface.endsWith(word)));

/** Evaluative and causal words need the span's backing. */
export function checkJudgements(evidence: Evidence): Finding[] {
  const findings: Finding[] = [];
  const evaluative = EVALUATIVE_WORDS.find((word) => hasWord(evidence.claimText, word) && !hasWord(evidence.span.text, word));
  if (evaluative) findings.push({ reason: `기사에 없는 평가: "${evaluative}"` });
  if (isCausal(evidence.claim) && !isCausal(evidence.span)) findings.push({ reason: '기사는 원인이나 이유를 이렇게 말하지 않습니다' });
  return findings;
}
