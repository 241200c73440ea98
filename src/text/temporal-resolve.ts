// Resolution of the temporal analyser: a group of atoms becomes one index term and, given a
// reference date, a calendar range. The rules are listed at the top of temporal.ts.
import {
  addDays,
  addMonths,
  daysIn,
  halfRange,
  monthRange,
  quarterRange,
  range,
  validDay,
  yearRange,
  type DateRange,
  type Ymd,
} from './temporal-calendar.js';
import type { Atom } from './temporal-atoms.js';
import { lastAtom, type Group } from './temporal-groups.js';
import { CLAUSE_END, FUTURE, PAST, TARGET_AFTER, stickyAt, type Prefix } from './temporal-patterns.js';

/** What a time expression is (see `TimeExpression.kind`). */
export type TimeKind = 'date' | 'day' | 'month' | 'year' | 'quarter' | 'half' | 'week' | 'relative' | 'ordinal' | 'period';

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
    let at = forward
      ? day >= ref.d
        ? { y: ref.y, m: ref.m }
        : addMonths(ref.y, ref.m, 1)
      : day <= ref.d
        ? { y: ref.y, m: ref.m }
        : addMonths(ref.y, ref.m, -1);
    // The 31st steps over months that have no 31st.
    for (let tries = 0; day > daysIn(at.y, at.m) && tries < 3; tries++) at = addMonths(at.y, at.m, forward ? 1 : -1);
    return at;
  }

  relativeYear(offset: number): number | undefined {
    return this.ref ? this.ref.y + offset : undefined;
  }
}

export interface Resolved {
  kind: TimeKind;
  term: string;
  range?: DateRange;
  ordinal?: { n: number; unit: string };
  /** The first day, when the expression names one day (for joining "1일부터 10일까지"). */
  day?: Ymd;
  /** A written month for the term of a joined range. */
  month?: number;
}

/** A one-day term: "18일", or "1~10일" for a range of days. */
const dayTerm = (from: number, to: number) => (from === to ? `${from}일` : `${from}~${to}일`);

/** Resolves a group of atoms ("2025년 6월 18일", "지난달", "3일 전") against the reference date. */
export function resolveGroup(text: string, group: Group, ref: Ymd | undefined): Resolved | null {
  const [first] = group;
  const resolver = new Resolver(text, ref, lastAtom(group).end);
  if (group.length === 1) {
    const single = resolveSingle(first, ref, resolver);
    if (single !== undefined) return single;
  }
  // Calendar groups: [year] [month | relMonth | monthRange | quarter | half] [day | dayRange]
  let year: number | undefined;
  let rest: Atom[] = group;
  if (first.t === 'year') {
    year = first.year ?? (first.offset !== undefined ? resolver.relativeYear(first.offset) : undefined);
    rest = group.slice(1);
  }
  const [unit, dayAtom] = rest;
  if (!unit) return first.t === 'year' ? { kind: 'year', term: first.term, range: year !== undefined ? yearRange(year) : undefined } : null;
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
    case 'relMonth':
      return resolveMonth(unit, dayAtom, year, ref, resolver);
    default:
      return null;
  }
}

/** A group of one atom that is not a calendar unit; undefined for the calendar units. */
function resolveSingle(atom: Atom, ref: Ymd | undefined, resolver: Resolver): Resolved | null | undefined {
  switch (atom.t) {
    case 'relDay': {
      const day = ref ? addDays(ref, atom.offset) : undefined;
      return { kind: 'relative', term: atom.term, range: day ? range(day, day) : undefined, day };
    }
    case 'week': {
      if (!ref) return { kind: 'week', term: atom.term };
      const monday = addDays(ref, -((new Date(Date.UTC(ref.y, ref.m - 1, ref.d)).getUTCDay() + 6) % 7) + 7 * atom.offset);
      return {
        kind: 'week',
        term: atom.term,
        range: atom.weekend ? range(addDays(monday, 5), addDays(monday, 6)) : range(monday, addDays(monday, 6)),
      };
    }
    case 'relQuarter': {
      if (!ref) return { kind: 'quarter', term: atom.term };
      const index = ref.y * 4 + Math.ceil(ref.m / 3) - 1 + atom.offset;
      return { kind: 'quarter', term: atom.term, range: quarterRange(Math.floor(index / 4), (index % 4) + 1) };
    }
    case 'ago':
      return resolveAgo(atom, ref);
    case 'yearRange':
      return { kind: 'year', term: `${atom.from}~${atom.to}년`, range: range({ y: atom.from, m: 1, d: 1 }, { y: atom.to, m: 12, d: 31 }) };
    case 'ordinal':
      return { kind: 'ordinal', term: `${atom.n}${atom.unit}`, ordinal: { n: atom.n, unit: atom.unit } };
    case 'period':
      return { kind: 'period', term: atom.term };
    case 'date': {
      const y = atom.y ?? resolver.yearOf(atom.m, 12, undefined);
      const day = y !== undefined ? validDay(y, atom.m, atom.d) : undefined;
      return { kind: 'date', term: `${atom.m}월 ${atom.d}일`, range: day ? range(day, day) : undefined, day, month: atom.m };
    }
    case 'day':
    case 'dayRange': {
      const from = atom.t === 'day' ? atom.day : atom.from;
      const to = atom.t === 'day' ? atom.day : atom.to;
      const at = resolver.monthOfDay(from, atom.prefix);
      const day = at ? validDay(at.y, at.m, from) : undefined;
      return { kind: 'day', term: dayTerm(from, to), range: at && day ? monthRange(at.y, at.m, from, to) : undefined, day };
    }
    default:
      return undefined;
  }
}

/** "3일 전", "2주 후", "6개월 전", "5년 뒤". */
function resolveAgo(atom: Extract<Atom, { t: 'ago' }>, ref: Ymd | undefined): Resolved {
  const term = `${atom.n}${atom.unit} ${atom.sign < 0 ? '전' : '후'}`;
  if (!ref) return { kind: 'relative', term };
  const n = atom.n * atom.sign;
  if (atom.unit === '일' || atom.unit === '주') {
    const day = addDays(ref, atom.unit === '일' ? n : 7 * n);
    return { kind: 'relative', term, range: range(day, day), day };
  }
  if (atom.unit === '개월') {
    const at = addMonths(ref.y, ref.m, n);
    return { kind: 'relative', term, range: monthRange(at.y, at.m) };
  }
  // "5000년 전" has no calendar year here.
  return { kind: 'relative', term, range: ref.y + n >= 1000 && ref.y + n <= 2999 ? yearRange(ref.y + n) : undefined };
}

/** A month ("6월", "지난달", "이달 하순") with an optional year before it and day after it. */
function resolveMonth(
  unit: Extract<Atom, { t: 'month' | 'relMonth' }>,
  dayAtom: Atom | undefined,
  year: number | undefined,
  ref: Ymd | undefined,
  resolver: Resolver,
): Resolved | null {
  let at: { y: number; m: number } | undefined;
  if (unit.t === 'month') {
    const y = year ?? resolver.yearOf(unit.month, 12, unit.prefix);
    at = y !== undefined ? { y, m: unit.month } : undefined;
  } else if (ref) {
    at = addMonths(ref.y, ref.m, unit.offset);
  }
  const writtenMonth = unit.t === 'month' ? unit.month : undefined;
  if (!dayAtom) {
    const monthTerm = unit.t === 'month' ? `${unit.month}월` : unit.term;
    const term = unit.part ? `${monthTerm} ${unit.part.term}` : monthTerm;
    const kind = unit.t === 'month' ? 'month' : 'relative';
    return { kind, term, range: at ? monthRange(at.y, at.m, unit.part?.from, unit.part?.to) : undefined };
  }
  if (dayAtom.t !== 'day' && dayAtom.t !== 'dayRange') return null;
  const from = dayAtom.t === 'day' ? dayAtom.day : dayAtom.from;
  const to = dayAtom.t === 'day' ? dayAtom.day : dayAtom.to;
  const term = writtenMonth !== undefined ? `${writtenMonth}월 ${dayTerm(from, to)}` : dayTerm(from, to);
  const day = at ? validDay(at.y, at.m, from) : undefined;
  const valid = at && day && to <= daysIn(at.y, at.m);
  return { kind: 'date', term, range: at && valid ? monthRange(at.y, at.m, from, to) : undefined, day, month: writtenMonth };
}
