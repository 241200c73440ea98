// Atoms of the temporal analyser: one match of the master pattern read as a number with its
// counter ("18일", "2분기", "3차전") or a time word ("지난달", "이날"), with the context that
// decides whether it is a time expression at all; then adjacent atoms grouped ("2025년 6월 18일").
import {
  DAY_COUNT_WORDS,
  MONTH_PARTS,
  NATIVE_NUMERALS,
  RELATIVE_DAYS,
  RELATIVE_MONTHS,
  RELATIVE_QUARTERS,
  RELATIVE_WEEKS,
  RELATIVE_YEARS,
} from './temporal-tables.js';
import { daysIn } from './temporal-calendar.js';
import {
  AGO_AFTER,
  DURATION_AFTER,
  MASTER,
  PART_AFTER,
  WORD_FOLLOW,
  isDigit,
  isHangul,
  isLatin,
  prefixBefore,
  stickyAt,
  type Prefix,
} from './temporal-patterns.js';

type Part = { from: number; to: number; term: string };

export type Atom = { start: number; end: number } & (
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

/** The master pattern's named groups of one match (each undefined unless its branch matched). */
type MatchGroups = Readonly<Record<string, string | undefined>>;

/** Reads one regex match as an atom, or null when its context shows it is not a time expression. */
function atomOf(text: string, match: RegExpExecArray): Atom | null {
  const groups: MatchGroups = match.groups ?? {};
  const start = match.index;
  const end = start + match[0].length;
  const previous = text.charCodeAt(start - 1);
  if (groups.word !== undefined || groups.native !== undefined) {
    if (isHangul(previous) || !stickyAt(WORD_FOLLOW, text, end)) return null;
    if (groups.native !== undefined) return nativeAtom(text, start, end, groups.native, groups.nUnitM !== undefined);
    return groups.word !== undefined ? wordAtom(text, start, end, groups.word.replace(' ', '')) : null;
  }
  // Everything else starts with a number, which must not continue another number ("1.5일", "1,200일").
  if (isDigit(previous) || previous === 0x2e || previous === 0x2c || previous === 0x2f) return null;
  return numericAtom(text, start, end, groups, previous);
}

/** "두 달", "한 해": a duration in native numerals. */
function nativeAtom(text: string, start: number, end: number, numeral: string, months: boolean): Atom | null {
  const n = NATIVE_NUMERALS[numeral] ?? 0;
  if (n === 0 && text[start + numeral.length] !== ' ') return null; // 수달 is an otter
  return { t: 'period', start, end: durationEnd(text, end) || end, term: `${n || '수'}${months ? '개월' : '년'}간` };
}

/** A part of the month right after `end` ("6월 하순", "이달 말까지"), and where the atom then ends. */
function monthPartAt(text: string, end: number): { part: Part | undefined; end: number } {
  const found = stickyAt(PART_AFTER, text, end);
  if (!found) return { part: undefined, end };
  return { part: MONTH_PARTS[found[1] ?? ''], end: PART_AFTER.lastIndex };
}

/** A time word (spaces removed: "지난 달" is "지난달"). */
function wordAtom(text: string, start: number, end: number, word: string): Atom | null {
  const day = RELATIVE_DAYS[word];
  if (day) return { t: 'relDay', start, end, ...day };
  const year = RELATIVE_YEARS[word];
  if (year) return { t: 'year', start, end, ...year };
  const month = RELATIVE_MONTHS[word];
  if (month) {
    const after = monthPartAt(text, end);
    return { t: 'relMonth', start, end: after.end, ...month, part: after.part };
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

/** A match that starts with a number: a dotted date, a range, a quarter, 6/18, or a number and counter. */
function numericAtom(text: string, start: number, end: number, groups: MatchGroups, previous: number): Atom | null {
  if (groups.dotY !== undefined) {
    const date = { y: Number(groups.dotY), m: Number(groups.dotM), d: Number(groups.dotD) };
    if (date.y < 1000 || date.y > 2999 || date.m < 1 || date.m > 12 || date.d < 1 || date.d > daysIn(date.y, date.m)) return null;
    return { t: 'date', start, end, ...date };
  }
  if (groups.yA !== undefined) {
    const from = Number(groups.yA);
    const to = Number(groups.yB);
    if (from < 1000 || to > 2999 || to <= from || '형식생대'.includes(text[end] || '-')) return null;
    return { t: 'yearRange', start, end, from, to };
  }
  if (groups.rA !== undefined)
    return rangeAtom(text, start, end, Number(groups.rA), Number(groups.rB ?? groups.rB2), groups.rAu ?? groups.rBu);
  if (groups.qOld !== undefined || groups.qQ !== undefined) {
    if (groups.qQ !== undefined && isLatin(previous)) return null;
    const prefix = prefixBefore(text, start, true);
    return {
      t: 'quarter',
      start: prefix?.start ?? start,
      end,
      q: Number(groups.qOld ?? groups.qQ),
      year: groups.qYY !== undefined ? 2000 + Number(groups.qYY) : undefined,
      prefix: prefix?.prefix,
    };
  }
  if (groups.slM !== undefined) {
    // Only when it cannot be a fraction or a day/month order: 6/18, not 1/2 or 3/4.
    const m = Number(groups.slM);
    const d = Number(groups.slD);
    if (m < 1 || m > 12 || d <= 12 || d > 31) return null;
    return { t: 'date', start, end, m, d };
  }
  if (groups.num === undefined || groups.unit === undefined) return null;
  return numberAtom(text, start, end, Number(groups.num), groups.num.length, groups.unit);
}

/** "1~10일", "6~8월", or a duration "3~5일간". */
function rangeAtom(text: string, start: number, end: number, a: number, b: number, unit: string | undefined): Atom | null {
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
  return !isHangul(text.charCodeAt(end)) || allowed.includes(text[end] ?? '');
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
      const after = monthPartAt(text, end);
      return { t: 'month', start: prefix?.start ?? start, end: after.end, month: n, prefix: prefix?.prefix, part: after.part };
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

/** The time atoms of `text`, in text order. */
export function* atomsOf(text: string): Generator<Atom> {
  MASTER.lastIndex = 0;
  for (let match = MASTER.exec(text); match; match = MASTER.exec(text)) {
    const atom = atomOf(text, match);
    if (atom) yield atom;
  }
}
