// Words that exclude one another: a division of a competition, a half of a year or of a game,
// a part of the day. An article that names another member of such a set and never the one a
// question names reports the other ("청솔마라톤 여자부 우승자" against an article on its 남자부),
// so it does not answer.
import { wordTerm } from './tokens.js';

/** Each set lists its sides; a side lists the words that name it. */
// prettier-ignore
export const CONTRAST_SETS: readonly (readonly (readonly string[])[])[] = [
  [['남자부', '남자부문'], ['여자부', '여자부문']],
  [['상반기'], ['하반기']],
  [['전반', '전반전'], ['후반', '후반전']],
  [['오전'], ['오후']],
  // A way of getting about: a bus report does not count subway riders.
  [['지하철', '전철', '도시철도'], ['버스', '시내버스']],
];

/** A side the question names, and the words of the other sides of its set. */
export interface AskedSide {
  asked: readonly string[];
  others: readonly string[];
}

/** The sides of contrast sets that `questionTerms` (analyzer terms) name. */
export function askedSides(questionTerms: ReadonlySet<string>): AskedSide[] {
  const out: AskedSide[] = [];
  for (const set of CONTRAST_SETS) {
    const named = set.filter((side) => side.some((word) => questionTerms.has(wordTerm(word))));
    // A question naming two sides ("상반기와 하반기") contrasts nothing.
    if (named.length !== 1) continue;
    const asked = named[0]!;
    out.push({ asked, others: set.filter((side) => side !== asked).flat() });
  }
  return out;
}

/** True when `terms` (an article's passages) name another side of an asked set and never the asked side. */
export function namesOtherSide(sides: readonly AskedSide[], terms: { has(term: string): boolean }): boolean {
  const names = (words: readonly string[]) => words.some((word) => terms.has(wordTerm(word)));
  return sides.some(({ asked, others }) => names(others) && !names(asked));
}

/** Ends that exclude one another in a sentence, matched on text (the analyzer keeps no one-syllable
 *  첫): the first of a series and the last ("첫 출발편" against "마지막 비행기 몇 시야?"), open
 *  and closed ("문을 열고" against "무슨 요일에 쉬어?"), opening and closing, demanded and sentenced. */
// prettier-ignore
export const SENTENCE_CONTRASTS: readonly (readonly [RegExp, RegExp])[] = [
  [/첫\s?[가-힣]|처음/, /마지막|막차|막편|막배|끝\s?(차|편|배)/],
  [/문을?\s?(열|연)|개관|개장/, /휴관|휴무|휴업|휴장|문을?\s?닫|쉬(어|는|나|니|고|었|며)|쉰다/],
  // A festival's opening and closing: "개막작은 '겨울 정류장'" does not tell the 폐막작.
  [/개막|개회/, /폐막|폐회/],
  // A court's sentence is not the prosecution's demand: "벌금 5,000만 원을 선고했다" does not say what was 구형,
  // nor "징역 20년을 구형했다" what a convict got ("몇 년 받았어?").
  [/구형/, /선고|(징역|형|몇\s*년)[^?]*받/],
];

/** An end the question names, and the other end of its pair. */
export interface AskedEnd {
  asked: RegExp;
  other: RegExp;
}

/** The ends of SENTENCE_CONTRASTS pairs that a question names; one naming both ends contrasts nothing. */
export function askedEnds(question: string): AskedEnd[] {
  const out: AskedEnd[] = [];
  for (const pair of SENTENCE_CONTRASTS) {
    const named = pair.filter((side) => side.test(question));
    if (named.length !== 1) continue;
    const asked = named[0]!;
    out.push({ asked, other: pair.find((side) => side !== asked)! });
  }
  return out;
}

/** True when the sentence names only the other end of a pair the question names: a sentence on the
 *  first flight does not answer "마지막 비행기 몇 시야?". */
export function namesOtherEnd(ends: readonly AskedEnd[], sentence: string): boolean {
  return ends.some(({ asked, other }) => other.test(sentence) && !asked.test(sentence));
}
