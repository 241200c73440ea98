// Korean quantities: a number with its unit or counter, normalised so that different
// spellings of the same amount compare equal ("1,200억 원" = "1200억원", "3천㎡" = "3,000
// 제곱미터", "넉 달" = "4개월", "한 명" = "1명") and whole dates stay whole ("1989년 4월"
// is one date, not the numbers 1989 and 4). Pure functions; the tables below hold the
// Korean facts (numerals, day words, units, approximation words).
import {
  approxAfter,
  approxBefore,
  dateValue,
  isDigit,
  isHangul,
  isLatin,
  matchUnit,
  readDate,
  readHangulQuantity,
  readMagnitudeNumber,
  wordStart,
  type QuantityDate,
} from './quantity-read.js';
import type { Approximation } from './quantity-words.js';

export interface Quantity {
  /** The quantity as written, approximation words included ("약 540억 원"). */
  text: string;
  start: number;
  end: number;
  /** The amount (for a date: year·10000 + month·100 + day, missing parts 0). */
  value: number;
  /** Canonical unit or counter: '원', '명', 'km2', '%', '개월', 'date', … ('' when none). */
  unit: string;
  approx?: Approximation;
  /** Set when unit is 'date'. */
  date?: QuantityDate;
}

/**
 * Every quantity in `text`, in order: Arabic numbers with Korean magnitudes and their unit
 * or counter, whole dates, native numerals before a counter, day words (사흘) and bare
 * Hangul numbers (천 명). Numbers glued to Latin letters ("S6", "G20") are names, not
 * quantities. A number before a range sign takes the unit of the number after it
 * ("1970~1980년대").
 */
export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (isDigit(ch)) {
      if (isLatin(text[i - 1]) || isDigit(text[i - 1])) {
        while (isDigit(text[i]) || text[i] === '.' || text[i] === ',') i++;
        continue;
      }
      const reading = readNumberQuantity(text, i);
      i = reading ? addQuantity(found, text, i, reading) : i + 1;
      continue;
    }
    if (isHangul(ch) && wordStart(text, i)) {
      const reading = readHangulQuantity(text, i);
      if (reading) {
        i = addQuantity(found, text, i, reading);
        continue;
      }
      while (isHangul(text[i])) i++;
      continue;
    }
    i++;
  }
  shareRangeUnits(text, found);
  return found;
}

/** What a reader found at a position, before the approximation words around it. */
interface Reading {
  end: number;
  value: number;
  unit: string;
  approx?: Approximation;
  date?: QuantityDate;
}

/** Adds the quantity read at `start` with the approximation words around it; returns where it ends. */
function addQuantity(found: Quantity[], text: string, start: number, reading: Reading): number {
  const before = approxBefore(text, start);
  const after = approxAfter(text, reading.end);
  const from = before?.start ?? start;
  const to = after?.end ?? reading.end;
  const quantity: Quantity = { text: text.slice(from, to), start: from, end: to, value: reading.value, unit: reading.unit };
  const bound = reading.approx ?? after?.approx ?? before?.approx;
  if (bound) quantity.approx = bound;
  if (reading.date) quantity.date = reading.date;
  found.push(quantity);
  return to;
}

/** A whole date, or an Arabic number with its magnitudes, 여 and unit, at the digit at `i`. */
function readNumberQuantity(text: string, i: number): Reading | undefined {
  const date = readDate(text, i);
  if (date && (date.date.month !== undefined || ((date.date.year ?? 0) >= 1000 && !text.startsWith('년간', i + 4)))) {
    return { end: date.end, value: dateValue(date.date), unit: 'date', date: date.date };
  }
  const number = readMagnitudeNumber(text, i);
  if (!number) return undefined;
  let end = number.end;
  let approx: Approximation | undefined;
  // "160여 명", "10여년": 여 between the number and its counter means "some".
  if (text[end] === '여' && (!isHangul(text[end + 1]) || matchUnit(text, end + 1))) {
    approx = 'about';
    end++;
  }
  const unitStart = text[end] === ' ' && !isDigit(text[end + 1]) ? end + 1 : end;
  const unit = matchUnit(text, unitStart);
  return unit ? { end: unit.end, value: number.value, unit: unit.unit, approx } : { end, value: number.value, unit: '', approx };
}

/** "1970~1980년대", "3~4명": the first number of a range takes the unit of the second. */
function shareRangeUnits(text: string, found: Quantity[]): void {
  for (let k = 1; k < found.length; k++) {
    const first = found[k - 1];
    const second = found[k];
    if (!first || !second || first.unit !== '' || !/^\s?[~∼\-–]\s?$/.test(text.slice(first.end, second.start))) continue;
    if (second.unit !== 'date') first.unit = second.unit;
    else if (second.date?.year !== undefined && first.value >= 1000) {
      // "1924년 ~ 2010년", "2019~2021년": the first year of a range.
      first.unit = 'date';
      first.date = { year: first.value };
      first.value *= 10000;
    } else if (second.date?.month !== undefined && second.date.year === undefined && first.value >= 1 && first.value <= 12) {
      first.unit = 'date';
      first.date = { month: first.value };
      first.value *= 100;
    }
  }
}

/** Share by which an approximate amount may differ from the exact one ("약 300명" for 312명). */
const APPROX_TOLERANCE = 0.1;

/**
 * True when a claimed quantity is supported by a quantity of the source: the same unit
 * (or either without one) and the same amount, within APPROX_TOLERANCE when either is
 * approximate; bounds must not contradict ("90% 아래" vs "90% 이상"). A claimed date must
 * agree on every part it names and name no part the source lacks ("4월" fits "1986년 4월";
 * "1989년 4월" does not).
 */
export function quantitySupports(source: Quantity, claim: Quantity): boolean {
  if (claim.unit === 'date' || source.unit === 'date') {
    if (claim.unit !== 'date' || source.unit !== 'date') {
      // "1967년에" may be read as a year date on one side and a bare year on the other.
      const bareYear = (q: Quantity) =>
        q.unit === 'date' ? q.date?.year !== undefined && q.date.month === undefined && q.date.day === undefined : q.unit === '년';
      if (!(bareYear(claim) && bareYear(source))) return false;
      const year = (q: Quantity) => (q.unit === 'date' ? q.date?.year : q.value);
      return year(claim) === year(source);
    }
    const parts: Array<keyof QuantityDate> = ['year', 'month', 'day'];
    return parts.every((part) => claim.date?.[part] === undefined || claim.date[part] === source.date?.[part]);
  }
  if (claim.unit !== source.unit && claim.unit !== '' && source.unit !== '') return false;
  if (claim.approx && source.approx && claim.approx !== source.approx && claim.approx !== 'about' && source.approx !== 'about')
    return false;
  if (claim.value === source.value) return true;
  const scale = Math.max(Math.abs(claim.value), Math.abs(source.value));
  const near = Math.abs(claim.value - source.value) <= scale * 1e-9;
  if (near) return true;
  if (claim.approx === 'about' || source.approx === 'about')
    return Math.abs(claim.value - source.value) <= Math.abs(source.value) * APPROX_TOLERANCE;
  return false;
}
