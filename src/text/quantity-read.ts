// Readers of the quantity finder (quantity.ts): each reads one kind of number, unit, date or
// approximation word at a position of the text and says where it ends.
import {
  APPROX_AFTER,
  APPROX_BEFORE,
  BIG_MAGNITUDES,
  COUNTER_TAILS,
  HANGUL_NUMBERS,
  NATIVE_COUNTERS,
  NATIVE_NUMERALS,
  SMALL_MAGNITUDES,
  UNITS,
  UNIT_SPELLINGS,
  type Approximation,
} from './quantity-words.js';
import { DAY_COUNT_WORDS } from './temporal-tables.js';

export interface QuantityDate {
  year?: number;
  month?: number;
  day?: number;
}

export const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
export const isHangul = (ch: string | undefined) => ch !== undefined && ch >= '가' && ch <= '힣';
export const isLatin = (ch: string | undefined) => ch !== undefined && /[A-Za-z]/.test(ch);

/** Reads an Arabic number with separators and decimals at `i` ("1,200", "3.5"). */
function readDigits(text: string, i: number): { value: number; end: number } | undefined {
  if (!isDigit(text[i])) return undefined;
  let end = i;
  let dots = 0;
  while (isDigit(text[end]) || ((text[end] === ',' || (text[end] === '.' && dots === 0)) && isDigit(text[end + 1]))) {
    if (text[end] === '.') dots++;
    end++;
  }
  const raw = text.slice(i, end);
  // A comma that is not a thousands separator ("1,2") separates two numbers.
  if (/,\d{1,2}(?!\d)/.test(raw) || /,\d{4,}/.test(raw)) {
    const cut = raw.indexOf(',');
    return { value: Number(raw.slice(0, cut)), end: i + cut };
  }
  return { value: Number(raw.replace(/,/g, '')), end };
}

/**
 * Reads a number written with Korean magnitudes from `i`: "1조 4천억", "7만 2천", "36만 905",
 * "2,300억". Returns the value and where it ends (before any unit).
 */
export function readMagnitudeNumber(text: string, i: number): { value: number; end: number } | undefined {
  let total = 0;
  let section = 0;
  let position = i;
  let end = i;
  for (;;) {
    const digits = readDigits(text, position);
    if (!digits) break;
    let value = digits.value;
    let next = digits.end;
    const small = SMALL_MAGNITUDES[text[next] ?? ''];
    // "4천억": a small magnitude glued to the digits, only when a big one, a space or a non-Hangul follows.
    if (small && (BIG_MAGNITUDES[text[next + 1] ?? ''] || !isHangul(text[next + 1]) || text[next + 1] === '여')) {
      value *= small;
      next++;
    }
    const big = BIG_MAGNITUDES[text[next] ?? ''];
    // "만" glued to a word ("만원" keeps 원 as unit, "만에" is "after") is still the magnitude only before a unit or space.
    if (big && !(text[next] === '만' && text[next + 1] === '에')) {
      section += value;
      total += section * big;
      section = 0;
      next++;
      end = next;
      // Continue across one space only into a smaller group ("36만 905명", "1조 4천억 원").
      const after = text[next] === ' ' ? next + 1 : next;
      if (isDigit(text[after])) {
        const peek = readDigits(text, after);
        if (!peek) break;
        const peekBig = BIG_MAGNITUDES[text[peek.end] ?? ''] ?? BIG_MAGNITUDES[text[peek.end + 1] ?? ''];
        if (peekBig === undefined || peekBig < big) {
          position = after;
          continue;
        }
      }
      break;
    }
    section += value;
    end = next;
    break;
  }
  if (end === i) return undefined;
  return { value: total + section, end };
}

export function matchUnit(text: string, i: number): { unit: string; end: number } | undefined {
  for (const spelling of UNIT_SPELLINGS) {
    if (!text.startsWith(spelling, i)) continue;
    const after = text[i + spelling.length];
    // A Latin unit must not run into a longer Latin word ("m" in "mobile").
    if (isLatin(spelling[spelling.length - 1]) && isLatin(after)) continue;
    return { unit: UNITS[spelling] ?? spelling, end: i + spelling.length };
  }
  return undefined;
}

export function approxAfter(text: string, i: number): { approx: Approximation; end: number } | undefined {
  const from = text[i] === ' ' ? i + 1 : i;
  for (const [word, approx] of APPROX_AFTER) {
    if (!text.startsWith(word, from)) continue;
    // "여" only right after the digits or unit, never as the start of a word ("3명 여성").
    if (word === '여' && from !== i) continue;
    return { approx, end: from + word.length };
  }
  return undefined;
}

export function approxBefore(text: string, start: number): { approx: Approximation; start: number } | undefined {
  let i = start;
  if (text[i - 1] === ' ') i--;
  for (const [word, approx] of Object.entries(APPROX_BEFORE)) {
    const from = i - word.length;
    if (from >= 0 && text.startsWith(word, from) && (from === 0 || !isHangul(text[from - 1]))) return { approx, start: from };
  }
  return undefined;
}

const DATE_PATTERN = /(?:(\d{4})\s?년\s?)?(?:(\d{1,2})\s?월\s?)?(?:(\d{1,2})\s?일)?/y;
const DOTTED_DATE = /(\d{4})[.\-/]\s?(\d{1,2})[.\-/]\s?(\d{1,2})\.?/y;

/** A whole date at `i` ("1989년 4월", "10월 5일", "2025. 8. 30."), or undefined. A year alone counts; a day alone does not. */
export function readDate(text: string, i: number): { date: QuantityDate; end: number } | undefined {
  DOTTED_DATE.lastIndex = i;
  const dotted = DOTTED_DATE.exec(text);
  if (dotted) return { date: { year: Number(dotted[1]), month: Number(dotted[2]), day: Number(dotted[3]) }, end: i + dotted[0].length };
  DATE_PATTERN.lastIndex = i;
  const match = DATE_PATTERN.exec(text);
  if (!match || match[0].length === 0) return undefined;
  const [, year, month, day] = match;
  if (!year && !month) return undefined;
  if (month && (Number(month) < 1 || Number(month) > 12)) return undefined;
  // "2025년 3월 20" with no 일 is not a day; "년대" is a decade, not a year.
  if (year && !month && text.startsWith('대', i + match[0].length)) return undefined;
  const date: QuantityDate = {};
  if (year) date.year = Number(year);
  if (month) date.month = Number(month);
  if (day) date.day = Number(day);
  return { date, end: i + match[0].trimEnd().length };
}

export const dateValue = (date: QuantityDate) => (date.year ?? 0) * 10000 + (date.month ?? 0) * 100 + (date.day ?? 0);

/** True when `i` starts a word (start of text, or after a non-Hangul, non-Latin, non-digit). */
export const wordStart = (text: string, i: number) => i === 0 || !(isHangul(text[i - 1]) || isLatin(text[i - 1]) || isDigit(text[i - 1]));

const DAY_WORD_ENTRIES = Object.entries(DAY_COUNT_WORDS);
const HANGUL_NUMBER_ENTRIES = Object.entries(HANGUL_NUMBERS).sort((a, b) => b[0].length - a[0].length);
/** First syllables a Hangul quantity can start with: most words are skipped at once. */
const HANGUL_QUANTITY_STARTS = new Set(
  [...Object.keys(DAY_COUNT_WORDS), ...Object.keys(HANGUL_NUMBERS), ...Object.keys(NATIVE_NUMERALS), '수'].map((word) => word.charAt(0)),
);

/** A native numeral + counter, a day word, or a bare Hangul number starting at `i`. */
export function readHangulQuantity(
  text: string,
  i: number,
): { value: number; unit: string; end: number; approx?: Approximation } | undefined {
  let wordEnd = i;
  while (isHangul(text[wordEnd])) wordEnd++;
  const word = text.slice(i, wordEnd);
  if (!HANGUL_QUANTITY_STARTS.has(word.charAt(0))) return undefined;
  for (const [dayWord, days] of DAY_WORD_ENTRIES) {
    if (
      word === dayWord ||
      (word.startsWith(dayWord) && /^(간|동안|째|만에|만|에|은|는|이|가|을|를|의|도)$/.test(word.slice(dayWord.length)))
    ) {
      return { value: days, unit: '일', end: i + dayWord.length };
    }
  }
  // "수천 명", "천 명", "백만 명": a bare Hangul number, then a space or a unit.
  const vague = word.startsWith('수') && word.length > 1;
  const bare = vague ? word.slice(1) : word;
  for (const [spelling, value] of HANGUL_NUMBER_ENTRIES) {
    if (!bare.startsWith(spelling)) continue;
    const afterNumber = i + (vague ? 1 : 0) + spelling.length;
    const unitStart = text[afterNumber] === ' ' ? afterNumber + 1 : afterNumber;
    const unit = matchUnit(text, unitStart);
    if (!unit || (afterNumber === wordEnd && text[afterNumber] !== ' ')) continue;
    if (afterNumber !== wordEnd && unitStart !== afterNumber) continue;
    const approx: Approximation | undefined = vague ? 'about' : undefined;
    return { value, unit: unit.unit, end: unit.end, ...(approx ? { approx } : {}) };
  }
  const numeral = NATIVE_NUMERALS[word];
  if (numeral !== undefined && text[wordEnd] === ' ') {
    for (const counter of NATIVE_COUNTERS) {
      if (!text.startsWith(counter, wordEnd + 1)) continue;
      // The counter must end its word or take a particle: "두 장관" is not two of anything.
      let rest = wordEnd + 1 + counter.length;
      while (isHangul(text[rest])) rest++;
      if (!COUNTER_TAILS.has(text.slice(wordEnd + 1 + counter.length, rest))) continue;
      const unit = UNITS[counter] ?? counter;
      return { value: numeral, unit, end: wordEnd + 1 + counter.length };
    }
  }
  return undefined;
}
