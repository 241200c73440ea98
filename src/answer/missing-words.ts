// Words of a question that the passages never use: a question about a known entity's absent
// attribute ("문채원 책임연구원은 어느 대학을 나왔어?") covers most of its IDF weight through
// the entity's name, yet one of its nouns is nowhere. The answerability model weighs the
// share of such words; which share means "refuse" is fitted, not set here.
import { createRecentCache } from '../text/recent-cache.js';
import { expectedAnswerType } from './answer-type.js';
import { relatedTerms } from '../text/related-words.js';
import { fullWords } from '../text/clipped-words.js';
import { hasBatchim, hasRieulBatchim, isParticle, isQuestionWord, splitContraction, splitWords, stripParticle } from '../text/tokens.js';
import { CATEGORY_NOUNS, NON_TOPIC_WORDS, passageHasWord } from './focus.js';

// A one-syllable noun with its particle ("명이", "돈은", "날이", "때는"): a counter or a bound
// noun, which stripParticle keeps whole because one syllable is too short to strip. Two-syllable
// nouns end in 가, 의, 로 and 도 too (주가, 회의, 도로, 습도): with those the first syllable must be a word
// of its own that takes a particle (table below). With 이 and 과 a one-syllable noun is likelier (알이, 군과):
// KorQuAD lost two answers when 결과 and 차이 were read as nouns.
const BOUND_NOUN = /^([가-힣])(은|는|이|가|을|를|의|에|엔|와|과|로|으로|에서|에도|에는|도|만|나|쯤|까지|이나|부터|이랑|랑|보다|처럼)$/;
const NOUN_LIKE_ENDING = /^(가|의|로|도)$/;
// prettier-ignore
const ONE_SYLLABLE_WORDS = new Set([
  // Counters and units.
  '명', '개', '곳', '번', '분', '초', '일', '월', '년', '시', '살', '층', '칸', '판', '편', '표', '팀',
  // Bound nouns and pronouns.
  '것', '거', '수', '때', '데', '줄', '적', '뿐', '듯', '쪽', '점', '건', '게', '걸', '저', '나', '너', '내', '제', '네', '그', '이', '뭐', '누', '얘', '걔', '쟤',
  // Everyday nouns users write with a particle ("돈이 빠져나갔어요", "물이 새요", "밥이 설익어요").
  '돈', '날', '밥', '물', '불', '폰', '집', '책', '옷', '약', '문', '앱', '키', '배', '눈', '비', '꽃', '말', '땅', '산', '강', '술', '빵', '떡', '쌀',
  '잠', '몸', '손', '발', '값', '빛', '창', '색', '양', '선', '글', '힘', '맘', '앞', '뒤', '옆', '위', '밑', '안', '밖', '속', '끝', '전', '후',
  // A verb's contracted -어 form before 도 ("틀어 놔도", "꺼도 돼요?").
  '해', '돼', '봐', '줘', '가', '와', '놔', '둬', '써', '서', '켜', '꺼', '쳐', '펴', '져', '사', '타',
]);
const isBoundNoun = (word: string): boolean => {
  const match = BOUND_NOUN.exec(word);
  return match !== null && (!NOUN_LIKE_ENDING.test(match[2]!) || ONE_SYLLABLE_WORDS.has(match[1]!));
};

// Connective and modal verb endings ("고치려면", "리허설하면서", "켰는데", "풀어야"): an inflected
// verb is spelled differently in every passage. Only endings of two syllables or more, since
// one-syllable ones end nouns too (광고, 문서, 화면).
const VERB_FORM =
  /(려면|으면|면서|는데|은데|던데|더니|어야|아야|해야|도록|잖아|다가|었다|았다|했다|하게|보이|싶은|싶어|해요|돼요|어요|아요)$/;

// The auxiliary verbs that follow a verb's -어 form: 놓다, 두다, 버리다 (보다 and 주다 also start nouns;
// a bare 두 or 둘 is the number two).
const AUXILIARY = /^(놓|놔|놨|둬|뒀|둔|두[고면었세시지는니]|버리|버려|버렸|버린|버릴)/;

// Longer than any compound noun the articles write as one word: a question typed without
// spaces ("이홍락원장이패널로나선세션주제는?"), which no passage spells.
const MAX_WORD_SYLLABLES = 10;

/** "외국인들" → "외국인": the plural suffix 들, which passages mostly leave out. Only after two
 *  syllables, so that a two-syllable word ending in 들 keeps its whole form. */
function dropPlural(stem: string): string {
  return stem.length >= 3 && stem.endsWith('들') ? stem.slice(0, -1) : stem;
}

// The colloquial and polite endings a closing predicate takes ("나왔어", "알려줘", "있나요", "될까").
// A question may end on a noun instead ("김프에서 되돌리는 단축키?", "2라운드 결과는?"): that is
// what it asks about and stays.
const PREDICATE_END = /(어|아|야|여|해|돼|줘|죠|요|니|냐|까|래|대|지|나|다|자|고|게|네|데|가|와|워|봐|라)$/;

/** Content nouns and verbs of a question, particle-stripped: Hangul words of two syllables or more,
 *  without question words, category nouns ("이름", "장소") or the closing predicate (Korean is
 *  verb-final: "나왔어", "알려줘" inflect away from every passage's spelling). */
export function questionContentWords(question: string): readonly string[] {
  return contentWordsOf.get(question, () => findContentWords(question));
}

// One answer reads a question's content words in several places (the opening sentence, the yes/no
// check, the second sentence, the refusal features): each question is analysed once.
const contentWordsOf = createRecentCache<readonly string[]>(256);

function findContentWords(question: string): readonly string[] {
  const all = splitWords(question);
  // A particle glued to a code or a number ("E05라고", "HK-170은") is no word of its own.
  const glued = new Set(
    all
      .filter(
        (word, i) => word.kind === 'hangul' && all[i - 1]?.kind !== 'hangul' && all[i - 1]?.end === word.start && isParticle(word.text),
      )
      .map((word) => word.start),
  );
  const words = all.filter((word) => word.kind === 'hangul' && !glued.has(word.start));
  const out: string[] = [];
  words.forEach((word, i) => {
    if (i === words.length - 1 && words.length > 1 && PREDICATE_END.test(word.text)) return;
    // The counter after 몇 belongs to the question word: "몇 명이라고", "몇 곳이나".
    if (words[i - 1]?.text === '몇') return;
    // A verb's -어 form before an auxiliary ("틀어 놔도", "지워 버렸어", "꺼 둬도") is a verb.
    if (AUXILIARY.test(words[i + 1]?.text ?? '') && /[어아여워와해겨쳐려]$/.test(word.text)) return;
    // The spoken contractions of 에는, 에서는 (작년엔, 쿠폰함엔, 서울에선), which stripParticle keeps.
    const stem = splitContraction(word.text)?.[0] ?? stripParticle(word.text);
    if (stem.length < 2 || isQuestionWord(stem) || isQuestionWord(word.text) || CATEGORY_NOUNS.has(stem)) return;
    if (NON_TOPIC_WORDS.has(stem) || NON_TOPIC_WORDS.has(word.text) || isBoundNoun(word.text)) return;
    if (VERB_FORM.test(word.text) || stem.length > MAX_WORD_SYLLABLES) return;
    // A verb's ㄹ까 form ("열까 봐", "될까"), which no passage spells.
    if (word.text.length >= 2 && word.text.endsWith('까') && hasRieulBatchim(word.text.charAt(word.text.length - 2))) return;
    out.push(dropPlural(stem));
  });
  return [...new Set(out)];
}

// A verb form in the middle of a question ("보내주면", "쓰던", "옮겨올", "살려야", "끊겨도", "가져오고", "건조한데"):
// the predicate of a proposition, which a passage says in its own words ("연결되지 않아도" for "끊겨도").
// Also its concessive ("갈았는데도", "비웠는데도"), its -서 form after 가다 and 나다 ("찾아가서", "쏘고 나서"), a verb
// with 두다 run on ("예약해둔", "켜둔"), and a polite ending mid-question ("자꾸 꺼져버려요. 좀 …", "바꿔놔요 ㅠㅠ").
const PREDICATE_FORM =
  /(던|면|야|둘|올|갈|볼|쓸|될|겨|려|워|고|인데|는데|한데|은데|운데|(인|는|한|은|운)데도|니까|[는은런]지|(어|아|여|겨|워|와|해)도|(어|아|여|겨|워|와|해|쳐|져|켜|려|봐|줘|둬|가|나|러)서|(어|아|여|워|해|려|혀|쳐|겨)진|(해|어|아|여|워|와|져|켜|꺼|둬)둔|(어|아|여|해|져|놔|둬|워|와|줘|봐|돼|서|네|데|세|래|대|려|겨|쳐|혀|켜|꺼)요|더니)$/;

/** The nouns a yes/no question's proposition is about ("방수 기능이 있어?" → 방수, 기능): its content
 *  words without the verb forms, which passages paraphrase. */
export function propositionNouns(question: string): readonly string[] {
  const words = splitWords(question);
  const dropped = new Set(
    words
      .filter(
        (word, i) =>
          word.kind === 'hangul' &&
          ((word.text.length >= 2 && PREDICATE_FORM.test(word.text)) ||
            // A verb before 수 (있다/없다) in its ㄹ form: "지워버릴 수도 있어요?".
            (hasRieulBatchim(word.text.slice(-1)) && /^수/.test(words[i + 1]?.text ?? '')) ||
            // A verb's -아/어 form before 있다 ("내려져 있었어?", "켜져 있어요?"): a state, no noun.
            (/(아|어|여|져|워|와|해|돼|겨|려|혀|쳐)$/.test(word.text) && /^(있|없)/.test(words[i + 1]?.text ?? '')) ||
            // …or run on with it ("남아있는", "켜져있는"): an adnominal of 있다/없다 ends no noun.
            (word.text.length >= 3 && /[있없]는$/.test(word.text)) ||
            // A verb's -게 form ("못 들어가게", "안 보이게"); 옷가게, 무게, 집게 and crabs are nouns.
            (word.text.length >= 3 && /게$/.test(word.text) && !/(^|[^어아러라와워여])(가|무|집|꽃|대)게$/.test(word.text)) ||
            // A verb's -지 form before a long negation ("깜빡이지 않고", "열리지 못해", "끄지 마"); 이미지 and
            // 메시지 are nouns, and 안 negates the verb after it ("이미지 안 보여요").
            // Its contraction with 는 ("깜빡이진 않고", "되진 않아요") too.
            ((word.text.endsWith('지') || /(이|하|되)진$/.test(word.text)) &&
              /^(않|못하|못해|못했|말|마)/.test(words[i + 1]?.text ?? '')) ||
            // 때문 in any form ("계란말이 때문이었다며?") says why, not what.
            /^때문/.test(word.text) ||
            // The ending -거든(요) ("두 개 뜨거든요") gives a reason in passing.
            /거든요?$/.test(word.text) ||
            // A counter right after a number ("12시에도 돼요?") is the condition asked about, not
            // the topic. (The refusal features keep it, as they were fitted.)
            (words[i - 1]?.kind === 'number' && words[i - 1]!.end === word.start)),
      )
      .map((word) => dropPlural(stripParticle(word.text))),
  );
  // A noun with the copula's 라서, or its 라 before 그런지 ("로그인 페이지 뜨는 와이파이라 그런지"), is the noun.
  const copula = new Map<string, string>();
  words.forEach((word, i) => {
    // "겨울이라 건조한데": 이라 after a final consonant is the copula's connective too.
    const connective =
      /^그(런|래)/.test(words[i + 1]?.text ?? '') || (/이라$/.test(word.text) && hasBatchim(word.text.charAt(word.text.length - 3)));
    // A noun quoted with (이)라고 ("오프라인이라고만 떠요") is the noun; so is one with a particle and 만 ("시거잭에만").
    const stacked = /(에만|에서만|으로만|로만|에게만|한테만)$/.exec(word.text)?.[0];
    if (stacked && word.text.length - stacked.length >= 2)
      return void copula.set(stripParticle(word.text), word.text.slice(0, -stacked.length));
    const quoted = /라고만?$/.exec(word.text)?.[0];
    const ending = /라서$/.test(word.text) ? '라서' : connective && /라$/.test(word.text) ? '라' : (quoted ?? '');
    if (!ending) return;
    let noun = word.text.slice(0, -ending.length);
    // 이라 after a final consonant ("학생이라서"), 라 after a vowel ("와이파이라서").
    if (noun.endsWith('이') && hasBatchim(noun.charAt(noun.length - 2))) noun = noun.slice(0, -1);
    if (noun.length >= 2) copula.set(stripParticle(word.text), noun);
  });
  return questionContentWords(question)
    .filter((word) => !dropped.has(word))
    .map((word) => copula.get(word) ?? word);
}

interface TermSet {
  has(term: string): boolean;
}

// Answering asks about the same few question words against many sentences: their related
// words are looked up (and phrases split into their words) once.
const relatedOf = createRecentCache<string[][]>(4096);

/** True when `terms` hold the word (or most of its bigrams; with `prefix`, its first two syllables)
 *  or one of its related words ("들어왔어" → 입행). */
export function holdsWord(terms: TermSet, word: string, prefix = false): boolean {
  if (passageHasWord(terms, word, prefix)) return true;
  // A related word is a word of the table, found whole (a phrase word by word): 라이터 (Writer) is not
  // half of 슬라이드's bigrams. A clipped word is held by its full word (전훈 by 전지훈련).
  return relatedOf
    .get(word, () => [...relatedTerms(word), ...fullWords(word)].map((lemma) => lemma.split(' ')))
    .some((parts) => parts.every((part) => passageHasWord(terms, part, false, true)));
}

/** Share of `words`, weighted by `weight`, that `terms` do not hold. */
export function missingShare(words: readonly string[], terms: TermSet, weight: (word: string) => number): number {
  let total = 0;
  let missing = 0;
  for (const word of words) {
    const w = weight(word);
    total += w;
    if (!holdsWord(terms, word)) missing += w;
  }
  return total > 0 ? missing / total : 0;
}

// 뭘 (뭐를) and 뭔 (뭐인) ask "what" as much as 뭐 does.
const COLLOQUIAL_WHAT = /^(뭘|뭔|뭣)/;
// Colloquial and polite endings of a yes/no question's predicate.
const YES_NO_END = /(어|아|여|해|돼|니|나요|까|까요|냐|지|죠|요|습니까|ㅂ니까|었나|았나|했나|됐나)$/;
// A particle or the conditional 면 with the polite 요: an elliptical question, no predicate of its own.
// (가요 is left out: "…한가요?" is the interrogative ending.)
const ELLIPTICAL_END = /[가-힣](은|는|도|면|랑|하고|에서|에선|에는|엔)요$/;

/** A yes/no question: no question word at all ("방수 기능이 있어?", "거부권을 행사했어?"). It states
 *  a proposition, which a passage without one of its content words cannot confirm. */
export function isYesNoQuestion(question: string): boolean {
  // A question that asks for a kind of answer asks for it, however it ends: "…하는 방법 있어요?" and
  // "…하려면요?" ask for a method, "…단축키 알려 주세요" for a key.
  if (expectedAnswerType(question) !== undefined) return false;
  const words = splitWords(question).filter((word) => word.kind === 'hangul');
  const last = words.at(-1)?.text ?? '';
  // It closes on a predicate ("있어?", "했나요?"), not on a topic ("주제는?", "사람은?"), nor on a
  // topic or a condition with the polite 요 ("충전기는요?", "청소했는데도 그러면요?"): those ask "and X?"
  // or "what if …?", not whether something is so.
  if (!YES_NO_END.test(last) || /(은|는|이|가)$/.test(last) || ELLIPTICAL_END.test(last)) return false;
  return !words.some((word) => isQuestionWord(word.text) || isQuestionWord(stripParticle(word.text)) || COLLOQUIAL_WHAT.test(word.text));
}
