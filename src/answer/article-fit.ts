// Whether an article can report what a question asks of time and side: the months and rounds the
// question names ("6월", "3차전") must be in a news article, its headline must not name another
// period of the series, and it must not report only the other side of a division the question
// names ("여자부"); the sentence itself must not name only the other end of a pair the question
// names ("첫 출발편" for "마지막 비행기", "문을 연다" for "쉬는 날"). Used for the sentence an
// answer opens with and for one it adds from another article.
import { headlineNamesOtherTime, impliedRoundUnits, timeUnitTerms } from '../text/time-terms.js';
import { askedEnds, askedSides, namesOtherEnd, namesOtherSide } from '../text/contrast-words.js';
import { moneyNouns, statesOtherSum } from '../text/money-nouns.js';
import { analyze } from '../text/tokens.js';
import { passageTerms, titleTerms, type Candidate } from './candidates.js';

/** A predicate on candidates: their article fits the question's times and sides. An undated
 *  (encyclopedia) passage need not repeat the year its article states elsewhere: requiring it cost
 *  0.6 points of KorQuAD gold. */
export function articleFit(question: string, candidates: Candidate[]): (candidate: Candidate) => boolean {
  const queryTerms = analyze(question, { query: true });
  const units = timeUnitTerms(queryTerms);
  const headlineUnits = [...units, ...impliedRoundUnits(question)];
  // An article names a unit when any of its retrieved passages (or its headline) does; only
  // the question's few units are looked up, not the passages' whole vocabulary.
  const unitsOf = new Map<string, Set<string>>();
  for (const candidate of candidates) {
    for (const unit of units) {
      if (!candidate.context.has(unit)) continue;
      const found = unitsOf.get(candidate.hit.article.id) ?? new Set<string>();
      unitsOf.set(candidate.hit.article.id, found.add(unit));
    }
  }
  // A division or half the question names ("여자부", "후반"): an article that names only another
  // side of it reports that other side.
  const sides = askedSides(new Set(queryTerms));
  const otherSide = new Map<string, boolean>();
  if (sides.length > 0)
    for (const id of new Set(candidates.map((candidate) => candidate.hit.article.id)))
      otherSide.set(id, namesOtherSide(sides, passageTerms(candidates, id)));
  // The pairs the question names an end of, and the sums it names: read once, tested per sentence.
  const ends = askedEnds(question);
  const sums = moneyNouns(question);
  return (candidate: Candidate) =>
    (!candidate.hit.article.date || units.every((unit) => unitsOf.get(candidate.hit.article.id)?.has(unit))) &&
    !otherSide.get(candidate.hit.article.id) &&
    !namesOtherEnd(ends, candidate.text) &&
    !statesOtherSum(sums, candidate.text) &&
    // Only dated articles (news) report one period of a series.
    !(candidate.hit.article.date && headlineNamesOtherTime(headlineUnits, titleTerms(candidate.hit.article.title)));
}
