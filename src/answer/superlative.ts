// Questions that ask for the most or the least of something ("누가 제일 많이 득점했어?", "젤 많이 탄
// 노선") and the sentences that state one ("양 팀 최다인 27득점", "305번이 … 1위에 올랐다"). Korean says
// the superlative with an adverb before a predicate (가장/제일 + 많다, 높다…) or with a Sino-Korean
// word (최다, 최고, 1위); the tables below are those words, by direction.

import type { Candidate } from './candidates.js';

export type SuperlativeDirection = 'most' | 'least';

/** The adverbs of degree: 젤 is the spoken clipping of 제일. */
const DEGREE_ADVERBS = ['가장', '제일', '젤'] as const;

/** Predicate stems that read "few, low, small" after a degree adverb; any other reads "most". */
const LEAST_STEMS = ['적', '낮', '작', '싸', '짧', '느리', '늦', '못'] as const;

/** Words that state a superlative on their own, by direction. 최대 and 최소 also state limits
 *  ("최대 3회"), so a question with them is not read as asking a superlative. */
const STATED: Record<SuperlativeDirection, readonly string[]> = {
  most: ['최다', '최고', '최대', '1위', '1등', '으뜸'],
  least: ['최소', '최저', '최하위', '꼴찌', '꼴등'],
};

/** Question words that ask a superlative by themselves. */
const ASKED: Record<SuperlativeDirection, readonly string[]> = {
  most: ['최다', '1위', '1등'],
  least: ['최하위', '꼴찌', '꼴등'],
};

/** Predicates users run a degree adverb into with no space ("젤많이탄", "가장큰"); written apart, any word
 *  may follow. Without this list 가장자리, 제일은행 and 젤리 would read as superlatives. */
// prettier-ignore
const RUN_ON_STEMS = ['많', '높', '크', '큰', '적', '낮', '작', '좋', '잘', '비싸', '싸', '빠르', '빨', '늦', '먼저', '오래', '멀', '가까', '인기'] as const;

const ADVERB_PATTERN = new RegExp(`(?:^|[^가-힣])(${DEGREE_ADVERBS.join('|')})(\\s*)([가-힣]{0,3})`, 'g');

/** The directions the degree adverbs of `text` read, from the predicate after each. */
function adverbDirections(text: string): SuperlativeDirection[] {
  const found: SuperlativeDirection[] = [];
  for (const match of text.matchAll(ADVERB_PATTERN)) {
    const [, , space, next = ''] = match;
    if (!space && !RUN_ON_STEMS.some((stem) => next.startsWith(stem))) continue;
    // 가장 최근 asks the latest report, which the time preferences choose (time-choice.ts), not a record.
    if (next.startsWith('최근')) continue;
    found.push(LEAST_STEMS.some((stem) => next.startsWith(stem)) ? 'least' : 'most');
  }
  return found;
}

/** The superlative a question asks for, if any. */
export function askedSuperlative(question: string): SuperlativeDirection | undefined {
  const [byAdverb] = adverbDirections(question);
  if (byAdverb) return byAdverb;
  return (['most', 'least'] as const).find((direction) => ASKED[direction].some((word) => holds(question, word)));
}

/** Whether `word` occurs in `text` not as the tail of a longer number (11위 is no 1위) and not as the
 *  head of 최고경영자. */
function holds(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (/[0-9]/.test(text[at - 1] ?? '')) continue;
    if (word === '최고' && text.startsWith('최고경영', at)) continue;
    return true;
  }
  return false;
}

/** Whether a sentence states a superlative in the asked direction. */
export function statesSuperlative(sentence: string, direction: SuperlativeDirection): boolean {
  return adverbDirections(sentence).includes(direction) || STATED[direction].some((word) => holds(sentence, word));
}

/**
 * "누가 제일 많이 득점했어?" asks for the most of something: a sentence that states it ("양 팀 최다인
 * 27득점", "305번이 … 1위에 올랐다") over an opening that states none. In the news the answer sits in the
 * same article, often well below the lead that repeats the question's words, so it may trail like a cause
 * (`margins.news`) and need share none of them (a payout's "업종별로는 음식점에서 … 가장 많았고" for "다올페이는
 * 어떤 가게에서 제일 많이 썼어?"); elsewhere only when about as likely (`margins.page`) and sharing a word. An article states several records
 * ("민원은 … 무정차 통과가 가장 많았다"): the one holding most of the question's words is the asked one.
 */
export function preferSuperlative(
  question: string,
  first: Candidate,
  eligible: Candidate[],
  margins: { news: number; page: number },
): Candidate {
  const direction = askedSuperlative(question);
  if (!direction || statesSuperlative(first.text, direction)) return first;
  const news = first.hit.article.date !== undefined;
  const margin = news ? margins.news : margins.page;
  const stating = eligible.filter(
    (candidate) =>
      (!news || candidate.hit.article.id === first.hit.article.id) &&
      first.score - candidate.score <= margin &&
      (news || candidate.coverage > 0) &&
      statesSuperlative(candidate.text, direction),
  );
  // eligible is in score order, so the first of equal coverage is the best scored.
  return (
    stating.reduce<Candidate | undefined>((top, candidate) => (top && top.coverage >= candidate.coverage ? top : candidate), undefined) ??
    first
  );
}
