// Alignment: the passage sentences that best support a claim form its span, which the
// checks then compare the claim with (not the whole passage).
import { quantitySupports } from '../../text/quantity.js';
import { foundIn } from './match.js';
import type { Unit } from './units.js';
import type { Weighted } from './weigh.js';

/** Passage sentences a claim may draw on at most ("410대 가운데 120대가 …" joins two). */
const MAX_SPAN_SENTENCES = 3;
/** A further sentence joins the span only when it supplies this share of the claim's weight. */
const SPAN_ADD_MIN = 0.15;

interface Gain {
  sentence: Unit;
  gain: number;
  /** Indexes of the claim words and quantities the sentence covers that no chosen one does. */
  tokens: number[];
  quantities: number[];
}

/** What `sentence` adds to the claim words and quantities not yet covered. */
function gainOf(
  claim: Unit,
  weighted: Weighted[],
  sentence: Unit,
  covered: { tokens: Set<number>; quantities: Set<number> },
  unitWeight: number,
): Gain {
  const tokens: number[] = [];
  let gain = 0;
  weighted.forEach((entry, index) => {
    if (!covered.tokens.has(index) && foundIn(entry.token, sentence, entry.strict)) {
      tokens.push(index);
      gain += entry.weight;
    }
  });
  const quantities: number[] = [];
  claim.quantities.forEach((quantity, index) => {
    // A bare number alone does not tie a sentence to the claim; one with its unit does.
    if (covered.quantities.has(index) || (quantity.unit === '' && tokens.length === 0)) return;
    if (sentence.quantities.some((source) => quantitySupports(source, quantity))) quantities.push(index);
  });
  gain += quantities.length * unitWeight;
  return { sentence, gain, tokens, quantities };
}

/**
 * The sentences supporting a claim: greedily, the one covering the most claim weight (words
 * and quantities), then up to MAX_SPAN_SENTENCES − 1 more while each adds SPAN_ADD_MIN of the
 * claim or one of its amounts with its unit. In the order picked, best first.
 */
export function align(claim: Unit, weighted: Weighted[], sentences: Unit[], unitWeight: number): Unit[] {
  const totalWithQuantities = weighted.reduce((sum, entry) => sum + entry.weight, 0) + claim.quantities.length * unitWeight;
  const chosen: Unit[] = [];
  const covered = { tokens: new Set<number>(), quantities: new Set<number>() };
  for (let round = 0; round < MAX_SPAN_SENTENCES; round++) {
    let pick: Gain | undefined;
    for (const sentence of sentences) {
      if (chosen.includes(sentence)) continue;
      const candidate = gainOf(claim, weighted, sentence, covered, unitWeight);
      if (!pick || candidate.gain > pick.gain) pick = candidate;
    }
    if (!pick || pick.gain <= 0) break;
    if (round > 0 && pick.gain < SPAN_ADD_MIN * totalWithQuantities && pick.quantities.length === 0) break;
    chosen.push(pick.sentence);
    for (const index of pick.tokens) covered.tokens.add(index);
    for (const index of pick.quantities) covered.quantities.add(index);
  }
  return chosen;
}
