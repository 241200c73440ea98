// Checks one answer sentence against the passages it cites: align, then check.
//
// 1. Align (./align.ts): the passage sentences that best support the claim (one, or up to
//    three when the claim joins facts of several) form its span.
// 2. Check the claim against that span, not the whole passage:
//    - quantities (numbers with their unit, whole dates) must agree with one in the span;
//    - quotations must be found verbatim (./facts.ts);
//    - specific words (names, rare words by corpus IDF, Latin words) must be found in the
//      span, or be the passage's topic (its title, its lead, repeated), and words bound
//      together in the claim ("울림FC 오세진 감독") must stand together in the source (./names.ts);
//    - the IDF-weighted share of the claim's other words found there must be high enough;
//    - each clause's polarity (negators, antonym poles) must agree with its aligned clause (./polarity.ts);
//    - evaluative and causal words must be backed by the span (./facts.ts).
// Pure functions; Korean facts live in ./lexicon.ts and ../../text/quantity.ts.
import { quantitySupports } from '../../text/quantity.js';
import { gatherEvidence, isTopic, passageOf, type CheckContext, type Evidence, type Finding } from './evidence.js';
import { checkJudgements, checkQuantities, checkQuotations } from './facts.js';
import { foundIn } from './match.js';
import { checkBoundWords, checkPlusNames, checkSpecificWords } from './names.js';
import { polarityReason } from './polarity.js';

export type { TermStatistics } from './weigh.js';
export type { CheckContext } from './evidence.js';

export interface SentenceCheck {
  supported: boolean;
  /** Why the sentence is not supported, in Korean; absent when supported. */
  reason?: string;
  /** Quantities, quotations and specific words not found where they must be. */
  missing: string[];
  /** Other words not found in the span (tolerated up to the coverage threshold). */
  unmatched: string[];
  /** IDF-weighted share of the claim's words found in the span; 1 when it has none. */
  coverage: number;
  /** Index of the passage whose sentences form the span (-1 when nothing aligned). */
  passage: number;
  /** The aligned span's sentences, as offsets into that passage's text. */
  span: Array<{ start: number; end: number }>;
}

/** Weighted share of the claim's ordinary words that must be found in its span. A faithful
 *  paraphrase swaps a few verbs for synonyms; an unstated fact brings several new words. */
const COVERAGE_MIN = 0.6;

/** Coverage of the claim's words and quantities in the span (topic words may come from anywhere in the passage). */
function coverageOf(evidence: Evidence): { coverage: number; unmatched: string[] } {
  const { claim, weighted, span, total, unitWeight } = evidence;
  let found = 0;
  const unmatched: string[] = [];
  for (const entry of weighted) {
    if (foundIn(entry.token, span, entry.strict) || isTopic(evidence, entry.token)) found += entry.weight;
    else if (!entry.specific) unmatched.push(entry.token.stem);
  }
  // Claimed quantities the span supports count as found content too.
  const withUnit = claim.quantities.filter((quantity) => quantity.unit !== '');
  const quantityWeight = withUnit.length * unitWeight;
  const quantityFound =
    withUnit.filter((quantity) => span.quantities.some((source) => quantitySupports(source, quantity))).length * unitWeight;
  return { coverage: total + quantityWeight === 0 ? 1 : (found + quantityFound) / (total + quantityWeight), unmatched };
}

/** The claim's findings in the order their reasons are reported: the first one decides. */
function findingsOf(evidence: Evidence, coverage: number): Finding[] {
  const findings = [
    ...checkQuantities(evidence),
    ...checkQuotations(evidence),
    ...checkSpecificWords(evidence),
    ...checkPlusNames(evidence),
    ...checkBoundWords(evidence),
  ];
  if (coverage < COVERAGE_MIN) findings.push({ reason: '근거 문장과 겹치는 내용이 적습니다' });
  const polarity = polarityReason(evidence);
  if (polarity) findings.push({ reason: polarity });
  return [...findings, ...checkJudgements(evidence)];
}

/**
 * Checks one answer sentence (markers already removed) against the texts of the passages
 * it cites. See the file comment for the rules.
 */
export function checkClaim(claimText: string, passageTexts: string[], context: CheckContext = {}): SentenceCheck {
  const evidence = gatherEvidence(claimText, passageTexts, context);
  const { weighted, claim, spanUnits, passages, bestPassage } = evidence;
  // Offsets in the passage of the best sentence (the first picked); others come from the same or another cited passage.
  const span = spanUnits
    .filter((unit) => passageOf(passages, unit) === bestPassage)
    .sort((a, b) => a.start - b.start)
    .map((unit) => ({ start: unit.start, end: unit.end }));
  const result = { missing: [], unmatched: [], coverage: 1, passage: bestPassage, span };
  if (weighted.length === 0 && claim.quantities.length === 0) return { supported: true, ...result };
  if (spanUnits.length === 0) {
    return {
      supported: false,
      reason: '인용한 기사에서 근거 문장을 찾지 못했습니다',
      ...result,
      coverage: 0,
      unmatched: weighted.map((entry) => entry.token.stem),
    };
  }
  const { coverage, unmatched } = coverageOf(evidence);
  const findings = findingsOf(evidence, coverage);
  const missing = findings.flatMap((finding) => (finding.missing === undefined ? [] : [finding.missing]));
  const [first] = findings;
  return first
    ? { supported: false, reason: first.reason, ...result, missing, unmatched, coverage }
    : { supported: true, ...result, missing, unmatched, coverage };
}
