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
