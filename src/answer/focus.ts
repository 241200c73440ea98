// The focus of a question: the topic noun right before its question word, which names
// what is asked ("매출은 얼마야?" → 매출, "날씨는 어땠어?" → 날씨). An article
// that mentions the question's other words but never its focus does not answer it.
import { bigramShare, isQuestionWord, splitWords, stripParticle, wordTerm } from '../text/tokens.js';
import { stemTerm, verbStems } from '../text/verb-stems.js';
import { endsInNieunOrRieul } from '../text/hangul.js';

// Nouns that only name the kind of answer wanted ("어느 기관", "장소는 어디"): the answer
// sentence names the thing itself, not the category, so they need not appear in it.
// prettier-ignore
export const CATEGORY_NOUNS: ReadonlySet<string> = new Set([
  '기관', '장소', '곳', '사람', '인물', '회사', '기업', '단체', '조직', '나라', '국가', '도시', '지역', '동네', '행사', '주제', '분야', '방법', '이유', '목적', '내용', '종류', '직책',
  '직위', '직함', '명칭', '제목', '이름',
  // A product by its kind: the answer names it ("이전 모델" → "1세대 톡브릿지").
  '모델', '제품', '상품', '신제품',
  // A rank: the answer states it with its counter ("리그 3위로 올라섰다").
  '순위', '등수',
  // Names of a name: the answer is the name itself ("TRT", "배임수재죄", "Make-A-Wish").
  '약어', '약자', '약칭', '줄임말', '죄명', '곡명', '작품명',
  // Words that only frame what is asked (its degree, time, part or meaning).
  '정도', '시기', '연도', '날짜', '날', '해', '것', '점', '부분', '역할', '의미', '뜻', '말', '일',
  // Connectives that take a particle like a noun ("LG 말고는 어디가").
  '말고', '빼고', '제외하고', '외에', '이외',
  // Kinds of company: the answer names the company (SK텔레콤), rarely its trade.
  '통신사', '항공사', '제약사', '증권사', '보험사', '카드사', '건설사', '제조사', '자동차사', '게임사', '운용사', '신문사', '방송사', '출판사', '배급사', '소속사', '기획사', '업체', '협력사',
  // Measures whose value is the answer ("층수는 얼마" → "5층"): the answer states the value. 갯수 is
  // the common misspelling of 개수.
  '년도', '나이', '숫자', '점수', '스코어', '개수', '갯수', '인원', '기한', '층수', '번호', '규모', '수치', '비율', '길이', '높이', '크기', '무게', '거리', '기간',
  // A difference is stated by its value ("584표 앞섰다").
  '차이', '격차',
  // An opponent is named, not called one ("가람 피닉스와 맞붙는다").
  '상대', '상대팀',
  // A team or club is named, not called one ("도형준(27·아미산군청)", "청하시티와 맞붙어").
  '팀', '소속', '소속팀', '구단',
  // Who leads or handles a thing is named with their own title ("한지수 교수 연구팀", "김 과장").
  '책임자', '담당자',
  // A person called by sex is named, with an age ("박모(56)씨"), not called one.
  '남자', '남자분', '여자', '여자분', '남성', '여성', '분',
]);

// Words that shape a question without naming its topic: adverbs of degree, manner and time,
// time deixis that a follow-up resolves elsewhere ("그날", "지금"), and pronouns. Absent from a passage,
// they say nothing about whether it answers.
// prettier-ignore
export const NON_TOPIC_WORDS: ReadonlySet<string> = new Set([
  '그렇게', '이렇게', '저렇게', '많이', '조금', '제일', '가장', '아주', '정말', '직접', '원래', '본래', '결국', '최근', '지금', '요즘', '현재', '새로', '실제', '실제로',
  '모두', '전부', '함께', '같이', '그냥', '특히', '주로', '보통', '대략', '최종', '최종적', '처음', '이미', '아직', '앞으로', '다시', '먼저', '나중',
  '늦게', '일찍', '빨리', '천천히', '자주', '항상', '가끔', '오래', '방금', '금방', '아까', '이제', '벌써', '바로', '곧', '한꺼번에', '한번에', '동시에', '따로',
  '각각', '제대로', '너무', '반드시', '계속', '자동으로', '수동으로', '대충', '얼추', '대강', '거의', '대체로', '꽉', '가득', '좀', '되게', '엄청',
  '그날', '그달', '그해', '그때', '그다음', '그다음엔', '그전', '이번', '지난번', '다음', '이전', '당시', '며칠', '얼마큼',
  '오늘', '내일', '어제', '모레', '한참', '잠깐', '잠시',
  // Pronouns that point at the user's situation ("이거 뭐예요?", "그걸로 문 열까 봐"), and the user's own side.
  '이거', '그거', '저거', '이걸', '그걸', '저걸', '이건', '그건', '저건', '우리', '저희',
  // A relational noun a passage leaves out: "배상 대상에 포함돼?" is answered by "…주민 64명은 배상액을 줄였다".
  '대상',
  // A comparison's 대비 ("시세 대비 몇 %야?") is answered by "시세의 60%".
  '대비',
  // 하다 and 되다 alone ("어떻게 하면 돼요?", "그러면 되나요"): a light verb names no topic.
  '하면', '되면', '해도', '돼도', '되도', '해서', '돼서',
]);
// Nouns that relate what is asked to the noun before them: "재검표 결과", "도입 이유", "공사 일정".
const RELATIONAL_NOUNS: ReadonlySet<string> = new Set([
  '이름',
  '명칭',
  '결과',
  '이유',
  '원인',
  '방법',
  '일정',
  '목적',
  '배경',
  '계기',
  '과정',
  '절차',
]);

// Question words that ask for the value of an attribute ("매출은 얼마야?", "날씨는 어땠어?"),
// where the attribute itself must be in the answer. "X는 누구/무엇/어디" asks for an
// instance of X instead, and answers often name it without X ("종교는 무엇인가?").
const ASKS_FOR_VALUE = /^(얼마|어땠|어떤가|어떻습|몇|어때|어떨)/;
// "X는 누구/무엇/어디?" asks for an instance of X: the answer may name it without X (the
// paragraph about someone's spouse need not say 부인), so X is only required to occur
// somewhere in the collection: a question about a 본사 or a 회장 the articles never mention
// is not about these articles.
const ASKS_FOR_THING = /^(누구|누가|무엇|뭐(?!라)|어디|언제)/;
// Particles that mark the word before a question word as its topic: "매출은 얼마야?".
const TOPIC_PARTICLE = /(은|는|이|가)$/;

/** A word the retrieved passages must contain; `prefix`: only its first two syllables
 *  (a predicate such as "설립됐어" is found as 설립 in any inflection). */
export interface FocusWord {
  word: string;
  prefix: boolean;
  /** Where it must occur: in the retrieved passages (default) or anywhere in the corpus. */
  scope: 'passages' | 'corpus';
}

/**
 * What a question is about, in the words an answer cannot do without:
 * - the attribute before a question word that asks for a value ("매출은 얼마야?" → 매출);
 * - the predicate after 언제 ("언제 설립됐어?" → 설립): a time answers an event;
 * - the topic the question opens with ("삼성전자는 … 발표했어?" → 삼성전자);
 * - the noun before 누구/무엇/어디/언제 ("본사는 어디야?" → 본사), in the corpus at least.
 * Category nouns ("장소는 어디") are never required: answers name the thing, not its kind.
 */
export function focusWords(question: string): FocusWord[] {
  const words = splitWords(question);
  const focus = new Map<string, FocusWord>();
  const add = (spoken: string, prefix: boolean, scope: FocusWord['scope'] = 'passages') => {
    // A plural is its noun: a page that names 집 or 선수 names 집들 and 선수들.
    const word = spoken.length >= 2 && spoken.endsWith('들') ? spoken.slice(0, -1) : spoken;
    // A run-on word is a question typed without spaces, not a topic.
    if (
      word.length < 2 ||
      word.length > MAX_TOPIC_SYLLABLES ||
      isQuestionWord(word) ||
      CATEGORY_NOUNS.has(word) ||
      NON_TOPIC_WORDS.has(word) ||
      COUNTED.test(word)
    )
      return;
    const seen = focus.get(word);
    // The stricter requirement wins when two rules name the same word.
    focus.set(word, { word, prefix: seen ? seen.prefix && prefix : prefix, scope: seen?.scope === 'passages' ? 'passages' : scope });
  };
  words.forEach((word, i) => {
    if (word.kind !== 'hangul') return;
    const before = words[i - 1];
    const after = words[i + 1];
    const adjacent = (a: { end: number }, b: { start: number }) => question.slice(a.end, b.start).trim() === '';
    const adjacentBySpace = (a: { end: number }, b: { start: number }) => /^ +$/.test(question.slice(a.end, b.start));
    // The attribute a value question asks for ("매출은 얼마야?"; spoken without its particle, "등록금
    // 얼마야?"); of a category noun, the verb that modifies it ("입건된 사람은 몇 명?", "숨진 사람 몇 명").
    const addAttribute = (attribute: string) => {
      add(attribute, false);
      const modifier = words[i - 2];
      if (CATEGORY_NOUNS.has(attribute) && modifier?.kind === 'hangul' && before && adjacentBySpace(modifier, before))
        addModifier(modifier.text, add);
    };
    if (before?.kind === 'hangul' && adjacent(before, word) && TOPIC_PARTICLE.test(before.text)) {
      const stem = stripParticle(before.text);
      if (stem !== before.text && ASKS_FOR_VALUE.test(word.text)) addAttribute(stem);
      else if (stem !== before.text && ASKS_FOR_THING.test(word.text)) add(stem, false, 'corpus');
    }
    if (before?.kind === 'hangul' && adjacentBySpace(before, word) && ASKS_FOR_VALUE.test(word.text) && isSpokenAttribute(before.text))
      addAttribute(before.text);
    // "재검표 결과 어떻게 됐어?": a noun that only relates (결과, 이유, 일정) asks about the noun
    // compounded before it, which the passages must name.
    if (
      RELATIONAL_NOUNS.has(stripParticle(word.text)) &&
      after?.kind === 'hangul' &&
      adjacentBySpace(word, after) &&
      isQuestionWord(after.text) &&
      before?.kind === 'hangul' &&
      adjacentBySpace(before, word) &&
      // A bare noun: not "섬의" (a one-syllable noun keeps its 의), nor a verb or determiner
      // that modifies ("했던", "다른").
      stripParticle(before.text) === before.text &&
      !before.text.endsWith('의') &&
      !isModifier(before.text)
    )
      add(before.text, false);
    // Only a long predicate made of a noun and 하다/되다 ("설립됐어" → 설립): a short one is a bare
    // verb whose second syllable changes with the ending (열렸어 / 열린다), and so is a long native
    // verb ("없어져요", which a page says as 만료됩니다), so two syllables prove nothing.
    if (
      /^언제/.test(word.text) &&
      after?.kind === 'hangul' &&
      after.text.length >= 4 &&
      adjacent(word, after) &&
      NOUN_VERB.test(after.text)
    )
      add(stripParticle(after.text), true);
  });
  // The opening topic: "X는 …" with a short X (a long one is a run-on without spaces).
  const first = words[0];
  if (first?.kind === 'hangul' && first.start === question.search(/\S/) && /(은|는)$/.test(first.text)) {
    const stem = stripParticle(first.text);
    if (stem !== first.text) add(stem, false);
  }
  return [...focus.values()];
}

const MAX_TOPIC_SYLLABLES = 6;

/** A noun of two syllables or more made a verb by 하다 or 되다 (설립됐어, 개통해요, 출시된대). */
const NOUN_VERB = /^[가-힣]{2,}(됐|되|돼|된|됩|했|하|해|한|합)/;

/** A verb that modifies a category noun ("입건된 사람", "숨진 사람"), added by its stem when it has one of
 *  two syllables or more: "쉬는 곳" (쉬다) may be a 쉼터 in the passage, which no rule can tell. */
function addModifier(modifier: string, add: (word: string, prefix: boolean) => void): void {
  if (!isModifier(modifier)) return;
  const stem = stripParticle(modifier);
  if (stem !== modifier && stem.length >= 2) add(stem, false);
  else if (verbStems(modifier, { modifiers: true }).length > 0) add(modifier, false);
}

/** A noun spoken without its particle before 얼마/몇 ("등록금 얼마야?"): not a one-syllable noun that
 *  keeps its particle ("집이", "돈이"), a rate ("톤당"), a verb form, or a time or amount word. */
function isSpokenAttribute(word: string): boolean {
  return (
    stripParticle(word) === word &&
    !/(은|는|이|가|을|를|에|의|도|만|로|당|서|지|고|며|면|다|요|데|니|까지|부터)$/.test(word) &&
    !isModifier(word) &&
    !TIME_WORD.test(word) &&
    // 게 after a verb's adnominal is 것이 run on ("신고 들어온게 몇 시야?"); 대게 and 가게 are nouns.
    !(word.length >= 3 && word.endsWith('게') && endsInNieunOrRieul(word.slice(0, -1)))
  );
}

// Times and amounts that stand before 몇/얼마 without naming what is counted ("작년 몇 명", "평균 얼마").
const TIME_WORD =
  /^(올해|작년|지난해|내년|재작년|지난달|이번달|이달|다음달|오늘|어제|내일|그날|당시|매년|매달|매월|매일|매주|하루|한달|평균|전체|합계|최대|최소|최고|최저|최장|최단|대략|약|총|각각|이후|이전|직후|직전|포함|이상|이하|미만|초과|무렵|동안)$/;

// A native number with its counter ("한개", "두명", "세가지") counts what is asked; it names nothing.
const COUNTED = /^(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)(개|명|가지|곳|사람|분|권|편|마리)$/;

const CONDITION = /(으면|하면|되면|려면|다면|이면)$/;

// The forms that make a verb modify the noun after it: 입건된, 참여한, 다친, 숨진, 쓰는, 살던.
// A noun ending in ㄴ/ㄹ (서울, 결론) reads the same, and is as much content.
function isModifier(word: string): boolean {
  // A condition ends in ㄴ too: "공장 다 지으면 사람 몇 명" asks no 지으면.
  if (CONDITION.test(word)) return false;
  return endsInNieunOrRieul(word);
}

/** True when `terms` (analyzer terms of a passage, or of a whole corpus) hold the word or
 *  most of its bigrams. */
interface TermLookup {
  has(term: string): boolean;
  /** True when some whole word (particle-stripped) starts with `start`; lets a two-syllable
   *  focus (직원) match 직원들 but not 교직원, whose bigram 직원 proves nothing. */
  hasWordStartingWith?(start: string): boolean;
}

/** A focus word counts as present when half its bigrams are: a compound split by spacing
 *  ("연구 소장") or a stem that changed its last syllable still holds most of them. */
const FOCUS_BIGRAM_SHARE = 0.5;

/** `whole`: every bigram, as for a word of the related-words table, which is a spelling of its own. */
export function passageHasWord(terms: TermLookup, word: string, prefix = false, whole = false): boolean {
  // Latin words are indexed lower-cased ("GIMP" → gimp), and split at hyphens ("Wi-Fi" → wi, fi).
  if (!/[가-힣]/.test(word)) {
    const lower = word.toLowerCase();
    if (!/[a-z]-[a-z]/.test(lower)) return terms.has(lower);
    return lower.split('-').every((part) => part === '' || terms.has(part));
  }
  if (prefix) return terms.has(word.slice(0, 2));
  if (terms.has(wordTerm(word))) return true;
  // A verb in another form: the question's "다친" is the passage's "다쳤다".
  if (verbStems(word, { modifiers: true }).some((stem) => terms.has(stemTerm(stem)))) return true;
  if (word.length === 2 && terms.hasWordStartingWith) return terms.hasWordStartingWith(word);
  return bigramShare(word, (pair) => terms.has(pair)) >= (whole ? 1 : FOCUS_BIGRAM_SHARE);
}
