// Follow-up questions ("그 행사는 어디서 열렸어?") name nothing to search for. This module turns
// them into standalone questions from the conversation, without a model (LLM modes ask the model
// first and fall back to this). Everything it knows about Korean is in the tables below.
//
// 1. Detect: a pronoun (그는, 거기서, 그건 …), a determiner before a noun (그 행사, 해당 모델, 이 원장),
//    an opener (그럼 …) or a subjectless fragment ("2차전은?", "왜?").
// 2. Read the conversation as noun phrases: the last user question (itself made standalone first),
//    then the assistant's answer after it ([n] markers stripped), then older turns.
// 3. Resolve: the noun after the determiner (or the pronoun's kind) names a category (행사 → event:
//    서밋, 포럼, 축제 …; 사람 → a name with a title; 곳 → a place); the most specific phrase of that
//    category replaces the pronoun, with the particle refitted (그는 → 이홍락 원장은).
//    A fragment replaces its sibling in the last question ("그럼 3분기는?" after "2분기 매출은 얼마야?"
//    → "3분기 매출은 얼마야?"). What stays unresolved carries the last question's words instead.
import type { ChatTurn } from '../domain/types.js';
import { isRefusalText } from '../answer/refusal.js';
import { contentWords, hasBatchim, isQuestionWord, stripParticle } from '../text/tokens.js';

export type Category = 'person' | 'place' | 'org' | 'event' | 'time' | 'thing';

// ---------------------------------------------------------------- tables (facts about Korean)

/** Words that open a follow-up and carry no content ("그럼 3분기는?"). */
export const OPENERS = new Set(['그럼', '그러면', '그리고', '그래서', '그런데', '근데', '그렇다면', '그러니까', '그럼요', '그렇구나', '아', '또', '혹시']);

/** Determiners that relate to the thing discussed without naming it (이전 모델): its topic is carried. */
const RELATIVE_DETERMINERS = new Set(['이전', '전작', '종전']);
/** Determiners that point back when they stand before a noun as a separate word (그 행사, 해당 모델). */
export const DETERMINERS = new Set(['그', '이', '저', '해당', '그런', '이런', '저런', '상기', '앞의', '위의', ...RELATIVE_DETERMINERS]);

/**
 * Pronouns (without particle) and what they stand for: a category (resolved to a phrase), manner
 * (그렇게: the last question is carried) or partitive (그중, 그다음: its topic is carried).
 * 그 alone is a person only with a particle (그는), see pronounOf.
 */
export const PRONOUNS: ReadonlyMap<string, Category | 'manner' | 'partitive'> = new Map<string, Category | 'manner' | 'partitive'>([
  ['그녀', 'person'], ['그분', 'person'], ['이분', 'person'], ['그들', 'person'], ['이들', 'person'], ['걔', 'person'],
  ['그곳', 'place'], ['이곳', 'place'], ['저곳', 'place'], ['거기', 'place'], ['여기', 'place'], ['저기', 'place'],
  ['그것', 'thing'], ['이것', 'thing'], ['저것', 'thing'], ['그거', 'thing'], ['이거', 'thing'], ['저거', 'thing'],
  ['그때', 'time'], ['이때', 'time'], ['당시', 'time'], ['그날', 'time'], ['그해', 'time'],
  ['그렇게', 'manner'], ['이렇게', 'manner'], ['저렇게', 'manner'], ['똑같이', 'manner'], ['마찬가지로', 'manner'], ['그만큼', 'manner'], ['이만큼', 'manner'],
  ['그다음', 'partitive'], ['이다음', 'partitive'], ['그후', 'partitive'], ['그뒤', 'partitive'],
  ['그중', 'partitive'], ['이중', 'partitive'], ['그중에', 'partitive'], ['그중에서', 'partitive'],
]);

/** Contracted pronoun + particle forms: 그건 = 그것 + 은. */
export const CONTRACTIONS: ReadonlyMap<string, [string, string]> = new Map<string, [string, string]>([
  ['그건', ['그것', '은']], ['그걸', ['그것', '을']], ['그게', ['그것', '이']],
  ['이건', ['이것', '은']], ['이걸', ['이것', '을']], ['이게', ['이것', '이']],
  ['저건', ['저것', '은']], ['저걸', ['저것', '을']], ['저게', ['저것', '이']],
  ['거긴', ['거기', '는']], ['거기선', ['거기', '에서는']], ['거기서', ['거기', '에서']],
  ['여긴', ['여기', '는']], ['여기서', ['여기', '에서']], ['그땐', ['그때', '는']], ['걘', ['걔', '는']],
]);

/** Nominal particles a pronoun or noun may carry (그곳에서, 서밋은, 그다음엔). */
const NOMINAL_PARTICLES = [
  '에서부터', '으로부터', '에서는', '에서도', '에서의', '에게는', '에게도', '으로는', '으로도', '까지는', '까지도', '부터는', '이라는', '이라고', '이에요', '입니다',
  '에서', '에게', '한테', '께서', '으로', '까지', '부터', '마다', '보다', '처럼', '만큼', '이나', '이랑', '라는', '라고', '이란', '에는', '에도', '로는', '로도', '와의', '과의', '이야', '예요', '이다',
  '에선', '에겐', '한텐', '으론', '엔', '론',
  '은', '는', '이', '가', '을', '를', '의', '에', '와', '과', '로', '도', '만', '랑', '란', '인', '야', '다', '나',
];

/** Particle alternants: [after a final consonant, after a vowel]. */
const PARTICLE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['은', '는'], ['이', '가'], ['을', '를'], ['과', '와'], ['으로', '로'], ['으로는', '로는'], ['으로도', '로도'], ['으로부터', '로부터'],
  ['이랑', '랑'], ['이나', '나'], ['이라는', '라는'], ['이라고', '라고'], ['이란', '란'], ['이야', '야'], ['이에요', '예요'], ['과의', '와의'], ['이다', '다'],
];

/** Titles after a name: 이홍락 원장, 김민수 선수. A phrase ending in one is a person. */
export const TITLES = [
  '원장', '대표', '장관', '차관', '선수', '감독', '코치', '회장', '부회장', '사장', '부사장', '교수', '의원', '대통령', '총리', '도지사', '지사', '군수', '구청장', '위원장',
  '청장', '처장', '국장', '실장', '팀장', '부장', '과장', '본부장', '센터장', '소장', '총장', '단장', '이사장', '이사', '대변인', '변호사', '판사', '박사', '작가',
  '배우', '가수', '기자', '의장', '총재', '행장', '전무', '상무', '수석', '후보', '당선인', '관장', '학장', '교사', '시장', 'CEO', 'CTO',
];

/** Titles that also stand before a name (주장 강민호); 주장 alone is more often a claim. */
export const TITLES_BEFORE_NAMES = new Set(['주장', '감독', '대표', '위원장', '회장', '사장', '교수', '선수', '코치']);

/** Common Korean surnames (the first syllable of a name; the two-syllable ones first). */
export const SURNAMES = new Set([
  '남궁', '황보', '제갈', '선우', '독고',
  '김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '류', '유', '홍', '전', '고', '문', '양', '손', '배', '백', '허',
  '남', '심', '노', '하', '곽', '성', '차', '주', '우', '구', '민', '나', '진', '지', '엄', '채', '원', '천', '방', '공', '현', '함', '변', '염', '여', '추', '도', '소', '석',
  '선', '설', '마', '길', '연', '위', '표', '명', '기', '반', '왕', '금', '옥', '육', '인', '맹', '제', '모', '탁', '국', '어', '은', '편', '용', '예', '경', '봉',
]);

/** Ends of event names: APEC CEO 서밋, 푸른강 축제, 세계 모바일 박람회. */
export const EVENT_SUFFIXES = [
  '서밋', '정상회의', '포럼', '축제', '축전', '박람회', '엑스포', '페어', '회의', '대회', '행사', '페스티벌', '콘퍼런스', '컨퍼런스', '세미나', '심포지엄', '전시회', '시상식',
  '개막식', '폐막식', '기념식', '설명회', '간담회', '토론회', '총회', '공연', '콘서트', '올림픽', '월드컵', '선거', '캠페인', '마라톤', '워크숍', '해커톤', '발표회', '쇼케이스',
  '시사회', '회담', '체전', '리그', '챔피언십', '결승전', '개막전', '잔치', '장터',
];

/** Ends of company names: 한빛전자, SK텔레콤, 가온화학. */
export const COMPANY_SUFFIXES = [
  '전자', '화학', '그룹', '기업', '은행', '증권', '보험', '제약', '건설', '자동차', '텔레콤', '통신', '항공', '중공업', '물산', '바이오', '에너지', '솔루션', '카드', '생명',
  '홀딩스', '주식회사', '클라우드', '랩스', '컴퍼니', '엔터테인먼트', '제철', '반도체', '디스플레이', '모터스', '전력', '일보', '신문', '방송', '㈜',
];
/** Ends of other organisations: LG AI연구원, 과학기술정보통신부 (by the short ends below), 대한축구협회. */
export const INSTITUTION_SUFFIXES = ['연구원', '연구소', '재단', '협회', '공사', '공단', '위원회', '정부', '대학교', '대학', '구단', '컨소시엄', '철도', '조합', '학회'];
export const ORG_SUFFIXES = [...COMPANY_SUFFIXES, ...INSTITUTION_SUFFIXES];
/** Heads that mean a company: "그 회사" prefers 한빛전자 to 배터리 연구소. */
const COMPANY_HEADS = new Set(['회사', '기업', '업체', '제조사', '브랜드']);
/** One-syllable organisation ends, only in words of three syllables or more (국방부, 경찰청; not 일부, 요청). */
const ORG_SHORT_SUFFIXES = ['부', '청', '처', '당'];

/** Ends of place names: 강변공원, 예술의전당, 세종시. */
export const PLACE_SUFFIXES = [
  '공원', '광장', '센터', '전당', '경기장', '체육관', '회관', '공항', '항구', '해변', '해수욕장', '호수', '거리', '마을', '캠퍼스', '단지', '호텔', '컨벤션', '박물관', '미술관',
  '도서관', '청사', '본사', '공장', '병원', '아레나', '스타디움', '기념관', '터미널', '시청', '구청', '군청', '도청', '빌딩', '타워', '코엑스', '벡스코', '킨텍스', '강변', '일대',
];
/** One-syllable place ends, only in words of three syllables or more (세종시, 해운대구; not 당시, 지구). */
const PLACE_SHORT_SUFFIXES = ['시', '군', '구', '도', '동', '읍', '면', '리', '역', '항', '산', '섬', '강', '천'];

/** Regions and countries that name a place on their own. */
export const REGIONS = new Set([
  '서울', '부산', '대구', '인천', '광주', '대전', '울산', '세종', '경기도', '강원', '충북', '충남', '전북', '전남', '경북', '경남', '제주', '경주', '포항', '창원', '수원', '성남',
  '고양', '용인', '청주', '전주', '천안', '안동', '여수', '순천', '목포', '강릉', '춘천', '원주', '속초', '평창', '김해', '진주', '통영', '거제', '구미', '판교', '여의도', '강남',
  '한국', '미국', '중국', '일본', '영국', '프랑스', '독일', '러시아', '인도', '베트남', '캐나다', '호주', '브라질', '이탈리아', '스페인', '북한', '대만', '홍콩', '싱가포르',
  '태국', '인도네시아', '필리핀', '멕시코', '우크라이나', '이스라엘', '튀르키예', '이집트', '유럽', '아시아', '아프리카', '중동',
]);

/** Nouns after a determiner and the category they point back to (그 행사 → an event). */
export const HEAD_CATEGORIES: ReadonlyMap<string, Category> = new Map<string, Category>([
  ...['행사', '축제', '대회', '회의', '모임', '이벤트', '경기', '공연', '전시', '전시회', '박람회', '포럼', '서밋', '세미나', '시상식', '콘서트', '회담', '선거'].map((word) => [word, 'event'] as const),
  ...['회사', '기업', '업체', '그룹', '기관', '단체', '조직', '은행', '연구소', '학교', '대학', '팀', '구단', '정당', '브랜드', '제조사'].map((word) => [word, 'org'] as const),
  ...['사람', '분', '인물', '남자', '여자', '친구', ...TITLES].map((word) => [word, 'person'] as const),
  ...['곳', '장소', '지역', '도시', '나라', '국가', '동네', '현장', '건물', '지점', '매장'].map((word) => [word, 'place'] as const),
  ...['때', '날', '해', '달', '주', '시기', '시절', '무렵', '전달', '전월', '전해', '전년', '이듬해', '다음해', '다음달', '전날', '다음날', '이튿날', '후', '뒤', '이후', '전', '이전', '다음'].map(
    (word) => [word, 'time'] as const,
  ),
]);

/** Nouns that follow a quoted name and belong to it ("'빛나래 3' 모델"); categorised words count too. */
export const NAMED_HEADS = new Set([
  '모델', '프로젝트', '세션', '서비스', '제품', '앱', '프로그램', '캠페인', '사업', '정책', '법안', '법', '영화', '책', '앨범', '노래', '작품', '게임', '브랜드', '기술', '플랫폼',
  '시리즈', '드라마', '전략', '계획', '제도', '기능', '메뉴', '도구', '명령', '옵션', '소설', '공약', '보고서', '방안', '대책', '조례',
]);

/** Attributes whose value is a name, which answers usually quote. */
const NAME_ATTRIBUTES = new Set(['이름', '명칭', '제목', '코드명', '별명', '브랜드', '상품명', '제품명', '사명', '작품명', '주제', '슬로건', '구호', '애칭']);

/** Generic heads dropped once resolved (그 사람은 → 이홍락 원장은, not 이홍락 원장 사람은); 행사 stays, it is searched. */
export const GENERIC_HEADS = new Set(['사람', '분', '인물', '회사', '기업', '업체', '곳', '장소', '나라', '도시', '지역', '단체', '기관']);

/** Nouns after a determiner that point at a manner or degree, not a thing (그 정도, 그런 식으로). */
const MANNER_HEADS = new Set(['정도', '식', '방식', '만큼', '수준']);

/** Relative time nouns with the shift they make from the time they point back to (그 전달 → a month before). */
export const TIME_SHIFTS: ReadonlyMap<string, { unit: 'year' | 'month' | 'day'; by: number }> = new Map([
  ['전달', { unit: 'month', by: -1 }], ['전월', { unit: 'month', by: -1 }], ['다음달', { unit: 'month', by: 1 }], ['이듬달', { unit: 'month', by: 1 }],
  ['전해', { unit: 'year', by: -1 }], ['전년', { unit: 'year', by: -1 }], ['이듬해', { unit: 'year', by: 1 }], ['다음해', { unit: 'year', by: 1 }],
  ['전날', { unit: 'day', by: -1 }], ['다음날', { unit: 'day', by: 1 }], ['이튿날', { unit: 'day', by: 1 }],
] as const);

/** Closed sets whose members replace each other in a fragment ("그럼 하반기는?" after "상반기 …"). */
export const SIBLING_SETS: ReadonlyArray<ReadonlySet<string>> = [
  ['상반기', '하반기'], ['오전', '오후'], ['봄', '여름', '가을', '겨울'], ['올해', '지난해', '작년', '내년', '재작년'], ['전반', '후반', '전반전', '후반전'],
  ['남자', '여자', '남성', '여성'], ['월요일', '화요일', '수요일', '목요일', '금요일', '토요일', '일요일'], ['이번주', '지난주', '다음주'], ['이번달', '지난달', '다음달'],
  ['국내', '해외'], ['수출', '수입'], ['매출', '영업이익', '순이익'], ['1위', '2위', '3위'], ['최고', '최저'],
].map((set) => new Set(set));

/** Vague predicates that ask nothing of their own ("서울은 어때?"). */
const VAGUE = new Set(['어때', '어때요', '어땠어', '어땠어요', '어떻고', '돼', '됐어', '그래', '있어', '없어', '뭐야', '뭔데']);

/** Words that never sit in a noun phrase: adverbs and time deictics (지난 8월, 또, 함께). */
const STOPWORDS = new Set([
  '또', '더', '및', '등', '함께', '이처럼', '그러면서', '이와', '가장', '매우', '아주', '모두', '다시', '이미', '현재', '지난', '오늘', '내일', '어제', '올해', '지난해', '작년',
  '내년', '최근', '앞서', '또한', '특히', '이어', '이번', '다음', '앞으로', '나아가', '때로는', '단순히', '이후', '당시', '대해', '대한', '관련해서', '관련', '말고', '말고는', '빼고', '제외하고',
]);

// ---------------------------------------------------------------- tokens and noun phrases

/** One-syllable words that are no noun (adverbs, adnominals, counters): 꿈, 책, 돈 are, these are not. */
const ONE_SYLLABLE_STOP = new Set(['또', '더', '잘', '꼭', '곧', '좀', '다', '못', '안', '왜', '뭐', '등', '및', '각', '약', '총', '전', '첫', '새', '온', '옛', '딴', '한', '두', '세', '네', '몇', '뒤', '후', '중', '때', '수', '것', '거', '데', '줄', '듯', '채', '분', '명', '개', '곳', '번']);

interface Token {
  surface: string;
  stem: string;
  particle: string;
  /** May sit inside a noun phrase. */
  nominal: boolean;
  quoteStart: boolean;
  quoteEnd: boolean;
  comma: boolean;
}

export interface Phrase {
  words: string[];
  particle: string;
  quoted: boolean;
}

const HANGUL = /[가-힣]/;
// Bare words that end like a verb or an adnominal form (열린, 밝혔다, 넣으려면), so they are no noun.
const VERBAL_END = /(는|던|린|된|될|할|갈|볼|운|큰|른|쁜|다|요|까|죠|니|냐|어|아|여|워|해|돼|히|게|려면|으면|하면|되면|려고|도록|는데|지만|니까|어서|아서|해서|하고|하며|면서|며)$/;
// Numbers with a counter are amounts or dates (30일, 5곳), no part of a name; ordinals are (2차전, 3분기).
const COUNTED = /^\d[\d.,]*(년|월|일|시|분|초|주|개월|시간|명|개|곳|원|만|억|조|건|대|권|배|점|골|달러|톤|세|살|번|차례|%)/;
const ORDINAL = /^\d[\d.,]*(분기|차전|회차|차|회|호|라운드|세트|쿼터|이닝|강|위)/;
// Anything else stripParticle removes is a verb ending ("발표한" → 발표 + 한): a predicate, not a noun.
const NOMINAL_PARTICLE_SET = new Set([...NOMINAL_PARTICLES, '서', '이었다', '이었어', '이며', '이고', '였다', '였어']);

// The copula after a noun ("버스터이다", "5곳이야"), after a vowel as well: the noun stays a noun.
const COPULAS = ['이었다', '이었어', '입니다', '이에요', '이다', '이야', '이며', '이고', '였다', '였어', '예요'];

/** Splits a word into its stem and nominal particle: "AI연구원이" → [AI연구원, 이], "ECO로" → [ECO, 로]. */
export function splitParticle(word: string): [string, string] {
  const mixed = /^(.*[A-Za-z0-9])([가-힣]+)$/.exec(word);
  if (mixed && NOMINAL_PARTICLE_SET.has(mixed[2]!)) return [mixed[1]!, mixed[2]!];
  // Headlines shorten 에서 to 서 after a name: "APEC CEO 서밋서".
  if (word.endsWith('서') && word.length >= 3 && categoryOfWord(word.slice(0, -1))) return [word.slice(0, -1), '서'];
  // "김하늘 선수다": 다 alone is the copula only after a noun we recognise (크다, 빠르다 are verbs).
  if (word.endsWith('다') && word.length >= 3 && !hasBatchim(word[word.length - 2]!) && categoryOfWord(word.slice(0, -1))) return [word.slice(0, -1), '다'];
  const copula = COPULAS.find((ending) => word.endsWith(ending) && word.length - ending.length >= 1);
  if (copula && (copula.startsWith('이') || !hasBatchim(word[word.length - copula.length - 1]!))) {
    return [word.slice(0, word.length - copula.length), copula];
  }
  const stem = stripParticle(word);
  return [stem, word.slice(stem.length)];
}

/** "A(B)": an acronym after a spelled-out name replaces it (최고경영자(CEO) → CEO); other brackets are dropped. */
function normaliseBrackets(text: string): string {
  return text.replace(/([^\s()]*)\(([^()]*)\)/g, (_match, outer: string, inner: string) => {
    const acronym = /^[A-Z][A-Za-z0-9&.\-]*[A-Z0-9]$/.test(inner) && /[A-Z]/.test(inner.slice(1));
    if (!outer) return '';
    if (!acronym) return outer;
    const hangulOuter = outer.replace(/^['‘「『]/, '');
    const lead = outer.slice(0, outer.length - hangulOuter.length);
    return /^[가-힣]{3,}$/.test(hangulOuter) ? `${lead}${inner}` : `${outer} ${inner}`;
  });
}

const SINGLE_QUOTE_OPEN = /^['‘「『]/;
const SINGLE_QUOTE_CLOSE = /['’」』]/;

function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  for (const piece of sentence.split(/\s+/)) {
    if (!piece) continue;
    const quoteStart = SINGLE_QUOTE_OPEN.test(piece);
    const quoteEnd = SINGLE_QUOTE_CLOSE.test(piece.slice(quoteStart ? 1 : 0));
    const comma = /[,，·]$/.test(piece.replace(/['’"”」』]+$/, ''));
    const clean = piece.replace(/['‘’"“”「」『』<>《》()[\],，!?…:;~]/g, '').replace(/\.(?!\d)/g, '');
    if (!clean) continue;
    const [stem, particle] = splitParticle(clean);
    tokens.push({ surface: clean, stem, particle, nominal: isNominal(clean, stem, particle), quoteStart, quoteEnd, comma });
  }
  return tokens;
}

function isNominal(surface: string, stem: string, particle: string): boolean {
  if (isQuestionWord(stem) || isQuestionWord(surface) || VAGUE.has(surface)) return false;
  if (STOPWORDS.has(surface) || STOPWORDS.has(stem) || DETERMINERS.has(surface) || OPENERS.has(surface) || pronounOf(surface)) return false;
  if (/^등/.test(surface) && surface.length <= 2) return false;
  if (particle && !NOMINAL_PARTICLE_SET.has(particle)) return false;
  if (/^\d/.test(stem)) return ORDINAL.test(stem) || /^\d[\d.,]*$/.test(stem) || !COUNTED.test(stem);
  if (stem.length < 2 && HANGUL.test(stem) && (ONE_SYLLABLE_STOP.has(stem) || particle)) return false;
  if (!particle && HANGUL.test(stem.slice(-1)) && VERBAL_END.test(stem) && !categoryOfWord(stem)) return false;
  return true;
}

/** Noun phrases of a text, in order: runs of nouns ending at a particle; single-quoted names whole. */
export function nounPhrases(text: string): Phrase[] {
  const phrases: Phrase[] = [];
  const sentences = normaliseBrackets(stripMarkers(text)).split(/(?<=[.!?。])\s+|\n+/);
  for (const sentence of sentences) {
    const tokens = tokenize(sentence);
    let current: Token[] = [];
    const flush = () => {
      if (current.length) push(current.map((token) => token.stem), current[current.length - 1]!.particle, false);
      current = [];
    };
    const push = (words: string[], particle: string, quoted: boolean) => {
      if (words.join('').length >= 2) phrases.push({ words, particle, quoted });
    };
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.quoteStart) {
        flush();
        let end = i;
        while (end < tokens.length && !tokens[end]!.quoteEnd) end++;
        const inside = tokens.slice(i, Math.min(end, tokens.length - 1) + 1);
        // Long quotes are speech or titles of talks, not names to point back at.
        if (end < tokens.length && inside.length <= 6) {
          const last = inside[inside.length - 1]!;
          const words = [...inside.slice(0, -1).map((t) => t.surface), last.stem];
          let particle = last.particle;
          // A quoted name and the noun it names: "'빛나래 3' 모델", "'K-AI 프로젝트' 사업".
          const next = tokens[end + 1];
          if (!particle && next?.nominal && (NAMED_HEADS.has(next.stem) || categoryOfWord(next.stem))) {
            words.push(next.stem);
            particle = next.particle;
            end++;
          }
          push(words, particle, true);
          i = end;
          continue;
        }
      }
      if (!token.nominal || adnominalAfterArgument(tokens[i - 1], token)) {
        flush();
        continue;
      }
      current.push(token);
      if (token.particle || token.comma) flush();
    }
    flush();
  }
  return phrases;
}

// Case particles that end a verb's argument: the bare word after one ending in ㄴ/ㄹ is that verb in
// adnominal form ("경쟁력을 갖춘 모델", "AI로 운영될 기업"), not a noun.
const ARGUMENT_PARTICLES = new Set(['을', '를', '이', '가', '에', '에서', '로', '으로', '과', '와', '에게', '께서']);

function adnominalAfterArgument(previous: Token | undefined, token: Token): boolean {
  if (!previous || token.particle || !ARGUMENT_PARTICLES.has(previous.particle) || categoryOfWord(token.stem)) return false;
  const code = token.stem.charCodeAt(token.stem.length - 1) - 0xac00;
  return code >= 0 && code < 11172 && (code % 28 === 4 || code % 28 === 8);
}

export function stripMarkers(text: string): string {
  return text.replace(/\s*\[\d+\]/g, '');
}

// ---------------------------------------------------------------- categories

function endsWithAny(word: string, suffixes: readonly string[]): string | undefined {
  return suffixes.find((suffix) => word.endsWith(suffix));
}

/** The category a single word names by its ending, if any: 세종시 → place, 한빛전자 → org. */
export function categoryOfWord(word: string): Category | undefined {
  if (endsWithAny(word, TITLES)) return 'person';
  if (endsWithAny(word, EVENT_SUFFIXES) && word !== '경기') return 'event';
  if (endsWithAny(word, ORG_SUFFIXES)) return 'org';
  if (REGIONS.has(word) || endsWithAny(word, PLACE_SUFFIXES)) return 'place';
  if (/^[가-힣]{3,}$/.test(word) && endsWithAny(word, ORG_SHORT_SUFFIXES)) return 'org';
  if (/^[가-힣]{3,}$/.test(word) && endsWithAny(word, PLACE_SHORT_SUFFIXES)) return 'place';
  return undefined;
}

/** True for a Hangul name of three syllables (four with a two-syllable surname) that starts with a common surname (이홍락). */
export function isPersonName(word: string): boolean {
  // Two-syllable words starting with a surname are mostly nouns (이름, 정부, 한국): names need three.
  if (!/^[가-힣]{3,4}$/.test(word) || categoryOfWord(word) || HEAD_CATEGORIES.has(word)) return false;
  return word.length === 4 ? SURNAMES.has(word.slice(0, 2)) : SURNAMES.has(word[0]!);
}

const LOCATIVES = new Set(['에서', '에서는', '에서도', '에서의', '서']);

interface Candidate {
  text: string;
  words: string[];
  category: Category | undefined;
  /** More than a bare head noun: a name, a modifier or a compound (APEC CEO 서밋, 봄꽃축제). */
  specific: boolean;
}

/** Candidates a pronoun may stand for: every phrase and each of its prefixes that ends in a category word. */
function candidatesOf(phrases: Phrase[]): Candidate[] {
  const out: Candidate[] = [];
  for (const phrase of phrases) {
    for (let end = phrase.words.length; end >= 1; end--) {
      const words = phrase.words.slice(0, end);
      const last = words[words.length - 1]!;
      let category = phrase.quoted && end === phrase.words.length ? categoryOfWord(last) ?? 'thing' : categoryOfWord(last);
      if (!category && end < phrase.words.length) continue;
      if (!category && words.every((word) => REGIONS.has(word))) category = 'place';
      // A title before a name: 주장 강민호, 감독 유병철.
      if (!category && words.length >= 2 && isPersonName(last) && (TITLES_BEFORE_NAMES.has(words[words.length - 2]!) || endsWithAny(words[words.length - 2]!, TITLES))) category = 'person';
      // Two capitalised Latin words are a person's name (Richard Stallman).
      if (!category && words.length >= 2 && words.every((word) => /^[A-Z][a-z]+$/.test(word))) category = 'person';
      if (!category && /[A-Za-z]/.test(words.join(''))) category = 'thing';
      let specific = words.length >= 2 || (category !== undefined && !HEAD_CATEGORIES.has(last) && !TITLES.includes(last));
      // A person is specific only with a name: 이홍락 원장, not 원장.
      if (category === 'person') specific = words.length >= 2 && [words[0]!, last].some((word) => isPersonName(word) || /^[A-Z][a-z]+$/.test(word));
      // A modifier of a larger phrase (가온시 in "가온시 과학축전") is not what the phrase is about.
      if (end < phrase.words.length && category !== 'person') specific = false;
      // Where something happened ("…에서") is a place, if nothing more specific is said.
      if (!category && end === phrase.words.length && LOCATIVES.has(phrase.particle)) {
        category = 'place';
        specific = false;
      }
      out.push({ text: words.join(' '), words, category, specific });
      if (category) break;
    }
  }
  return out;
}

// ---------------------------------------------------------------- particles

/** Whether a word's last sound has a final consonant, and whether it is ㄹ (for 으로/로). */
export function finalSound(word: string): { batchim: boolean; rieul: boolean } {
  const last = word.slice(-1);
  if (HANGUL.test(last)) {
    const code = last.charCodeAt(0) - 0xac00;
    return { batchim: hasBatchim(last), rieul: code % 28 === 8 };
  }
  if (/\d/.test(last)) return { batchim: '013678'.includes(last), rieul: '178'.includes(last) };
  if (/^[A-Z0-9&.\-]+$/.test(word)) return { batchim: 'LMNR'.includes(last), rieul: 'LR'.includes(last) };
  const lower = word.toLowerCase();
  if (lower.endsWith('le')) return { batchim: true, rieul: true };
  return { batchim: /[bcdgklmnpt]$/.test(lower), rieul: lower.endsWith('l') };
}

/** Refits a particle to the word it now follows: ("이홍락 원장", "는") → "은". */
export function fitParticle(word: string, particle: string): string {
  const pair = PARTICLE_PAIRS.find(([consonant, vowel]) => particle === consonant || particle === vowel);
  if (!pair) return particle;
  const { batchim, rieul } = finalSound(word);
  if (pair[0].startsWith('으로')) return batchim && !rieul ? pair[0] : pair[1];
  return batchim ? pair[0] : pair[1];
}

// ---------------------------------------------------------------- the question

interface Pronoun {
  kind: Category | 'manner' | 'partitive';
  particle: string;
}

function pronounOf(word: string): Pronoun | undefined {
  const contracted = CONTRACTIONS.get(word);
  if (contracted) return { kind: PRONOUNS.get(contracted[0])!, particle: contracted[1] };
  for (const [stem, kind] of PRONOUNS) {
    if (!word.startsWith(stem)) continue;
    const particle = word.slice(stem.length);
    if (particle === '' || NOMINAL_PARTICLE_SET.has(particle) || particle === '에서는') return { kind, particle };
  }
  // 그 alone points at a person only with a particle: 그는, 그가, 그의 (그린벨트 is a word).
  const person = /^그(는|가|를|의|에게|에게는|도|와|랑|한테)$/.exec(word);
  if (person) return { kind: 'person', particle: person[1]! };
  return undefined;
}

interface Word {
  raw: string;
  clean: string;
  trailing: string;
}

function splitQuestion(question: string): Word[] {
  return question
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => {
      const trailing = /[?!.~…]+$/.exec(raw)?.[0] ?? '';
      return { raw, clean: raw.slice(0, raw.length - trailing.length), trailing };
    });
}

/** True when the word asks something or says nothing of its own (뭐야, 어디서, 어때, 그럼). */
function isEmptyWord(word: string): boolean {
  const [stem] = splitParticle(word);
  return !word || isQuestionWord(word) || isQuestionWord(stem) || VAGUE.has(word) || OPENERS.has(word) || STOPWORDS.has(word);
}

interface Analysis {
  words: Word[];
  /** Index of the first word after openers. */
  start: number;
  pronouns: Array<{ index: number; pronoun: Pronoun }>;
  determiners: Array<{ index: number; head: string; particle: string }>;
  /** Words that carry content (not question words, openers, pronouns or determiners). */
  contentIndexes: number[];
  opener: boolean;
}

function analyse(question: string): Analysis {
  const words = splitQuestion(question);
  let start = 0;
  while (start < words.length - 1 && OPENERS.has(words[start]!.clean)) start++;
  const pronouns: Analysis['pronouns'] = [];
  const determiners: Analysis['determiners'] = [];
  const contentIndexes: number[] = [];
  for (let i = start; i < words.length; i++) {
    const word = words[i]!.clean;
    const next = words[i + 1];
    if (DETERMINERS.has(word) && next && HANGUL.test(next.clean)) {
      const [head, particle] = splitParticle(next.clean);
      // "이 원장" may be a surname before a title; it still resolves to a person of that title.
      determiners.push({ index: i, head, particle });
      i++;
      continue;
    }
    const pronoun = pronounOf(word);
    if (pronoun) {
      pronouns.push({ index: i, pronoun });
      continue;
    }
    // The counter after 몇 belongs to the question word: 몇 명이었어, 몇 곳이야.
    if (words[i - 1]?.clean === '몇') continue;
    if (!isEmptyWord(word)) contentIndexes.push(i);
  }
  return { words, start, pronouns, determiners, contentIndexes, opener: start > 0 };
}

/** True when the question leans on earlier turns: a pronoun, a determiner, an opener or a bare fragment. */
export function isFollowUp(question: string): boolean {
  const analysis = analyse(question);
  return analysis.pronouns.length > 0 || analysis.determiners.length > 0 || analysis.opener || analysis.contentIndexes.length <= 1;
}

// ---------------------------------------------------------------- the conversation

interface Context {
  /** The last user question, made standalone. */
  question: string;
  /** The assistant's answers after that question, citation markers stripped. */
  answers: string[];
  /** Texts to search for referents, most relevant first: that question, the answers after it, older turns. */
  sources: string[];
  /** Texts outside the conversation, searched when it names nothing that fits (see rewriteFollowUp). */
  background: string[];
}

const MAX_DEPTH = 3;
const OLDER_TURNS = 4;

function contextOf(history: ChatTurn[], depth: number, background: readonly string[]): Context | undefined {
  let last = -1;
  for (let i = history.length - 1; i >= 0; i--) {
    if (history[i]!.role === 'user') {
      last = i;
      break;
    }
  }
  if (last < 0) return undefined;
  const question = depth < MAX_DEPTH ? rewrite(history[last]!.content, history.slice(0, last), depth + 1, []).question : history[last]!.content;
  const answers = history
    .slice(last + 1)
    .filter((turn) => turn.role === 'assistant' && !isRefusalText(turn.content))
    .map((turn) => stripMarkers(turn.content));
  const older = history
    .slice(Math.max(0, last - OLDER_TURNS), last)
    .reverse()
    .filter((turn) => !isRefusalText(turn.content))
    .map((turn) => stripMarkers(turn.content));
  return { question, answers, sources: [question, ...answers, ...older], background: background.map(stripMarkers) };
}

// ---------------------------------------------------------------- resolution

const TIME_EXPRESSION = /(?:(\d{4})년\s*|(?:지난해|올해|작년|내년)\s+)?(?:(\d{1,2})월\s*)?(?:(\d{1,2})일)|(?:(\d{4})년|지난해|올해|작년|내년)(?:\s*(\d{1,2})월)?|(\d{1,2})월|지난달|지난주|어제|오늘|내일/g;

interface TimeReference {
  text: string;
  year?: number;
  month?: number;
  day?: number;
}

function timeOf(sources: string[]): TimeReference | undefined {
  for (const source of sources) {
    for (const match of source.matchAll(TIME_EXPRESSION)) {
      const year = Number(match[1] ?? match[4]) || undefined;
      const month = Number(match[2] ?? match[5] ?? match[6]) || undefined;
      const day = Number(match[3]) || undefined;
      return { text: match[0].trim(), year, month, day };
    }
  }
  return undefined;
}

/** Applies a relative shift (그 전달 → month − 1) when the reference has that unit. */
export function shiftTime(reference: TimeReference, shift: { unit: 'year' | 'month' | 'day'; by: number }): string | undefined {
  if (shift.unit === 'year' && reference.year) return `${reference.year + shift.by}년`;
  if (shift.unit === 'month' && reference.month) {
    const zero = reference.month - 1 + shift.by;
    const month = ((zero % 12) + 12) % 12 + 1;
    const year = reference.year ? reference.year + Math.floor(zero / 12) : undefined;
    return year ? `${year}년 ${month}월` : `${month}월`;
  }
  if (shift.unit === 'day' && reference.day) {
    const day = reference.day + shift.by;
    if (day >= 1 && day <= 28) return reference.month ? `${reference.month}월 ${day}일` : `${day}일`;
  }
  return undefined;
}

/** The most specific phrase of a category: the preferred ends first (a title, a company), then specific ones, each in source order. */
function findCategory(sources: string[], category: Category, prefer: readonly string[] = []): Candidate | undefined {
  const flat = sources.flatMap((source) => candidatesOf(nounPhrases(source)).filter((candidate) => candidate.category === category));
  const preferred = flat.find((candidate) => candidate.specific && endsWithAny(candidate.words[candidate.words.length - 1]!, prefer));
  return preferred ?? flat.find((candidate) => candidate.specific) ?? flat[0];
}

/**
 * A phrase that ends with the same head noun and says more (그 프로젝트 → K-AI 프로젝트); a quoted
 * name beats an unquoted phrase, then longer beats shorter, then the earlier source.
 */
function findSameHead(sources: string[], head: string): Candidate | undefined {
  let best: { candidate: Candidate; score: number } | undefined;
  for (const source of sources) {
    for (const phrase of nounPhrases(source)) {
      for (let end = phrase.words.length; end >= 1; end--) {
        const words = phrase.words.slice(0, end);
        const last = words[words.length - 1]!;
        if (!last.endsWith(head) || (words.length === 1 && last.length === head.length)) continue;
        const score = (phrase.quoted && end === phrase.words.length ? 10 : 0) + Math.min(words.length, 5);
        if (!best || score > best.score) best = { candidate: { text: words.join(' '), words, category: undefined, specific: true }, score };
        break;
      }
    }
  }
  return best?.candidate;
}

/**
 * What a question is about: its first noun phrase, with the phrases it links by 의 up to the
 * attribute asked (서가의 꿈 전시 언제 끝나? → 서가의 꿈 전시; LG AI연구원의 원장은 누구야? → LG AI연구원).
 */
function topicOf(question: string): string | undefined {
  const phrases = nounPhrases(question);
  const attribute = attributeOf(question) ? phrases.length - 1 : -1;
  let topic = phrases[0];
  if (!topic) return undefined;
  let text = topic.words.join(' ');
  for (let i = 1; i < phrases.length && topic.particle === '의' && i !== attribute; i++) {
    topic = phrases[i]!;
    text += `의 ${topic.words.join(' ')}`;
  }
  return text;
}

/** The noun the question asks about, right before its question word (… 목표는 뭐야? → 목표). */
function attributeOf(question: string): Phrase | undefined {
  const phrases = nounPhrases(question);
  if (phrases.length < 2) return undefined;
  const last = phrases[phrases.length - 1]!;
  return ['은', '는', '이', '가'].includes(last.particle) ? last : undefined;
}

/**
 * What "그건/그걸" stands for: the value the last answer gave for the attribute asked about
 * ("코드명은 buster" → buster), else the topic and attribute of the last question, else the
 * first new phrase of a short answer.
 */
function findThing(context: Context): string | undefined {
  const attribute = attributeOf(context.question);
  const answers = context.answers.slice(0, 1);
  if (attribute) {
    const head = attribute.words[attribute.words.length - 1]!;
    // Asked for a name: the name the answer quotes ("세균 이름이 뭐야?" → '한울리아 폴라리스').
    if (NAME_ATTRIBUTES.has(head)) {
      const asked = new Set(splitQuestion(context.question).map((word) => splitParticle(word.clean)[0]));
      const quoted = answers.flatMap((answer) => nounPhrases(answer)).find((phrase) => phrase.quoted && !phrase.words.every((word) => asked.has(word)));
      if (quoted) return quoted.words.join(' ');
    }
    for (const answer of answers) {
      const phrases = nounPhrases(answer);
      for (let i = 0; i + 1 < phrases.length; i++) {
        const phrase = phrases[i]!;
        if (phrase.words[phrase.words.length - 1] === head && ['은', '는', '이', '가'].includes(phrase.particle)) return phrases[i + 1]!.words.join(' ');
      }
    }
    const topic = topicOf(context.question);
    const attributeText = attribute.words.join(' ');
    return topic && topic !== attributeText ? `${topic} ${attributeText}` : attributeText;
  }
  const asked = new Set(contentWords(context.question).map((word) => word.text));
  for (const answer of answers) {
    const fresh = nounPhrases(answer).find((phrase) => phrase.words.some((word) => !asked.has(word) && word.length >= 2));
    if (fresh) return fresh.words.join(' ');
  }
  return topicOf(context.question);
}

/**
 * A name of a kind the last answer gave in quotes ("'… AI로드맵' 세션", "'빛나래 3' 모델"): what a
 * pointer most likely means when no phrase of its own category was said (그 행사 after a session).
 */
function namedInAnswer(context: Context): Phrase | undefined {
  const answer = context.answers[0];
  if (!answer) return undefined;
  return nounPhrases(answer).find((phrase) => {
    const last = phrase.words[phrase.words.length - 1]!;
    return phrase.quoted && phrase.words.length >= 2 && (NAMED_HEADS.has(last) || categoryOfWord(last) !== undefined);
  });
}

// ---------------------------------------------------------------- rewriting

export type RewriteMethod = 'standalone' | 'substituted' | 'sibling' | 'topic' | 'carried';

export interface Rewrite {
  question: string;
  method: RewriteMethod;
  /**
   * A pointer found no fitting phrase and was filled with the last question's topic or words
   * ("그 행사" after an answer that names no event): a caller may pass background texts and retry.
   */
  guessed?: boolean;
}

/** Stems of the last question the new one lacks, without question words and the words in `skip` (a replaced slot). */
function carriedWords(previous: string, question: string, skip: Set<string> = new Set()): string[] {
  const present = new Set(splitQuestion(question).map((word) => splitParticle(word.clean)[0]));
  const carried: string[] = [];
  for (const word of splitQuestion(previous)) {
    if (isEmptyWord(word.clean) || pronounOf(word.clean) || DETERMINERS.has(word.clean)) continue;
    const [stem] = splitParticle(word.clean);
    if (stem.length < 2 && HANGUL.test(stem)) continue;
    if (skip.has(stem) || skip.has(word.clean) || present.has(stem) || carried.includes(stem)) continue;
    carried.push(stem);
  }
  return carried;
}

/** The topic of the last question, when the new one does not already say it all. */
function topicWords(previous: string, question: string, skip: Set<string>): string[] {
  const topic = topicOf(previous);
  if (!topic) return [];
  const present = new Set(splitQuestion(question).map((word) => splitParticle(word.clean)[0]));
  const words = topic.split(' ').filter((word) => !skip.has(word));
  return words.every((word) => present.has(word)) ? [] : [words.join(' ')].filter(Boolean);
}

function withCarry(carried: string[], question: string): string {
  return carried.length ? `${carried.join(' ')} — ${question}` : question;
}

/** The word of the last question that a fragment's noun stands in for: 2분기 ↔ 3분기, 부산 ↔ 서울, Impress ↔ Writer. */
function siblingIndex(previousWords: Word[], stem: string): number {
  const shape = (word: string) => word.replace(/\d+/g, '#');
  const category = categoryOfWord(stem) ?? (/^[A-Z][A-Za-z]+$/.test(stem) ? 'latin' : undefined);
  const set = SIBLING_SETS.find((members) => members.has(stem));
  for (let i = 0; i < previousWords.length; i++) {
    const [other] = splitParticle(previousWords[i]!.clean);
    if (other === stem) continue;
    if (/\d/.test(stem) && shape(other) === shape(stem)) return i;
    if (set?.has(other)) return i;
    const otherCategory = categoryOfWord(other) ?? (/^[A-Z][A-Za-z]+$/.test(other) ? 'latin' : undefined);
    if (category && otherCategory === category && category !== 'person') return i;
  }
  return -1;
}

function render(words: Word[], replaced: Map<number, string>, from: number, drop: Set<number> = new Set()): string {
  const out: string[] = [];
  for (let i = from; i < words.length; i++) {
    if (drop.has(i)) continue;
    out.push(replaced.get(i) ?? words[i]!.raw);
  }
  return out.join(' ');
}

function rewrite(question: string, history: ChatTurn[], depth: number, background: readonly string[]): Rewrite {
  const trimmed = question.trim();
  const analysis = analyse(trimmed);
  const followUp = analysis.pronouns.length > 0 || analysis.determiners.length > 0 || analysis.opener || analysis.contentIndexes.length <= 1;
  if (!followUp) return { question: trimmed, method: 'standalone' };
  const context = contextOf(history, depth, background);
  if (!context) return { question: trimmed, method: 'standalone' };
  const { words } = analysis;
  const previousWords = splitQuestion(context.question);
  const replaced = new Map<number, string>();
  const drop = new Set<number>();
  /** A referent replaced a pointer: the question now names what it is about. */
  let entity = false;
  /** A pointer that names no entity (그때, 그렇게, 그중) or found none: carry the last question's words. */
  let carry: 'none' | 'topic' | 'all' = 'none';
  let time: string | undefined;
  let skipped = 0;
  let guessed = false;

  const referent = (category: Category, head?: string): string | undefined => {
    if (category === 'thing') {
      if (!head) return findThing(context);
      const same = findSameHead(context.sources, head) ?? findSameHead(context.background, head);
      if (same) return same.text;
      guessed = true;
      return topicOf(context.question);
    }
    const prefer = head && TITLES.includes(head) ? [head] : head && COMPANY_HEADS.has(head) ? COMPANY_SUFFIXES : [];
    // The conversation first, then the background texts (the passages the last answer came from).
    for (const sources of [context.sources, context.background]) {
      const found = findCategory(sources, category, prefer);
      if (found?.specific) return found.text;
      const same = head ? findSameHead(sources, head) : undefined;
      if (same) return same.text;
    }
    guessed = true;
    return findCategory(context.sources, category, prefer)?.text ?? (head ? namedInAnswer(context)?.words.join(' ') : undefined);
  };
  const withParticle = (text: string, particle: string, trailing = '') => `${text}${particle ? fitParticle(text, particle) : ''}${trailing}`;

  for (const { index, head, particle } of analysis.determiners) {
    if (RELATIVE_DETERMINERS.has(words[index]!.clean)) {
      if (carry === 'none') carry = 'topic';
      continue;
    }
    if (MANNER_HEADS.has(head)) {
      carry = 'all';
      continue;
    }
    const category = HEAD_CATEGORIES.get(head) ?? 'thing';
    if (category === 'time') {
      time = resolveTime(context, head);
      carry = 'topic';
      if (time) {
        replaced.set(index, withParticle(time, particle, words[index + 1]!.trailing));
        drop.add(index + 1);
      }
      continue;
    }
    const found = referent(category, head);
    if (!found) {
      // "이 원장" with nobody of that title in the conversation is a surname and a title, not a pointer.
      if (words[index]!.clean === '이' && category === 'person') {
        skipped++;
        continue;
      }
      const topic = topicOf(context.question);
      if (topic) replaced.set(index, topic);
      entity = true;
      guessed = true;
      continue;
    }
    entity = true;
    if (found.split(' ').pop()!.endsWith(head) || GENERIC_HEADS.has(head)) {
      replaced.set(index, withParticle(found, particle, words[index + 1]!.trailing));
      drop.add(index + 1);
    } else {
      replaced.set(index, found);
    }
  }

  for (const { index, pronoun } of analysis.pronouns) {
    const word = words[index]!;
    if (pronoun.kind === 'manner') {
      carry = 'all';
      continue;
    }
    if (pronoun.kind === 'partitive') {
      if (carry === 'none') carry = 'topic';
      continue;
    }
    if (pronoun.kind === 'time') {
      time = resolveTime(context, undefined);
      if (carry === 'none') carry = 'topic';
      if (time) replaced.set(index, withParticle(time, pronoun.particle, word.trailing));
      continue;
    }
    const found = referent(pronoun.kind);
    if (!found) {
      carry = 'all';
      guessed = true;
      continue;
    }
    entity = true;
    replaced.set(index, withParticle(found, pronoun.particle, word.trailing));
  }

  const pointers = analysis.pronouns.length + analysis.determiners.length - skipped;
  if (pointers === 0 && skipped > 0 && !analysis.opener && analysis.contentIndexes.length + skipped > 1) return { question: trimmed, method: 'standalone' };
  if (pointers > 0) {
    const resolved = render(words, replaced, analysis.start, drop);
    if (entity && carry === 'none') return { question: resolved, method: 'substituted', ...(guessed ? { guessed } : {}) };
    // "그 전달에는 몇 명이었어?" after "8월 관광객은 몇 명이야?": the last question with its time replaced.
    const previousTime = firstMatch(context.question, TIME_EXPRESSION);
    if (time && !entity && analysis.contentIndexes.length === 0 && previousTime) {
      return { question: context.question.replace(previousTime, time), method: 'sibling' };
    }
    const skip = new Set<string>();
    if (time && previousTime) for (const word of previousTime.split(/\s+/)) skip.add(word);
    // "Writer에서도 그렇게 할 수 있어?": the last question's words, less the slot the new one fills.
    for (const index of analysis.contentIndexes) {
      const sibling = siblingIndex(previousWords, splitParticle(words[index]!.clean)[0]);
      if (sibling >= 0) skip.add(splitParticle(previousWords[sibling]!.clean)[0]);
    }
    const carried = carry === 'topic' ? topicWords(context.question, resolved, skip) : carriedWords(context.question, resolved, skip);
    return { question: withCarry(carried, resolved), method: entity ? 'substituted' : 'carried', ...(guessed ? { guessed } : {}) };
  }

  // A fragment: "그럼 3분기는?", "2차전은?", "예산은?", "왜?".
  const fragment = analysis.contentIndexes.length === 1 ? words[analysis.contentIndexes[0]!]! : undefined;
  if (fragment) {
    const [stem, particle] = splitParticle(fragment.clean);
    const sibling = siblingIndex(previousWords, stem);
    if (sibling >= 0) {
      const [, otherParticle] = splitParticle(previousWords[sibling]!.clean);
      const swapped = new Map([[sibling, withParticle(stem, otherParticle, previousWords[sibling]!.trailing)]]);
      return { question: render(previousWords, swapped, 0), method: 'sibling' };
    }
    const nominal = particle !== '' ? NOMINAL_PARTICLE_SET.has(particle) : !VERBAL_END.test(stem) || Boolean(categoryOfWord(stem));
    const topic = topicOf(context.question);
    if (nominal && topic && !topic.split(' ').includes(stem)) {
      return { question: `${topic} ${render(words, new Map(), analysis.start)}`, method: 'topic' };
    }
  }
  const rest = render(words, new Map(), analysis.start);
  return { question: withCarry(carriedWords(context.question, rest), rest), method: 'carried' };
}

function firstMatch(text: string, pattern: RegExp): string | undefined {
  return text.match(new RegExp(pattern.source))?.[0]?.trim();
}

/** What 그때 / 그 전달 stands for: the first time said in the conversation, shifted when the noun says so. */
function resolveTime(context: Context, head: string | undefined): string | undefined {
  const reference = timeOf(context.sources);
  if (!reference) return undefined;
  const shift = head ? TIME_SHIFTS.get(head) : undefined;
  if (shift) return shiftTime(reference, shift);
  return head && !SAME_TIME_HEADS.has(head) ? undefined : reference.text;
}

/** Time nouns that mean the very time referred to (그 날, 그 해), not one before or after it. */
const SAME_TIME_HEADS = new Set(['때', '날', '해', '달', '주', '시기', '무렵', '당시', '시절']);

/** The standalone question and how it was made (for logs and tests). */
export function explainRewrite(question: string, history: ChatTurn[] | undefined, background: readonly string[] = []): Rewrite {
  if (!history?.length) return { question: question.trim(), method: 'standalone' };
  return rewrite(question, history, 0, background);
}

/**
 * Standalone form of a follow-up, resolved from the whole conversation (the last question and the
 * answer after it). Returns the question unchanged when it stands alone or there is nothing to resolve.
 *
 * `background`: optional texts the conversation came from (the title and passage retrieved for the
 * last question), searched only when the conversation itself names nothing that fits a pointer: after
 * an answer that quotes only the goal, "그 행사" still finds the summit in the article it came from.
 */
export function rewriteFollowUp(question: string, history: ChatTurn[] | undefined, background: readonly string[] = []): string {
  const result = explainRewrite(question, history, background);
  return result.method === 'standalone' ? question : result.question;
}

/** The last user question of a conversation, made standalone: what a caller retrieves `background` for. */
export function lastQuestion(history: ChatTurn[] | undefined): string | undefined {
  const index = history ? history.map((turn) => turn.role).lastIndexOf('user') : -1;
  if (!history || index < 0) return undefined;
  return rewrite(history[index]!.content, history.slice(0, index), 1, []).question;
}

/**
 * The extractive pipeline's follow-up resolution: the conversation first, and only when it names
 * nothing that fits a pointer ("그 행사" after an answer that names no event), the passages the
 * last question retrieves (`readPrevious`), where its answer came from.
 */
export async function resolveFollowUp(question: string, history: ChatTurn[], readPrevious: (previous: string) => Promise<string[]>): Promise<string> {
  const first = explainRewrite(question, history);
  if (!first.guessed) return first.question;
  const previous = lastQuestion(history);
  return rewriteFollowUp(question, history, previous ? await readPrevious(previous) : []);
}
