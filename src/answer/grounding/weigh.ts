// How much each claim word counts, and how strictly it must be found: corpus IDF where
// the index supplies statistics, word shape (names before titles, organisations, Latin
// words) where it does not.
import { bm25Idf } from '../../text/bm25.js';
import { quantitySupports } from '../../text/quantity.js';
import { wordTerm } from '../../text/tokens.js';
import { CAUSAL_WORDS, EVALUATIVE_WORDS, FILLER_WORDS, ONLY_MARKERS, isNegation, isOrganisationName } from './lexicon.js';
import { foundIn } from './match.js';
import type { Token } from './tokenize.js';
import type { Unit } from './units.js';

/** What the check knows about the corpus's vocabulary; the BM25 index provides it. */
export interface TermStatistics {
  readonly documentCount: number;
  /** Documents holding `term`, an index term: `w:<particle-stripped word>` or a lower-cased Latin word. */
  documentFrequency(term: string): number;
}

export interface Weighted {
  token: Token;
  weight: number;
  /** Must be found as written: a name (next to a title), a Latin word, an organisation. */
  strict: boolean;
  /** Must be found at all (loosely for rare words): a likely proper noun. */
  specific: boolean;
}

/** Below this many documents, corpus statistics say little: rarity comes from word shape. */
const MIN_STATISTICS_DOCUMENTS = 200;

/** Predicates weigh at most like a word found in this share of documents. */
const PREDICATE_WEIGHT_SHARE = 0.05;

/** A noun of three or more syllables held by at most this many documents (unknown to the corpus,
 *  or only in the cited article) is rare: a likely proper noun, which must be found on its own. */
const RARE_MAX_DOCUMENTS = 1;

/** Words that carry no checkable content of their own: fillers, negators (checked as polarity),
 *  evaluative and causal words (checked against the span by their own rule). */
export const isFiller = (token: Token) =>
  FILLER_WORDS.has(token.stem) ||
  FILLER_WORDS.has(token.surface) ||
  (!token.latin && token.stem.length < 2) ||
  isNegation(token.surface) ||
  ONLY_MARKERS.includes(token.surface) ||
  EVALUATIVE_WORDS.includes(token.stem) ||
  CAUSAL_WORDS.some((word) => token.surface.startsWith(word));

export function weigh(tokens: Token[], terms: TermStatistics | undefined): Weighted[] {
  const statistics = terms !== undefined && terms.documentCount >= MIN_STATISTICS_DOCUMENTS ? terms : undefined;
  return tokens.map((token, index) => {
    const next = tokens[index + 1];
    const previous = tokens[index - 1];
    const nameShaped = !token.latin && !token.title && token.stem.length >= 2 && token.stem.length <= 4;
    // "김서연 사장": a 2–4 syllable word before a title is a person's name.
    const nameBeforeTitle = nameShaped && next?.title !== undefined && token.surface === token.stem;
    const organisation = !token.latin && token.nounLike && isOrganisationName(token.stem);
    // "엣지+", "S6+": a product name, compared as written.
    if (token.stem.endsWith('+')) return { token, weight: 1, strict: true, specific: true };
    if (!statistics) {
      const strict = (token.latin && token.stem.length >= 2) || nameBeforeTitle || organisation;
      return { token, weight: 1, strict, specific: strict };
    }
    const df = statistics.documentFrequency(token.latin ? token.stem : wordTerm(token.stem));
    const n = statistics.documentCount;
    const idf = (count: number) => bm25Idf(n, count);
    // Inflected predicates are rare as whole words whatever their meaning: weigh them like a common word.
    const weight = token.nounLike ? idf(Math.max(df, 1)) : Math.min(idf(Math.max(df, 1)), idf(PREDICATE_WEIGHT_SHARE * n));
    const rare = !token.latin && token.nounLike && df <= RARE_MAX_DOCUMENTS && token.stem.length >= 3;
    // "감독 임하늘": a rare word after a title is a name too.
    const nameAfterTitle = nameShaped && previous?.title !== undefined && rare;
    const strict = (token.latin && token.stem.length >= 2) || nameBeforeTitle || nameAfterTitle || organisation;
    return { token, weight, strict, specific: strict || rare };
  });
}

/** Claim words and quantities a unit shares with a claim unit. */
export function shared(claimUnit: Unit, weighted: Weighted[], unit: Unit): { count: number; weight: number } {
  let count = 0;
  let weight = 0;
  for (const entry of weighted) {
    if (claimUnit.tokens.includes(entry.token) && foundIn(entry.token, unit, entry.strict)) {
      count++;
      // The same word as written counts double, so a clause pairs with its own wording.
      weight += unit.tokens.some((other) => other.surface === entry.token.surface) ? entry.weight * 2 : entry.weight;
    }
  }
  const average = weighted.length > 0 ? weighted.reduce((sum, entry) => sum + entry.weight, 0) / weighted.length : 1;
  for (const quantity of claimUnit.quantities) {
    if (quantity.unit !== '' && unit.quantities.some((source) => quantitySupports(source, quantity))) {
      count++;
      weight += average;
    }
  }
  return { count, weight };
}

/** Of `items`, the first with the highest score, if any scores above 0. */
export function bestOf<T>(items: T[], score: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = 0;
  for (const item of items) {
    const value = score(item);
    if (value > bestScore) {
      best = item;
      bestScore = value;
    }
  }
  return best;
}

/** Of `candidates`, the one sharing the most claim weight with `claimUnit`, if any shares some. */
export function bestShared(claimUnit: Unit, weighted: Weighted[], candidates: Unit[]): Unit | undefined {
  return bestOf(candidates, (candidate) => shared(claimUnit, weighted, candidate).weight);
}
