// Time and figures in answer choice: among look-alike articles (the same statistic each month, a
// first report and its update) the one the question's time asks for; within an article, the report's
// own figure over last year's, the cap a 최대 question asks over another figure and the time of the event a
// 언제 question names over another time; and the full date
// an answer states for a quote that says only "18일" or "지난달".
import { findTimeExpressions, formatKoreanDate, timeIntent } from '../text/temporal.js';
import { titleTerms, type Candidate } from './candidates.js';
import { sameSubject as sameHeadlineSubject } from '../text/title-subject.js';
import type { AnswerType } from './answer-type.js';
import { canAnswerType } from './answer-forms.js';
import { RELATIVE_YEARS } from '../text/temporal-tables.js';
import { FEATURES } from './sentence-model.js';
import { hasBatchim } from '../text/tokens.js';

/** How far (in model score) a look-alike article's sentence may trail the best one and
 *  still be preferred for being newer: about a factor of e in probability. */
const LOOKALIKE_MARGIN = 1;

/** Two candidates' articles are look-alikes (text/title-subject.ts). */
function sameSubject(a: Candidate, b: Candidate): boolean {
  return sameHeadlineSubject(titleTerms(a.hit.article.title), titleTerms(b.hit.article.title));
}

/**
 * Among look-alike articles that answer about equally well, the one the question's time
 * asks for: the newest for "최근/현재/지금/최종" or when the question names no time (a
 * correction or the latest figure beats the first report), the oldest for "처음/당초".
 * A question that names its time ("6월", "2차전") already picked its article by that term. A newer
 * sentence that shares none of the question's words tells another event of the story (the water came
 * back, for a question about when the pipe burst): it is no update of the answer.
 */
export function preferByTime(question: string, best: Candidate, eligible: Candidate[]): Candidate {
  const intent = timeIntent(question);
  const namesTime = findTimeExpressions(question).some((expression) => expression.kind !== 'period');
  if ((namesTime && !intent) || !best.hit.article.date) return best;
  const rivals = eligible.filter(
    (candidate) =>
      candidate.hit.article.id !== best.hit.article.id &&
      candidate.hit.article.date !== undefined &&
      best.score - candidate.score <= LOOKALIKE_MARGIN &&
      sharesQuestionWord(candidate) &&
      sameSubject(candidate, best),
  );
  let chosen = best;
  for (const rival of rivals) {
    const newer = rival.hit.article.date! > chosen.hit.article.date!;
    if (intent === 'earliest' ? !newer : newer) chosen = rival;
  }
  return chosen;
}

/** A question word in the sentence, itself or as a related word ("다친 사람" ~ "부상자": FEATURES' `related`). */
function sharesQuestionWord(candidate: Candidate): boolean {
  return candidate.coverage > 0 || candidate.features[RELATED_FEATURE]! > 0;
}

const RELATED_FEATURE = FEATURES.indexOf('related');

// The kinds a report states a figure of, this year's and last year's side by side.
export const FIGURE_KINDS = new Set<AnswerType['kind']>(['count', 'amount', 'money', 'rate']);

// The words that ask a cap or a floor, and how far (in model score) a sentence that states one may trail:
// measured at 1 (no change), 2, 4 and 8 (news-check18 +1 each, no answer lost).
const LIMIT_WORD = /최대|최고|최소|최저/;
const LIMIT_MARGIN = 4;

// Last year's figure for the same period, stated as such ("지난해 같은 기간 … 31%였다", "전년 동기에는"),
// not as the base of a comparison ("지난해 같은 기간보다 18% 늘었다").
const SAME_PERIOD_LAST_YEAR = /(지난해|작년|전년)\s*(같은\s*(기간|달|분기)|동기|동월|이맘때)(?!\s*(보다|대비|에\s*비해|比))/;

/**
 * A figure asked with no year ("3분기 해외 비중이 몇 %야?") is the report's own: over a sentence that states
 * last year's for the same period, a sentence of the same article that states the asked kind and not
 * last year's.
 */
export function preferReportYear(question: string, type: AnswerType | undefined, first: Candidate, eligible: Candidate[]): Candidate {
  if (!first.hit.article.date || !type || !FIGURE_KINDS.has(type.kind) || !SAME_PERIOD_LAST_YEAR.test(first.text)) return first;
  // A question that names a year may ask last year's; a quarter or a month ("3분기") is the report's.
  if (/작년|지난해|전년|\d{4}\s*년/.test(question)) return first;
  return (
    eligible.find((candidate) => candidate.hit.article.id === first.hit.article.id && !SAME_PERIOD_LAST_YEAR.test(candidate.text)) ?? first
  );
}

/**
 * "최대 얼마까지 받아?" asks the cap: a sentence of the same article that states the asked kind with the
 * question's limit word (월 최대 20만원) over one that states another figure, when it trails by no more
 * than LIMIT_MARGIN.
 */
export function preferLimit(question: string, type: AnswerType | undefined, first: Candidate, eligible: Candidate[]): Candidate {
  const limit = LIMIT_WORD.exec(question)?.[0];
  if (!limit || !type || !FIGURE_KINDS.has(type.kind) || first.text.includes(limit)) return first;
  return (
    eligible.find(
      (candidate) =>
        candidate.hit.article.id === first.hit.article.id &&
        first.score - candidate.score <= LIMIT_MARGIN &&
        candidate.text.includes(limit) &&
        canAnswerType(candidate.text, type, question),
    ) ?? first
  );
}

/**
 * The resolved date of the first quote's time expression, stated once after the answer:
 * Korean news writes "18일", "지난달 30일", "이날", leaving month and year to the article's
 * date. For a time question any expression that resolves to a day counts; otherwise only
 * those that leave out their month.
 */
export function dateNote(quote: string, articleDate: string | undefined, timeQuestion: boolean): string | undefined {
  if (!articleDate) return undefined;
  for (const expression of findTimeExpressions(quote, articleDate)) {
    const range = expression.range;
    if (!range || expression.kind === 'period' || expression.kind === 'ordinal') continue;
    const dayLike = expression.kind === 'day' || expression.kind === 'relative' || expression.kind === 'week';
    if (!dayLike && !(timeQuestion && expression.kind === 'date')) continue;
    const resolved = formatKoreanDate(range);
    if (resolved.replace(/\s/g, '') === expression.text.replace(/\s/g, '')) continue;
    // The topic particle after the quoted words: ‘18일’은, ‘13일까지’는, ‘지난주’는.
    const particle = /[가-힣]$/.test(expression.text) && !hasBatchim(expression.text.slice(-1)) ? '는' : '은';
    return `(기사 날짜 기준 ‘${expression.text}’${particle} ${resolved})`;
  }
  return undefined;
}

/** A sentence of a look-alike article of another date: the same statistic for another month,
 *  the same company's other quarter. Quoted beside the answer, it mixes two times unsaid. */
export function isOtherTimeLookalike(candidate: Candidate, first: Candidate): boolean {
  const { date } = candidate.hit.article;
  const firstDate = first.hit.article.date;
  return (
    candidate.hit.article.id !== first.hit.article.id &&
    date !== undefined &&
    firstDate !== undefined &&
    date !== firstDate &&
    sameSubject(candidate, first)
  );
}

/** A noun made a verb by 하다 or 되다 right after 언제 ("언제부터 시행돼?" → 시행, "언제 개통했어?" → 개통). */
const EVENT_AFTER_WHEN = /언제(?:부터|까지|쯤)?\s+([가-힣]{2,})(?:됐|되|돼|된|됩|했|하|해|한|합)/;
/** …or the topic right before 언제 ("취임은 언제해?" → 취임). */
const EVENT_BEFORE_WHEN = /([가-힣]{2,})(?:은|는)\s+언제/;

/** The year a 언제 question names by a word that counts from the report's year ("내년엔 언제 열려?"): that
 *  word or any other for it (작년 ~ 지난해), or the year's number ("2027년"). */
function askedYear(question: string, reportDate: string): RegExp | undefined {
  const word = Object.keys(RELATIVE_YEARS).find((name) => new RegExp(`(?<![가-힣])${name}(?!도)`).test(question));
  if (!word) return undefined;
  const { offset } = RELATIVE_YEARS[word]!;
  const same = Object.keys(RELATIVE_YEARS).filter((name) => RELATIVE_YEARS[name]!.offset === offset);
  return new RegExp(`(?<![가-힣])(${same.join('|')})|${Number(reportDate.slice(0, 4)) + offset}년`);
}

/**
 * "내년엔 언제 열려?" asks a time in the year it names: in the news, a sentence of the same article that names
 * that year ("내년 제16회 축제를 2027년 10월 16일부터") over an opening whose time is another ("올해로 15회째").
 * "조례 언제부터 시행돼?" asks the time of one event, 시행: in the news, a sentence of the same article that
 * names the event with its time ("조례는 오는 3월 1일부터 시행된다") over an opening that holds another
 * time and not the event ("지난해 접수된 민원은 …"), when it trails by no more than `margin`.
 */
export function preferEventTime(
  question: string,
  type: AnswerType | undefined,
  first: Candidate,
  eligible: Candidate[],
  margin: number,
): Candidate {
  if (type?.kind !== 'time' || !first.hit.article.date) return first;
  const year = askedYear(question, first.hit.article.date);
  if (year && !year.test(first.text)) {
    const yearWords = new RegExp(year.source, 'g');
    const named = eligible.find(
      (candidate) =>
        candidate.hit.article.id === first.hit.article.id &&
        first.score - candidate.score <= margin &&
        year.test(candidate.text) &&
        // A time beyond the year word itself: "내년에는 무대를 늘린다" does not say when in that year.
        canAnswerType(candidate.text.replace(yearWords, ' '), type),
    );
    if (named) return named;
  }
  const event = (EVENT_AFTER_WHEN.exec(question) ?? EVENT_BEFORE_WHEN.exec(question))?.[1];
  const bound = type.bound ?? '';
  if (!event || first.text.includes(event)) return first;
  return (
    eligible.find(
      (candidate) =>
        candidate.hit.article.id === first.hit.article.id &&
        first.score - candidate.score <= margin &&
        candidate.text.includes(event) &&
        candidate.text.includes(bound),
    ) ?? first
  );
}
