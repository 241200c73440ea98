// Korean-aware sentence splitting over character spans, so every sentence maps
// back to its exact place in the article.
import type { Span } from '../domain/types.js';

const TERMINALS = new Set(['.', '?', '!', '…', '。', '？', '！']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '」', '』', '》', '〉']);
// Latin abbreviations whose period does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'vs', 'etc', 'no', 'inc', 'co', 'corp', 'ltd', 'jr', 'sr', 'gov', 'dept', 'e.g', 'i.e', 'u.s', 'u.k', 'a.m', 'p.m',
]);

// The day of a dotted date ("2025. 10. 30", "2025.10.30") just before its final period,
// which belongs to the date, not to the end of a sentence.
const DOTTED_DATE_END = /(?:^|[^\d])\d{4}\. ?\d{1,2}\. ?\d{1,2}$/;

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\n' || ch === '\t';

/** Marks positions inside a quotation (“…” or a pair of straight quotes on one line). */
function quotedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    const opens: Array<[string, number]> = [];
    for (let j = lineStart; j < i; j++) {
      const ch = text[j];
      if (ch === '“' || ch === '‘' || ch === '「' || ch === '『') opens.push([ch, j]);
      else if (ch === '”' || ch === '’' || ch === '」' || ch === '』') {
        const want = ch === '”' ? '“' : ch === '’' ? '‘' : ch === '」' ? '「' : '『';
        const at = opens.findLastIndex(([open]) => open === want);
        if (at >= 0) {
          mask.fill(1, opens[at]![1] + 1, j);
          opens.length = at;
        }
      } else if (ch === '"') {
        const at = opens.findLastIndex(([open]) => open === '"');
        if (at >= 0) {
          mask.fill(1, opens[at]![1] + 1, j);
          opens.length = at;
        } else opens.push(['"', j]);
      }
    }
    lineStart = i + 1;
  }
  return mask;
}

function isAbbreviation(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && /[A-Za-z.]/.test(text[start - 1]!)) start--;
  const word = text.slice(start, dot).toLowerCase();
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital initial ("J. Kim") or dotted initials ("U.S.").
  return /^[a-z](\.[a-z])*$/.test(word) && /[A-Z]/.test(text[start]!);
}

/** Trims whitespace from both ends of [start, end) and returns null when nothing is left. */
function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return start < end ? { start, end } : null;
}

/**
 * Splits text into sentence spans. A sentence ends at a line break, or after
 * terminal punctuation (plus closing quotes or brackets) followed by whitespace,
 * except inside quotations, after decimals and dotted dates ("3.5%", "2025. 10. 30."),
 * and after Latin abbreviations.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const quoted = quotedMask(text);
  let start = 0;
  const push = (end: number) => {
    const span = trimmed(text, start, end);
    if (span) spans.push(span);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      continue;
    }
    // A quotation that ends a sentence: `…했다." 다음 문장`.
    const closesQuotedSentence = CLOSERS.has(ch) && !quoted[i] && quoted[i - 1] === 1 && TERMINALS.has(text[i - 1] ?? '');
    if (!closesQuotedSentence && (!TERMINALS.has(ch) || quoted[i])) continue;
    let end = i + 1;
    while (end < text.length && (TERMINALS.has(text[end]!) || CLOSERS.has(text[end]!))) end++;
    if (end < text.length && !isSpace(text[end])) continue;
    if (ch === '.') {
      let next = end;
      while (next < text.length && text[next] === ' ') next++;
      if (isDigit(text[i - 1]) && isDigit(text[next]) && end === i + 1) continue; // "2025. 10. 30."
      if (end === i + 1 && DOTTED_DATE_END.test(text.slice(Math.max(0, i - 14), i))) continue; // "2025. 10. 30. 열렸다"
      if (isAbbreviation(text, i)) continue;
    }
    push(end);
    i = end - 1;
  }
  push(text.length);
  return spans;
}
