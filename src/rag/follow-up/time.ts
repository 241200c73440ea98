// Times a follow-up points back to (그때, 그 전달): the first time said in the conversation,
// shifted when the noun says so.
import { SAME_TIME_HEADS, TIME_SHIFTS, type TimeShift } from './korean-tables.js';

const TIME_EXPRESSION =
  /(?:(\d{4})년\s*|(?:지난해|올해|작년|내년)\s+)?(?:(\d{1,2})월\s*)?(?:(\d{1,2})일)|(?:(\d{4})년|지난해|올해|작년|내년)(?:\s*(\d{1,2})월)?|(\d{1,2})월|([1-4])분기|지난달|지난주|어제|오늘|내일/g;

interface TimeReference {
  text: string;
  year?: number;
  month?: number;
  day?: number;
  quarter?: number;
}

function timeOf(sources: string[]): TimeReference | undefined {
  for (const source of sources) {
    for (const match of source.matchAll(TIME_EXPRESSION)) {
      const year = Number(match[1] ?? match[4]) || undefined;
      const month = Number(match[2] ?? match[5] ?? match[6]) || undefined;
      const day = Number(match[3]) || undefined;
      const quarter = Number(match[7]) || undefined;
      return { text: match[0].trim(), year, month, day, quarter };
    }
  }
  return undefined;
}

/** Applies a relative shift (그 전달 → month − 1) when the reference has that unit. */
export function shiftTime(reference: TimeReference, shift: TimeShift): string | undefined {
  if (shift.unit === 'year' && reference.year) return `${reference.year + shift.by}년`;
  if (shift.unit === 'month' && reference.month) {
    const zero = reference.month - 1 + shift.by;
    const month = (((zero % 12) + 12) % 12) + 1;
    const year = reference.year ? reference.year + Math.floor(zero / 12) : undefined;
    return year ? `${year}년 ${month}월` : `${month}월`;
  }
  if (shift.unit === 'quarter' && reference.quarter) {
    const zero = reference.quarter - 1 + shift.by;
    return `${(((zero % 4) + 4) % 4) + 1}분기`;
  }
  if (shift.unit === 'day' && reference.day) {
    const day = reference.day + shift.by;
    if (day >= 1 && day <= 28) return reference.month ? `${reference.month}월 ${day}일` : `${day}일`;
  }
  return undefined;
}

/** What 그때 / 그 전달 stands for in `sources`: the first time said, shifted when the noun says so. */
export function resolveTime(sources: string[], head: string | undefined): string | undefined {
  const reference = timeOf(sources);
  if (!reference) return undefined;
  const shift = head ? TIME_SHIFTS.get(head) : undefined;
  if (shift) return shiftTime(reference, shift);
  return head && !SAME_TIME_HEADS.has(head) ? undefined : reference.text;
}

/** The first time expression of a question (8월, 2024년 3월 5일), if any. */
export function firstTime(text: string): string | undefined {
  return text.match(new RegExp(TIME_EXPRESSION.source))?.[0]?.trim();
}
