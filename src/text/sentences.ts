// Korean-aware sentence splitting over character spans, so every sentence maps back to
// its exact place in the text. One scan serves articles and model answers alike: the
// characters that end a sentence, the quotes and brackets that close after it, what
// counts as space, and the decimal point are defined here once; each kind of text adds
// its rules for the ends it must not take and for what follows an end (an answer's markers).
import type { Span } from '../domain/types.js';

/** Characters that end a sentence. */
const SENTENCE_TERMINALS = new Set(['.', '?', '!', '…', '。', '？', '！']);
/** Closing quotes and brackets that stay with the sentence they follow. */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '」', '』', '》', '〉']);

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
export const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
export const isTerminal = (ch: string | undefined) => ch !== undefined && SENTENCE_TERMINALS.has(ch);
const isCloser = (ch: string | undefined) => ch !== undefined && CLOSERS.has(ch);
/** Terminals and closers: the characters a run at a sentence end is made of. */
const SENTENCE_MARKS = new Set([...SENTENCE_TERMINALS, ...CLOSERS]);

/** A period between digits ("3.5", "2025. 10"): it belongs to the number, not to a sentence end. */
export function isDecimalPoint(text: string, i: number): boolean {
  if (text[i] !== '.' || !isDigit(text[i - 1])) return false;
  let next = i + 1;
  while (text[next] === ' ') next++;
  return isDigit(text[next]);
}

// The day of a dotted date ("2025. 10. 30", "2025.10.30") just before its final period. The
// year has four digits: "12.5.1." is a section number, which ends its heading's first part.
const DOTTED_DATE_END = /(?:^|[^\d])\d{4}\.\s?\d{1,2}\.\s?\d{1,2}$/;

/** The final period of a dotted date ("2025. 10. 30. 열렸다"): it belongs to the date. */
export function isDottedDateEnd(text: string, i: number): boolean {
  return text[i] === '.' && DOTTED_DATE_END.test(text.slice(Math.max(0, i - 14), i));
}

/** What a kind of text adds to the shared scan. */
export interface SentenceRules {
  /**
   * True when the character at `at` (a terminal, or a closer right after one) ends a sentence.
   * `end` is where its run of terminals and closers stops; whitespace (or `mayFollow`) is there.
   */
  endsAt(at: number, end: number): boolean;
  /** A character besides whitespace that may directly follow a sentence end. */
  mayFollow?(ch: string): boolean;
  /** Where the sentence that ends at `end` really ends, when something after it belongs to it. */
  extend?(end: number): number;
}

/** Trims whitespace from both ends of [start, end) and returns null when nothing is left. */
function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return start < end ? { start, end } : null;
}

/**
 * The scan every splitter shares. A sentence ends at a line break, or after a terminal and
 * the closing quotes or brackets after it, followed by whitespace, when `rules` agree.
 */
export function scanSentences(text: string, rules: SentenceRules): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    const span = trimmed(text, start, end);
    if (span) spans.push(span);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\n') {
      push(i);
      continue;
    }
    if (!SENTENCE_MARKS.has(ch)) continue;
    let end = i + 1;
    while (end < text.length && SENTENCE_MARKS.has(text.charAt(end))) end++;
    // "example.com", "3.5": a terminal glued to the next word ends nothing.
    const next = text[end];
    if (next !== undefined && !isSpace(next) && rules.mayFollow?.(next) !== true) continue;
    if (!rules.endsAt(i, end)) continue;
    end = rules.extend?.(end) ?? end;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return spans;
}

// Latin abbreviations whose period does not end a sentence.
// prettier-ignore
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'vs', 'etc', 'no', 'inc', 'co', 'corp', 'ltd', 'jr', 'sr', 'gov', 'dept', 'e.g', 'i.e',
  'u.s', 'u.k', 'a.m', 'p.m',
]);

/** The opening mark each closing quotation mark pairs with. */
const OPENER_OF: Record<string, string> = { '”': '“', '’': '‘', '」': '「', '』': '『' };

/** Marks positions inside a quotation (“…” or a pair of straight quotes on one line). */
function quotedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    const opens: Array<{ mark: string; at: number }> = [];
    for (let j = lineStart; j < i; j++) {
      const ch = text.charAt(j);
      // Most characters are no quotation mark: compare before any lookup.
      if (ch === '“' || ch === '‘' || ch === '「' || ch === '『') opens.push({ mark: ch, at: j });
      else if (ch === '"' || ch === '”' || ch === '’' || ch === '」' || ch === '』') {
        const want = OPENER_OF[ch] ?? '"';
        const index = opens.findLastIndex(({ mark }) => mark === want);
        const open = opens[index];
        if (open) {
          mask.fill(1, open.at + 1, j);
          opens.length = index;
        } else if (ch === '"') opens.push({ mark: '"', at: j });
      }
    }
    lineStart = i + 1;
  }
  return mask;
}

function isAbbreviation(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && /[A-Za-z.]/.test(text.charAt(start - 1))) start--;
  const word = text.slice(start, dot).toLowerCase();
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital initial ("J. Kim") or dotted initials ("U.S.").
  return /^[a-z](\.[a-z])*$/.test(word) && /[A-Z]/.test(text.charAt(start));
}

/** An article's sentence ends: not inside quotations, after dotted dates or Latin abbreviations. */
function articleRules(text: string): SentenceRules {
  const quoted = quotedMask(text);
  return {
    endsAt(at) {
      const ch = text[at];
      // A quotation that ends a sentence: `…했다." 다음 문장`.
      if (isCloser(ch)) return !quoted[at] && quoted[at - 1] === 1 && isTerminal(text[at - 1]);
      if (quoted[at]) return false;
      if (ch !== '.') return true;
      return !isDecimalPoint(text, at) && !isDottedDateEnd(text, at) && !isAbbreviation(text, at);
    },
  };
}

/**
 * Splits an article's text into sentence spans. A sentence ends at a line break, or after
 * terminal punctuation (plus closing quotes or brackets) followed by whitespace, except
 * inside quotations, after decimals and dotted dates ("3.5%", "2025. 10. 30."), and after
 * Latin abbreviations.
 */
export function splitSentences(text: string): Span[] {
  return scanSentences(text, articleRules(text));
}
