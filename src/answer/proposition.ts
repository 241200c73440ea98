// Whether the passages can confirm a yes/no question at all: the nouns of its proposition must be there.
import { wordTerm } from '../text/tokens.js';
import { passageTerms, type Candidate, type Lexicon } from './candidates.js';
import { passageHasWord } from './focus.js';
import { holdsWord, propositionNouns, questionContentWords } from './missing-words.js';

/** A word in this share of the corpus's passages is what the corpus is about (1/5, 1/3, 1/2 measured alike). */
const CORPUS_SUBJECT_SHARE = 1 / 3;

/**
 * A yes/no question states a proposition: an article that never names one of its nouns ("방수 기능이
 * 있어?" of an earphone whose article never says 방수) cannot confirm it. Its verbs are paraphrased
 * ("끊겨도 쓸 수 있어?" ~ "연결되지 않아도"), so they are not required. A help page names the user's
 * world in its own words ("우리 집 프린터", "하늘처럼", "복층"): there only names must be found, Latin
 * words and long loanwords of other products (VPN, 스마트싱스), not the site's own (바로모바일), which the
 * corpus is about. (Requiring every noun there refused 12 answerable development cases to keep 1 refusal.)
 */
export function statesProposition(question: string, candidates: Candidate[], opening: Candidate, lexicon: Lexicon): boolean {
  const article = passageTerms(candidates, opening.hit.article.id);
  const subject = (word: string) => lexicon.documentFrequency(wordTerm(word)) >= lexicon.documentCount * CORPUS_SUBJECT_SHARE;
  const nouns = propositionNouns(question).filter((word) => opening.hit.article.date !== undefined || (word.length >= 4 && !subject(word)));
  // Latin letters right after a number are its unit (1kg, 2.4GHz), which a page may give in another (800g).
  const latin = question.match(/(?<![0-9.A-Za-z])[A-Za-z]{2,}/g) ?? [];
  return [...nouns, ...latin].every((word) =>
    opening.hit.article.date === undefined && /^[가-힣]{4,}$/.test(word) ? holdsWhole(article, word) : holdsWord(article, word),
  );
}

/** A long word of a help-page question is there whole, as a related word, or as a compound the page
 *  spaces (무선충전기 ~ 무선 충전기): 스마트싱스 is not there because 스마트폰 shares half its bigrams. */
function holdsWhole(terms: Set<string>, word: string): boolean {
  if (terms.has(wordTerm(word))) return true;
  if (holdsWord(terms, word) && !passageHasWord(terms, word)) return true;
  for (let cut = 2; cut <= word.length - 2; cut++) {
    if (terms.has(wordTerm(word.slice(0, cut))) && passageHasWord(terms, word.slice(cut))) return true;
  }
  return false;
}

/** "암컷이야 수컷이야?", "유료예요 아니면 무료예요?": a question that offers a choice of two. */
const CHOICE =
  /([가-힣A-Za-z0-9]{1,10}?)(이야|야|이에요|예요|에요|인가요|이니|니|이냐|냐)\s+(?:아니면\s+)?([가-힣A-Za-z0-9]{1,10}?)(이야|야|이에요|예요|에요|인가요|이니|니|이냐|냐)\s*[?？]?\s*$/;

/** Whether the passages name one of the choices a question offers (true when it offers none): of
 *  "암컷이야 수컷이야?", an article that names neither cannot say which. */
export function namesAChoice(question: string, candidates: Candidate[]): boolean {
  const choice = CHOICE.exec(question);
  if (!choice) return true;
  const terms = passageTerms(candidates);
  return [choice[1]!, choice[3]!].some((word) => holdsWord(terms, word));
}

/** A city or county the question names (청하군, 나래시): two to four syllables before 시 or 군, not a
 *  common noun that ends so (대도시, 신도시; an army: 연합군, 정부군). */
const PLACE_NAME = /^[가-힣]{2,4}(시|군)$/;
const NOT_A_PLACE = /(도시|반란군|연합군|정부군|독립군|의병군|동맹군)$/;

/**
 * A news article reports on the places it names: asked about a city or county ("옆 동네 청하군은 의정비
 * 얼마 받아?", "청솔시 말고 해온시는?"), an article that never names it in its retrieved passages or its
 * headline cannot answer, however well it tells the same of its own town.
 */
export function namesAskedPlaces(question: string, candidates: Candidate[], opening: Candidate): boolean {
  if (opening.hit.article.date === undefined) return true;
  const places = questionContentWords(question).filter((word) => PLACE_NAME.test(word) && !NOT_A_PLACE.test(word));
  if (places.length === 0) return true;
  const article = passageTerms(candidates, opening.hit.article.id);
  return places.every((place) => holdsWord(article, place));
}

/** A past-tense closing predicate: 이겼어, 열렸나요, 끝났대, 했어요, 됐지. */
const PAST_CLOSE = /(었|았|였|했|됐|웠|켰|졌|쳤|렸|겼|났|갔|왔|셨)(어|어요|나|나요|니|냐|대|대요|지|죠|습니까)?\s*[?？]?\s*$/;
/** A sentence about what is yet to come: a date ahead (오는 8일, 다음 달), a plan or a schedule. */
const FUTURE =
  /(오는\s*\d|다음\s*(달|주|시즌|경기)|내달|(예정|계획|방침)(이다|이며|이고|이라)|할\s*예정|을\s*예정|를\s*다툰다|맞붙는다|치른다)/;

/**
 * "8강에서 바다올FC 이겼어?" asks whether something happened: a news sentence that only schedules it ("다음 달
 * 8일 바다올FC와 4강 진출을 다툰다") cannot say it did.
 */
export function answersPastWithPlan(question: string, opening: Candidate): boolean {
  return opening.hit.article.date !== undefined && PAST_CLOSE.test(question.trim()) && FUTURE.test(opening.text);
}

/** A role asked of a person ("동진화학 사장이 누구야?", "감독은 누구야?"). */
const ASKED_ROLE =
  /(사장|대표|회장|감독|위원장|교수|원장|소장|청장|시장|군수|구청장|총장|단장|이사장|장관|주장|대변인|회장님)(은|는|이|가)?\s*(누구|누가)/;

/** In the news a person is named with the role the question asks ("김도윤 감독은"): an opening that names
 *  no such role (the company's warehouse, its employee) does not say who holds it. */
export function namesAskedRole(question: string, first: Candidate): boolean {
  const role = ASKED_ROLE.exec(question)?.[1];
  if (!role || first.hit.article.date === undefined) return true;
  return holdsWord(new Set([...first.terms, ...(first.previous?.terms ?? [])]), role);
}
