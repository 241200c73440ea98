// What a sentence holds when it answers each kind of question (answer-type.ts): a number with the asked counter, a
// sum in a currency, a time, a reason's connective, a written key. Each pattern is tested both ways: sentences that
// answer, and look-alikes that do not.
import { COMPANY, companiesOtherThan } from './company-names.js';
import { SURNAMES } from '../text/korean-names.js';
import { COUNTRY_ANSWER } from '../text/countries.js';
import { CHARGE_NOUNS } from '../text/money-nouns.js';
import { createRecentCache } from '../text/recent-cache.js';
import type { AnswerType } from './answer-type.js';
import { COUNTER_CLASSES, isMeasure, NUMBER, ORDINAL_COUNTERS, RANK_COUNTERS } from './counters.js';
import { namesInstance } from './instance-nouns.js';
import { answersTime, TIME_ANSWER } from './time-forms.js';

// An amount: a number that is no date or time ("11일" answers 언제; "5년" may answer 얼마나), "두 배", "수백 명", 절반.
const AMOUNT_ANSWER = new RegExp(
  String.raw`(?<![\d.,])(?!\d{4}\s*년)\d[\d,.]*(?![\d,.])(?!\s*(월|일|시(?!간)|분기|차전|라운드)(?![가-힣]*\s*(동안|간|만에)))|(^|[^가-힣])(한|두|세|네|넉|다섯|여섯|일곱|여덟|아홉|열|스무|서른|마흔|쉰|수십|수백|수천|수만|여러)\s*(배|명|개|곳|가지|대|번|차례|만|억|천|백)|절반`,
);
const CURRENCY = '(원|달러|엔|유로|위안|파운드)';
// "5천만 원", "3조 2천억 원": a number may carry several place units before the currency.
const PLACED_NUMBER = String.raw`${NUMBER}(\s*(만|천|백|십|억|조)|\s*\d[\d,.]*)*\s*`;
// A large round sum stands for money without its currency; 무료 is a price too.
const ROUND_SUM = String.raw`\d\s*(억|조)(?!\s*(명|개|마리|건|년))|무료|공짜`;
/** A sum, not a change in one: "가격 얼마야?" is not answered by "점유율 7%". */
const SUM_ANSWER = new RegExp(`${PLACED_NUMBER}${CURRENCY}|${ROUND_SUM}`);
/** A sum or a change in one ("가격이 얼마나 올랐어?" → "7% 올랐다"). */
const MONEY_ANSWER = new RegExp(`${PLACED_NUMBER}(${CURRENCY}|%|퍼센트|배)|${ROUND_SUM}`);
/** Whether a thing costs: free of charge or no charge said in words, or a sum (or a rate: a late fee
 *  of 1.5%) beside a word for a charge; a sum alone may be a limit ("1만 원 미만의 입출금"). */
const FREE_OR_NO_CHARGE = /무료|무상|공짜|유료|(부과|청구|붙|발생하|들)지\s*않/;
const CHARGE_WORD = new RegExp([...CHARGE_NOUNS, '가산금', '관리비'].join('|'));
const answersCost = (sentence: string) =>
  FREE_OR_NO_CHARGE.test(sentence) || (CHARGE_WORD.test(sentence) && (MONEY_ANSWER.test(sentence) || /없/.test(sentence)));
// No age: a set (4세트), a tax rate (세율). An age band is a decade (50대, 3,40대); the news ages a name: "정태윤(47)", "김모(72·농업)씨".
const AGE_ANSWER =
  /\d+\s*(살|세(?!기|대|계|금|력|션|트|율))|\d+대\s*(초|중|후)반|\d0\s*대(?![가-힣])|\d0대(이상|이하|에서|가|는|의|와|층)|[가-힣]\s?\(\d{1,3}[)·,]/;
// A length of time, told from a moment: "5일 동안", "6주", "0.4초", "두 달" are lengths; "23일" (a day of
// the month), "2025년" (a year), "전반 26분" (a match minute) and "3달러" are not. A bare day count
// needs a word that makes it a length (동안, 만에, 걸려, 후, 연장 …).
const NATIVE_COUNT = '(한|두|세|네|넉|다섯|여섯|일곱|여덟|아홉|열|스무|서른|마흔|쉰|수십|수백|수천|여러)';
const DIGITS = String.raw`(?<![\d.,])\d[\d,.]*`;
// A length in days or longer, for "며칠 걸려?": "오전 9시~오후 6시" and "3시간" do not answer it. A count of
// business days ("약 5영업일") is always a length.
const DAY_LENGTHS = [
  String.raw`(?<![\d.,])(\d{1,3}|${NATIVE_COUNT})\s*(여\s*)?년(?!도|대)`,
  String.raw`(${DIGITS}|${NATIVE_COUNT})\s*(여\s*)?(개월|달(?!러)|주(?=$|[^가-힣]|[이가은는을를의에도간째]))`,
  String.raw`(${DIGITS}|${NATIVE_COUNT})\s*(여\s*)?(영업)?일\s*(동안|간|만에|만이|째|이상|이내|가량|정도|남짓|후|뒤|이[나면]?\s*걸|[이가]?\s*걸|씩|내|안에|연장)`,
  String.raw`${DIGITS}\s*영업일`,
  // A span between two dates: "1848년부터 1850년까지", "6월 1일~10일".
  String.raw`\d\s*(년|월|일)\s*(부터|~|∼|–)`,
  '하루|이틀|사흘|나흘|닷새|엿새|이레|열흘|보름|한\\s*달|반년|평생|오랫동안|장기간|단기간',
];
const DAYS_ANSWER = new RegExp(DAY_LENGTHS.join('|'));
const DURATION_ANSWER = new RegExp(
  [
    ...DAY_LENGTHS,
    String.raw`(${DIGITS}|${NATIVE_COUNT})\s*(여\s*)?(시간|초(?!순|반))`,
    String.raw`(?<!(전반|후반|연장)\s*)(${DIGITS}|${NATIVE_COUNT})\s*(여\s*)?분(?!기|의|야)`,
    // A span between two times of day: "오전 9시~오후 6시".
    String.raw`\d\s*시\s*(부터|~|∼|–)`,
  ].join('|'),
);
// A person: a title or an honorific after a name (alone or before its particle), or a Latin full name.
// A title word inside another word ("박물관이 소장한", "4곳이 소장품을", "지역을 대표하는") names no one,
// nor does a title of something ("박물관의 대표 소장품": 의 ends no name).
const PERSON_ANSWER =
  /[가-힣]{2,4}(?<!의)\s?(씨|님|원장|대표|사장|회장|부회장|장관|차관|총리|대통령|의원|시장|지사|군수|구청장|교수|박사|연구원|기자|감독|선수|위원장|위원|이사|국장|실장|팀장|부장|과장|청장|처장|총장|소장|관장|단장|주장|작가|가수|배우|변호사|판사|검사|대변인)(?=$|[^가-힣]|[은는이가을를의께도과와님였로만]|에게|으로)|[A-Z][a-z]+\s+[A-Z][a-z]+|(그|그녀|그들)(는|가)/;
// A place: an administrative or facility suffix, a location case ending, or a country.
const PLACE_ANSWER =
  /[가-힣](시|도|군|구|읍|면|동|리|역|항|공항|섬|산|강|해|국|주|관|센터|홀|전당|회관|광장|공원|경기장|체육관|병원|학교|대학|본사|공장|캠퍼스|거리|로|길)(에서|에|로|의|은|는|이|가|까지|부터|\s)|[가-힣]{2,}(에서|에)\s|서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주|미국|중국|일본|유럽|국내|해외/;
// A place in an interface: a menu path ("설정 > 계정", "편집 → 실행 취소", "[이체] > [자동이체 관리]"), a named
// menu, tab, window or dialog box, a box or sidebar where something is done ("반복 횟수 상자에서 … 선택합니다").
const UI_PLACE =
  /[가-힣A-Za-z\]*)]\s*[>→]\s*[[*가-힣A-Za-z]|(?<![가-힣])(메뉴|탭|창|대화\s?상자|패널|도구\s?모음)(에서|에|을|를|으로|로)?\s|(?<![가-힣])(상자|사이드바)(\([^)]*\))?에서\s/;

/** True when the sentence says where in an interface something is ("고급 설정 > 무선 > 게스트 네트워크로 이동합니다"). */
export function namesUiPlace(sentence: string): boolean {
  return UI_PLACE.test(sentence);
}

// A cause in the instrumental before what went wrong: "태양전지판 전개 불량으로 두 달 만에 임무를 중단했다",
// "발목 부상으로 대회에 나서지 못했다" (a few words may come between).
const INSTRUMENTAL_CAUSE =
  /[가-힣]{2,}(으로|로)\s+(\S+\s+){0,5}\S*?(중단|실패|숨지|숨졌|사망|다쳐|다쳤|결항|취소|연기|지연|무산|늦어|늦춰|멈춰|멈췄|무너|붕괴|지\s?못)/;
// The background a speaker gives for a decision ("…"고 인하 배경을 설명했다"), not a scene (등대를 배경으로).
const BACKGROUND = /배경(을|으로|에는|은|이)\s*(설명|꼽|밝히|밝혔|들)/;
// A protest's motive ("인상을 요구하며 파업", "폐쇄에 반발해"; "반발하고 있다" is a reaction), and what holds a thing back.
const MOTIVE = /(요구|주장|촉구|항의|반발|규탄|반대)(하며|하면서)\s|(에|을|를)\s*(반발|항의|반대)해\s|걸림돌|장벽(이|으로)|발목을\s*잡/;
// A negative cause ("전개되지 않아 …", "전문의를 구하지 못해 …"), or one that came about (바람에, 통에, 느라, 겹쳐), says why.
const REASON_ANSWER = new RegExp(
  `${BACKGROUND.source}|때문|위해|위한|(으로|로)\\s*인해|탓|덕분|덕에|(해서|어서|아서|므로|니까|으니|기에)\\s|이유|원인|까닭|목적|결과|따라|(라|다)(며|면서|고)\\s|지\\s?(않아|못해)(서)?\\s|바람에|통에|느라|다\\s?보니|길래|겹쳐\\s|영향(으로|을\\s*받|이\\s*크|이다)|여파로|요인(으로|이다|이라)|(되|지|나|꺼지)면서\\s|(여서|이어서|라서|이라서)\\s|(점|것)을\\s*들어|고려(해|했|한)|${INSTRUMENTAL_CAUSE.source}|${MOTIVE.source}`,
);
// A cause named outright, not one a quote's ending or a purpose may carry; a sentence may also end on
// its cause ("…한계가 있다고 판단해서다", "…늘어서이다"), which standing up (일어서다) does not.
const CAUSE = new RegExp(
  `때문|덕분|덕에|탓|(으로|로)\\s*인해|다\\s?보니|길래|이유|원인|까닭|${BACKGROUND.source}|(?<!일어|들어|나|앞장|맞)서(이)?다(?=[.。"”'’]|\\s*$)|${INSTRUMENTAL_CAUSE.source}|${MOTIVE.source}`,
);

/** True when the sentence names a cause in so many words ("…양극재 물량이 늘어난 덕분이다"). */
export function namesCause(sentence: string): boolean {
  return CAUSE.test(sentence);
}

// A step told in the imperative ("전원을 끄고 30분 이상 식힌 뒤 켜세요", "…을 누르십시오") is a method too.
const METHOD_ANSWER =
  /(세요|십시오)\s*[.!|]*\s*$|하려면|(으|)려면|(을|를)\s*(선택|클릭|누르|눌러|입력|사용|지정|끌어|드래그)|(선택|클릭|입력|설정|지정|실행|사용)(하|한|합|해)|통해|이용해|방법|순서|단계|먼저|다음|[→>]|(으로|로)\s*(바꾸|변경|설정)|눌러|누르|고른|고르|방식/;

// Quoted speech: quotation marks, or an indirect quote closed by a verb of saying.
// "뭐라고 불렀나" is answered by a name said so: "가나안인이라 불렀다", "일명 ‘삼광 작전’".
const QUOTE_ANSWER =
  /["“”「」『』‘’]|(라고|다고|냐고|자고)\s|(말했|밝혔|강조했|설명했|덧붙였|전했|주장했|당부했|털어놨)|[가-힣](이)?라\s*(불|부르|부른|한다|하며|칭|일컫)|일명|이른바/;
// A name: in quotation marks ('비토 N1', “한울리아”), in Latin letters, or in 《 》.
const NAME_ANSWER = /['‘’"“”《「][^'‘’"“”》」]{1,40}['‘’"“”》」]|[A-Za-z]{2,}/;

const ORG_ANSWER = new RegExp(`${COMPANY.source}|${NAME_ANSWER.source}`);

/** A name written bare before its particle, as news writes athletes and people named before
 *  ("서하윤이 단독 선두", "이하린이었다", "김말순(78) 씨"): a surname and two syllables. */
function namesPersonBare(sentence: string): boolean {
  // After a number the word is its counter ("2천 명이었는데").
  for (const match of sentence.matchAll(/(?<![가-힣])(?<!\d[십백천만억]?\s?)([가-힣]{3})(?=이|가|은|는|의|도|였|\()/g)) {
    const name = match[1]!;
    // "유하시는", "한결군이", "관람객이", "전시장에": a place, an office or a kind of people ends so, a
    // given name seldom does; "선비들의" is a plural, "공간에는" a noun with its particle, "…이었는" a copula.
    if (SURNAMES.has(name.charAt(0)) && !/[시군도읍면국청부처당들객장회측층생관소단팀에로와과었였]$/.test(name)) return true;
  }
  return false;
}

// A key as help pages write it: "Ctrl+Shift+F", "Shift+F5", "F4 키를 눌러", "⌘", "shortcut U".
const KEY_ANSWER =
  /(?<![A-Za-z])(Ctrl|Control|Cmd|Command|Shift|Alt|Option|Esc|Tab|Enter|Return|Home|End|Delete|Del|Backspace|Space|Insert|PgUp|PgDn|Page ?Up|Page ?Down|F\d{1,2})(?![A-Za-z])|[⌘⇧⌥⌃]|키를?\s*(누르|눌러)|shortcut\s+[A-Z](?![A-Za-z])|컨트롤|시프트|커맨드/;
// Strokes or points, par-relative golf scores, or a match score ("2-1", "3 대 2").
const SCORE_ANSWER = /\d\s*(타|점|언더파|오버파|%)|이븐파|\d\s*[-:]\s*\d|\d\s*대\s*\d/;
// A telephone number: an area or mobile code and its digits (02-1234-5678, 010-…), or a toll-free 15xx-1234.
const PHONE_ANSWER = /(?<![\d-])(0\d{1,2}[-.)\s]\d{3,4}[-.\s]\d{4}|1[5-9]\d{2}-\d{4}|080-\d{3,4}-\d{4})(?![\d-])/;

// A rate: "0.58%", "3.2%포인트", "두 배", "1/4", "3분의 1", "0.322", "3할", a competition ratio "48대 1".
const RATE_ANSWER =
  /\d\s*(%|퍼센트|프로|%\s*포인트|%p|배|할|푼)|(두|세|네)\s*배|\d\s*\/\s*\d|\d\s*분의\s*\d|(^|[^\d.])0\.\d|절반|\d\s*대\s*1(?!\d)/;

/** What a sentence holds when it answers each kind but a count or an instance (whose patterns depend
 *  on the counter or the kind noun). */
const ANSWER_FORMS: Record<Exclude<AnswerType['kind'], 'count' | 'instance' | 'cost'>, RegExp> = {
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
  org: ORG_ANSWER,
  score: SCORE_ANSWER,
  rate: RATE_ANSWER,
  key: KEY_ANSWER,
  phone: PHONE_ANSWER,
};

const KILOGRAM = '키로|킬로|킬로그램|kg|㎏';

// A unit a price is given per, and how sentences write it: "월 4,900원" is per month, "1t당" per ton.
const PER_UNIT_SPELLINGS: Record<string, string> = {
  달: '달|월|매달|매월',
  월: '달|월|매달|매월',
  해: '해|년|연',
  년: '해|년|연',
  톤: '톤|t',
  인: '인|명|사람',
  명: '인|명|사람',
  사람: '인|명|사람',
  가구: '가구|세대',
  세대: '세대|가구',
  알: '알|정',
  // An order or a use of a service is counted in 건 as well: "한 번 시키면 얼마?" ~ "배송비는 1건에 1천 원".
  번: '번|회|건',
  회: '번|회|건',
  건: '건|번|회',
  박스: '박스|상자',
  상자: '박스|상자',
  // 키로 and 킬로 are what people say for a kilogram when they ask a price ("1키로에 얼마야?").
  키로: KILOGRAM,
  킬로: KILOGRAM,
};

// Patterns built from a question's unit or counter: once each, not once per candidate sentence.
const unitPatterns = createRecentCache<RegExp>(256);

/** A sum given per `unit`: "한 알에 3,000원", "1t당 810원", "월 (최대) 4,900원", "1인당 5만 원", "한 철 벌이가 4,000만 원". */
function perUnitPattern(unit: string): RegExp {
  return unitPatterns.get(`per:${unit}`, () => {
    const spellings = PER_UNIT_SPELLINGS[unit] ?? unit;
    return new RegExp(
      `(${spellings})\\s*(에|당|마다)|(?<![가-힣])(${spellings})\\s*((최대|최고|최소|최저|평균|약)\\s*)?(\\d|요금|이용료|사용료|구독료|회비)|(?<![가-힣])(한|1)\\s*(${spellings})의?(?![가-힣])|(?<![\\d.,])1\\s*(${spellings})[을를]\\s*[가-힣]+[는은]\\s*데` +
        // The price of a packed unit prices one of it: "딸기 2kg 상자의 평균 경락가가 4만 1천 원".
        `|\\d\\s*(kg|㎏|g|개입|입)\\s*(${spellings})의?\\s*(평균\\s*)?[가-힣]*(값|가격|가)(은|는|이|가|도)?\\s`,
    );
  });
}

/** Counters a large round number may carry: before one, it counts that, not what is asked. */
const OTHER_COUNTERS = '명|인|곳|대|건|권|편|마리|가구|세대|채|척|회|번|장|병|석|층|표';

/** What states a count in `counter`. */
function countPattern(counter: string): RegExp {
  return unitPatterns.get(`count:${counter}`, () => {
    // "870만 종" may drop its counter ("870만"); a large round number counts too, unless a currency
    // follows it, after any further units ("27억 원", "2억 1천만 원" are money, not a number of people).
    const counters = COUNTER_CLASSES[counter] ?? counter;
    // 첫 is the first of a series ("몇 번째 우승?" → "첫 우승"), not a number of people or a rank.
    const first = ORDINAL_COUNTERS.has(counter) ? '|첫' : '';
    // A rank is never a bare number: "2만 8,412명" holds no place in a league table.
    // Nor is a measure: "30만 대" weighs no grams.
    // Nor a number of something else: "1만 2천여 명" holds no number of books (권).
    const bare =
      RANK_COUNTERS.has(counter) || isMeasure(counter)
        ? ''
        : `|\\d\\s*(만|천|백|억)(?![\\d,.\\s만천백억여]*(${CURRENCY}|${OTHER_COUNTERS}))`;
    // A help page sets a count as a value: "복사본의 수를 12로 입력합니다".
    const setTo = RANK_COUNTERS.has(counter) ? '' : '|(?<![가-힣])(개수|횟수|수)(를|은|는|가|이)?\\s+\\d+\\s*(으로|로)(?![가-힣])';
    return new RegExp(`(?<![A-Za-z])${NUMBER}\\s*(만|천|백|십)?\\s*(여|남짓)?\\s*(${counters})${bare}${first}${setTo}`);
  });
}

/** True when the sentence holds something of the asked kind: for "몇 명", a number of 명. Given the
 *  question, a name must be one the question does not already say. */
export function canAnswerType(sentence: string, type: AnswerType, question?: string): boolean {
  if (type.kind === 'name' && question !== undefined) return namesOtherThan(sentence, question);
  // A company or a quoted group answers 누가 as well as 어느 회사.
  const namesOrg = () => question !== undefined && (namesOtherThan(sentence, question, true) || companiesOtherThan(sentence, question));
  if (type.kind === 'person' && question !== undefined) return PERSON_ANSWER.test(sentence) || namesPersonBare(sentence) || namesOrg();
  if (type.kind === 'org' && question !== undefined) return namesOrg();
  // "몇" is the question's own word, not a number: a duration or count must be stated.
  if (type.kind === 'count') {
    // "한 번의 주문" (a single order) and "한 번에" (at once) count no times.
    const counted = countPattern(type.counter).test(sentence.replace(/몇/g, '').replace(/한\s?번(의|에)/g, ''));
    // Per unit: "경기당 평균 12.5점"; an average (평균) is stated as one or per something.
    if (!counted || !type.per) return counted;
    return type.per === '평균' ? /평균|당|마다/.test(sentence) : /평균/.test(sentence) || perUnitPattern(type.per).test(sentence);
  }
  if (type.kind === 'instance') return namesInstance(sentence, type.noun);
  if (type.kind === 'cost') return answersCost(sentence);
  if (type.kind === 'place' && type.country) return COUNTRY_ANSWER.test(sentence);
  if (type.kind === 'money' && type.per) return SUM_ANSWER.test(sentence) && perUnitPattern(type.per).test(sentence);
  if (type.kind === 'money' && !type.change) return SUM_ANSWER.test(sentence);
  if (type.kind === 'duration' && type.days) return DAYS_ANSWER.test(sentence.replace(/몇/g, ''));
  if (type.kind === 'time' && !type.ofReport) return answersTime(sentence, type);
  return ANSWER_FORMS[type.kind].test(type.kind === 'duration' ? sentence.replace(/몇/g, '') : sentence);
}

/** A name in the sentence that the question does not already say: "'해온콜버스' 운행" does not
 *  answer "해온콜버스 호출 앱 이름이 뭐야?". News quotes names in single marks; double marks hold
 *  speech, and a quoted phrase that ends as a sentence does ('만족한다') is words said, not a name. */
function namesOtherThan(sentence: string, question: string, agent = false): boolean {
  const asked = question.replace(/\s+/g, '').toLowerCase();
  const names = sentence.match(/['‘’《「『][^'‘’》」』]{1,30}['‘’》」』]|[A-Za-z]{2,}/g) ?? [];
  return names.some((name) => {
    const words = name
      .replace(/['‘’《》「」『』]/g, '')
      .trim()
      .toLowerCase()
      .split(/\s+/);
    const bare = words.join('');
    // Asked who made '문방 책가도', '화조 책가도' is a sibling work (its last word is the question's), not its maker.
    const sibling = agent && asked.includes(words.at(-1)!);
    return bare.length > 0 && !/[다요까죠]$/.test(bare) && !UNITS.test(bare) && !asked.includes(bare) && !sibling;
  });
}

/** Units in Latin letters ("2.4km", "15kg", "30fps") name nothing. */
const UNITS = /^(km|kg|cm|mm|ml|mg|ha|kw|kwh|mw|gw|gb|mb|tb|kb|hz|khz|mhz|ghz|db|fps|ppm|mph|am|pm|ea)$/;
