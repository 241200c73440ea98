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

import {
  DAY_COUNT_WORDS,
  EARLIEST_WORDS,
  LATEST_WORDS,
  MONTH_PARTS,
  NATIVE_NUMERALS,
  RELATIVE_DAYS,
  RELATIVE_MONTHS,
  RELATIVE_QUARTERS,
  RELATIVE_WEEKS,
  RELATIVE_YEARS,
} from './temporal-tables.js';

/** Calendar range, ISO YYYY-MM-DD, both ends inclusive. */
export interface DateRange {
  from: string;
  to: string;
}

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
  kind: 'date' | 'day' | 'month' | 'year' | 'quarter' | 'half' | 'week' | 'relative' | 'ordinal' | 'period';
  /**
   * One normalised index term: "6월", "6월 18일", "18일", "2분기", "상반기", "2025년", "작년",
   * "지난달", "이달 초순", "2차전", "3일간". The year of a month, quarter or date is not in the
   * term; it is in the range (see `resolvedTerms`).
   */
  term: string;
  range?: DateRange;
  ordinal?: { n: number; unit: string };
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

type Prefix = '지난' | '오는' | '이번' | '올';
type Part = { from: number; to: number; term: string };

type Atom = { start: number; end: number } & (
  | { t: 'year'; year?: number; offset?: number; term: string }
  | { t: 'yearRange'; from: number; to: number }
  | { t: 'month'; month: number; prefix?: Prefix; part?: Part }
  | { t: 'relMonth'; offset: number; term: string; part?: Part }
  | { t: 'monthRange'; from: number; to: number; prefix?: Prefix }
  | { t: 'day'; day: number; prefix?: Prefix }
  | { t: 'dayRange'; from: number; to: number; prefix?: Prefix }
  | { t: 'quarter'; q: number; year?: number; prefix?: Prefix }
  | { t: 'relQuarter'; offset: number; term: string }
  | { t: 'half'; h: number; prefix?: Prefix }
  | { t: 'date'; y?: number; m: number; d: number }
  | { t: 'relDay'; offset: number; term: string }
  | { t: 'week'; offset: number; weekend: boolean; term: string }
  | { t: 'ago'; n: number; unit: '일' | '주' | '개월' | '년'; sign: 1 | -1 }
  | { t: 'ordinal'; n: number; unit: string }
  | { t: 'period'; term: string }
);

// ---------------------------------------------------------------------------------------------
// Patterns (compiled once)

const DASH = '[~∼〜–-]';
const TIME_WORDS = [
  '오늘', '금일', '이날', '어제', '그저께', '그제', '엊그제', '내일', '모레',
  '올해', '금년', '재작년', '작년', '지난[ ]?해', '내후년', '내년', '전년도?',
  '지난[ ]?달', '이번[ ]?달', '이달', '다음[ ]?달', '내달', '전월',
  '지난[ ]?주', '이번[ ]?주', '다음[ ]?주',
  '(?:지난|직전|전|이번|다음)[ ]?분기', '상반기', '하반기',
  '하루', '이틀', '사흘', '나흘', '닷새', '엿새', '열흘', '보름',
].join('|');

const MASTER = new RegExp(
  [
    // 2025.6.18, 2025-06-18, 2025. 6. 18 (one separator throughout)
    String.raw`(?<dotY>\d{4})[ ]?(?<dotS>[./-])[ ]?(?<dotM>\d{1,2})[ ]?\k<dotS>[ ]?(?<dotD>\d{1,2})(?!\d)`,
    // 2013~2014년, 2013년~2014년
    String.raw`(?<yA>\d{4})[ ]?(?:년[ ]?)?${DASH}[ ]?(?<yB>\d{4})년`,
    // 1~10일, 1일~10일, 6~8월
    String.raw`(?<rA>\d{1,2})(?:(?<rAu>[일월])[ ]?${DASH}[ ]?(?<rB>\d{1,2})\k<rAu>|[ ]?${DASH}[ ]?(?<rB2>\d{1,2})(?<rBu>[일월]))`,
    // 1·4분기, 1/4분기 (the older way to write a quarter)
    String.raw`(?<qOld>[1-4])[ ]?[·ㆍ・/][ ]?4[ ]?분기`,
    String.raw`(?<qQ>[1-4])Q(?<qYY>\d{2})?(?![0-9A-Za-z])`,
    String.raw`(?<slM>\d{1,2})/(?<slD>\d{1,2})(?![\d/])`,
    String.raw`(?<num>\d{1,4})(?<unit>개월|시간|분기|차전|회차|회전|라운드|강전|일차|주차|년차|번째|쿼터|년|월|일|주|차|회|강)`,
    `(?<word>${TIME_WORDS})`,
    // 두 달, 한 해 (해 needs the space: 수해 is a flood)
    String.raw`(?<native>한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|몇|십수|수)(?:[ ]?(?<nUnitM>달)|[ ](?<nUnitY>해))`,
  ].join('|'),
  'g',
);

/** Quick rejection: no digit and no time word means no time expression. */
const QUICK = new RegExp(
  String.raw`[0-9]|오늘|금일|이날|어제|그제|그저께|내일|모레|올해|금년|작년|지난|이번|이달|다음|내달|전월|내년|후년|전년|분기|반기|하루|이틀|사흘|나흘|닷새|엿새|열흘|보름|[한두세네섯곱덟홉열몇수][ ]?달|[한두세네섯곱덟홉열몇수] 해`,
);

// What may follow a time word: a particle or anything that is not Hangul. Rejects 오늘날,
// 그제서야, 이날짜, 다음 주요, 한 달러, 한 해외, 보름달.
const WORD_FOLLOW = /(?:$|[^가-힣]|에|엔|는|은|도|의|까지|부터|보다|와|과|만|를|을|이|가|인|로|으로|처럼|쯤|께|경|말|초|중|간|동안|째|내|여|새)/y;
// A part of a month after it: "6월 하순", "이달 말까지"; not "6월 말했다", "6월 초청".
const PART_AFTER = /[ ]?(초순|중순|하순|초|말)(?=$|[^가-힣]|에|엔|부터|까지|께|쯤|경|인|의|로|을|이|무렵)/y;
// A duration marker after a number and counter: "5일간", "3일 연속", "3년 만에", "15일째", "주 5일제".
const DURATION_AFTER = /(?:간|째|씩|여|새|제|만에|만의|만이|[ ]?(?:동안|연속|만에|만의|가량|이상|이내|넘게|가까이|정도|내내|남짓|이하|미만|걸려|걸리|걸쳐))/y;
// "3일 전", "2주 후", "5년 뒤" (not 전후 "around", not 후보).
const AGO_AFTER = /[ ]?(전|후|뒤)(?=$|[^가-힣]|에|엔|의|까지|부터|인|이|보다|만)/y;
// Clause tense, for a month or day whose year or month the text leaves open.
const PAST = /(?:었|았|였|했|됐|졌|웠|났|섰|렸|겼|쳤|왔|냈|뒀|줬|봤|갔)(?:다|고|으며|는데|지만|으나|던|음|어|나|니|는지|습니다|죠)/;
// Every syllable ending in ㄴ, for the present tense that news uses for scheduled events
// ("연다", "열린다", "시행한다고").
const NIEUN_FINAL = Array.from({ length: 19 * 21 }, (_, i) => String.fromCharCode(0xac00 + i * 28 + 4)).join('');
const FUTURE = new RegExp(`예정|계획|방침|전망|목표|할 것|될 것|하겠|되겠|[${NIEUN_FINAL}]다(?:고|며|는|면서)?(?![가-힣])|(?:할|될|릴) `);
const CLAUSE_END = /[.!?\n]/;
// A month named as a target or bound ("10월로 미뤄졌다", "10월까지") says nothing by its verb's tense.
const TARGET_AFTER = /(?:으로|로|까지|부터|께|쯤|경|중)/y;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------------------------
// Character helpers

const isHangul = (code: number) => code >= 0xac00 && code <= 0xd7a3;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isLatin = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);

function stickyAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

const PREFIXES = ['지난', '오는', '이번', '올'] as const;

/** 지난 / 오는 / 이번 / 올 just before `start` (one optional space), as a whole word. */
function prefixBefore(text: string, start: number, allowOl: boolean): { prefix: Prefix; start: number } | undefined {
  let p = start;
  if (text.charCodeAt(p - 1) === 0x20) p--;
  for (const prefix of PREFIXES) {
    if (prefix === '올' && !allowOl) continue;
    const at = p - prefix.length;
    if (at >= 0 && text.startsWith(prefix, at) && !isHangul(text.charCodeAt(at - 1))) return { prefix, start: at };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const isoOf = (date: Ymd) => `${date.y}-${pad2(date.m)}-${pad2(date.d)}`;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!);

function parseIso(value: string | undefined): Ymd | undefined {
  const match = value ? ISO.exec(value) : null;
  if (!match) return undefined;
  const date = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  return date.m >= 1 && date.m <= 12 && date.d >= 1 && date.d <= daysIn(date.y, date.m) ? date : undefined;
}

function addDays(date: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function addMonths(y: number, m: number, months: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + months;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

const dayNumber = (date: Ymd) => Date.UTC(date.y, date.m - 1, date.d) / 86_400_000;

const range = (from: Ymd, to: Ymd): DateRange => ({ from: isoOf(from), to: isoOf(to) });
const monthRange = (y: number, m: number, from = 1, to = 31): DateRange =>
  range({ y, m, d: Math.min(from, daysIn(y, m)) }, { y, m, d: Math.min(to, daysIn(y, m)) });
const quarterRange = (y: number, q: number) => range({ y, m: q * 3 - 2, d: 1 }, { y, m: q * 3, d: daysIn(y, q * 3) });
const halfRange = (y: number, h: number) => range({ y, m: h * 6 - 5, d: 1 }, { y, m: h * 6, d: daysIn(y, h * 6) });
const yearRange = (y: number) => range({ y, m: 1, d: 1 }, { y, m: 12, d: 31 });

// ---------------------------------------------------------------------------------------------
// Scanning atoms

/** Reads one regex match as an atom, or null when its context shows it is not a time expression. */
function atomOf(text: string, match: RegExpExecArray): Atom | null {
  const g = match.groups!;
  const start = match.index;
  let end = start + match[0].length;
  const prev = text.charCodeAt(start - 1);

  if (g.word !== undefined || g.native !== undefined) {
    if (isHangul(prev)) return null;
    if (!stickyAt(WORD_FOLLOW, text, end)) return null;
    if (g.native !== undefined) {
      const n = NATIVE_NUMERALS[g.native]!;
      if (n === 0 && text[start + g.native.length] !== ' ') return null; // 수달 is an otter
      return { t: 'period', start, end: durationEnd(text, end) || end, term: `${n || '수'}${g.nUnitM ? '개월' : '년'}간` };
    }
    const word = g.word!.replace(' ', '');
    const day = RELATIVE_DAYS[word];
    if (day) return { t: 'relDay', start, end, ...day };
    const year = RELATIVE_YEARS[word];
    if (year) return { t: 'year', start, end, ...year };
    const month = RELATIVE_MONTHS[word];
    if (month) {
      const part = stickyAt(PART_AFTER, text, end);
      if (part) end = PART_AFTER.lastIndex;
      return { t: 'relMonth', start, end, ...month, part: part ? MONTH_PARTS[part[1]!] : undefined };
    }
    const week = RELATIVE_WEEKS[word];
    if (week) {
      if (text[end] === '가') return null; // 지난 주가 (stock price)
      const weekend = text[end] === '말';
      return { t: 'week', start, end: weekend ? end + 1 : end, offset: week.offset, weekend, term: weekend ? `${week.term}말` : week.term };
    }
    const quarter = RELATIVE_QUARTERS[word];
    if (quarter) return { t: 'relQuarter', start, end, ...quarter };
    if (word === '상반기' || word === '하반기') {
      const prefix = prefixBefore(text, start, true);
      return { t: 'half', start: prefix?.start ?? start, end, h: word === '상반기' ? 1 : 2, prefix: prefix?.prefix };
    }
    const count = DAY_COUNT_WORDS[word];
    if (count) return { t: 'period', start, end: durationEnd(text, end) || end, term: `${count}일간` };
    return null;
  }

  // Everything else starts with a number, which must not continue another number ("1.5일", "1,200일").
  if (isDigit(prev) || prev === 0x2e || prev === 0x2c || prev === 0x2f) return null;

  if (g.dotY !== undefined) {
    const date = { y: Number(g.dotY), m: Number(g.dotM), d: Number(g.dotD) };
    if (date.y < 1000 || date.y > 2999 || date.m < 1 || date.m > 12 || date.d < 1 || date.d > daysIn(date.y, date.m)) return null;
    return { t: 'date', start, end, ...date };
  }
  if (g.yA !== undefined) {
    const from = Number(g.yA);
    const to = Number(g.yB);
    if (from < 1000 || to > 2999 || to <= from || '형식생대'.includes(text[end] || '-')) return null;
    return { t: 'yearRange', start, end, from, to };
  }
  if (g.rA !== undefined) {
    const a = Number(g.rA);
    const b = Number(g.rB ?? g.rB2);
    const unit = g.rAu ?? g.rBu;
    const to = durationEnd(text, end);
    if (to) return { t: 'period', start, end: to, term: `${a}~${b}${unit === '월' ? '개월' : unit}간` };
    if (a < 1 || b <= a) return null;
    if (unit === '월') {
      if (b > 12) return null;
      const prefix = prefixBefore(text, start, true);
      return { t: 'monthRange', start: prefix?.start ?? start, end, from: a, to: b, prefix: prefix?.prefix };
    }
    if (b > 31) return null;
    const prefix = prefixBefore(text, start, false);
    return { t: 'dayRange', start: prefix?.start ?? start, end, from: a, to: b, prefix: prefix?.prefix };
  }
  if (g.qOld !== undefined || g.qQ !== undefined) {
    if (g.qQ !== undefined && isLatin(prev)) return null;
    const prefix = prefixBefore(text, start, true);
    return {
      t: 'quarter',
      start: prefix?.start ?? start,
      end,
      q: Number(g.qOld ?? g.qQ),
      year: g.qYY !== undefined ? 2000 + Number(g.qYY) : undefined,
      prefix: prefix?.prefix,
    };
  }
  if (g.slM !== undefined) {
    // Only when it cannot be a fraction or a day/month order: 6/18, not 1/2 or 3/4.
    const m = Number(g.slM);
    const d = Number(g.slD);
    if (m < 1 || m > 12 || d <= 12 || d > 31) return null;
    return { t: 'date', start, end, m, d };
  }
  return numberAtom(text, start, end, Number(g.num), g.num!.length, g.unit!);
}

// Helpers of numberAtom, at module level: closures created per call cost more than the scan
// itself under the tsx/esbuild transform (each gets a name assigned at run time).

/** End of a duration marker after `end` ("5일간", "3일 연속"), which joins the span, or 0. */
function durationEnd(text: string, end: number): number {
  return stickyAt(DURATION_AFTER, text, end) ? DURATION_AFTER.lastIndex : 0;
}

function agoAtom(text: string, start: number, end: number, n: number, unit: '일' | '주' | '개월' | '년'): Atom | null {
  const found = stickyAt(AGO_AFTER, text, end);
  if (!found) return null;
  return { t: 'ago', start, end: AGO_AFTER.lastIndex, n, unit, sign: found[1] === '전' ? -1 : 1 };
}

function periodAtom(start: number, end: number, n: number, unit: string): Atom {
  return { t: 'period', start, end, term: unit === '시간' ? `${n}시간` : `${n}${unit}간` };
}

/** An ordinal, with a 제 before it in its span: "제3회", "제 2차". */
function ordinalAtom(text: string, start: number, end: number, n: number, unit: string): Atom {
  let from = start;
  if (text[from - 1] === '제') from--;
  else if (text[from - 1] === ' ' && text[from - 2] === '제') from -= 2;
  if (from !== start && isHangul(text.charCodeAt(from - 1))) from = start;
  return { t: 'ordinal', start: from, end, n, unit };
}

/** True when the character after a counter is not Hangul or is one of `allowed` (a particle). */
function particleNext(text: string, end: number, allowed: string): boolean {
  return !isHangul(text.charCodeAt(end)) || allowed.includes(text[end]!);
}

function numberAtom(text: string, start: number, end: number, n: number, digits: number, unit: string): Atom | null {
  const next = text[end] ?? '';
  switch (unit) {
    case '년': {
      if (next !== '' && '형식생대'.includes(next)) return null; // 2025년형, 1990년대
      const to = durationEnd(text, end);
      if (to) return periodAtom(start, to, n, '년');
      // "1969년 전까지" is before the year 1969; "50년 전" is fifty years ago.
      if (digits === 4 && n >= 1000 && n <= 2999) {
        return { t: 'year', start, end: next === '도' ? end + 1 : end, year: n, term: `${n}년` };
      }
      return agoAtom(text, start, end, n, '년') ?? periodAtom(start, end, n, '년');
    }
    case '개월':
      return agoAtom(text, start, end, n, '개월') ?? periodAtom(start, durationEnd(text, end) || end, n, '개월');
    case '월': {
      if (n < 1 || n > 12 || next === '드' || next === '요') return null; // 6월드컵, 월요일
      const prefix = prefixBefore(text, start, true);
      const part = stickyAt(PART_AFTER, text, end);
      return {
        t: 'month',
        start: prefix?.start ?? start,
        end: part ? PART_AFTER.lastIndex : end,
        month: n,
        prefix: prefix?.prefix,
        part: part ? MONTH_PARTS[part[1]!] : undefined,
      };
    }
    case '일': {
      const to = durationEnd(text, end);
      if (to) return periodAtom(start, to, n, '일');
      const ago = agoAtom(text, start, end, n, '일');
      if (ago) return ago;
      if (n > 31 || n === 0) return periodAtom(start, end, n, '일');
      const prefix = prefixBefore(text, start, false);
      return { t: 'day', start: prefix?.start ?? start, end, day: n, prefix: prefix?.prefix };
    }
    case '주': {
      if (n === 0 || n > 52) return null; // 100주 is shares
      const to = durationEnd(text, end);
      if (to) return periodAtom(start, to, n, '주');
      const ago = agoAtom(text, start, end, n, '주');
      if (ago) return ago;
      return particleNext(text, end, '에는도의를을이가') ? periodAtom(start, end, n, '주') : null; // not 3주년, 3주기, 2주택
    }
    case '시간':
      return next === '대' ? null : periodAtom(start, durationEnd(text, end) || end, n, '시간');
    case '분기': {
      const to = durationEnd(text, end);
      if (to) return n > 0 ? periodAtom(start, to, n, '분기') : null; // 3분기 연속
      if (n < 1 || n > 4) return null;
      const prefix = prefixBefore(text, start, true);
      return { t: 'quarter', start: prefix?.start ?? start, end, q: n, prefix: prefix?.prefix };
    }
    case '차전':
      return next === '지' ? null : ordinalAtom(text, start, end, n, '차전'); // 2차전지 is a battery
    case '차':
      return particleNext(text, end, '에의는도까와를만') ? ordinalAtom(text, start, end, n, '차') : null; // not 3차원, 2차례
    case '회':
      return particleNext(text, end, '에의는도까를째만초말') ? ordinalAtom(text, start, end, n, '회') : null; // not 2회사
    case '강':
    case '강전':
      if (n !== 4 && n !== 8 && n !== 16 && n !== 32 && n !== 64) return null;
      return unit === '강전' || particleNext(text, end, '에의은는도까를행이진') ? ordinalAtom(text, start, end, n, '강') : null;
    default:
      // 회차, 회전, 라운드, 일차, 주차, 년차, 번째, 쿼터
      return ordinalAtom(text, start, end, n, unit);
  }
}

function scanAtoms(text: string): Atom[] {
  const atoms: Atom[] = [];
  MASTER.lastIndex = 0;
  for (let match = MASTER.exec(text); match; match = MASTER.exec(text)) {
    const atom = atomOf(text, match);
    if (atom) atoms.push(atom);
  }
  return atoms;
}

// ---------------------------------------------------------------------------------------------
// Joining atoms into expressions

type Group = Atom[];

function adjacent(text: string, a: Atom, b: Atom): boolean {
  return b.start === a.end || (b.start === a.end + 1 && text.charCodeAt(a.end) === 0x20);
}

/** Whether `next` continues the expression ending in `last` ("2025년" → "6월" → "18일"). */
function continues(last: Atom, next: Atom): boolean {
  switch (last.t) {
    case 'year':
      return (
        (next.t === 'month' && !next.prefix) ||
        (next.t === 'monthRange' && !next.prefix) ||
        (next.t === 'quarter' && !next.prefix && next.year === undefined) ||
        (next.t === 'half' && !next.prefix)
      );
    case 'month':
    case 'relMonth':
      return !last.part && (next.t === 'day' || next.t === 'dayRange') && !next.prefix;
    default:
      return false;
  }
}

function groupAtoms(text: string, atoms: Atom[]): Group[] {
  const groups: Group[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const group = [atoms[i]!];
    while (i + 1 < atoms.length && adjacent(text, atoms[i]!, atoms[i + 1]!) && continues(atoms[i]!, atoms[i + 1]!)) group.push(atoms[++i]!);
    groups.push(group);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Resolution

type Tense = 'past' | 'future' | undefined;

/** Tense of the clause after `end`: the first past or future marker before the sentence ends. */
function clauseTense(text: string, end: number): Tense {
  let clause = text.slice(end, end + 80);
  const stop = CLAUSE_END.exec(clause);
  if (stop) clause = clause.slice(0, stop.index);
  const past = PAST.exec(clause)?.index ?? Infinity;
  const future = FUTURE.exec(clause)?.index ?? Infinity;
  if (past === future) return undefined;
  return past < future ? 'past' : 'future';
}

class Resolver {
  private tense: Tense | null = null;

  constructor(
    private readonly text: string,
    private readonly ref: Ymd | undefined,
    private readonly end: number,
  ) {}

  private clauseTense(): Tense {
    if (this.tense === null) this.tense = clauseTense(this.text, this.end);
    return this.tense;
  }

  private monthTense(): Tense {
    return stickyAt(TARGET_AFTER, this.text, this.end) ? undefined : this.clauseTense();
  }

  /** Year of a month, quarter or half (`index` in units of `perYear`) given no year in the text. */
  yearOf(index: number, perYear: number, prefix: Prefix | undefined): number | undefined {
    const ref = this.ref;
    if (!ref) return undefined;
    const refIndex = Math.ceil(ref.m / (12 / perYear));
    if (prefix === '지난') return index <= refIndex ? ref.y : ref.y - 1;
    if (prefix === '오는') return index >= refIndex ? ref.y : ref.y + 1;
    if (prefix === '이번' || prefix === '올') return ref.y;
    // Past tense is weak evidence (reporting verbs are past), so only a recent month moves back:
    // "12월 수출은 늘었다" in February is last December, "10월로 미뤄졌다" in July is not last October.
    if (index > refIndex && refIndex + perYear - index <= perYear / 2 && this.monthTense() === 'past') return ref.y - 1;
    if (index < refIndex && this.monthTense() === 'future') return ref.y + 1;
    return ref.y;
  }

  /** Year and month of a day of month given no month in the text. */
  monthOfDay(day: number, prefix: Prefix | undefined): { y: number; m: number } | undefined {
    const ref = this.ref;
    if (!ref) return undefined;
    if (prefix === '이번') return day <= daysIn(ref.y, ref.m) ? { y: ref.y, m: ref.m } : undefined;
    const forward = prefix === '오는' || (prefix === undefined && day > ref.d && this.clauseTense() === 'future');
    let at = forward ? (day >= ref.d ? { y: ref.y, m: ref.m } : addMonths(ref.y, ref.m, 1)) : day <= ref.d ? { y: ref.y, m: ref.m } : addMonths(ref.y, ref.m, -1);
    // The 31st steps over months that have no 31st.
    for (let tries = 0; day > daysIn(at.y, at.m) && tries < 3; tries++) at = addMonths(at.y, at.m, forward ? 1 : -1);
    return at;
  }

  relativeYear(offset: number): number | undefined {
    return this.ref ? this.ref.y + offset : undefined;
  }
}

interface Resolved {
  kind: TimeExpression['kind'];
  term: string;
  range?: DateRange;
  ordinal?: { n: number; unit: string };
  /** The first day, when the expression names one day (for joining "1일부터 10일까지"). */
  day?: Ymd;
  /** A written month for the term of a joined range. */
  month?: number;
}

function validDay(y: number, m: number, d: number): Ymd | undefined {
  return d >= 1 && d <= daysIn(y, m) ? { y, m, d } : undefined;
}

function resolveGroup(text: string, group: Group, ref: Ymd | undefined): Resolved | null {
  const first = group[0]!;
  const last = group[group.length - 1]!;
  const resolver = new Resolver(text, ref, last.end);

  if (group.length === 1) {
    switch (first.t) {
      case 'relDay': {
        const day = ref ? addDays(ref, first.offset) : undefined;
        return { kind: 'relative', term: first.term, range: day ? range(day, day) : undefined, day };
      }
      case 'week': {
        if (!ref) return { kind: 'week', term: first.term };
        const monday = addDays(ref, -((new Date(Date.UTC(ref.y, ref.m - 1, ref.d)).getUTCDay() + 6) % 7) + 7 * first.offset);
        return { kind: 'week', term: first.term, range: first.weekend ? range(addDays(monday, 5), addDays(monday, 6)) : range(monday, addDays(monday, 6)) };
      }
      case 'relQuarter': {
        if (!ref) return { kind: 'quarter', term: first.term };
        const index = ref.y * 4 + Math.ceil(ref.m / 3) - 1 + first.offset;
        return { kind: 'quarter', term: first.term, range: quarterRange(Math.floor(index / 4), (index % 4) + 1) };
      }
      case 'ago': {
        const term = `${first.n}${first.unit} ${first.sign < 0 ? '전' : '후'}`;
        if (!ref) return { kind: 'relative', term };
        const n = first.n * first.sign;
        if (first.unit === '일' || first.unit === '주') {
          const day = addDays(ref, first.unit === '일' ? n : 7 * n);
          return { kind: 'relative', term, range: range(day, day), day };
        }
        if (first.unit === '개월') {
          const at = addMonths(ref.y, ref.m, n);
          return { kind: 'relative', term, range: monthRange(at.y, at.m) };
        }
        // "5000년 전" has no calendar year here.
        return { kind: 'relative', term, range: ref.y + n >= 1000 && ref.y + n <= 2999 ? yearRange(ref.y + n) : undefined };
      }
      case 'yearRange':
        return { kind: 'year', term: `${first.from}~${first.to}년`, range: range({ y: first.from, m: 1, d: 1 }, { y: first.to, m: 12, d: 31 }) };
      case 'ordinal':
        return { kind: 'ordinal', term: `${first.n}${first.unit}`, ordinal: { n: first.n, unit: first.unit } };
      case 'period':
        return { kind: 'period', term: first.term };
      case 'date': {
        const y = first.y ?? resolver.yearOf(first.m, 12, undefined);
        const day = y !== undefined ? validDay(y, first.m, first.d) : undefined;
        return { kind: 'date', term: `${first.m}월 ${first.d}일`, range: day ? range(day, day) : undefined, day, month: first.m };
      }
      case 'day':
      case 'dayRange': {
        const from = first.t === 'day' ? first.day : first.from;
        const to = first.t === 'day' ? first.day : first.to;
        const at = resolver.monthOfDay(from, first.prefix);
        const term = from === to ? `${from}일` : `${from}~${to}일`;
        const day = at ? validDay(at.y, at.m, from) : undefined;
        return { kind: 'day', term, range: at && day ? monthRange(at.y, at.m, from, to) : undefined, day };
      }
      default:
        break;
    }
  }

  // Calendar groups: [year] [month | relMonth | monthRange | quarter | half] [day | dayRange]
  let year: number | undefined;
  let yearAtom: Extract<Atom, { t: 'year' }> | undefined;
  let rest = group;
  if (first.t === 'year') {
    yearAtom = first;
    year = first.year ?? resolver.relativeYear(first.offset!);
    rest = group.slice(1);
  }
  const unit = rest[0];
  const dayAtom = rest[1];
  if (!unit) return { kind: 'year', term: yearAtom!.term, range: year !== undefined ? yearRange(year) : undefined };

  switch (unit.t) {
    case 'quarter': {
      const y = year ?? unit.year ?? resolver.yearOf(unit.q, 4, unit.prefix);
      return { kind: 'quarter', term: `${unit.q}분기`, range: y !== undefined ? quarterRange(y, unit.q) : undefined };
    }
    case 'half': {
      const y = year ?? resolver.yearOf(unit.h, 2, unit.prefix);
      return { kind: 'half', term: unit.h === 1 ? '상반기' : '하반기', range: y !== undefined ? halfRange(y, unit.h) : undefined };
    }
    case 'monthRange': {
      const y = year ?? resolver.yearOf(unit.from, 12, unit.prefix);
      return {
        kind: 'month',
        term: `${unit.from}~${unit.to}월`,
        range: y !== undefined ? range({ y, m: unit.from, d: 1 }, { y, m: unit.to, d: daysIn(y, unit.to) }) : undefined,
      };
    }
    case 'month':
    case 'relMonth': {
      let at: { y: number; m: number } | undefined;
      if (unit.t === 'month') {
        const y = year ?? resolver.yearOf(unit.month, 12, unit.prefix);
        at = y !== undefined ? { y, m: unit.month } : undefined;
      } else if (ref) {
        at = addMonths(ref.y, ref.m, unit.offset);
      }
      const monthTerm = unit.t === 'month' ? `${unit.month}월` : unit.term;
      const writtenMonth = unit.t === 'month' ? unit.month : undefined;
      if (!dayAtom) {
        const term = unit.part ? `${monthTerm} ${unit.part.term}` : monthTerm;
        const kind = unit.t === 'month' ? 'month' : 'relative';
        return { kind, term, range: at ? monthRange(at.y, at.m, unit.part?.from, unit.part?.to) : undefined };
      }
      if (dayAtom.t !== 'day' && dayAtom.t !== 'dayRange') return null;
      const from = dayAtom.t === 'day' ? dayAtom.day : dayAtom.from;
      const to = dayAtom.t === 'day' ? dayAtom.day : dayAtom.to;
      const dayTerm = from === to ? `${from}일` : `${from}~${to}일`;
      const term = writtenMonth !== undefined ? `${writtenMonth}월 ${dayTerm}` : dayTerm;
      const day = at ? validDay(at.y, at.m, from) : undefined;
      const valid = day && to <= daysIn(at!.y, at!.m);
      return { kind: 'date', term, range: valid ? monthRange(at!.y, at!.m, from, to) : undefined, day, month: writtenMonth };
    }
    default:
      return null;
  }
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
  const last = item.group[item.group.length - 1]!;
  return last.t === 'day' || (last.t === 'date' && item.group.length === 1);
}

function joinRange(text: string, a: Built, b: Built): Built | null {
  if (!joinable(a) || !joinable(b) || b.group[0]!.t === 'year' || (b.group[0]!.t === 'day' && b.group[0]!.prefix)) return null;
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
  const bHasMonth = rb.month !== undefined;
  const term = !bHasMonth ? `${ra.term.replace(/일$/, '')}~${dayB}일` : `${ra.term}~${rb.term}`;
  let resolvedRange: DateRange | undefined;
  if (ra.day) {
    const at = bHasMonth ? { y: ra.day.y + (rb.month! < ra.day.m ? 1 : 0), m: rb.month! } : dayB >= dayA ? { y: ra.day.y, m: ra.day.m } : addMonths(ra.day.y, ra.day.m, 1);
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
  const atoms = scanAtoms(text);
  if (atoms.length === 0) return [];
  const ref = parseIso(referenceDate);
  const built: Built[] = [];
  for (const group of groupAtoms(text, atoms)) {
    const resolved = resolveGroup(text, group, ref);
    if (!resolved) continue;
    const item: Built = { start: group[0]!.start, end: group[group.length - 1]!.end, group, resolved };
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

function parseRange(value: DateRange): [Ymd, Ymd] {
  const from = parseIso(value.from);
  const to = parseIso(value.to);
  if (!from || !to || dayNumber(to) < dayNumber(from)) throw new RangeError(`not a date range: ${value.from}..${value.to}`);
  return [from, to];
}

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
