// What kind of answer a question asks for, from its question word, and whether a
// sentence can hold such an answer. "얼마야?" needs an amount, "몇 명?" a number of
// people and "언제?" a time: a sentence that shares the question's words but holds no
// such thing does not answer it. This is how the extractive answerer tells "the article
// mentions Naver Cloud" from "the article gives Naver Cloud's revenue".

export type AnswerType = { kind: 'money' } | { kind: 'amount' } | { kind: 'age' } | { kind: 'time' } | { kind: 'count'; counter: string };

// Sino-Korean numeral syllables (일, 이, 구 …) are left out: they hide inside ordinary
// words ("연구원" would read as 9 won).
const NUMBER = String.raw`(\d[\d,.]*|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무|서른|마흔|쉰|수십|수백|수천|수만|여러|몇)`;
// 세(?!기): "몇 세기" asks for a time, not an age.
const COUNTERS = '명|개국|개월|개|곳|번째|번|차례|가지|척|대|권|편|마리|채|건|종|회|위|등급|등|층|호|배|인칭|인|살|세(?!기)|년|월|일|시간|시|분|초|주|석|표|장|벌|그루|골|승|패|점|km|m|kg|g';

// Short nouns need a word start: "정몽주가" is not 주가 (stock price).
// Money when a money noun is what "얼마" asks about ("매출은 얼마야?"), not just mentioned.
const MONEY_QUESTION = /(금액|액수|(^|\s)(가격|매출|예산|비용|연봉|시세|주가|몸값|상금|투자금))[은는이가]?\s*(총\s*)?얼마|몇\s*(원|달러)/;
// "5천만 원", "3조 2천억 원": a number may carry several place units before the currency.
const MONEY_ANSWER = new RegExp(String.raw`${NUMBER}(\s*(만|천|백|십|억|조)|\s*\d[\d,.]*)*\s*(원|달러|엔|유로|위안|파운드|%|퍼센트|배)|무료|공짜`);
const AMOUNT_QUESTION = /얼마/;
const AGE_QUESTION = /몇\s*살|나이는|나이가|연세/;
const AGE_ANSWER = /\d+\s*(살|세(?!기|대|계|금|력|션))|\d+대\s*(초|중|후)반/;
const TIME_QUESTION = /언제|몇\s*(년|월|일|시)|며칠|날짜|연도|시기|몇\s*세기/;
const TIME_ANSWER = /\d|세기|시대|년대|올해|작년|지난해|지난달|지난주|내년|어제|오늘|그날|당일|이듬해|오전|오후|새벽|연말|연초|초반|중반|후반|무렵|당시|요일|주말|평일|매주|매일|매달|매년/;
const COUNT_QUESTION = new RegExp(`몇\\s*(${COUNTERS})`);

// Counters that answer for one another: "몇 명" → "3인", "몇 개" → "9가지".
const COUNTER_CLASSES: Record<string, string> = { 명: '명|인', 인: '명|인', 개: '개|가지|종|곳|단지', 가지: '개|가지|종', 번: '번|차례|회|번째|째|호', 번째: '번째|째|호', 채: '채|척', 척: '채|척', 차례: '번|차례|회', 회: '번|차례|회' };

export function expectedAnswerType(question: string): AnswerType | undefined {
  if (AGE_QUESTION.test(question)) return { kind: 'age' };
  if (MONEY_QUESTION.test(question)) return { kind: 'money' };
  if (AMOUNT_QUESTION.test(question)) return { kind: 'amount' };
  const count = COUNT_QUESTION.exec(question);
  if (count) return ['년', '월', '일', '시'].includes(count[1]!) ? { kind: 'time' } : { kind: 'count', counter: count[1]! };
  if (TIME_QUESTION.test(question)) return { kind: 'time' };
  return undefined;
}

/** True when the sentence holds something of the asked kind: for "몇 명", a number of 명. */
export function canAnswerType(sentence: string, type: AnswerType): boolean {
  switch (type.kind) {
    case 'money':
      return MONEY_ANSWER.test(sentence);
    case 'amount':
      return new RegExp(NUMBER).test(sentence);
    case 'age':
      return AGE_ANSWER.test(sentence);
    case 'time':
      return TIME_ANSWER.test(sentence);
    case 'count':
      // "870만 종" may drop its counter ("870만"); a large round number counts too.
      return new RegExp(`${NUMBER}\\s*(만|천|백|십)?\\s*(여|남짓)?\\s*(${COUNTER_CLASSES[type.counter] ?? type.counter})|\\d\\s*(만|천|백|억)|첫`).test(sentence.replace(/몇/g, ''));
  }
}
