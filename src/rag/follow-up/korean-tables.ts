// Facts about Korean that the follow-up rewrite reads: pointing words (pronouns, determiners,
// openers), particles, the ends of names by category (titles, events, companies, places), and
// the words that never sit in a noun phrase. Tables only; the rules that use them are beside.
export type Category = 'person' | 'place' | 'org' | 'event' | 'time' | 'thing';

/** Words that open a follow-up and carry no content ("그럼 3분기는?"). */
// prettier-ignore
export const OPENERS = new Set([
  '그럼', '그러면', '그리고', '그래서', '그런데', '근데', '그렇다면', '그러니까', '그럼요', '그렇구나', '아', '또', '혹시',
]);

/** Determiners that relate to the thing discussed without naming it (이전 모델): its topic is carried. */
export const RELATIVE_DETERMINERS = new Set(['이전', '전작', '종전']);
/** Determiners that point back when they stand before a noun as a separate word (그 행사, 해당 모델). */
export const DETERMINERS = new Set(['그', '이', '저', '해당', '그런', '이런', '저런', '상기', '앞의', '위의', ...RELATIVE_DETERMINERS]);

/**
 * Pronouns (without particle) and what they stand for: a category (resolved to a phrase), manner
 * (그렇게: the last question is carried) or partitive (그중, 그다음: its topic is carried).
 * 그 alone is a person only with a particle (그는), see pronounOf.
 */
export const PRONOUNS: ReadonlyMap<string, Category | 'manner' | 'partitive'> = new Map<string, Category | 'manner' | 'partitive'>([
  ['그녀', 'person'],
  ['그분', 'person'],
  ['이분', 'person'],
  ['그들', 'person'],
  ['이들', 'person'],
  ['걔', 'person'],
  ['그곳', 'place'],
  ['이곳', 'place'],
  ['저곳', 'place'],
  ['거기', 'place'],
  ['여기', 'place'],
  ['저기', 'place'],
  ['그것', 'thing'],
  ['이것', 'thing'],
  ['저것', 'thing'],
  ['그거', 'thing'],
  ['이거', 'thing'],
  ['저거', 'thing'],
  ['그때', 'time'],
  ['이때', 'time'],
  ['당시', 'time'],
  ['그날', 'time'],
  ['그해', 'time'],
  ['그달', 'time'],
  ['그렇게', 'manner'],
  ['이렇게', 'manner'],
  ['저렇게', 'manner'],
  ['똑같이', 'manner'],
  ['마찬가지로', 'manner'],
  ['그만큼', 'manner'],
  ['이만큼', 'manner'],
  ['그다음', 'partitive'],
  ['이다음', 'partitive'],
  ['그후', 'partitive'],
  ['그뒤', 'partitive'],
  ['그중', 'partitive'],
  ['이중', 'partitive'],
  ['그중에', 'partitive'],
  ['그중에서', 'partitive'],
]);

/** Contracted pronoun + particle forms: 그건 = 그것 + 은. */
export const CONTRACTIONS: ReadonlyMap<string, [string, string]> = new Map<string, [string, string]>([
  ['그건', ['그것', '은']],
  ['그걸', ['그것', '을']],
  ['그걸로', ['그것', '으로']],
  ['그거로', ['그것', '으로']],
  ['이걸로', ['이것', '으로']],
  ['그게', ['그것', '이']],
  ['이건', ['이것', '은']],
  ['이걸', ['이것', '을']],
  ['이게', ['이것', '이']],
  ['저건', ['저것', '은']],
  ['저걸', ['저것', '을']],
  ['저게', ['저것', '이']],
  ['거긴', ['거기', '는']],
  ['거기선', ['거기', '에서는']],
  ['거기서', ['거기', '에서']],
  ['여긴', ['여기', '는']],
  ['여기서', ['여기', '에서']],
  ['그땐', ['그때', '는']],
  ['걘', ['걔', '는']],
]);

/** Nominal particles a pronoun or noun may carry (그곳에서, 서밋은, 그다음엔). */
// prettier-ignore
const NOMINAL_PARTICLES = [
  '에서부터', '으로부터', '에서는', '에서도', '에서의', '에게는', '에게도', '으로는', '으로도', '까지는', '까지도', '부터는', '이라는', '이라고', '이에요', '입니다', '에서', '에게',
  '한테', '께서', '으로', '까지', '부터', '마다', '보다', '처럼', '만큼', '이나', '이랑', '라는', '라고', '이란', '에는', '에도', '로는', '로도', '와의', '과의', '이야',
  '예요', '이다', '에선', '에겐', '한텐', '으론', '엔', '론', '은', '는', '이', '가', '을', '를', '의', '에', '와', '과', '로', '도', '만', '랑', '란', '인',
  '야', '다', '나',
];

/** Particle alternants: [after a final consonant, after a vowel]. */
export const PARTICLE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['은', '는'],
  ['이', '가'],
  ['을', '를'],
  ['과', '와'],
  ['으로', '로'],
  ['으로는', '로는'],
  ['으로도', '로도'],
  ['으로부터', '로부터'],
  ['이랑', '랑'],
  ['이나', '나'],
  ['이라는', '라는'],
  ['이라고', '라고'],
  ['이란', '란'],
  ['이야', '야'],
  ['이에요', '예요'],
  ['과의', '와의'],
  ['이다', '다'],
];

// Positions in sports, written before a player's name ("공격수 하파엘 모타").
// prettier-ignore
const POSITIONS = [
  '공격수', '수비수', '미드필더', '골키퍼', '투수', '타자', '포수', '외야수', '내야수', '유격수', '중견수', '좌익수', '우익수', '지명타자',
  '세터', '리베로', '가드', '포워드', '주포', '에이스', '주공격수', '아포짓', '미들블로커', '윙스파이커', '스트라이커', '윙어', '센터백',
];
/** Titles after a name: 이홍락 원장, 김민수 선수. A phrase ending in one is a person. */
// prettier-ignore
export const TITLES = [
  '원장', '대표', '장관', '차관', '선수', '감독', '코치', '회장', '부회장', '사장', '부사장', '교수', '의원', '대통령', '총리', '도지사', '지사', '군수', '구청장', '위원장',
  '청장', '처장', '국장', '실장', '팀장', '부장', '과장', '본부장', '센터장', '소장', '총장', '단장', '이사장', '이사', '대변인', '변호사', '판사', '박사', '작가', '배우', '전문의', '간호사',
  '가수', '기자', '의장', '총재', '행장', '전무', '상무', '수석', '후보', '당선인', '관장', '학장', '교사', '시장', '대장', 'CEO', 'CTO', ...POSITIONS,
];

/** Titles that also stand before a name (주장 강민호, 신인 류도현); 주장 alone is more often a claim. */
// prettier-ignore
export const TITLES_BEFORE_NAMES = new Set(['주장', '감독', '대표', '위원장', '회장', '사장', '교수', '선수', '코치', '신인', ...POSITIONS]);

/** Ends of event names: APEC CEO 서밋, 푸른강 축제, 세계 모바일 박람회. */
// prettier-ignore
export const EVENT_SUFFIXES = [
  '서밋', '정상회의', '포럼', '축제', '축전', '박람회', '엑스포', '페어', '회의', '대회', '행사', '페스티벌', '콘퍼런스', '컨퍼런스', '세미나', '심포지엄', '전시회', '시상식',
  '개막식', '폐막식', '기념식', '설명회', '간담회', '토론회', '총회', '공연', '콘서트', '올림픽', '월드컵', '선거', '캠페인', '마라톤', '워크숍', '해커톤', '발표회', '쇼케이스',
  '시사회', '회담', '체전', '리그', '챔피언십', '결승전', '개막전', '잔치', '장터',
];

/** Ends of company names: 한빛전자, SK텔레콤, 가온화학. */
// prettier-ignore
export const COMPANY_SUFFIXES = [
  '전자', '화학', '그룹', '기업', '은행', '증권', '보험', '제약', '건설', '자동차', '텔레콤', '통신', '항공', '중공업', '물산', '바이오', '에너지', '솔루션', '카드', '생명',
  '홀딩스', '주식회사', '클라우드', '랩스', '컴퍼니', '엔터테인먼트', '제철', '반도체', '디스플레이', '모터스', '전력', '일보', '신문', '방송', '㈜',
  '케미칼', '케미컬', '식품', '제과', '유업', '조선해양', '테크', '푸드', '상사', '제지', '철강',
];
/** Ends of other organisations: LG AI연구원, 과학기술정보통신부 (by the short ends below), 대한축구협회. */
// prettier-ignore
const INSTITUTION_SUFFIXES = [
  '연구원', '연구소', '재단', '협회', '공사', '공단', '위원회', '정부', '대학교', '대학', '구단', '컨소시엄', '철도', '조합', '학회',
];
export const ORG_SUFFIXES = [...COMPANY_SUFFIXES, ...INSTITUTION_SUFFIXES];
/** Heads that mean a company: "그 회사" prefers 한빛전자 to 배터리 연구소. */
export const COMPANY_HEADS = new Set(['회사', '기업', '업체', '제조사', '브랜드']);
/** One-syllable organisation ends, only in words of three syllables or more (국방부, 경찰청; not 일부, 요청). */
export const ORG_SHORT_SUFFIXES = ['부', '청', '처', '당'];

/** Ends of place names: 강변공원, 예술의전당, 세종시. */
// prettier-ignore
export const PLACE_SUFFIXES = [
  '공원', '광장', '센터', '전당', '경기장', '체육관', '회관', '공항', '항구', '해변', '해수욕장', '호수', '거리', '마을', '캠퍼스', '단지', '호텔', '컨벤션', '박물관', '미술관',
  '도서관', '청사', '본사', '공장', '병원', '아레나', '스타디움', '기념관', '터미널', '시청', '구청', '군청', '도청', '빌딩', '타워', '코엑스', '벡스코', '킨텍스', '강변', '일대', '도로', '터널', '휴게소', '교차로', '사거리', '나들목', '인근', '부근', '근처',
];
/** One-syllable place ends, only in words of three syllables or more (세종시, 해운대구; not 당시, 지구). */
export const PLACE_SHORT_SUFFIXES = ['시', '군', '구', '도', '동', '읍', '면', '리', '역', '항', '산', '섬', '강', '천'];

/** Regions and countries that name a place on their own. */
// prettier-ignore
export const REGIONS = new Set([
  '서울', '부산', '대구', '인천', '광주', '대전', '울산', '세종', '경기도', '강원', '충북', '충남', '전북', '전남', '경북', '경남', '제주', '경주', '포항', '창원', '수원',
  '성남', '고양', '용인', '청주', '전주', '천안', '안동', '여수', '순천', '목포', '강릉', '춘천', '원주', '속초', '평창', '김해', '진주', '통영', '거제', '구미', '판교',
  '여의도', '강남', '한국', '미국', '중국', '일본', '영국', '프랑스', '독일', '러시아', '인도', '베트남', '캐나다', '호주', '브라질', '이탈리아', '스페인', '북한', '대만', '홍콩',
  '싱가포르', '태국', '인도네시아', '필리핀', '멕시코', '우크라이나', '이스라엘', '튀르키예', '이집트', '유럽', '아시아', '아프리카', '중동',
]);

const pointingTo = (category: Category, words: string[]) => words.map((word): [string, Category] => [word, category]);

/** Nouns after a determiner and the category they point back to (그 행사 → an event). */
// prettier-ignore
export const HEAD_CATEGORIES: ReadonlyMap<string, Category> = new Map([
  ...pointingTo('event', [
  '행사', '축제', '대회', '회의', '모임', '이벤트', '경기', '공연', '전시', '전시회', '박람회', '포럼', '서밋', '세미나', '시상식', '콘서트', '회담', '선거',
]),
  ...pointingTo('org', [
  '회사', '기업', '업체', '그룹', '기관', '단체', '조직', '은행', '연구소', '학교', '대학', '팀', '구단', '정당', '브랜드', '제조사',
]),
  ...pointingTo('person', ['사람', '분', '인물', '남자', '여자', '친구', ...TITLES]),
  ...pointingTo('place', ['곳', '장소', '지역', '도시', '나라', '국가', '동네', '현장', '건물', '지점', '매장']),
  ...pointingTo('time', [
  '때', '날', '해', '달', '주', '시기', '시절', '무렵', '전달', '전월', '전해', '전년', '이듬해', '다음해', '다음달', '전날', '다음날', '이튿날', '후', '뒤', '이후', '전',
  '이전', '다음', '이전달', '직전달', '전분기', '이전분기', '직전분기', '다음분기',
]),
]);

/** Nouns that follow a quoted name and belong to it ("'빛나래 3' 모델"); categorised words count too. */
// prettier-ignore
export const NAMED_HEADS = new Set([
  '모델', '프로젝트', '세션', '서비스', '제품', '앱', '프로그램', '캠페인', '사업', '정책', '법안', '법', '영화', '책', '앨범', '노래', '작품', '게임', '브랜드', '기술',
  '플랫폼', '시리즈', '드라마', '전략', '계획', '제도', '기능', '메뉴', '도구', '명령', '옵션', '소설', '공약', '보고서', '방안', '대책', '조례',
]);

/** Attributes whose value is a name, which answers usually quote. */
// prettier-ignore
export const NAME_ATTRIBUTES = new Set([
  '이름', '명칭', '제목', '코드명', '별명', '브랜드', '상품명', '제품명', '사명', '작품명', '주제', '슬로건', '구호', '애칭',
]);

/** Generic heads dropped once resolved (그 사람은 → 이홍락 원장은, not 이홍락 원장 사람은); 행사 stays, it is searched. */
export const GENERIC_HEADS = new Set(['사람', '분', '인물', '회사', '기업', '업체', '곳', '장소', '나라', '도시', '지역', '단체', '기관']);

/** Nouns after a determiner that point at a manner or degree, not a thing (그 정도, 그런 식으로). */
export const MANNER_HEADS = new Set(['정도', '식', '방식', '만큼', '수준']);

export interface TimeShift {
  unit: 'year' | 'quarter' | 'month' | 'day';
  by: number;
}

/** Relative time nouns with the shift they make from the time they point back to (그 전달 → a month before). */
// prettier-ignore
const SHIFT_WORDS: ReadonlyArray<readonly [TimeShift['unit'], number, readonly string[]]> = [
  ['month', -1, ['전달', '전월', '이전달', '직전달']], ['month', 1, ['다음달', '이듬달']],
  ['quarter', -1, ['전분기', '이전분기', '직전분기']], ['quarter', 1, ['다음분기']],
  ['year', -1, ['전해', '전년']], ['year', 1, ['이듬해', '다음해']],
  ['day', -1, ['전날']], ['day', 1, ['다음날', '이튿날']],
];
export const TIME_SHIFTS: ReadonlyMap<string, TimeShift> = new Map(
  SHIFT_WORDS.flatMap(([unit, by, words]) => words.map((word): [string, TimeShift] => [word, { unit, by }])),
);

/** Closed sets whose members replace each other in a fragment ("그럼 하반기는?" after "상반기 …"). */
export const SIBLING_SETS: ReadonlyArray<ReadonlySet<string>> = [
  ['상반기', '하반기'],
  ['오전', '오후'],
  ['봄', '여름', '가을', '겨울'],
  ['올해', '지난해', '작년', '내년', '재작년'],
  ['전반', '후반', '전반전', '후반전'],
  ['남자', '여자', '남성', '여성'],
  ['월요일', '화요일', '수요일', '목요일', '금요일', '토요일', '일요일'],
  ['이번주', '지난주', '다음주'],
  ['이번달', '지난달', '다음달'],
  ['국내', '해외'],
  ['수출', '수입'],
  ['노조', '사측', '노동자', '경영진'],
  ['매출', '영업이익', '순이익'],
  ['1위', '2위', '3위'],
  ['최고', '최저'],
  ['예선', '본선', '결선', '준결승', '결승'],
].map((set) => new Set(set));

/** Vague predicates that ask nothing of their own ("서울은 어때?"). */
// Their polite forms say no more ("520W도 돼요?", "맥도 되나요?").
export const VAGUE = new Set([
  ...['어때', '어때요', '어땠어', '어땠어요', '어떻고', '돼', '됐어', '그래', '있어', '없어', '뭐야', '뭔데'],
  ...['돼요', '되요', '됐어요', '되나요', '될까요', '그래요', '있어요', '없어요', '가능해', '가능해요', '가능한가요'],
]);

/** Words that never sit in a noun phrase: adverbs and time deictics (지난 8월, 또, 함께). */
// prettier-ignore
export const STOPWORDS = new Set([
  '또', '더', '및', '등', '함께', '이처럼', '그러면서', '이와', '가장', '매우', '아주', '모두', '다시', '이미', '현재', '지난', '오늘', '내일', '어제', '올해', '지난해',
  '작년', '내년', '최근', '앞서', '또한', '특히', '이어', '이번', '다음', '앞으로', '나아가', '때로는', '단순히', '이후', '당시', '대해', '대한', '관련해서', '관련', '말고',
  '말고는', '빼고', '제외하고', '지금', '요즘', '이제', '아직', '처음', '원래', '나중', '애초', '당초',
]);

/** One-syllable words that are no noun (adverbs, adnominals, counters): 꿈, 책, 돈 are, these are not. */
// prettier-ignore
export const ONE_SYLLABLE_STOP = new Set([
  '또', '더', '잘', '꼭', '곧', '좀', '다', '못', '안', '왜', '뭐', '등', '및', '각', '약', '총', '전', '첫', '새', '온', '옛', '딴', '한', '두', '세',
  '네', '몇', '뒤', '후', '중', '때', '수', '것', '거', '데', '줄', '듯', '채', '분', '명', '개', '곳', '번',
]);

/** A Hangul syllable. */
export const HANGUL = /[가-힣]/;
// Bare words that end like a verb or an adnominal form (열린, 밝혔다, 넣으려면), so they are no noun.
export const VERBAL_END =
  /(는|던|든|린|된|될|할|갈|볼|운|큰|른|쁜|다|요|까|죠|니|냐|어|아|여|워|해|돼|히|게|려면|으면|하면|되면|려고|도록|는데|지만|니까|어서|아서|해서|하고|하며|면서|며)$/;
// Numbers with a counter are amounts or dates (30일, 5곳), no part of a name; ordinals are (2차전, 3분기).
export const COUNTED = /^\d[\d.,]*(년|월|일|시|분|초|주|개월|시간|명|개|곳|원|만|억|조|건|대|권|배|점|골|달러|톤|세|살|번|차례|%)/;
export const ORDINAL = /^\d[\d.,]*(분기|차전|회차|차|회|호|라운드|세트|쿼터|이닝|강|위)/;
// Anything else stripParticle removes is a verb ending ("발표한" → 발표 + 한): a predicate, not a noun.
export const NOMINAL_PARTICLE_SET = new Set([...NOMINAL_PARTICLES, '서', '이었다', '이었어', '이며', '이고', '였다', '였어']);

// The copula after a noun ("버스터이다", "5곳이야"), after a vowel as well: the noun stays a noun.
export const COPULAS = ['이었다', '이었어', '입니다', '이에요', '이다', '이야', '이며', '이고', '였다', '였어', '예요'];

// Case particles that end a verb's argument: the bare word after one ending in ㄴ/ㄹ is that verb in
// adnominal form ("경쟁력을 갖춘 모델", "AI로 운영될 기업"), not a noun.
export const ARGUMENT_PARTICLES = new Set(['을', '를', '이', '가', '에', '에서', '로', '으로', '과', '와', '에게', '께서']);

/** Particles of where something happened (…에서): such a phrase is a place when nothing more specific is said. */
export const LOCATIVES = new Set(['에서', '에서는', '에서도', '에서의', '서']);

/** Time nouns that mean the very time referred to (그 날, 그 해), not one before or after it. */
export const SAME_TIME_HEADS = new Set(['때', '날', '해', '달', '주', '시기', '무렵', '당시', '시절']);
/** Particles of a question's setting ("임프레스에서 GIF 만들 수 있어?"): the thing asked about follows it. */
export const SETTING_PARTICLES = new Set(['에서', '에서는', '에']);
