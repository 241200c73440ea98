// Whether two news articles are about the same subject, from their headlines' terms: monthly
// statistics ("6월 외국인 관광객 171만 명…" / "7월 외국인 관광객 185만 명…"), a company's
// quarters, a first report and its update, a nominee and the same person taking office. Such
// look-alikes differ by time, which the question's time then chooses between.
import { areRelated } from './related-words.js';
import { isWordTerm } from './tokens.js';

const HANGUL_BIGRAM = /^[가-힣]{2}$/;

/** Shared count, and its share of the smaller set; `meets` counts a left term the right set does
 *  not hold as shared too. */
function overlap(left: Set<string>, right: Set<string>, meets?: (term: string) => boolean): { shared: number; share: number } {
  let shared = 0;
  for (const term of left) if (right.has(term) || meets?.(term)) shared++;
  return { shared, share: shared / Math.max(1, Math.min(left.size, right.size)) };
}

/** Whether a whole-word term meets a related word of `words` (부상 ~ 부상자, 숨져 ~ 사망): an update's
 *  headline words its figure anew ("작업자 7명 부상" → "부상자 11명으로 늘어"). */
function relatedTo(words: Set<string>): (term: string) => boolean {
  const bare = [...words].map((term) => term.slice(2));
  return (term) => bare.some((word) => areRelated(term.slice(2), word));
}

/**
 * Most of the shorter headline's spelling shared (40% of its Hangul bigrams), and either two whole
 * words or one whole word with half its bigrams: "윤서진 해담은행장 취임" and "해담은행 차기 행장에
 * 윤서진 부행장" share one word but most of their spelling. Two words need no share of a long
 * headline: an update's runs on with its new cause. Words alone are not enough: "전년 동기 대비 …
 * 증가" ends many unrelated headlines.
 */
export function sameSubject(leftTerms: Iterable<string>, rightTerms: Iterable<string>): boolean {
  const split = (terms: Iterable<string>) => {
    const words = new Set<string>();
    const bigrams = new Set<string>();
    for (const term of terms) {
      if (isWordTerm(term)) words.add(term);
      else if (HANGUL_BIGRAM.test(term)) bigrams.add(term);
    }
    return { words, bigrams };
  };
  const left = split(leftTerms);
  const right = split(rightTerms);
  const words = overlap(left.words, right.words, relatedTo(right.words));
  const bigrams = overlap(left.bigrams, right.bigrams);
  if (bigrams.share < 0.4) return false;
  return words.shared >= 2 || (words.shared >= 1 && bigrams.share >= 0.5);
}
