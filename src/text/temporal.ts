// Korean time expressions in news text and questions: "6월", "2분기", "지난 18일", "이달 하순",
// "2차전", "두 달" … Each is kept as one index term and, where possible, resolved to a calendar
// range against a reference date (the article's date at ingest, today for a question), because
// Korean news states "18일" and "지난달" and leaves the month and year to the dateline.
//
// The scan is one pass of one precompiled regex that finds atoms (a number with its counter,
// or a time word); adjacent atoms are then joined ("2025년" + "6월" + "18일") and resolved.
// Text with no digit and no time word is rejected by a single test before any of that.
//
// Resolution rules, kept simple on purpose:
// - A month, quarter or half without a year takes the reference year, except: 지난 N월 → the
//   latest such month not after the reference month; 오는 N월 → the next one not before it; a bare
//   month later than the reference month but at most six months before it in the previous year,
//   whose clause is in the past tense ("11월 수출은 … 늘었다" in a February article), → the year
//   before; a bare month earlier than the reference month whose clause speaks of the future
//   ("3월 개장할 예정") → the year after. A month followed by 로/까지/부터 ("10월로 미뤄졌다")
//   ignores the tense. Quarters and halves follow the same rules.
// - A day without a month ("18일", "지난 18일") → the latest such day on or before the reference
//   date, except that a bare day in a future-tense clause ("20일 발표할 예정") and 오는 N일 → the
//   next such day on or after it.
// - 오늘 / 이날 → the reference day; 어제 −1, 그제 −2, 내일 +1, 모레 +2; weeks run Monday to Sunday.
// - Durations ("3주", "5일간", "두 달", "3일 연속") are kind 'period' and get no range.
// Without a reference date only absolute expressions ("2025년 6월 18일", "2025.6.18") get a range.
//
// Files: temporal-patterns.ts (the regexes), temporal-atoms.ts (scan and grouping),
// temporal-resolve.ts (these rules), temporal-calendar.ts (date arithmetic), temporal-tables.ts
// (the Korean time words); this file joins ranges and turns ranges into index terms and Korean text.

import {
  addDays,
  addMonths,
  dayNumber,
  daysIn,
  isoOf,
  pad2,
  parseRange,
  parseIso,
  range,
  validDay,
  type DateRange,
  type Ymd,
} from './temporal-calendar.js';
import { findAtomGroups, lastAtom, type Group } from './temporal-groups.js';
import { DASH, QUICK, stickyAt } from './temporal-patterns.js';
import { resolveGroup, type Resolved, type TimeKind } from './temporal-resolve.js';
import { EARLIEST_WORDS, LATEST_WORDS } from './temporal-tables.js';

export interface TimeExpression {
  /** The exact slice `text.slice(start, end)` of the input. */
  text: string;
  start: number;
  end: number;
  /**
   * 'date' a day whose month the text gives (2025년 6월 18일, 지난달 18일, 6월 1~10일); 'day' a day
   * of month alone (18일, 지난 18일, 1~10일); 'month' / 'quarter' / 'half' / 'year' those units, with
   * or without a year (6월, 6월 하순, 2분기, 지난 분기, 상반기, 2025년, 올해, 작년); 'week' 지난주,
   * 이번 주, 다음 주(말); 'relative' deictic days and months (오늘, 이날, 어제, 지난달, 이달 초순,
   * 3일 전); 'ordinal' events (2차전, 3회, 4강); 'period' durations (3주, 5일간, 두 달), no range.
   */
  kind: TimeKind;
  /**
   * One normalised index term: "6월", "6월 18일", "18일", "2분기", "상반기", "2025년", "작년",
   * "지난달", "이달 초순", "2차전", "3일간". The year of a month, quarter or date is not in the
   * term; it is in the range (see `resolvedTerms`).
   */
  term: string;
  range?: DateRange;
  ordinal?: { n: number; unit: string };
}

// "1일부터 10일까지", "6월 28일~7월 2일": two one-day expressions joined into a range.
const JOIN_DASH = new RegExp(`^[ ]?${DASH}[ ]?$`);
const JOIN_FROM = /^부터[ ]?$/;
const UNTIL = /[ ]?까지/y;

interface Built {
  start: number;
  end: number;
  group: Group;
  resolved: Resolved;
}

function joinable(item: Built): boolean {
  const last = lastAtom(item.group);
  return last.t === 'day' || (last.t === 'date' && item.group.length === 1);
}

function joinRange(text: string, a: Built, b: Built): Built | null {
  const [bFirst] = b.group;
  if (!joinable(a) || !joinable(b) || bFirst.t === 'year' || (bFirst.t === 'day' && bFirst.prefix)) return null;
  const gap = text.slice(a.end, b.start);
  let end = b.end;
  if (!JOIN_DASH.test(gap)) {
    if (!JOIN_FROM.test(gap) || !stickyAt(UNTIL, text, b.end)) return null;
    end = UNTIL.lastIndex;
  }
  const ra = a.resolved;
  const rb = b.resolved;
  const dayA = Number(/(\d+)일$/.exec(ra.term)?.[1]);
  const dayB = Number(/(\d+)일$/.exec(rb.term)?.[1]);
  const bMonth = rb.month;
  const bHasMonth = bMonth !== undefined;
  const term = !bHasMonth ? `${ra.term.replace(/일$/, '')}~${dayB}일` : `${ra.term}~${rb.term}`;
  let resolvedRange: DateRange | undefined;
  if (ra.day) {
    const at =
      bMonth !== undefined
        ? { y: ra.day.y + (bMonth < ra.day.m ? 1 : 0), m: bMonth }
        : dayB >= dayA
          ? { y: ra.day.y, m: ra.day.m }
          : addMonths(ra.day.y, ra.day.m, 1);
    const to = validDay(at.y, at.m, dayB);
    if (to && dayNumber(to) >= dayNumber(ra.day)) resolvedRange = range(ra.day, to);
  }
  const kind = ra.kind === 'day' && !bHasMonth ? 'day' : 'date';
  return { start: a.start, end, group: [...a.group, ...b.group], resolved: { ...ra, kind, term, range: resolvedRange, day: undefined } };
}

/**
 * Time expressions of a text, in order, with exact offsets. `referenceDate` (YYYY-MM-DD) is the
 * article's date at ingest, today for a question; without it (or when it is malformed) only
 * absolute expressions get a range.
 */
export function findTimeExpressions(text: string, referenceDate?: string): TimeExpression[] {
  if (!QUICK.test(text)) return [];
  const groups = findAtomGroups(text);
  if (groups.length === 0) return [];
  const ref = parseIso(referenceDate);
  const built: Built[] = [];
  for (const group of groups) {
    const resolved = resolveGroup(text, group, ref);
    if (!resolved) continue;
    const item: Built = { start: group[0].start, end: lastAtom(group).end, group, resolved };
    const previous = built[built.length - 1];
    const joined = previous ? joinRange(text, previous, item) : null;
    if (joined) built[built.length - 1] = joined;
    else built.push(item);
  }
  return built.map(({ start, end, resolved }) => {
    const expression: TimeExpression = { text: text.slice(start, end), start, end, kind: resolved.kind, term: resolved.term };
    if (resolved.range) expression.range = resolved.range;
    if (resolved.ordinal) expression.ordinal = resolved.ordinal;
    return expression;
  });
}

// ---------------------------------------------------------------------------------------------
// Terms and formatting

// A range is indexed under every unit it touches whose length is at least the range's, and under
// each of its days when it is at most ten days long ("이달 초순"), so "6월" finds "18일" and "2분기"
// finds "6월", but "6월" does not find "2분기".
const MAX_DAYS_LISTED = 10;

// [longest range listed, units per year, key]: months, quarters, halves, years.
const TERM_UNITS: ReadonlyArray<[number, number, (y: number, index: number) => string]> = [
  [31, 12, (y, i) => `@${y}-${pad2(i)}`],
  [92, 4, (y, i) => `@${y}-Q${i}`],
  [184, 2, (y, i) => `@${y}-H${i}`],
  [366, 1, (y) => `@${y}`],
];

/** Index keys for a resolved range: "@2025-06-18", "@2025-06", "@2025-Q2", "@2025-H1", "@2025" (finest first). */
export function resolvedTerms(value: DateRange): string[] {
  const [from, to] = parseRange(value);
  const length = dayNumber(to) - dayNumber(from) + 1;
  const terms: string[] = [];
  if (length <= MAX_DAYS_LISTED) {
    for (let day = from; dayNumber(day) <= dayNumber(to); day = addDays(day, 1)) terms.push(`@${isoOf(day)}`);
  }
  for (const [maxDays, perYear, key] of TERM_UNITS) {
    if (length > maxDays) continue;
    const size = 12 / perYear;
    const first = from.y * perYear + Math.ceil(from.m / size) - 1;
    const last = to.y * perYear + Math.ceil(to.m / size) - 1;
    for (let index = first; index <= last; index++) terms.push(key(Math.floor(index / perYear), (index % perYear) + 1));
  }
  return terms;
}

const full = (date: Ymd) => `${date.y}년 ${date.m}월 ${date.d}일`;

/** "2025년 6월 18일", "2025년 6월", "2025년 2분기", "2025년 상반기", "2025년", "2025년 6월 1일~10일" … */
export function formatKoreanDate(value: DateRange): string {
  const [a, b] = parseRange(value);
  if (dayNumber(a) === dayNumber(b)) return full(a);
  const wholeMonths = a.d === 1 && b.d === daysIn(b.y, b.m);
  if (wholeMonths && a.m === 1 && b.m === 12) return a.y === b.y ? `${a.y}년` : `${a.y}년~${b.y}년`;
  if (wholeMonths && a.y === b.y) {
    if (a.m === b.m) return `${a.y}년 ${a.m}월`;
    if (b.m - a.m === 5 && a.m % 6 === 1) return `${a.y}년 ${a.m === 1 ? '상반기' : '하반기'}`;
    if (b.m - a.m === 2 && a.m % 3 === 1) return `${a.y}년 ${(a.m + 2) / 3}분기`;
    return `${a.y}년 ${a.m}월~${b.m}월`;
  }
  if (wholeMonths) return `${a.y}년 ${a.m}월~${b.y}년 ${b.m}월`;
  if (a.y === b.y && a.m === b.m) return `${a.y}년 ${a.m}월 ${a.d}일~${b.d}일`;
  if (a.y === b.y) return `${full(a)}~${b.m}월 ${b.d}일`;
  return `${full(a)}~${full(b)}`;
}

/**
 * What a question asks of time: the newest state ("현재", "최근", "최종" …) or the first one
 * ("처음", "당초", "최초" …). Undefined when it says neither, or both.
 */
export function timeIntent(question: string): 'latest' | 'earliest' | undefined {
  const latest = LATEST_WORDS.some((word) => question.includes(word));
  const earliest = EARLIEST_WORDS.some((word) => question.includes(word));
  if (latest === earliest) return undefined;
  return latest ? 'latest' : 'earliest';
}
