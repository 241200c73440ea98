// Calendar arithmetic of the temporal analyser on plain year-month-day triples (no Date
// objects kept: they carry a time zone the text does not have).

/** Calendar range, ISO YYYY-MM-DD, both ends inclusive. */
export interface DateRange {
  from: string;
  to: string;
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
export const isoOf = (date: Ymd) => `${date.y}-${pad2(date.m)}-${pad2(date.d)}`;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysIn = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] ?? 31));

export function parseIso(value: string | undefined): Ymd | undefined {
  const match = value ? ISO.exec(value) : null;
  if (!match) return undefined;
  const date = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  return date.m >= 1 && date.m <= 12 && date.d >= 1 && date.d <= daysIn(date.y, date.m) ? date : undefined;
}

/** Both ends of a range, checked: a malformed or reversed range is a caller's error. */
export function parseRange(value: DateRange): [Ymd, Ymd] {
  const from = parseIso(value.from);
  const to = parseIso(value.to);
  if (!from || !to || dayNumber(to) < dayNumber(from)) throw new RangeError(`not a date range: ${value.from}..${value.to}`);
  return [from, to];
}

export function addDays(date: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addMonths(y: number, m: number, months: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + months;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

export const dayNumber = (date: Ymd) => Date.UTC(date.y, date.m - 1, date.d) / 86_400_000;

export function validDay(y: number, m: number, d: number): Ymd | undefined {
  return d >= 1 && d <= daysIn(y, m) ? { y, m, d } : undefined;
}

export const range = (from: Ymd, to: Ymd): DateRange => ({ from: isoOf(from), to: isoOf(to) });
export const monthRange = (y: number, m: number, from = 1, to = 31): DateRange =>
  range({ y, m, d: Math.min(from, daysIn(y, m)) }, { y, m, d: Math.min(to, daysIn(y, m)) });
export const quarterRange = (y: number, q: number) => range({ y, m: q * 3 - 2, d: 1 }, { y, m: q * 3, d: daysIn(y, q * 3) });
export const halfRange = (y: number, h: number) => range({ y, m: h * 6 - 5, d: 1 }, { y, m: h * 6, d: daysIn(y, h * 6) });
export const yearRange = (y: number) => range({ y, m: 1, d: 1 }, { y, m: 12, d: 31 });
