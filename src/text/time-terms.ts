// Index terms that a passage's time expressions stand for once resolved against its
// article's date: "지난달" in an article of 2025-07-15 is 6월, "이날" is 7월 15일. A question
// that names "6월" then finds the passage although the passage never writes "6월".
import { createRecentCache } from './recent-cache.js';
import type { DateRange } from './temporal-calendar.js';
import { findTimeExpressions } from './temporal.js';

const RESOLVING_KINDS = new Set(['relative', 'day', 'week']);

function monthOf(range: DateRange): string | undefined {
  const [fromYear, fromMonth] = range.from.split('-');
  const [toYear, toMonth] = range.to.split('-');
  if (fromYear !== toYear || fromMonth !== toMonth) return undefined;
  return `${Number(fromMonth)}월`;
}

/**
 * Month terms ("6월", the analyzer's own form for a number with 월) for the passage's
 * relative time expressions and bare days, resolved against `articleDate`. Expressions
 * that already name their month add nothing: the analyzer indexes "6월" itself.
 */
export function monthTermsOf(text: string, articleDate: string | undefined): string[] {
  if (!articleDate) return [];
  const terms = new Set<string>();
  for (const expression of findTimeExpressions(text, articleDate)) {
    if (!RESOLVING_KINDS.has(expression.kind) || !expression.range) continue;
    const month = monthOf(expression.range);
    if (month) terms.add(month);
  }
  return [...terms];
}

/** Passages kept resolved: answering asks for the same retrieved passages again and again. */
const DEFAULT_CAPACITY = 4096;

/** `monthTermsOf` remembering the `capacity` most recently used passages; for text seen once
 *  (every chunk at ingest) call `monthTermsOf` itself, which only churns a cache. */
export function createMonthTermResolver(capacity = DEFAULT_CAPACITY): (text: string, articleDate: string | undefined) => string[] {
  const cache = createRecentCache<string[]>(capacity);
  return (text, articleDate) => (articleDate ? cache.get(`${articleDate}\u0000${text}`, () => monthTermsOf(text, articleDate)) : []);
}

// A number with a unit of time or of a series ("6월", "2분기", "3차전", "2라운드", "2025년"):
// what look-alike articles (the same statistic each month, each round) differ by. A year has four
// digits: "1년에 몇 톤씩", "3년 전" count years, they name none.
const TIME_UNIT_TERM = /^(\d+(월|분기|차전|라운드|회차)|\d{4}년)$/;

/** The analyzer's time-unit terms among `terms`. */
export function timeUnitTerms(terms: Iterable<string>): string[] {
  return [...new Set([...terms].filter((term) => TIME_UNIT_TERM.test(term)))];
}

/** The last round, whatever its number: a report of "2라운드" is not it unless it says 최종. */
export const FINAL_ROUND = '최종라운드';

// Days of a tournament are its rounds: golf and the like play one round a day, so the
// question's "첫날" is the article's "1라운드" ("김나래는 첫날 몇 타 쳤어?").
const DAY_ROUNDS: readonly [RegExp, string][] = [
  [/첫날|첫째\s*날/, '1라운드'],
  [/둘째\s*날|이튿날/, '2라운드'],
  [/셋째\s*날|사흘째/, '3라운드'],
  [/넷째\s*날|나흘째/, '4라운드'],
  [/(최종|마지막)\s*(라운드|날)|최종일/, FINAL_ROUND],
];

/**
 * The rounds a question names as days ("첫날" → "1라운드"). They only tell look-alike headlines
 * apart (a "2라운드" report does not answer "첫날"); an article without rounds (a festival's
 * first day) need not name them.
 */
export function impliedRoundUnits(question: string): string[] {
  return DAY_ROUNDS.filter(([form]) => form.test(question)).map(([, round]) => round);
}

/** The unit of a time-unit term: "6월" → "월", "2차전" → "차전". */
const unitOf = (term: string) => term.replace(/^\d+/, '');

/**
 * True when a headline names a month, quarter or round the question names a different one of:
 * "5월 방한 외국인 관광객…" reports May, so it does not answer "6월 …" even when its text
 * mentions June ("27일" resolves to a June day, "6월 통계는 …" looks ahead). A headline with no
 * such unit says nothing either way.
 */
export function headlineNamesOtherTime(questionUnits: readonly string[], headlineTerms: Iterable<string>): boolean {
  if (questionUnits.length === 0) return false;
  // Read twice below (its units, whether it says 최종): an iterator would be spent after one.
  const terms = [...headlineTerms];
  const headline = timeUnitTerms(terms);
  // A year in a headline ("1987년 대통령 선거") names the subject, not one report of a series:
  // the article still tells of the years around it.
  return questionUnits.some((unit) => {
    if (unit === FINAL_ROUND) return headline.some((term) => unitOf(term) === '라운드') && !headlineSaysFinal(terms);
    if (unitOf(unit) === '년') return false;
    const same = headline.filter((term) => unitOf(term) === unitOf(unit));
    return same.length > 0 && !same.some((term) => questionUnits.includes(term));
  });
}

function headlineSaysFinal(headlineTerms: Iterable<string>): boolean {
  for (const term of headlineTerms) if (term === '최종' || term === '마지' || term === '우승') return true;
  return false;
}

/** True when a headline names one of the question's time units ("6월 외국인 관광객…" for "6월"). */
export function headlineNamesTime(questionUnits: readonly string[], headlineTerms: Iterable<string>): boolean {
  const headline = new Set(headlineTerms);
  return questionUnits.some((unit) => headline.has(unit) || (unit === FINAL_ROUND && headlineSaysFinal(headline)));
}
