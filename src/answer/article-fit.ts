// Whether an article can report what a question asks of time and side: the months and rounds the
// question names ("6월", "3차전") must be in a news article, its headline must not name another
// period of the series, and it must not report only the other side of a division the question
// names ("여자부"); the sentence itself must not name only the other end of a pair the question
// names ("첫 출발편" for "마지막 비행기", "문을 연다" for "쉬는 날"), nor give only days of another month
// than the one a "며칠" question names; asked when an event happens (완공, 선포), a news sentence (or the
// one before it) must name the event, not give the time of another; asked about last year or the year
// before, a news sentence (or the one before it) must say that year, and asked about last season the
// sentence itself must say it; a sentence naming only another quarter or month than the question's
// (other than to compare with it) does not fit; asked in the past tense when something happened, a
// news sentence whose every time is after the report tells a plan, and asked when the next of a series is
// (다음 경기), one whose every time is up to the report tells the last. Used for the sentence an answer
// opens with and for one it adds from another article.
import { headlineNamesOtherTime, impliedRoundUnits, timeUnitTerms } from '../text/time-terms.js';
import { askedEnds, askedSides, namesOtherEnd, namesOtherSide } from '../text/contrast-words.js';
import { moneyNouns, statesOtherSum } from '../text/money-nouns.js';
import { analyze, isQuestionWord } from '../text/tokens.js';
import { decompose, FINAL } from '../text/hangul.js';
import type { AnswerType } from './answer-type.js';
import { holdsWord } from './missing-words.js';
import { findTimeExpressions } from '../text/temporal.js';
import type { DateRange } from '../text/temporal-calendar.js';
import { passageTerms, titleTerms, type Candidate } from './candidates.js';

/** A predicate on candidates: their article fits the question's times and sides (`type`: the
 *  question's expectedAnswerType, which its caller has read already). An undated
 *  (encyclopedia) passage need not repeat the year its article states elsewhere: requiring it cost
 *  0.6 points of KorQuAD gold. */
export function articleFit(question: string, candidates: Candidate[], type: AnswerType | undefined): (candidate: Candidate) => boolean {
  const queryTerms = analyze(question, { query: true });
  const units = timeUnitTerms(queryTerms);
  const headlineUnits = [...units, ...impliedRoundUnits(question)];
  // An article names a unit when any of its retrieved passages (or its headline) does; only
  // the question's few units are looked up, not the passages' whole vocabulary.
  const unitsOf = new Map<string, Set<string>>();
  for (const candidate of candidates) {
    for (const unit of units) {
      if (!candidate.context.has(unit)) continue;
      const found = unitsOf.get(candidate.hit.article.id) ?? new Set<string>();
      unitsOf.set(candidate.hit.article.id, found.add(unit));
    }
  }
  // A division or half the question names ("여자부", "후반"): an article that names only another
  // side of it reports that other side.
  const sides = askedSides(new Set(queryTerms));
  const otherSide = new Map<string, boolean>();
  if (sides.length > 0)
    for (const id of new Set(candidates.map((candidate) => candidate.hit.article.id)))
      otherSide.set(id, namesOtherSide(sides, passageTerms(candidates, id)));
  // The pairs the question names an end of, and the sums it names: read once, tested per sentence.
  const ends = askedEnds(question);
  const sums = moneyNouns(question);
  const month = askedDayMonth(question);
  const event = type?.kind === 'time' ? askedEvent(question) : undefined;
  const yearsAgo = asksYearsAgo(question);
  const past = type?.kind === 'time' && asksPast(question);
  const next = type?.kind === 'time' && asksNextEvent(question);
  const lastSeason = asksLastSeason(question);
  return (candidate: Candidate) =>
    !(past && candidate.hit.article.date && onlyFutureTimes(candidate.text, candidate.hit.article.date)) &&
    !(next && candidate.hit.article.date && onlyPastTimes(candidate.text, candidate.hit.article.date)) &&
    !(
      yearsAgo > 0 &&
      candidate.hit.article.date &&
      !saysYearsAgo(candidate.text, candidate.hit.article.date, yearsAgo) &&
      // The sentence before may say the year for one that goes on without its own ("이 가운데 …"), not for
      // one that names another ("10년 전인 2015년에는 …").
      (NAMES_YEAR.test(candidate.text) || !saysYearsAgo(candidate.previous?.text ?? '', candidate.hit.article.date, yearsAgo))
    ) &&
    !(lastSeason && candidate.hit.article.date && !saysLastSeason(candidate.text)) &&
    (!candidate.hit.article.date || units.every((unit) => unitsOf.get(candidate.hit.article.id)?.has(unit))) &&
    !otherSide.get(candidate.hit.article.id) &&
    !namesOtherEnd(ends, candidate.text) &&
    (event === undefined ||
      !candidate.hit.article.date ||
      holdsWord(candidate.terms, event) ||
      (candidate.previous !== undefined && holdsWord(candidate.previous.terms, event))) &&
    !statesOtherSum(sums, candidate.text) &&
    !(month !== undefined && candidate.hit.article.date && daysOnlyInOtherMonths(candidate.text, candidate.hit.article.date, month)) &&
    // Only dated articles (news) report one period of a series; a sentence naming only another
    // quarter or month ("4분기에는 …" for "3분기") tells of that one.
    !(candidate.hit.article.date && headlineNamesOtherTime(headlineUnits, titleTerms(candidate.hit.article.title))) &&
    !(candidate.hit.article.date && units.length > 0 && headlineNamesOtherTime(units, periodTerms(candidate)));
}

// The words that compare with what comes before them ("지난 시즌보다", "10월 대비").
const COMPARISON = String.raw`(보다|대비|에\s*비해|과\s*비교)`;

/** A month or quarter a sentence compares with ("10월보다 15% 줄었다") is not the one it reports. */
const COMPARED_PERIOD = new RegExp(String.raw`\d{1,2}\s*(월|분기)(?=\s*${COMPARISON})`, 'g');

/** The sentence's terms without the periods it only compares with. */
function periodTerms(candidate: Candidate): Iterable<string> {
  const own = candidate.text.replace(COMPARED_PERIOD, ' ');
  return own === candidate.text ? candidate.terms : analyze(own, { joinCompounds: false });
}

/** How many years back a question asks about: 1 for last year ("작년엔 몇 편 상영했어?"), 2 for the year
 *  before (재작년); 0 when it asks this year as well or compares this year with the last ("작년이랑 비교하면
 *  얼마나 올랐어?"). */
export function asksYearsAgo(question: string): number {
  if (/올해|금년|이번|(작년|지난해|전년)\s*(이랑|랑|보다|에\s*비해|대비|과|와|하고)/.test(question)) return 0;
  if (/재작년|2\s*년\s*전/.test(question)) return 2;
  return /작년|지난해|전년/.test(question) ? 1 : 0;
}

/** Whether a news sentence says that year (`years` back from the article's), in words or as a number,
 *  other than to compare this year with it ("지난해보다 21% 늘었다"): one that says none reports the
 *  article's own year. */
export function saysYearsAgo(sentence: string, articleDate: string, years: number): boolean {
  const year = Number(articleDate.slice(0, 4)) - years;
  // A season of a sports league is a year: 작년 asks of 지난 시즌.
  const words = years === 1 ? '(?<!재)작년|지난해|전년|(1\\s*년|한\\s*해)\\s*전|(지난|전)\\s*시즌' : '재작년|2\\s*년\\s*전';
  return new RegExp(`(${words}|${year}년)(?!\\s*(보다|대비|에\\s*비해))`).test(sentence);
}

// The season or tournament before the one a sports report covers, and the words that compare with it.
const LAST_SEASON = /(지난|전)\s*(시즌|대회)/;
const COMPARED = new RegExp(String.raw`^\s*${COMPARISON}`);

/** A question about last season ("박서진 지난 시즌에 총 몇 점 냈어?"), not comparing this one with it. */
export function asksLastSeason(question: string): boolean {
  const match = LAST_SEASON.exec(question);
  return match !== null && !COMPARED.test(question.slice(match.index + match[0].length));
}

/** Whether a sentence says last season other than to compare with it: the report of this season's
 *  opener (its 29득점) does not answer for the last. */
export function saysLastSeason(sentence: string): boolean {
  return [...sentence.matchAll(new RegExp(LAST_SEASON, 'g'))].some(
    (match) => !COMPARED.test(sentence.slice(match.index + match[0].length)),
  );
}

const NAMES_YEAR = /\d{4}\s*년|\d+\s*년\s*전|올해|지난해|작년|내년|전년|이듬해/;

/** A question whose closing predicate is in the past tense (올렸어, 열렸어, 출시됐어, 있었어: a final ㅆ);
 *  not 있다 itself (받을 수 있어?) nor the 겠 of intent (하겠대), whose ㅆ is no tense. */
export function asksPast(question: string): boolean {
  const last = question.match(/[가-힣]+/g)?.at(-1) ?? '';
  return [...last].some((syllable) => syllable !== '있' && syllable !== '겠' && decompose(syllable)?.final === FINAL.ssangsios);
}

/** A news sentence whose every time is after the report ("오는 2027년까지 … 쏘아 올릴 계획"): it tells a
 *  plan, not when something that has happened did. */
export function onlyFutureTimes(sentence: string, articleDate: string): boolean {
  const ranges = resolvedRanges(sentence, articleDate);
  return ranges.length > 0 && ranges.every((range) => range.from > articleDate);
}

/** The date ranges of a sentence's times, resolved against its article's date. */
function resolvedRanges(sentence: string, articleDate: string): DateRange[] {
  return findTimeExpressions(sentence, articleDate).flatMap((expression) => (expression.range ? [expression.range] : []));
}

/** A question about the next of a series of events ("다음 경기 언제야?"): a report of the last one does not
 *  answer it. */
export function asksNextEvent(question: string): boolean {
  return /다음\s*(경기|시합|대회|라운드|회의|회차|공연|전시|행사|일정|재판|공판|선거)/.test(question);
}

/** A news sentence whose every time is before the report or its day ("지난 10일 … 열린 경기에서", "이날"): it
 *  tells what has happened, not what comes next. */
export function onlyPastTimes(sentence: string, articleDate: string): boolean {
  const ranges = resolvedRanges(sentence, articleDate);
  return ranges.length > 0 && ranges.every((range) => range.to <= articleDate);
}

/** The month a question asks a day of ("9월 며칠에 해?" → 9), if it does. */
export function askedDayMonth(question: string): number | undefined {
  if (!/(며칠|몇\s*일)(?!\s*(동안|간|만에|째|이나))/.test(question)) return undefined;
  const month = /(?<!\d)(\d{1,2})\s*월/.exec(question)?.[1];
  return month !== undefined ? Number(month) : undefined;
}

/** True when every day the sentence names falls in another month than `month` (the article's date
 *  resolves "지난 7일"): a June report's "지난 7일" does not answer "9월 며칠에 해?". */
export function daysOnlyInOtherMonths(sentence: string, articleDate: string, month: number): boolean {
  const days = findTimeExpressions(sentence, articleDate).filter(
    (expression) => (expression.kind === 'day' || expression.kind === 'date') && expression.range !== undefined,
  );
  const inMonth = (iso: string) => Number(iso.slice(5, 7)) === month;
  return days.length > 0 && days.every((expression) => !inMonth(expression.range!.from) && !inMonth(expression.range!.to));
}

/** The event a "when" question asks the time of, as a verbal noun (완공, 선포, 출시): "언제 완공돼요?". */
export function askedEvent(question: string): string | undefined {
  const event = /([가-힣]{2,})(돼|되|됐|된|했|하|해|할)[가-힣]*\s*[?？]?\s*$/.exec(question)?.[1];
  // Verbs of taking effect or happening say nothing of what ("언제부터 적용돼요?" ~ "1월부터 오른다"), and a
  // question word run onto 하다 ("취임은 언제해?") is none.
  return event !== undefined && !GENERIC_EVENTS.has(event) && !isQuestionWord(event) ? event : undefined;
}

const GENERIC_EVENTS = new Set(['적용', '시작', '진행', '시행', '실시', '결정', '확정', '예정', '마무리', '완료', '종료']);
