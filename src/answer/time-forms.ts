// What a sentence holds when it answers a time question (answer-type.ts): a date or a time word, a day of the
// month, an hour, a limit an event sets; statement dates and "when" clauses taken out first.
import { hasRieulBatchim } from '../text/tokens.js';
import type { AnswerType } from './answer-type.js';

// A time is a number with a time unit or a dotted date, a time word, or a period or deadline a help page
// gives (6개월마다, 교체 주기는 6개월, 5분 이내, 30분 동안만 유효). A bare digit is not ("S6 엣지" holds none).
export const TIME_ANSWER =
  /[가-힣0-9]\s때(?![가-힣])|[가-힣0-9]\s때(부터|까지|에|의|는|엔)|(대|세기|시대|왕조|조선|고려|신라|백제|임기|재위)\s*(초|중|말)기(?![가-힣])|(초|중|말)기(에|의|부터|까지)|정오|자정|\d\s*(년|월|일|영업일|시|분기|세기|년대|주년|일자|학년도|회계연도)|\d{4}\s*[.\-/]\s*\d{1,2}|\d{1,2}\s*[./]\s*\d{1,2}\s*[.)]|(^|[^가-힣])(올해|작년|지난해|지난달|지난주|내년|어제|오늘|그제|내일|그날|당일|이날|이튿날|이듬해|오전|오후|새벽|연말|연초|초순|중순|하순|상반기|하반기|분기|무렵|당시|시절|시대|직후|직전|요일|주말|평일|매주|매일|매달|매년)|[월화수목금토일]요일|(\d|[가-힣])(세기|년대)|(?<![\d.,])\d[\d,.]*\s*(개월|주|년|일|시간|분)\s*(마다|이내|안에|내에|동안만?\s*유효)|주기(는|가)?\s*(약\s*)?\d/;
// "언제까지?" is answered by a limit an event sets: "탄산화 단계가 시작되기 전까지", "다 마실 때까지".
const UNTIL_EVENT = /[가-힣]기\s*전까지|[가-힣]\s때까지/;
// A day of the month: "19일", "지난달 19일", "이날", "6/19"; not a decimal with its unit ("2.8mg").
const DAY_ANSWER =
  /\d\s*일(?![가-힣])|\d\s*일(에|부터|까지|께|쯤|경|로|이|은|는|의|과|와)|(오늘|어제|그제|그저께|내일|모레|이날|당일|그날|이튿날|[월화수목금토일]요일|주말|평일)|(?<![\d.,])\d{1,2}\s*[./]\s*\d{1,2}(?![\d.,%]|\s*[A-Za-z㎎㎏℃])/;
// An hour of the day: "오전 7시 40분쯤", "오후 3시", "14:30", "자정".
const CLOCK_ANSWER = /\d\s*시(?!간|즌|설|장|청|민|의회)|오전|오후|새벽|정오|자정|\d{1,2}:\d{2}/;
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

/** Whether a sentence answers a time question of the kind `type` (not one about when the news was told). */
export function answersTime(sentence: string, type: Extract<AnswerType, { kind: 'time' }>): boolean {
  if (type.clock) return CLOCK_ANSWER.test(sentence);
  if (type.day) return DAY_ANSWER.test(withoutReportDates(sentence));
  if (type.bound === '까지' && UNTIL_EVENT.test(sentence)) return true;
  return TIME_ANSWER.test(withoutWhenClauses(withoutReportDates(sentence)));
}
