// A claim and the evidence it is checked against, analysed once for all the checks:
// its words with their weights, the cited passages, and the span aligned to it.
import { align } from './align.js';
import { foundIn } from './match.js';
import type { Token } from './tokenize.js';
import { analyzePassage, analyzeUnit, analyzeWhole, clausesOf, type Passage, type Unit } from './units.js';
import { isFiller, weigh, type TermStatistics, type Weighted } from './weigh.js';

export interface CheckContext {
  /** Titles of the cited passages' articles: their words are the passage's topic. */
  titles?: string[];
  /** Other chunks of the cited passages' articles: with the titles, they may supply a name's
   *  full form ("이 원장" in the chunk, "이홍락 원장" in the title or another chunk). */
  related?: string[];
  /** Corpus statistics for IDF weights; without them, rarity comes from word shape alone. */
  terms?: TermStatistics;
  /** Dates (YYYY-MM-DD) of the cited articles: a claim may date an event by its article. */
  dates?: string[];
}

export interface Evidence {
  claimText: string;
  claim: Unit;
  claimClauses: Unit[];
  /** The claim's words that carry content (fillers left out), with their weights. */
  weighted: Weighted[];
  /** Total weight of `weighted`. */
  total: number;
  /** The weight a quantity counts for: that of an average word. */
  unitWeight: number;
  passages: Passage[];
  /** The cited passages together: a sentence citing two passages may join a fact of each. */
  cited: Passage;
  /** The aligned sentences, best first; empty when none supports the claim. */
  spanUnits: Unit[];
  /** The aligned sentences as one unit. */
  span: Unit;
  /** Index in `passages` of the best aligned sentence's passage, -1 when nothing aligned. */
  bestPassage: number;
  titles: Unit[];
  /** The titles and the other chunks of the cited articles. */
  related: Unit[];
  dates: string[] | undefined;
}

export function gatherEvidence(claimText: string, passageTexts: string[], context: CheckContext): Evidence {
  const claim = analyzeUnit(claimText, 0, claimText.length);
  const passages = passageTexts.map(analyzePassage);
  const titles = (context.titles ?? []).map(analyzeWhole);
  const weighted = weigh(claim.tokens, context.terms).filter((entry) => !isFiller(entry.token));
  const total = weighted.reduce((sum, entry) => sum + entry.weight, 0);
  const unitWeight = weighted.length > 0 ? total / weighted.length : 1;
  const cited: Passage = {
    text: '',
    sentences: passages.flatMap((p) => p.sentences),
    topic: new Set(passages.flatMap((p) => [...p.topic])),
  };
  const spanUnits = align(claim, weighted, cited.sentences, unitWeight);
  const [best] = spanUnits;
  const spanText = spanUnits.map((unit) => unit.text).join(' ');
  return {
    claimText,
    claim,
    claimClauses: clausesOf(claim),
    weighted,
    total,
    unitWeight,
    passages,
    cited,
    spanUnits,
    span: {
      text: spanText,
      start: 0,
      end: spanText.length,
      tokens: spanUnits.flatMap((unit) => unit.tokens),
      quantities: spanUnits.flatMap((unit) => unit.quantities),
    },
    bestPassage: best ? passageOf(passages, best) : -1,
    titles,
    related: [...titles, ...(context.related ?? []).map(analyzeWhole)],
    dates: context.dates,
  };
}

/** Index of the passage holding `unit`, or -1. */
export const passageOf = (passages: Passage[], unit: Unit) => passages.findIndex((p) => p.sentences.includes(unit));

/** A word of the passage's topic: repeated or in its lead, or found in a title. */
export const isTopic = (evidence: Evidence, token: Token) =>
  evidence.cited.topic.has(token.stem) || evidence.titles.some((title) => foundIn(token, title, true));

/** Something the claim states that its evidence does not: the Korean reason, and the item missing, if one. */
export interface Finding {
  reason: string;
  missing?: string;
}
