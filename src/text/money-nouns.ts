// Nouns that name a sum of money, and the sums a sentence states. A charge ends in 료 (통행료), a
// sum paid or held in 금 (과징금, 적립금), a cost in 비 (공사비), a price in 가 after what is priced
// (분양가, 출고가; 가 alone ends 작가 and 국가); a few have words of their own (예산, 가격, 연봉). "공사비는 모두 2940억 원" states a cost: it does not answer "통행료 얼마야?".
import { areRelated } from './related-words.js';
import { splitWords, stripParticle } from './tokens.js';

const MONEY_NOUN =
  /^[가-힣]*(료|금|비|액|값|팁|가격|예산|연봉|월급|임금|운임|(분양|판매|출고|공시|매매|공급|입찰|낙찰|소비자|전세|매입)가|단가|정가|원가|호가)$/;
/** Words with those endings that name no sum: 지금 (now), 준비 (preparing), 소금 (salt) … */
// prettier-ignore
const NOT_MONEY = new Set([
  '지금', '조금', '방금', '금방', '소금', '황금', '준비', '대비', '설비', '장비', '비비', '자료', '재료', '원료', '연료', '음료',
  '의료', '치료', '동료', '종료', '완료', '무료', '유료', '비료', '염료', '액', '값',
]);
/** Charges a user asks about without 얼마 ("수수료 있어요?") and a page states with a sum or as free. */
// prettier-ignore
export const CHARGE_NOUNS: readonly string[] = [
  '비용', '요금', '수수료', '위약금', '반환금', '추가금', '보증금', '연체료', '이용료', '사용료', '보관료', '관람료', '입장료',
  '가입비', '설치비', '배송비', '수리비', '택배비', '출장비', '교체비', '부품비', '회비', '연회비',
];
/** A sum in won: "2940억 원", "5,000원", "5만 원". */
const WON = /\d[\d,.]*\s*(만|억|천|조)?\s*(만|억|천)?\s*원/g;
/** Words on either side of a sum that may name it ("관람료는 성인 5,000원", "5만 원 상당의 적립금"). */
const WINDOW = 3;

/** True for a word (particles stripped) that names a sum of money. */
export function isMoneyNoun(word: string): boolean {
  return MONEY_NOUN.test(word) && !NOT_MONEY.has(word);
}

type Words = ReturnType<typeof splitWords>;

/** The money nouns among `words`, particles stripped. */
function moneyNounsOf(words: Words): string[] {
  return words
    .filter((word) => word.kind === 'hangul')
    .map((word) => stripParticle(word.text))
    .filter(isMoneyNoun);
}

/** The money nouns a text names, particles stripped: "통행료 얼마야?" → ["통행료"]. */
export function moneyNouns(text: string): string[] {
  return moneyNounsOf(splitWords(text));
}

/** The money nouns within a few words of a sum in won in the sentence (`words`: its split, when read). */
export function sumNouns(sentence: string, words: Words = splitWords(sentence)): string[] {
  const out = new Set<string>();
  for (const match of sentence.matchAll(WON)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = words.filter((word) => word.end <= start).slice(-WINDOW);
    const after = words.filter((word) => word.start >= end).slice(0, WINDOW);
    for (const word of [...before, ...after]) {
      const stem = word.kind === 'hangul' ? stripParticle(word.text) : '';
      if (isMoneyNoun(stem)) out.add(stem);
    }
  }
  return [...out];
}

// A charge is said with 비 or 료 alike after what it is for: 견인비 ~ 견인료, 이용비 ~ 이용료.
const FEE_END = /^([가-힣]{2,})(비|료)$/;
const sameFee = (a: string, b: string) => FEE_END.exec(a)?.[1] === (FEE_END.exec(b)?.[1] ?? '');

// A compound names a kind of its last noun (Korean compounds are head-final): 긴급생활안정지원금 is a
// 생활안정지원금, 총사업비 a 사업비.
const headOf = (a: string, b: string) => (a.length < b.length ? b.endsWith(a) && a.length >= 2 : a.endsWith(b) && b.length >= 2);

const same = (a: string, b: string) => a === b || areRelated(a, b) || sameFee(a, b) || headOf(a, b);

/** True when the question asks for named sums (`asked`: its moneyNouns, read once per question) and
 *  the sentence states only other named sums: a sentence on the construction cost does not answer
 *  "해오름대교 통행료 얼마야?". */
export function statesOtherSum(asked: readonly string[], sentence: string): boolean {
  if (asked.length === 0) return false;
  const words = splitWords(sentence);
  const near = sumNouns(sentence, words);
  if (near.length === 0) return false;
  // The sums the sentence states: the nouns by its sums, and a money noun it is about ("사업비는 국비와 시비를 합쳐
  // 모두 4870억 원"); not one a sum is only paid from ("21억원의 비용이 들었으며, 전액 물안시 예산으로 부담").
  const named = [...near, ...moneyNounsOf(words.filter((word) => /(은|는|이|가)$/.test(word.text)))];
  return !asked.some((word) => named.some((other) => same(word, other)));
}
