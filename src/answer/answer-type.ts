// What kind of answer a question asks for, from its question form, and whether a
// sentence can hold such an answer. One table serves answering and refusing alike:
// "몇 명?" needs a number of people, "언제?" a time, "왜?" a reason. A sentence that
// shares the question's words but holds no such thing does not answer it.
//
// Kinds are `hard` when their absence proves the sentence does not answer (a count, an
// amount, a time: things with a visible form) and soft otherwise (a person, a place, a
// reason, a method): soft kinds only rank sentences, since Korean names and places have
// no reliable surface mark.

import { hasRieulBatchim } from '../text/tokens.js';
import { INSTANCE_QUESTION, namesInstance } from './instance-nouns.js';

export type AnswerType =
  | { kind: 'money' }
  | { kind: 'amount' }
  | { kind: 'age' }
  | { kind: 'time'; ofReport?: true; clock?: true; day?: true }
  | { kind: 'duration' }
  | { kind: 'count'; counter: string }
  | { kind: 'person' }
  | { kind: 'place' }
  | { kind: 'reason' }
  | { kind: 'method' }
  | { kind: 'quote' }
  | { kind: 'name' }
  | { kind: 'score' }
  | { kind: 'rate' }
  | { kind: 'instance'; noun: string }
  | { kind: 'key' };

// Sino-Korean numeral syllables (일, 이, 구 …) are left out: they hide inside ordinary
// words ("연구원" would read as 9 won).
const NUMBER = String.raw`(\d[\d,.]*|한|두|세|네|넉|다섯|여섯|일곱|여덟|아홉|열|스무|서른|마흔|쉰|수십|수백|수천|수만|여러|몇)`;
// 세(?!기|대): "몇 세기" asks for a time and "몇 세대" for households, not an age.
const COUNTERS =
  '명|개국|개월|개|곳|번째|번|차례|가지|척|대|권|편|마리|채|건|종|회|위|등급|등|층|호|배|인칭|인(?!가|지|데)|살|세대|가구|세(?!기|대)|년|월|일|시간|시즌|시|분|초|주|석|표|장|벌|그루|골|승|패|점|도(?!시)|km|m|kg|g';
const TIME_COUNTERS = new Set(['년', '월', '일', '시']);
const ORDINAL_COUNTERS = new Set(['번째', '번', '회', '차례', '시즌', '호', '대']);
const RANK_COUNTERS = new Set(['위', '등', '등급']);

// Counters that answer for one another: "몇 명" → "3인", "몇 개" → "9가지".
const COUNTER_CLASSES: Record<string, string> = {
  명: '명|인',
  인: '명|인',
  표: '표|명',
  // 개 is the counter of anything: what is counted keeps its own ("4매", "3채널", "17,472 셀"), but
  // not a unit of time ("2006년" counts nothing) nor a particle ("E3에서").
  개: '개|가지|종|곳|단지|(?!년|월|일|시|분|초|세기|주|차|에|의|로|으로|와|과|은|는|이|가|을|를|도|만)[가-힣]',
  가지: '개|가지|종',
  종: '종|종류|개|가지',
  등급: '등급|단계|개|종류',
  번: '번|차례|회|번째|째|호',
  번째: '번째|째|호',
  채: '채|척',
  척: '채|척',
  차례: '번|차례|회',
  회: '번|차례|회',
  시간: '시간|분',
  주: '주|일',
  개월: '개월|달|년',
  // Households: "몇 세대" → "504가구".
  세대: '세대|가구',
  가구: '가구|세대',
  // Degrees of temperature: "영하 2도", "4℃".
  도: "도|℃|°|'C",
};

// A question about when something was said or announced: the date a news sentence gives its
// statement ("…했다고 9일 밝혔다") then answers it.
const REPORT_QUESTION = /(발표|밝혔|밝힌|공개했|공개한|공시|알렸|알린|말했|말한|전했|보도|공식화)/;

/** One question form: the pattern that recognises it and the answer kind it asks for.
 *  The first matching row wins, so specific forms come before general ones. */
interface QuestionForm {
  form: RegExp;
  type: (match: RegExpExecArray) => AnswerType;
  example: string;
}

// Short nouns need a word start: "정몽주가" is not 주가 (stock price).
const QUESTION_FORMS: QuestionForm[] = [
  { form: /몇\s*살|나이는|나이가|연세/, type: () => ({ kind: 'age' }), example: '그는 몇 살이야?' },
  // A rate: nouns in 률/율 (상승률, 득표율, 점유율; not 법률, 선율, 자율), 비율, 비중, and 몇 %. Its answer
  // is a percentage, a multiple, a fraction or a batting average.
  {
    form: /[가-힣](?<!(법|규|선|운|자|계|음))(률|율|비중)(은|는|이|가|을|를)?(\s*(얼마|몇|어떻게|알려|좀)|\s*[?？]?\s*$)|몇\s*(%|퍼센트|프로)/,
    type: () => ({ kind: 'rate' }),
    example: '최종 득표율은?',
  },
  {
    // Money nouns: listed ones at a word start ("정몽주가" is not 주가), compounds of 수입/이익…
    // anywhere ("관광수입"), and nouns ending in a fee or sum suffix: 료 (이적료), 액 (피해액),
    // 값 (아파트값), and in 금 or 비 after two syllables (지원금, 공사비; not 지금, 준비).
    form: /(금액|액수|(^|\s)(돈|가격|연봉|시세|주가|몸값|상금|투자금|적자|흑자)|(수입|수익|이익|매출|예산|비용|손실|보상|배상)|[가-힣](료|액|값)|[가-힣]{2}(금|비))[은는이가]?\s*(총\s*)?(최종적으로\s*|모두\s*)?얼마|몇\s*(원|달러)/,
    type: () => ({ kind: 'money' }),
    example: '매출은 얼마야?',
  },
  // A length of time: "얼마나 걸려", "며칠 동안", "몇 주간", "기간은".
  {
    form: /얼마\s*(나|동안)\s*(걸|걸려|걸리|지속|계속|머물|진행|쉬|기다|입원|재활|치료|복무|수감|운영|운행|버티|빨라|빠르|빨리|느려|느리|오래)|며칠\s*(동안|간|이나|만에)|몇\s*(시간|주|개월|년)\s*(동안|간|만에|이나)|기간은|기간이/,
    type: () => ({ kind: 'duration' }),
    example: '공사는 얼마나 걸려?',
  },
  { form: /얼마/, type: () => ({ kind: 'amount' }), example: '투자 규모는 얼마야?' },
  // "참가자 수는?": the number of people a noun of persons (…자, …객, …원, …생, …민, …인) counts.
  {
    form: /[가-힣](자|객|원|생|민|인|명)\s*(수|숫자|규모)(는|가|를|은|\s*알려|\s*$|\?)/,
    type: () => ({ kind: 'count', counter: '명' }),
    example: '참가자 수는?',
  },
  // A result in points or strokes: golf's "63타", "9언더파", a match's "2-1".
  { form: /스코어|점수|타수|몇\s*타/, type: () => ({ kind: 'score' }), example: '2라운드 스코어 알려줘' },
  // "몇 대 몇으로 끝났어?" asks for a match score, not a count of vehicles.
  { form: /몇\s*(대|:)\s*몇/, type: () => ({ kind: 'score' }), example: '몇 대 몇으로 끝났어?' },
  {
    form: new RegExp(`몇\\s*(${COUNTERS})`),
    // "몇 시" asks for the hour: a day or a year does not answer it.
    type: ([, counter = '']) =>
      counter === '시' ? { kind: 'time', clock: true } : TIME_COUNTERS.has(counter) ? { kind: 'time' } : { kind: 'count', counter },
    example: '몇 명이 다쳤어?',
  },
  // "어느 정당", "무슨 요일": an instance of a kind its suffix marks (instance-nouns.ts).
  { form: INSTANCE_QUESTION, type: ([, , noun = '']) => ({ kind: 'instance', noun }), example: '무슨 요일에 쉬어?' },
  // A key or a shortcut, asked of help pages: "단축키 알려줘", "시작하는 키는?", "어떤 키를 눌러?".
  {
    form: /단축키|(무슨|어떤|어느)\s*키(?![가-힣])|(무슨|어떤|어느)\s*키(를|가|는)|[가-힣](는|할)\s+키(는|가|를)?(\s|[?？]|$)/,
    type: () => ({ kind: 'key' }),
    example: '검색하는 단축키 뭐야?',
  },
  // What someone said: news reports it as quoted speech.
  { form: /뭐라고|뭐라\s*(했|말|밝)|뭐래|무슨\s*말|어떤\s*말|소감/, type: () => ({ kind: 'quote' }), example: '감독은 뭐라고 했어?' },
  // "며칠 지나면 안 돼요. 왜 그래요?": a question that asks 왜 asks for a reason, whatever time it names.
  { form: /(^|\s)왜|어째서|무슨\s*이유|이유[는가]|원인[은이]|까닭/, type: () => ({ kind: 'reason' }), example: '왜 연기됐어?' },
  // "며칠에 태어났어?" asks for a day of the month: a year ("2019년 이후") does not answer it.
  {
    form: /며칠(에|이야|이었|이에요|이었어|부터|까지|날|\s*[?？]|$)/,
    type: (match) => (REPORT_QUESTION.test(match.input) ? { kind: 'time', ofReport: true } : { kind: 'time', day: true }),
    example: '쌍둥이는 며칠에 태어났어?',
  },
  {
    // 언제나, 언제든 mean "always"; 날짜, 연도, 시기 ask for a time only as what is asked ("시기는?",
    // "연도는 언제"), not when they set the scene ("합당이 이루어지던 시기의 대통령은?").
    form: /언제(?!나|든|라도)|며칠|(날짜|연도|시기)(는|가|은|이|를|을)?\s*(언제|알려|[?？]|$)|몇\s*세기|어느\s*(해|달|날)/,
    type: (match) => (REPORT_QUESTION.test(match.input) ? { kind: 'time', ofReport: true } : { kind: 'time' }),
    example: '언제 출시됐어?',
  },
  { form: /누구|누가|누군|어느\s*(분|사람)|(사람|인물|분)의?\s*(이름|성함)/, type: () => ({ kind: 'person' }), example: '원장은 누구야?' },
  { form: /어디|어느\s*(곳|나라|지역|도시|장소)/, type: () => ({ kind: 'place' }), example: '행사는 어디서 열렸어?' },
  { form: /어떻게|방법|하려면|어떤\s*식으로|절차/, type: () => ({ kind: 'method' }), example: '번호는 어떻게 넣어?' },
  // A thing's name ("칩 이름이 뭐야?"); a person's name is asked by the person row above.
  { form: /(이름|명칭|제품명|상품명|학명)(이|은|는)?\s*(뭐|무엇|어떻게)/, type: () => ({ kind: 'name' }), example: '세균 이름이 뭐야?' },
];

/** Kinds whose absence from a sentence proves it does not answer. */
const HARD_KINDS = new Set<AnswerType['kind']>([
  'money',
  'amount',
  'age',
  'time',
  'duration',
  'count',
  'quote',
  'score',
  'rate',
  'instance',
  'key',
]);

/** `news`: the sentence is from a dated article. A news report gives its reasons in so many words
 *  ("…때문", "…로 인해", "…해서") and puts the names of products, apps and works in quotation marks
 *  ('톡브릿지 2'), so there a reason and a name are hard too; an encyclopedia tells causes in every
 *  shape and writes names bare. */
export function isHardType(type: AnswerType, news = false): boolean {
  return HARD_KINDS.has(type.kind) || (news && (type.kind === 'reason' || type.kind === 'name'));
}

export function expectedAnswerType(question: string): AnswerType | undefined {
  for (const row of QUESTION_FORMS) {
    const match = row.form.exec(question);
    if (match) return row.type(match);
  }
  return undefined;
}

// An amount is a number that is not a date or a time ("11일", "2025년" answer 언제, not 얼마; "5년" may
// answer 얼마나), or a native numeral word before a counter ("두 배", "수백 명"), or 절반.
const AMOUNT_ANSWER = new RegExp(
  String.raw`(?<![\d.,])(?!\d{4}\s*년)\d[\d,.]*(?![\d,.])(?!\s*(월|일|시(?!간)|분기|차전|라운드)(?![가-힣]*\s*(동안|간|만에)))|(^|[^가-힣])(한|두|세|네|넉|다섯|여섯|일곱|여덟|아홉|열|스무|서른|마흔|쉰|수십|수백|수천|수만|여러)\s*(배|명|개|곳|가지|대|번|차례|만|억|천|백)|절반`,
);
const CURRENCY = '(원|달러|엔|유로|위안|파운드)';
// "5천만 원", "3조 2천억 원": a number may carry several place units before the currency.
const MONEY_ANSWER = new RegExp(
  String.raw`${NUMBER}(\s*(만|천|백|십|억|조)|\s*\d[\d,.]*)*\s*(${CURRENCY}|%|퍼센트|배)|\d\s*(억|조)(?!\s*(명|개|마리|건|년))|무료|공짜`,
);
const AGE_ANSWER = /\d+\s*(살|세(?!기|대|계|금|력|션))|\d+대\s*(초|중|후)반/;
// A time is a number with a time unit or a dotted date, or a time word. A bare digit is
// not ("S6 엣지" holds none).
const TIME_ANSWER =
  /[가-힣0-9]\s때(?![가-힣])|[가-힣0-9]\s때(부터|까지|에|의|는|엔)|(대|세기|시대|왕조|조선|고려|신라|백제|임기|재위)\s*(초|중|말)기(?![가-힣])|(초|중|말)기(에|의|부터|까지)|정오|자정|\d\s*(년|월|일|시|분기|세기|년대|주년|일자|학년도|회계연도)|\d{4}\s*[.\-/]\s*\d{1,2}|\d{1,2}\s*[./]\s*\d{1,2}\s*[.)]|(^|[^가-힣])(올해|작년|지난해|지난달|지난주|내년|어제|오늘|그제|내일|그날|당일|이날|이튿날|이듬해|오전|오후|새벽|연말|연초|초순|중순|하순|상반기|하반기|분기|무렵|당시|시절|시대|직후|직전|요일|주말|평일|매주|매일|매달|매년)|[월화수목금토일]요일|(\d|[가-힣])(세기|년대)/;
// A day of the month: "19일", "지난달 19일", "이날", "6/19".
const DAY_ANSWER =
  /\d\s*일(?![가-힣])|\d\s*일(에|부터|까지|께|쯤|경|로|이|은|는|의|과|와)|(오늘|어제|그제|그저께|내일|모레|이날|당일|그날|이튿날)|\d{1,2}\s*[./]\s*\d{1,2}/;
// An hour of the day: "오전 7시 40분쯤", "오후 3시", "14:30", "자정".
const CLOCK_ANSWER = /\d\s*시(?!간|즌|설|장|청|민|의회)|오전|오후|새벽|정오|자정|\d{1,2}:\d{2}/;
// A length of time, told from a moment: "5일 동안", "6주", "0.4초", "두 달" are lengths; "23일" (a day of
// the month), "2025년" (a year), "전반 26분" (a match minute) and "3달러" are not. A bare day count
// needs a word that makes it a length (동안, 만에, 걸려, 후 …).
const NATIVE_COUNT = '(한|두|세|네|넉|다섯|여섯|일곱|여덟|아홉|열|스무|서른|마흔|쉰|수십|수백|수천|여러)';
const DIGITS = String.raw`(?<![\d.,])\d[\d,.]*`;
const DURATION_ANSWER = new RegExp(
  [
    String.raw`(?<![\d.,])(\d{1,3}|${NATIVE_COUNT})\s*(여\s*)?년(?!도|대)`,
    String.raw`(${DIGITS}|${NATIVE_COUNT})\s*(여\s*)?(개월|달(?!러)|주(?=$|[^가-힣]|[이가은는을를의에도간째])|시간|초(?!순|반))`,
    String.raw`(?<!(전반|후반|연장)\s*)(${DIGITS}|${NATIVE_COUNT})\s*(여\s*)?분(?!기|의|야)`,
    String.raw`(${DIGITS}|${NATIVE_COUNT})\s*(여\s*)?일\s*(동안|간|만에|만이|째|이상|이내|가량|정도|남짓|후|뒤|이[나면]?\s*걸|[이가]?\s*걸|씩|내)`,
    // A span between two times: "1848년부터 1850년까지", "6월 1일~10일".
    String.raw`\d\s*(년|월|일|시)\s*(부터|~|∼|–)`,
    '하루|이틀|사흘|나흘|닷새|엿새|이레|열흘|보름|한\\s*달|반년|평생|오랫동안|장기간|단기간',
  ].join('|'),
);
// A person: a title or an honorific after a name, or a Latin full name.
const PERSON_ANSWER =
  /[가-힣]{2,4}\s?(씨|님|원장|대표|사장|회장|부회장|장관|차관|총리|대통령|의원|시장|지사|군수|구청장|교수|박사|연구원|기자|감독|선수|위원장|위원|이사|국장|실장|팀장|부장|과장|청장|처장|총장|소장|관장|단장|주장|작가|가수|배우|변호사|판사|검사|대변인|씨는|씨가)|[A-Z][a-z]+\s+[A-Z][a-z]+|(그|그녀|그들)(는|가)/;
// A place: an administrative or facility suffix, a location case ending, or a country.
const PLACE_ANSWER =
  /[가-힣](시|도|군|구|읍|면|동|리|역|항|공항|섬|산|강|해|국|주|관|센터|홀|전당|회관|광장|공원|경기장|체육관|병원|학교|대학|본사|공장|캠퍼스|거리|로|길)(에서|에|로|의|은|는|이|가|까지|부터|\s)|[가-힣]{2,}(에서|에)\s|서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주|미국|중국|일본|유럽|국내|해외/;
const REASON_ANSWER =
  /때문|위해|위한|(으로|로)\s*인해|탓|덕분|덕에|(해서|어서|아서|므로|니까|으니|기에)\s|이유|원인|까닭|목적|결과|따라|(라|다)(며|면서|고)\s/;
const METHOD_ANSWER =
  /하려면|(으|)려면|(을|를)\s*(선택|클릭|누르|눌러|입력|사용|지정|끌어|드래그)|(선택|클릭|입력|설정|지정|실행|사용)(하|한|합|해)|통해|이용해|방법|순서|단계|먼저|다음|[→>]|(으로|로)\s*(바꾸|변경|설정)|눌러|누르|고른|고르|방식/;

// Quoted speech: quotation marks, or an indirect quote closed by a verb of saying.
// "뭐라고 불렀나" is answered by a name said so: "가나안인이라 불렀다", "일명 ‘삼광 작전’".
const QUOTE_ANSWER =
  /["“”「」『』‘’]|(라고|다고|냐고|자고)\s|(말했|밝혔|강조했|설명했|덧붙였|전했|주장했|당부했|털어놨)|[가-힣](이)?라\s*(불|부르|부른|한다|하며|칭|일컫)|일명|이른바/;
// A name: in quotation marks ('비토 N1', “한울리아”), in Latin letters, or in 《 》.
const NAME_ANSWER = /['‘’"“”《「][^'‘’"“”》」]{1,40}['‘’"“”》」]|[A-Za-z]{2,}/;

// A key as help pages write it: "Ctrl+Shift+F", "Shift+F5", "F4 키를 눌러", "⌘", "shortcut U".
const KEY_ANSWER =
  /(?<![A-Za-z])(Ctrl|Control|Cmd|Command|Shift|Alt|Option|Esc|Tab|Enter|Return|Home|End|Delete|Del|Backspace|Space|Insert|PgUp|PgDn|Page ?Up|Page ?Down|F\d{1,2})(?![A-Za-z])|[⌘⇧⌥⌃]|키를?\s*(누르|눌러)|shortcut\s+[A-Z](?![A-Za-z])|컨트롤|시프트|커맨드/;
// Strokes or points, par-relative golf scores, or a match score ("2-1", "3 대 2").
const SCORE_ANSWER = /\d\s*(타|점|언더파|오버파|%)|이븐파|\d\s*[-:]\s*\d|\d\s*대\s*\d/;

// A percentage, a multiple or a fraction: "0.58%", "3.2%포인트", "두 배", "1/4", "3분의 1", "0.322", "3할".
const RATE_ANSWER = /\d\s*(%|퍼센트|프로|%\s*포인트|%p|배|할|푼)|(두|세|네)\s*배|\d\s*\/\s*\d|\d\s*분의\s*\d|(^|[^\d.])0\.\d|절반/;

// The date of a statement in Korean news: "…했다고 9일 밝혔다", "…라고 이날 발표했다". It says when
// the news was told, not when the thing told happened, so it does not answer "언제 채집했어?".
const REPORT_DATE =
  /(\d{1,2}일|이날|오늘|어제|지난\s*\d{1,2}일)(\s*\([^)]*\))?\s*(밝혔|발표했|전했|말했|공시했|알렸|설명했|덧붙였|강조했|공개했)/g;

/** The sentence with its "when" clauses taken out: "급한 일이 생겼을 때", "갈 때" tell under what
 *  circumstance, not at what time ("언제부터 해?" is not answered by them); "임진왜란 때" stays. A verb
 *  before 때 ends in 을 or a final ㄹ. */
function withoutWhenClauses(sentence: string): string {
  return sentence.replace(/([가-힣])(\s때)/g, (whole, before: string) =>
    before === '을' || hasRieulBatchim(before) ? `${before} ` : whole,
  );
}

/** The sentence with its statement dates taken out. */
function withoutReportDates(sentence: string): string {
  return sentence.replace(REPORT_DATE, ' $3');
}

/** What a sentence holds when it answers each kind but a count or an instance (whose patterns depend
 *  on the counter or the kind noun). */
const ANSWER_FORMS: Record<Exclude<AnswerType['kind'], 'count' | 'instance'>, RegExp> = {
  money: MONEY_ANSWER,
  amount: AMOUNT_ANSWER,
  age: AGE_ANSWER,
  time: TIME_ANSWER,
  duration: DURATION_ANSWER,
  person: PERSON_ANSWER,
  place: PLACE_ANSWER,
  reason: REASON_ANSWER,
  method: METHOD_ANSWER,
  quote: QUOTE_ANSWER,
  name: NAME_ANSWER,
  score: SCORE_ANSWER,
  rate: RATE_ANSWER,
  key: KEY_ANSWER,
};

/** True when the sentence holds something of the asked kind: for "몇 명", a number of 명. Given the
 *  question, a name must be one the question does not already say. */
export function canAnswerType(sentence: string, type: AnswerType, question?: string): boolean {
  if (type.kind === 'name' && question !== undefined) return namesOtherThan(sentence, question);
  // "몇" is the question's own word, not a number: a duration or count must be stated.
  if (type.kind === 'count') {
    // "870만 종" may drop its counter ("870만"); a large round number counts too, unless a currency
    // follows it ("27억 원" is money, not a number of people).
    const counters = COUNTER_CLASSES[type.counter] ?? type.counter;
    // 첫 is the first of a series ("몇 번째 우승?" → "첫 우승"), not a number of people or a rank.
    const first = ORDINAL_COUNTERS.has(type.counter) ? '|첫' : '';
    // A rank is never a bare number: "2만 8,412명" holds no place in a league table.
    const bare = RANK_COUNTERS.has(type.counter) ? '' : `|\\d\\s*(만|천|백|억)(?![\\d,.\\s]*(만|천|백|억)?\\s*${CURRENCY})`;
    return new RegExp(`(?<![A-Za-z])${NUMBER}\\s*(만|천|백|십)?\\s*(여|남짓)?\\s*(${counters})${bare}${first}`).test(
      sentence.replace(/몇/g, ''),
    );
  }
  if (type.kind === 'instance') return namesInstance(sentence, type.noun);
  if (type.kind === 'time' && type.clock) return CLOCK_ANSWER.test(sentence);
  if (type.kind === 'time' && type.day) return DAY_ANSWER.test(withoutReportDates(sentence));
  if (type.kind === 'time' && !type.ofReport) return TIME_ANSWER.test(withoutWhenClauses(withoutReportDates(sentence)));
  return ANSWER_FORMS[type.kind].test(type.kind === 'duration' ? sentence.replace(/몇/g, '') : sentence);
}

/** A name in the sentence that the question does not already say: "'해온콜버스' 운행" does not
 *  answer "해온콜버스 호출 앱 이름이 뭐야?". News quotes names in single marks; double marks hold
 *  speech, and a quoted phrase that ends as a sentence does ('만족한다') is words said, not a name. */
function namesOtherThan(sentence: string, question: string): boolean {
  const asked = question.replace(/\s+/g, '').toLowerCase();
  const names = sentence.match(/['‘’《「『][^'‘’》」』]{1,30}['‘’》」』]|[A-Za-z]{2,}/g) ?? [];
  return names.some((name) => {
    const bare = name.replace(/['‘’《》「」『』\s]/g, '').toLowerCase();
    return bare.length > 0 && !/[다요까죠]$/.test(bare) && !asked.includes(bare);
  });
}
