// Sentence-level grounding of an LLM answer: splitting a streamed answer into sentences
// with their [n] markers, rewriting markers, and checking each sentence against the
// passages it cites (the check itself lives in ./grounding/check.ts).
import type { Span } from '../domain/types.js';
import { isDecimalPoint, isDottedDateEnd, isSpace, isTerminal, scanSentences, type SentenceRules } from '../text/sentences.js';
import { bigrams, splitWords } from '../text/tokens.js';
import { checkClaim, type CheckContext, type SentenceCheck } from './grounding/check.js';

const MARKER_SOURCE = String.raw`\[\s*(\d+(?:\s*[,，]\s*\d+)*)\s*\]`;
const MARKERS = new RegExp(MARKER_SOURCE, 'g');
const MARKER_AT = new RegExp(MARKER_SOURCE, 'y');
// An unfinished marker at the very end of a streamed buffer ("… 밝혔다. [1").
const PARTIAL_MARKER = /\[[\d\s,，]*$/y;

/** One sentence of a model answer, markers included. */
export interface AnswerSentence {
  /** The sentence as written, trimmed, with its markers ("LG는 목표를 밝혔다 [1]."). */
  text: string;
  /** Offsets of `text` in the answer. */
  start: number;
  end: number;
  /** Passage numbers of its markers in order of appearance, unknown ones included. */
  markers: number[];
}

/** Passage numbers of every `[n]` / `[n, m]` marker in `text`, in order. */
export function markerNumbers(text: string): number[] {
  const numbers: number[] = [];
  for (const [, list = ''] of text.matchAll(MARKERS)) {
    for (const part of list.split(/[,，]/)) numbers.push(Number(part.trim()));
  }
  return numbers;
}

/**
 * Rewrites each marker through `map` (a passage number to its new marker number, or
 * undefined to drop it) and tidies the spaces a removed marker leaves.
 */
export function rewriteMarkers(text: string, map: (n: number) => number | undefined): string {
  return text
    .replace(MARKERS, (_match, list: string) =>
      list
        .split(/[,，]/)
        .map((part) => map(Number(part.trim())))
        .filter((n): n is number => n !== undefined)
        .map((n) => `[${n}]`)
        .join(''),
    )
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+([.?!,。？！])/g, '$1')
    .trim();
}

/** Puts a `[n]` marker before a sentence's final punctuation ("…했다." → "…했다 [n]."), for re-cited sentences. */
export function appendMarker(sentence: string, n: number): string {
  // Only a bare final punctuation goes after the marker; after a closing quote the marker comes last.
  const end = /[.?!。？！…]+$/.exec(sentence);
  if (!end) return `${sentence} [${n}]`;
  return `${sentence.slice(0, end.index).trimEnd()} [${n}]${sentence.slice(end.index)}`;
}

/** The sentence without its markers, for checking and comparing. */
export function stripMarkers(text: string): string {
  return rewriteMarkers(text, () => undefined);
}

/** End of the markers (and the spaces before them) that follow position `from`, or `from`. */
function skipTrailingMarkers(text: string, from: number): number {
  let end = from;
  for (;;) {
    let next = end;
    while (isSpace(text[next])) next++;
    MARKER_AT.lastIndex = next;
    const marker = MARKER_AT.exec(text);
    if (marker) {
      end = next + marker[0].length;
      continue;
    }
    PARTIAL_MARKER.lastIndex = next;
    if (next < text.length && PARTIAL_MARKER.test(text)) return text.length;
    return end;
  }
}

/** True when the period at `i` does not end a sentence: decimals ("3.5") and dotted dates
 *  ("2025. 8. 30. 열렸다"), unless a marker follows the date. */
function isNumberPeriod(text: string, i: number): boolean {
  if (isDecimalPoint(text, i)) return true;
  let next = i + 1;
  while (text[next] === ' ') next++;
  return text[next] !== '[' && isDottedDateEnd(text, i);
}

/** Longest quotation whose inner sentence ends are not sentence ends; a quote left open
 *  longer than this (a stray mark) stops holding sentences together. */
const MAX_QUOTE_CHARS = 300;

/**
 * For each position inside a quotation (“…” or a pair of straight double quotes on one line)
 * that closes within MAX_QUOTE_CHARS, the index of its closing mark; -1 elsewhere. A quote still
 * open at the end of the text counts as closing at its end: it may yet close as the stream goes on.
 */
function quoteEndsOf(text: string): Int32Array {
  const ends = new Int32Array(text.length).fill(-1);
  let open = -1;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      open = -1;
      continue;
    }
    if (open >= 0 && i - open > MAX_QUOTE_CHARS) open = -1;
    if (open < 0 && (ch === '“' || ch === '"')) {
      open = i;
      straight = ch === '"';
    } else if (open >= 0 && ((straight && ch === '"') || (!straight && ch === '”'))) {
      ends.fill(i, open + 1, i);
      open = -1;
    }
  }
  if (open >= 0 && text.length - open <= MAX_QUOTE_CHARS) ends.fill(text.length, open + 1, text.length);
  return ends;
}

/** A period after a single capital letter is an initial ("존 F. 케네디"), not a sentence end. */
function isInitial(text: string, i: number): boolean {
  return (
    text[i] === '.' &&
    /[A-Z]/.test(text[i - 1] ?? '') &&
    (i < 2 || !/[A-Za-z]/.test(text.charAt(i - 2))) &&
    text[i + 1] === ' ' &&
    !/[[\n]/.test(text[i + 2] ?? '\n')
  );
}

/** A model answer's sentence ends: its [n] markers belong to the sentence before them, and a
 *  quotation still open at the end may yet close as the stream goes on. */
function answerRules(text: string): SentenceRules {
  const quoteEnds = quoteEndsOf(text);
  return {
    endsAt(at, end) {
      if (!isTerminal(text[at]) || isNumberPeriod(text, at) || isInitial(text, at)) return false;
      // Inside a quotation that goes on past this terminal ("… 했다. 그러나 …"라고 말했다), unless a
      // marker follows: a cited sentence end is an end even inside a stray, unclosed quote mark.
      const quoteEnd = quoteEnds[at] ?? -1;
      return quoteEnd < 0 || end > quoteEnd || /^\s*\[\s*\d/.test(text.slice(end, end + 8));
    },
    // "밝혔다.[1]": a marker may follow the terminal directly.
    mayFollow: (ch) => ch === '[',
    extend: (end) => skipTrailingMarkers(text, end),
  };
}

/**
 * Splits a model answer into sentences with their markers. Markers may stand before
 * the period ("밝혔다 [1].") or after it ("밝혔다. [1]"); either way they belong to the
 * sentence before them. A line break also ends a sentence. While streaming, every
 * sentence but the last is final: the last may still grow.
 */
export function splitAnswerSentences(text: string): AnswerSentence[] {
  return scanSentences(text, answerRules(text)).map(({ start, end }) => {
    const sentence = text.slice(start, end);
    return { text: sentence, start, end, markers: markerNumbers(sentence) };
  });
}

/**
 * Checks one answer sentence (markers are ignored) against the texts of the passages it
 * cites: aligned to its best-supporting sentences, then checked there (see grounding/check.ts).
 */
export function checkSentence(sentence: string, passageTexts: string[], context?: CheckContext): SentenceCheck {
  return checkClaim(stripMarkers(sentence), passageTexts, context);
}

const normaliseNumber = (text: string) => text.replace(/,/g, '');

/** Terms two texts can share: Hangul bigrams, Latin words, numbers. */
function overlapTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of splitWords(text)) {
    if (word.kind === 'hangul') for (const pair of bigrams(word.text)) terms.add(pair);
    else terms.add(word.kind === 'number' ? normaliseNumber(word.text) : word.text.toLowerCase());
  }
  return terms;
}

/**
 * Of `spans` (sentences of `passageText`), the one sharing the most terms with the
 * claims; the earliest wins ties. Used to pick a citation's quote.
 */
export function bestSupportingSpan(passageText: string, spans: Span[], claims: string[]): Span | undefined {
  const wanted = overlapTerms(claims.map(stripMarkers).join(' '));
  let best: Span | undefined;
  let bestScore = -1;
  for (const span of spans) {
    let score = 0;
    for (const term of overlapTerms(passageText.slice(span.start, span.end))) if (wanted.has(term)) score++;
    if (score > bestScore) {
      best = span;
      bestScore = score;
    }
  }
  return best;
}

/** Characters after an undecided terminal ("3.5", "example.com", "했다. [1", a sentence end
 *  inside a quotation) within which its fate is settled: an open quotation's length, plus the
 *  longest run of closers and markers that may follow a sentence end. */
const DECISION_LOOKAHEAD = MAX_QUOTE_CHARS + 32;

/** Position of the last terminal or line break in `text`, or -1. */
function lastBreak(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (text[i] === '\n' || isTerminal(text[i])) return i;
  return -1;
}

/**
 * Splits a streamed answer into final sentences as it arrives, scanning only the new text
 * for sentence ends: work grows linearly with the answer, not with its square. Sentences
 * come out exactly as `splitAnswerSentences` would cut the whole text, with offsets in it.
 */
export class AnswerSentenceStream {
  /** Text not yet released, kept in pieces: joining (and indexing) a growing string on every
   *  piece would copy it each time. */
  private parts: string[] = [];
  private pending = 0;
  /** Offset of the pending text in the whole answer. */
  private offset = 0;
  /** Position in the pending text of the last terminal or line break seen, or -1. */
  private lastEnd = -1;

  /** Characters received so far. */
  get length(): number {
    return this.offset + this.pending;
  }

  /** Adds streamed text; returns the sentences it completed. */
  push(delta: string): AnswerSentence[] {
    const from = this.pending;
    this.parts.push(delta);
    this.pending += delta.length;
    const lastInDelta = lastBreak(delta);
    if (lastInDelta >= 0) this.lastEnd = from + lastInDelta;
    // No sentence end near the new text: nothing can have been decided.
    if (this.lastEnd < 0 || from - this.lastEnd > DECISION_LOOKAHEAD) return [];
    const buffer = this.parts.join('');
    this.parts = [buffer];
    const sentences = splitAnswerSentences(buffer);
    const last = sentences.at(-1);
    if (!last || sentences.length < 2) return [];
    const done = sentences
      .slice(0, -1)
      .map((sentence) => ({ ...sentence, start: sentence.start + this.offset, end: sentence.end + this.offset }));
    this.offset += last.start;
    const rest = buffer.slice(last.start);
    this.parts = [rest];
    this.pending = rest.length;
    this.lastEnd = lastBreak(rest);
    return done;
  }

  /** The rest, once the stream has ended. */
  flush(): AnswerSentence[] {
    const buffer = this.parts.join('');
    const rest = splitAnswerSentences(buffer).map((sentence) => ({
      ...sentence,
      start: sentence.start + this.offset,
      end: sentence.end + this.offset,
    }));
    this.offset += buffer.length;
    this.parts = [];
    this.pending = 0;
    this.lastEnd = -1;
    return rest;
  }
}
