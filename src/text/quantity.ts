// Korean quantities: a number with its unit or counter, normalised so that different
// spellings of the same amount compare equal ("1,200억 원" = "1200억원", "3천㎡" = "3,000
// 제곱미터", "넉 달" = "4개월", "한 명" = "1명") and whole dates stay whole ("1989년 4월"
// is one date, not the numbers 1989 and 4). Pure functions; the tables below hold the
// Korean facts (numerals, day words, units, approximation words).

/** Bounds and vagueness a quantity can carry: 약/여/가량 (about), 이상/넘게 (over), 이하/미만/최대 (under). */
export type Approximation = 'about' | 'over' | 'under';

export interface QuantityDate {
  year?: number;
  month?: number;
  day?: number;
}

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

/** Magnitude words inside a number ("1조 4천억", "7만 2천"). */
const SMALL_MAGNITUDES: Record<string, number> = { 십: 10, 백: 100, 천: 1000 };
const BIG_MAGNITUDES: Record<string, number> = { 만: 1e4, 억: 1e8, 조: 1e12 };

/** Native Korean numerals that stand before a counter ("한 명", "넉 달", "세 차례"). */
export const NATIVE_NUMERALS: Record<string, number> = {
  한: 1, 두: 2, 세: 3, 석: 3, 서: 3, 네: 4, 넉: 4, 너: 4, 다섯: 5, 닷: 5, 여섯: 6, 엿: 6, 일곱: 7, 여덟: 8, 아홉: 9, 열: 10,
  열한: 11, 열두: 12, 열세: 13, 열네: 14, 열다섯: 15, 스무: 20, 스물: 20, 서른: 30, 마흔: 40, 쉰: 50,
};

/** Counters a native numeral may take; a numeral before any other word is not a number ("두 장관"). */
const NATIVE_COUNTERS = ['명', '사람', '달', '개', '번', '차례', '살', '곳', '가지', '대', '편', '권', '마리', '해', '시간', '척', '채', '그루', '벌', '잔', '장', '배'];

/** What may follow a counter in the same word: nothing or a particle. */
const COUNTER_TAILS = new Set(['', '이', '가', '을', '를', '은', '는', '의', '에', '에서', '으로', '로', '과', '와', '도', '만', '씩', '째', '동안', '간', '만에', '이나', '께']);

/** Day-count words: 하루 … 열흘. */
export const DAY_WORDS: Record<string, number> = { 하루: 1, 이틀: 2, 사흘: 3, 나흘: 4, 닷새: 5, 엿새: 6, 이레: 7, 여드레: 8, 아흐레: 9, 열흘: 10, 보름: 15 };

/** Bare Hangul numbers ("천 명", "수백 명"); 수- makes them vague. */
const HANGUL_NUMBERS: Record<string, number> = { 십: 10, 백: 100, 천: 1000, 만: 1e4, 십만: 1e5, 백만: 1e6, 천만: 1e7, 억: 1e8 };

/**
 * Units and counters after a number, spelled → canonical. Longest spelling wins, so
 * "3분기" is a quarter, not minutes, and "km²" is an area.
 */
export const UNITS: Record<string, string> = {
  제곱킬로미터: 'km2', '㎢': 'km2', 'km²': 'km2', km2: 'km2', 평방킬로미터: 'km2',
  킬로미터: 'km', km: 'km', '㎞': 'km',
  제곱미터: 'm2', '㎡': 'm2', 'm²': 'm2', m2: 'm2', 평방미터: 'm2',
  미터: 'm', m: 'm', 센티미터: 'cm', cm: 'cm', '㎝': 'cm', 밀리미터: 'mm', mm: 'mm', '㎜': 'mm',
  킬로그램: 'kg', kg: 'kg', '㎏': 'kg', 그램: 'g', g: 'g', 톤: 't', t: 't', 리터: 'l', l: 'l', 배럴: '배럴',
  퍼센트포인트: '%p', '%p': '%p', '%포인트': '%p', 퍼센트: '%', 프로: '%', '%': '%',
  원: '원', 달러: '달러', 엔: '엔', 위안: '위안', 유로: '유로', 파운드: '파운드',
  명: '명', 인: '명', 사람: '명', 개국: '개국', 개월: '개월', 달: '개월', 개: '개', 곳: '곳', 건: '건', 대: '대', 편: '편', 권: '권', 마리: '마리',
  차례: '회', 번: '회', 회: '회', 회차: '회', 살: '세', 세: '세', 층: '층', 위: '위', 등: '등', 호: '호', 배: '배', 점: '점', 골: '골',
  표: '표', 석: '석', 채: '채', 척: '척', 가구: '가구', 가지: '가지', 시간: '시간', 분기: '분기', 주년: '주년', 주: '주', 년대: '년대',
  년간: '년', 년: '년', 해: '년', 월: '월', 일간: '일', 일: '일', 시: '시', 분: '분', 초: '초', 도: '도', '℃': '도', 경기: '경기', 승: '승', 패: '패',
  세대: '세대', 기: '기', 부: '부', 장: '장', 쪽: '쪽', 페이지: '쪽', 그루: '그루', 포인트: '포인트', 선: '선', 강: '강', 연승: '연승', 연패: '연패',
  MW: 'MW', 메가와트: 'MW', GW: 'GW', 기가와트: 'GW', kW: 'kW', 킬로와트: 'kW', GB: 'GB', TB: 'TB', 평: '평',
};
const UNIT_SPELLINGS = Object.keys(UNITS).sort((a, b) => b.length - a.length);

/** Words before a number that bound or blur it. */
const APPROX_BEFORE: Record<string, Approximation> = { 약: 'about', 대략: 'about', 거의: 'about', 최소: 'over', 적어도: 'over', 최대: 'under', 최고: 'under' };
/** Words after a quantity that bound or blur it, longest first. */
const APPROX_AFTER: Array<[string, Approximation]> = (
  [
    ['가량', 'about'], ['정도', 'about'], ['안팎', 'about'], ['내외', 'about'], ['남짓', 'about'], ['쯤', 'about'], ['께', 'about'], ['여', 'about'],
    ['이상', 'over'], ['넘게', 'over'], ['넘는', 'over'], ['넘어', 'over'], ['초과', 'over'], ['이하', 'under'], ['미만', 'under'], ['아래', 'under'], ['이내', 'under'], ['밖에', 'under'],
  ] as Array<[string, Approximation]>
).sort((a, b) => b[0].length - a[0].length);

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isHangul = (ch: string | undefined) => ch !== undefined && ch >= '가' && ch <= '힣';
const isLatin = (ch: string | undefined) => ch !== undefined && /[A-Za-z]/.test(ch);

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
function readMagnitudeNumber(text: string, i: number): { value: number; end: number } | undefined {
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
        const peek = readDigits(text, after)!;
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

function matchUnit(text: string, i: number): { unit: string; end: number } | undefined {
  for (const spelling of UNIT_SPELLINGS) {
    if (!text.startsWith(spelling, i)) continue;
    const after = text[i + spelling.length];
    // A Latin unit must not run into a longer Latin word ("m" in "mobile").
    if (isLatin(spelling[spelling.length - 1]) && isLatin(after)) continue;
    return { unit: UNITS[spelling]!, end: i + spelling.length };
  }
  return undefined;
}

function approxAfter(text: string, i: number): { approx: Approximation; end: number } | undefined {
  const from = text[i] === ' ' ? i + 1 : i;
  for (const [word, approx] of APPROX_AFTER) {
    if (!text.startsWith(word, from)) continue;
    // "여" only right after the digits or unit, never as the start of a word ("3명 여성").
    if (word === '여' && from !== i) continue;
    return { approx, end: from + word.length };
  }
  return undefined;
}

function approxBefore(text: string, start: number): { approx: Approximation; start: number } | undefined {
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
function readDate(text: string, i: number): { date: QuantityDate; end: number } | undefined {
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

const dateValue = (date: QuantityDate) => (date.year ?? 0) * 10000 + (date.month ?? 0) * 100 + (date.day ?? 0);

/** True when `i` starts a word (start of text, or after a non-Hangul, non-Latin, non-digit). */
const wordStart = (text: string, i: number) => i === 0 || !(isHangul(text[i - 1]) || isLatin(text[i - 1]) || isDigit(text[i - 1]));

/**
 * Every quantity in `text`, in order: Arabic numbers with Korean magnitudes and their unit
 * or counter, whole dates, native numerals before a counter, day words (사흘) and bare
 * Hangul numbers (천 명). Numbers glued to Latin letters ("S6", "G20") are names, not
 * quantities. A number before a range sign takes the unit of the number after it
 * ("1970~1980년대").
 */
export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  const push = (start: number, end: number, value: number, unit: string, approx?: Approximation, date?: QuantityDate) => {
    const before = approxBefore(text, start);
    const after = approxAfter(text, end);
    const from = before?.start ?? start;
    const to = after?.end ?? end;
    const quantity: Quantity = { text: text.slice(from, to), start: from, end: to, value, unit };
    const bound = approx ?? after?.approx ?? before?.approx;
    if (bound) quantity.approx = bound;
    if (date) quantity.date = date;
    found.push(quantity);
    return to;
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (isDigit(ch)) {
      if (isLatin(text[i - 1]) || (isDigit(text[i - 1]))) {
        while (isDigit(text[i]) || text[i] === '.' || text[i] === ',') i++;
        continue;
      }
      const date = readDate(text, i);
      if (date && (date.date.month !== undefined || (date.date.year! >= 1000 && !text.startsWith('년간', i + 4)))) {
        i = push(i, date.end, dateValue(date.date), 'date', undefined, date.date);
        continue;
      }
      const number = readMagnitudeNumber(text, i)!;
      let end = number.end;
      let approx: Approximation | undefined;
      // "160여 명", "10여년": 여 between the number and its counter means "some".
      if (text[end] === '여' && (!isHangul(text[end + 1]) || matchUnit(text, end + 1))) {
        approx = 'about';
        end++;
      }
      const unitStart = text[end] === ' ' && !isDigit(text[end + 1]) ? end + 1 : end;
      const unit = matchUnit(text, unitStart);
      if (unit) i = push(i, unit.end, number.value, unit.unit, approx);
      else i = push(i, end, number.value, '', approx);
      continue;
    }
    if (isHangul(ch) && wordStart(text, i)) {
      const quantity = readHangulQuantity(text, i);
      if (quantity) {
        i = push(i, quantity.end, quantity.value, quantity.unit, quantity.approx);
        continue;
      }
      while (isHangul(text[i])) i++;
      continue;
    }
    i++;
  }
  // "1970~1980년대", "3~4명": the first number takes the unit of the second.
  for (let k = 0; k + 1 < found.length; k++) {
    const first = found[k]!;
    const second = found[k + 1]!;
    if (first.unit !== '' || !/^\s?[~∼\-–]\s?$/.test(text.slice(first.end, second.start))) continue;
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
  return found;
}

const DAY_WORD_ENTRIES = Object.entries(DAY_WORDS);
const HANGUL_NUMBER_ENTRIES = Object.entries(HANGUL_NUMBERS).sort((a, b) => b[0].length - a[0].length);
/** First syllables a Hangul quantity can start with: most words are skipped at once. */
const HANGUL_QUANTITY_STARTS = new Set([...Object.keys(DAY_WORDS), ...Object.keys(HANGUL_NUMBERS), ...Object.keys(NATIVE_NUMERALS), '수'].map((word) => word[0]!));

/** A native numeral + counter, a day word, or a bare Hangul number starting at `i`. */
function readHangulQuantity(text: string, i: number): { value: number; unit: string; end: number; approx?: Approximation } | undefined {
  let wordEnd = i;
  while (isHangul(text[wordEnd])) wordEnd++;
  const word = text.slice(i, wordEnd);
  if (!HANGUL_QUANTITY_STARTS.has(word[0]!)) return undefined;
  for (const [dayWord, days] of DAY_WORD_ENTRIES) {
    if (word === dayWord || (word.startsWith(dayWord) && /^(간|동안|째|만에|만|에|은|는|이|가|을|를|의|도)$/.test(word.slice(dayWord.length)))) {
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
    return { value, unit: unit.unit, end: unit.end, ...(vague ? { approx: 'about' as const } : {}) };
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

/** Share by which an approximate amount may differ from the exact one ("약 300명" for 312명). */
export const APPROX_TOLERANCE = 0.1;

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
      const bareYear = (q: Quantity) => (q.unit === 'date' ? q.date?.year !== undefined && q.date.month === undefined && q.date.day === undefined : q.unit === '년');
      if (!(bareYear(claim) && bareYear(source))) return false;
      const year = (q: Quantity) => (q.unit === 'date' ? q.date!.year! : q.value);
      return year(claim) === year(source);
    }
    const parts: Array<keyof QuantityDate> = ['year', 'month', 'day'];
    return parts.every((part) => claim.date![part] === undefined || claim.date![part] === source.date![part]);
  }
  if (claim.unit !== source.unit && claim.unit !== '' && source.unit !== '') return false;
  if (claim.approx && source.approx && claim.approx !== source.approx && claim.approx !== 'about' && source.approx !== 'about') return false;
  if (claim.value === source.value) return true;
  const scale = Math.max(Math.abs(claim.value), Math.abs(source.value));
  const near = Math.abs(claim.value - source.value) <= scale * 1e-9;
  if (near) return true;
  if (claim.approx === 'about' || source.approx === 'about') return Math.abs(claim.value - source.value) <= Math.abs(source.value) * APPROX_TOLERANCE;
  return false;
}
