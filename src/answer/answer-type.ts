// What kind of answer a question asks for, from its question form, and whether a sentence can hold such an answer.
// One table serves answering and refusing alike: "몇 명?" needs a number of people, "언제?" a time, "왜?" a reason.
// A sentence that shares the question's words but holds no such thing does not answer it. Kinds are `hard` when their
// absence proves the sentence does not answer (a count, an amount, a time: things with a visible form) and soft otherwise
// (a person, a place, a reason, a method): soft kinds only rank sentences, since Korean names and places have no reliable
// surface mark. What a sentence must hold for each kind is in answer-forms.ts.

import { CHARGE_NOUNS } from '../text/money-nouns.js';
import { SPELLED_UNITS } from './counters.js';
import { INSTANCE_QUESTION } from './instance-nouns.js';

export type AnswerType =
  | { kind: 'money'; change?: true; per?: string }
  | { kind: 'amount' }
  | { kind: 'age' }
  | { kind: 'time'; ofReport?: true; clock?: true; day?: true; bound?: '부터' | '까지' }
  | { kind: 'duration'; days?: true }
  | { kind: 'count'; counter: string; per?: string }
  | { kind: 'person' }
  | { kind: 'place'; country?: true }
  | { kind: 'reason' }
  | { kind: 'method' }
  | { kind: 'quote' }
  | { kind: 'name' }
  | { kind: 'org' }
  | { kind: 'score' }
  | { kind: 'rate' }
  | { kind: 'instance'; noun: string }
  | { kind: 'key' }
  | { kind: 'phone' }
  | { kind: 'cost' };

// 세(?!기|대): "몇 세기" asks for a time and "몇 세대" for households, not an age.
const COUNTERS =
  `${Object.keys(SPELLED_UNITS).join('|')}|경기|연승|연패|` +
  '명|개국|개월|개소|개|곳|군데|번째|번|차례|가지|척|대|권|편|마리|채|건|종|회|위|등급|등|층|호|배|인칭|인(?!가|지|데)|살|세대|가구|세(?!기|대)|년|월|일|시간|시즌|시|분(?!의)|초|주년|주|석|표|장|벌|그루|골|승|패|점|도(?!시)|톤|리터|보(?![다고여험도상호장건관내증기이])|mm|㎜|km|m|kg|g|선(?!수|거|택|물|생|발|정)';
const TIME_COUNTERS = new Set(['년', '월', '일', '시']);
// Nouns for a company, asked with 어디 or 어느 ("납품한 업체는 어디야?", "어느 출판사에서 나왔어?").
const COMPANY_NOUNS =
  '(회사|기업|업체|건설사|시공사|제조사|제작사|배급사|출판사|기획사|소속사|협력사|납품사|투자사|운영사|게임사|제약사|통신사|증권사)';
// A question about when something was said or announced: the date a news sentence gives its statement answers it.
const REPORT_QUESTION = /(발표|밝혔|밝힌|공개했|공개한|공시|알렸|알린|말했|말한|전했|보도|공식화)/;
const PEOPLE_COMING =
  /(사람|관객|관람객|방문객|손님|인파|승객|인원)(이|들이|들)?\s*얼마나\s*(왔|오|모였|모여|찾|다녀|몰렸|몰려|들었|참가|참여|이용|늘|줄)/;

/** Words for what a thing costs, asked of without 얼마 (cost row below): money and the charges. */
const COST_NOUNS = `(${['돈', ...CHARGE_NOUNS].join('|')})`;

/** A change asked of a sum (it rose, fell, grew or shrank by how much), or a rate of one (이익률). */
const MONEY_CHANGE =
  /(올랐|오르|올라|올려|내렸|내리|내려|인상|인하|늘었|늘어|늘려|줄었|줄어|줄여|상승|하락|떨어|뛰었|증가|감소|차이|(?<!환)[률율])/;

/** The counter (counters.ts COUNTER_CLASSES) a measure noun's value is written in. */
const MEASURE_COUNTERS: Record<string, string> = {
  키: 'cm',
  신장: 'cm',
  몸무게: 'kg',
  체중: 'kg',
  무게: 'kg',
  높이: 'm',
  길이: 'm',
  넓이: '㎡',
  면적: '㎡',
  속도: 'km/h',
  시속: 'km/h',
  기온: '도',
  온도: '도',
};

/** One question form: the pattern that recognises it and the answer kind it asks for.
 *  The first matching row wins, so specific forms come before general ones. */
interface QuestionForm {
  form: RegExp;
  type: (match: RegExpExecArray) => AnswerType;
  example: string;
}

// Short nouns need a word start: "정몽주가" is not 주가 (stock price).
const QUESTION_FORMS: QuestionForm[] = [
  // An age band asked with 어디 or 어느 ("제일 많이 걸리는 나이대가 어디야?") is an age, not a place.
  {
    form: /몇\s*살|나이는|나이가|연세|(나이|연령)(대|층)(가|는|은|이)?\s*(어디|어느|몇|뭐|어떻게)|(어느|어떤|무슨)\s*(나이|연령)(대|층)/,
    type: () => ({ kind: 'age' }),
    example: '그는 몇 살이야?',
  },
  // A measure asked by its noun ("키가 몇이야?", "높이는 얼마야?"): the answer gives it in one of its units,
  // which answer-forms.ts reads as counters (cm, kg, m, ㎡, km/h, 도).
  {
    form: new RegExp(
      `(?<![가-힣])(${Object.keys(MEASURE_COUNTERS).join('|')})(가|는|은|이|도)?\\s*(몇(?=이|인|\\s*[?？.]|\\s*$)|얼마(?!\\s*(나|동안)))`,
    ),
    type: (match) => ({ kind: 'count', counter: MEASURE_COUNTERS[match[1]!]! }),
    example: '그 선수 키가 몇이야?',
  },
  // A distance asked by its adverb ("얼마나 멀리 날아가?", "얼마나 멀어?", "거리가 얼마야?") is a length.
  {
    form: /얼마나\s*(멀리|멀어|먼|떨어져|떨어진)|거리(가|는|은)?\s*얼마(?!\s*(나|동안))/,
    type: () => ({ kind: 'count', counter: 'm' }),
    example: '얼마나 멀리 날아가?',
  },
  // A rate: nouns in 률/율 (상승률, 득표율, 점유율; not 법률, 선율, 자율, nor 환율, a price in won), 비율, 비중,
  // and 몇 % (spoken 몇 프로, 몇 퍼; not 몇 프로젝트). Its answer is a percentage, a multiple, a fraction or a batting average.
  {
    form: /[가-힣](?<!(법|규|선|운|자|계|음|환))(률|율|비중)(은|는|이|가|을|를)?(\s*(얼마|몇|어떻게|알려|좀)|\s*[?？]?\s*$)|몇\s*(%|퍼센트|프로(?!젝|그|필|듀|세|모|토|야구|선수|팀)|퍼(?![가-힣]))/,
    type: () => ({ kind: 'rate' }),
    example: '최종 득표율은?',
  },
  {
    // Money nouns: listed ones at a word start ("정몽주가" is not 주가; "X9 값" is a price, "값 톤당" one per
    // unit, below), compounds of 수입/이익… anywhere ("관광수입"), 재산 피해 (in won), and nouns ending in a fee or sum suffix:
    // 료 (이적료), 액 (피해액), 값 (아파트값), 팁 (배달팁), and in 금 or 비 after two syllables (지원금, 공사비;
    // not 지금, 준비).
    form: /(금액|액수|(^|\s)(돈|값(?!\s*[가-힣0-9]{0,3}당)|가격|연봉|시세|주가|몸값|상금|벌금|요금|세금|월세|투자금|적자|흑자|환율)|(분양|판매|출고|공시|매매|공급|입찰|낙찰|전세|매입)가|(수입|수익|이익|매출|예산|비용|손실|보상|배상)|재산\s*피해|투자\s*규모|[가-힣](료|액|값|팁)|[가-힣]{2}(금|비))[은는이가]?\s*(총\s*|최대\s*|최소\s*)?([가-힣0-9]{0,3}당\s*)?(최종적으로\s*|모두\s*)?얼마|몇\s*(십|백|천|만|억|조)*\s*(원|달러|유로|엔|위안)/,
    // "가격이 얼마나 올랐어?" asks for a change, which a percentage states; "가격 얼마야?" for a sum.
    type: (match) => (MONEY_CHANGE.test(match.input) ? { kind: 'money', change: true } : { kind: 'money' }),
    example: '매출은 얼마야?',
  },
  // A price per unit: "한 알에 얼마야?", "한 달에 얼마 내?", "1인당 얼마야?" ask for a sum of money for that unit
  // (`per`): a sentence with a sum for anything else (개발에 1,300억 원) does not answer.
  {
    // A unit things are priced by may stand bare a word or two before it ("급식 한 끼 내년엔 얼마로
    // 올라?"); not a length (한 변의 길이) nor a span of time (한 해 동안의 수입, 한 후 얼마만에).
    form: /(?:한|1|하나)\s*([가-힣]{1,3})에\s*얼마(?!나)|(?<![가-힣])(?:1|한)?\s*([가-힣]{1,3})당\s*얼마(?!나)|(?<![가-힣])한\s+(끼|그릇|잔|병|개|장|권|벌|마리|판|봉지|팩|박스|상자|알|달|해|명|번|회|톤|채|대|켤레)\s+(?!동안)(?:[가-힣]+\s+){0,2}얼마(?!나|만)/,
    type: (match) => ({ kind: 'money', per: match[1] ?? match[2] ?? match[3]! }),
    example: '한 알에 얼마야?',
  },
  // A price: "얼마에 팔아?", "얼마 내야 돼?", "얼마 벌었어?", "얼마 받고 판 거야?", "얼마 들였어?", "얼마에
  // 나와?", and buying before it, "본체만 사면 얼마예요?", ask for a sum of money whatever the noun.
  {
    form: /(사면|사려면|살\s*때|구입하면|구매하면|구입하려면|구매하려면)\s*(총\s*|모두\s*)?얼마(?!\s*(나|동안))|얼마(에|를|씩|나)?\s*(팔|판매|사|샀|산다|구매|구입|내놓|내놨|기부|후원|거래|낙찰|매각|인수|넘기|넘겼|내야|내면|내는|냈|내고|벌|번다|벌었|받고|받았|받아|받는|받을|받기로|들였|들여|들었|줬|주고)|얼마에\s*(나와|나오|나올|나온|나왔|출시|출고)/,
    type: () => ({ kind: 'money' }),
    example: '새 안경 얼마에 팔아?',
  },
  // A length of time: "얼마나 걸려", "며칠 동안", "몇 주간", "기간은"; a prison term ("징역 몇 년 받았어?").
  {
    form: /얼마\s*(나|동안)\s*(걸(?!러|렀|른|를)|지속|계속|머물|진행|쉬|기다|입원|재활|치료|복무|수감|운영|운행|버티|빨라|빠르|빨리|느려|느리|오래)|며칠\s*(동안|간|이나|만에|더)|몇\s*(시간|주|개월|년)\s*(동안|간|만에|이나|더)|몇\s*(개월|년)\s*(을|이나|형을?)?\s*(받|선고|구형|살았|복역)|기간은|기간이/,
    // "며칠 동안", "며칠 만에" ask a length in days: "3시간" does not answer it.
    type: (match) => (match[0].startsWith('며칠') ? { kind: 'duration', days: true } : { kind: 'duration' }),
    example: '공사는 얼마나 걸려?',
  },
  // People counted with 얼마나 ("관객 얼마나 몰렸대?"), read before 얼마 (an amount).
  { form: PEOPLE_COMING, type: () => ({ kind: 'count', counter: '명' }), example: '축제에 사람 얼마나 왔어?' },
  { form: /얼마/, type: () => ({ kind: 'amount' }), example: '사업 규모는 얼마야?' },
  // "참가자 수는?": the number of people a noun of persons (…자, …객, …원, …생, …민, …인) counts.
  {
    form: /[가-힣](자|객|원|생|민|인|명)\s*(수|숫자|규모)(는|가|를|은|\s*알려|\s*$|\?)/,
    type: () => ({ kind: 'count', counter: '명' }),
    example: '참가자 수는?',
  },
  // A result in points or strokes: golf's "63타", "9언더파", a match's "2-1"; not who scored them ("점수 제일 많이
  // 낸 선수 누구야?" asks a person).
  { form: /^(?!.*(누구|누가)).*(스코어|점수|타수|몇\s*타)/, type: () => ({ kind: 'score' }), example: '2라운드 스코어 알려줘' },
  // "몇 대 몇으로 끝났어?" asks for a match score, not a count of vehicles.
  { form: /몇\s*(대|:)\s*몇/, type: () => ({ kind: 'score' }), example: '몇 대 몇으로 끝났어?' },
  {
    form: new RegExp(`몇\\s*(${COUNTERS})`),
    // "몇 시" asks for the hour: a day or a year does not answer it.
    type: ({ 1: counter = '', input }) =>
      counter === '시'
        ? { kind: 'time', clock: true }
        : TIME_COUNTERS.has(counter)
          ? { kind: 'time' }
          : withPer({ kind: 'count', counter: SPELLED_UNITS[counter] ?? (/^연[승패]$/.test(counter) ? '경기' : counter) }, input),
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
  // A telephone number: "AS 전화번호 뭐예요?", "고객센터 번호 좀 알려주세요", "연락처 어디예요?".
  { form: /전화\s*번호|연락처|(센터|상담실|문의처)\s*(전화\s*)?번호/, type: () => ({ kind: 'phone' }), example: '센터 번호 알려줘' },
  // "며칠 지나면 안 돼요. 왜 그래요?": a question that asks 왜 asks for a reason, whatever time it names.
  // "뭐 때문에", "뭐 덕분이라고" (because of what) ask it as well, and so does a cause put to be confirmed
  // ("낡아서 터진 거래?": was it because it was old?).
  {
    form: /(^|\s)왜|어째서|무슨\s*이유|이유[는가]|원인[은이]|까닭|(뭐|무엇|뭣)\s*(때문|덕분|탓)|(아서|어서|해서|여서|와서|워서|봐서|돼서|줘서|져서|쳐서|려서|라서)\s+(?:[가-힣]+\s+){0,2}[가-힣]+\s*(거|건|것)(래|야|예요|에요|이에요|임|니|냐|인가요?|이야)?\s*[?？]?\s*$/,
    type: () => ({ kind: 'reason' }),
    example: '왜 연기됐어?',
  },
  // What someone said: news reports it as quoted speech ("이유가 뭐래?" asks the reason above).
  { form: /뭐라고|뭐라\s*(했|말|밝)|뭐래|무슨\s*말|어떤\s*말|소감/, type: () => ({ kind: 'quote' }), example: '감독은 뭐라고 했어?' },
  // "며칠에 태어났어?" asks for a day of the month, and "쉬는 날 언제야?" a day: a year ("2019년 이후") does not answer it.
  {
    form: /며칠(에|이야|이었|이에요|이었어|부터|까지|날|\s*[?？]|$)|(?<![가-힣])날(은|이)?\s*언제/,
    type: (match) => (REPORT_QUESTION.test(match.input) ? { kind: 'time', ofReport: true } : { kind: 'time', day: true }),
    example: '쌍둥이는 며칠에 태어났어?',
  },
  {
    // 언제나, 언제든 mean "always"; 날짜, 연도, 시기 ask for a time only as what is asked ("시기는?",
    // "연도는 언제"), not when they set the scene ("합당이 이루어지던 시기의 대통령은?").
    form: /언제(?!나|든|라도)|며칠|(날짜|연도|시기)(는|가|은|이|를|을)?\s*(언제|알려|[?？]|$)|몇\s*세기|어느\s*(해|달|날)/,
    // "언제부터 적용돼?" asks when something starts: the answer says from when ("내년 1월부터").
    type: (match) => {
      if (REPORT_QUESTION.test(match.input)) return { kind: 'time', ofReport: true };
      const bound = /언제\s*(부터|까지)/.exec(match.input)?.[1] as '부터' | '까지' | undefined;
      return bound ? { kind: 'time', bound } : { kind: 'time' };
    },
    example: '언제 출시됐어?',
  },
  {
    // "어떤 가수 와?", "어느 선수가": a person by their role. 누가 before "…까 봐" or a condition ("누가
    // 쳐다보면") is "someone" (누가 가져갈까 봐).
    form: /누구|누가(?![^?？]*(까\s?봐|[가-힣]면\s))|누군|(어느|어떤|무슨)\s*(분|사람|가수|배우|선수|감독|작가|화가|연예인|인물)|(사람|인물|분)의?\s*(이름|성함)/,
    type: () => ({ kind: 'person' }),
    example: '원장은 누구야?',
  },
  // A company asked with 어디 ("납품한 업체는 어디야?", "어느 회사"): the answer names it, not a place.
  {
    form: new RegExp(`${COMPANY_NOUNS}(는|가|은|이|를)?\\s*(어디|어느)|(어느|어떤|무슨)\\s*${COMPANY_NOUNS}`),
    type: () => ({ kind: 'org' }),
    example: '피해 보는 한국 회사는 어디야?',
  },
  // A country: "어느 나라 선수야?", "국적이 어디야?" need a country's name, not any place.
  { form: /(어느|무슨)\s*나라|국적/, type: () => ({ kind: 'place', country: true }), example: '그 선수는 어느 나라 출신이야?' },
  { form: /어디|어느\s*(곳|나라|지역|도시|장소)/, type: () => ({ kind: 'place' }), example: '행사는 어디서 열렸어?' },
  {
    form: /어떻게|어떡|방법|[는운]\s?법(?=$|[\s은이을?])|려면\s*[?？]?\s*$|하려면|어떤\s*식으로|절차/,
    type: () => ({ kind: 'method' }),
    example: '번호는 어떻게 넣어?',
  },
  // A thing's name ("칩 이름이 뭐야?"); a person's name is asked by the person row above.
  {
    form: /(이름|명칭|제품명|상품명|학명|제목|작품명|곡명)(이|은|는)?\s*((각각|정확히|대체|도대체|혹시)\s*)?(뭐|무엇|어떻게)/,
    type: () => ({ kind: 'name' }),
    example: '세균 이름이 뭐야?',
  },
  // Whether something costs, asked yes or no ("돈 따로 들어요?", "수수료 있어요?", "보관료 붙어요?"): a sum, 무료 or
  // "붙지 않습니다" answers it. Soft, since a page may say it costs nothing in many ways.
  {
    form: new RegExp(
      `(?<![가-힣])${COST_NOUNS}(도|은|는|이|가|을|를)?\\s*(따로|추가로|별도로|더|또)?\\s*(들어|드나|드는|든다|들까|있|나가|나와|붙|내야|내고|내나|내요|물어|받아|받나|받는|청구|부과)`,
    ),
    type: () => ({ kind: 'cost' }),
    example: '번호 옮기는데 수수료 있어요?',
  },
];

/** "경기당 평균 몇 점이야?", "1인당 몇 개": a count per unit, which a total (31점을 올렸다) does not state. Only
 *  a unit takes this 당: 정당, 식당 and 강당 are nouns. */
const PER_UNIT = /(?<![가-힣])(?:1|한)?\s*(경기|가구|세대|시간|개월|인|명|개|회|건|일|주|달|월|년|장|대|곳|마리|병|잔|판)당(?![가-힣])/;

function withPer(type: { kind: 'count'; counter: string }, question: string): AnswerType {
  const per = PER_UNIT.exec(question)?.[1] ?? (/평균/.test(question) ? '평균' : undefined);
  return per ? { ...type, per } : type;
}

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
  'phone',
]);

/** `news`: the sentence is from a dated article. A news report gives its reasons in so many words
 *  ("…때문", "…로 인해", "…해서"), puts the names of products, apps and works in quotation marks
 *  ('톡브릿지 2'), names companies by their trade (한성모터스) and people by a title or a bare name
 *  before its particle (서하윤이), so there a reason, a name, a company and a person are hard too;
 *  an encyclopedia tells causes in every shape and names things every way. */
const NEWS_HARD_KINDS = new Set<AnswerType['kind']>(['reason', 'name', 'org', 'person']);

export function isHardType(type: AnswerType, news = false): boolean {
  return HARD_KINDS.has(type.kind) || (news && (NEWS_HARD_KINDS.has(type.kind) || (type.kind === 'place' && type.country === true)));
}

export function expectedAnswerType(question: string): AnswerType | undefined {
  // A question word inside an embedded question ("몇 번째 순서인지", "몇 시에 드나들었는지") belongs to
  // the main verb's object: the main clause asks its own question ("…어디서 봐요?"), or yes or no
  // ("…파일로 뽑을 수 있어요?"), unless it only asks to be told ("…는지 알려줘", "…인지 궁금해").
  const embedded = EMBEDDED_QUESTION.exec(question);
  if (embedded) {
    const main = question.slice(embedded[0].length);
    const asked = typeOf(main);
    if (asked || !ASKS_TO_BE_TOLD.test(main)) return asked;
  }
  return typeOf(question);
}

function typeOf(question: string): AnswerType | undefined {
  for (const row of QUESTION_FORMS) {
    const match = row.form.exec(question);
    if (match) return row.type(match);
  }
  return undefined;
}

const EMBEDDED_QUESTION = /^[^?？]*?[가-힣](는지|은지|던지|인지|었는지|았는지|였는지|했는지|될지|할지|을지)\s+(?=\S)/;
const ASKS_TO_BE_TOLD = /알려|궁금|모르|몰라|말해|가르쳐|설명해|확인해\s*줘|^(혹시\s*)?(알아|아세요|알아요|아니)|나와\s*있|적혀\s*있/;
