// Sentence-level checks of an LLM answer against the passages it cites. Pure functions.
// A model can paraphrase, so words are matched loosely (particles stripped, inflected
// endings tolerated through shared bigrams); numbers, Latin names, quotations and
// names before a title are matched strictly, because inventing those is the failure
// that matters most in news answers.
import type { Span } from '../domain/types.js';
import { bigrams, contentWords, splitWords, type Word } from '../text/tokens.js';

/**
 * Share of a sentence's Hangul content words that must be found in its passages.
 * Paraphrase and inflection leave a few words unmatched in a faithful sentence; an
 * invented claim brings several new words, which pushes it under 60%.
 */
export const CONTENT_COVERAGE_MIN = 0.6;

/**
 * A Hangul word not found verbatim still matches when at least half its bigrams occur
 * in the passage. Korean inflection rewrites the last syllable or two ("개발하고" vs
 * "개발해"), so a three-syllable stem keeps one of its two bigrams.
 */
export const BIGRAM_MATCH_MIN = 0.5;

/** Syllable range of Korean personal names (김서연, 남궁민수); used with NAME_TITLES. */
const NAME_SYLLABLES = { min: 2, max: 4 };

// A word right before one of these is most likely a person's name, which must appear verbatim.
const NAME_TITLES = new Set([
  '사장', '대표', '회장', '부회장', '의장', '장관', '차관', '의원', '위원장', '교수', '대통령', '총리', '시장', '지사', '군수', '구청장',
  '씨', '감독', '선수', '원장', '청장', '부장', '이사', '본부장', '센터장', '소장', '총장', '박사', '변호사', '대변인', '국장', '팀장',
]);

// Words that carry no claim: fillers, connectives and reporting verbs a model adds freely.
const STOPWORDS = new Set([
  '것', '수', '등', '및', '이번', '또한', '그는', '이는', '있다', '있', '있는', '있으며', '있고', '있습니다', '없다', '없는', '했다', '했', '하는', '한다', '된다', '됐다', '된',
  '밝혔다', '밝혔', '밝힌', '말했다', '말했', '전했다', '전했', '설명했다', '설명했', '강조했다', '강조했', '덧붙였다', '덧붙였', '예정이다', '예정', '계획이다', '계획',
  '위해', '통해', '대해', '따라', '따르면', '의해', '이후', '당시', '지난', '올해', '오는', '현재', '이날', '관련', '그러나', '하지만', '이에', '그리고', '또는', '다만',
  '이어', '한편', '특히', '모두', '함께', '이러한', '이런', '그런', '해당', '때문', '경우', '가운데', '다른', '여러', '가장', '매우', '최근', '앞서', '이들', '그들',
  '기사', '보도', '발췌', '내용', '이라고', '라고', '했습니다', '합니다', '입니다', '됩니다', '이다', '아니', '않았다', '않는다', '않고', '같은', '위한', '통한', '대한',
]);

// Polite and quoting endings the particle stripper leaves on predicates; matching only.
const ENDINGS = [
  '하겠습니다', '하였습니다', '되었습니다', '했습니다', '됐습니다', '였습니다', '었습니다', '았습니다', '합니다', '됩니다', '입니다', '습니다',
  '하겠다고', '하겠다', '했다고', '한다고', '된다고', '했으며', '했고', '해요', '해',
].sort((a, b) => b.length - a.length);

const MARKER_SOURCE = String.raw`\[\s*(\d+(?:\s*[,，]\s*\d+)*)\s*\]`;
const MARKERS = new RegExp(MARKER_SOURCE, 'g');
const MARKER_AT = new RegExp(MARKER_SOURCE, 'y');
// An unfinished marker at the very end of a streamed buffer ("… 밝혔다. [1").
const PARTIAL_MARKER = /\[[\d\s,，]*$/y;

const TERMINALS = new Set(['.', '?', '!', '…', '。', '？', '！']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', '」', '』', '》', '〉']);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

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
  for (const match of text.matchAll(MARKERS)) {
    for (const part of match[1]!.split(/[,，]/)) numbers.push(Number(part.trim()));
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

const DOTTED_DATE_END = /\d{2,4}\.\s?\d{1,2}\.\s?\d{1,2}$/;

/** True when the period at `i` does not end a sentence: decimals ("3.5") and dotted dates
 *  ("2025. 8. 30. 열렸다"), unless a marker follows the date. */
function isNumberPeriod(text: string, i: number): boolean {
  if (text[i] !== '.' || !isDigit(text[i - 1])) return false;
  let next = i + 1;
  while (text[next] === ' ') next++;
  if (isDigit(text[next])) return true;
  return text[next] !== '[' && DOTTED_DATE_END.test(text.slice(Math.max(0, i - 12), i));
}

/**
 * Splits a model answer into sentences with their markers. Markers may stand before
 * the period ("밝혔다 [1].") or after it ("밝혔다. [1]"); either way they belong to the
 * sentence before them. A line break also ends a sentence. While streaming, every
 * sentence but the last is final: the last may still grow.
 */
export function splitAnswerSentences(text: string): AnswerSentence[] {
  const sentences: AnswerSentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let from = start;
    let to = end;
    while (from < to && isSpace(text[from])) from++;
    while (to > from && isSpace(text[to - 1])) to--;
    if (from < to) {
      const sentence = text.slice(from, to);
      sentences.push({ text: sentence, start: from, end: to, markers: markerNumbers(sentence) });
    }
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      continue;
    }
    if (!TERMINALS.has(ch) || isNumberPeriod(text, i)) continue;
    let end = i + 1;
    while (end < text.length && (TERMINALS.has(text[end]!) || CLOSERS.has(text[end]!))) end++;
    // "example.com", "3.5": a terminal glued to the next word ends nothing.
    if (end < text.length && !isSpace(text[end]) && text[end] !== '[') continue;
    end = skipTrailingMarkers(text, end);
    push(end);
    i = end - 1;
  }
  push(text.length);
  return sentences;
}

/** Result of checking one sentence against its cited passages. */
export interface SentenceCheck {
  supported: boolean;
  /** Numbers, Latin words, quotations and names not found in the passages (any one fails the sentence). */
  missing: string[];
  /** Hangul content words not found in the passages (tolerated up to the coverage threshold). */
  unmatched: string[];
  /** Share of Hangul content words found; 1 when the sentence has none. */
  coverage: number;
}

const normaliseNumber = (text: string) => text.replace(/,/g, '');
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Strips the polite and quoting endings of a particle-stripped word, keeping at least two syllables. */
function reduceEnding(stem: string): string {
  for (const ending of ENDINGS) {
    if (stem.length - ending.length >= 2 && stem.endsWith(ending)) return stem.slice(0, stem.length - ending.length);
  }
  return stem;
}

const QUOTATIONS = /“([^”]+)”|"([^"]+)"|‘([^’]+)’|'([^']+)'|「([^」]+)」|『([^』]+)』/g;

/** Index of a passage text for repeated lookups. */
interface PassageIndex {
  text: string;
  collapsed: string;
  numbers: Set<string>;
  latin: Set<string>;
  bigrams: Set<string>;
}

function indexPassage(text: string): PassageIndex {
  const numbers = new Set<string>();
  const latin = new Set<string>();
  const pairs = new Set<string>();
  for (const word of splitWords(text)) {
    if (word.kind === 'number') numbers.add(normaliseNumber(word.text));
    else if (word.kind === 'latin') latin.add(word.text.toLowerCase());
    else for (const pair of bigrams(word.text)) pairs.add(pair);
  }
  return { text, collapsed: collapse(text), numbers, latin, bigrams: pairs };
}

function hangulFound(stem: string, passage: PassageIndex): boolean {
  if (passage.text.includes(stem)) return true;
  if (stem.length < 3) return false;
  const pairs = bigrams(stem);
  const shared = pairs.filter((pair) => passage.bigrams.has(pair)).length;
  return shared / pairs.length >= BIGRAM_MATCH_MIN;
}

/**
 * Checks one answer sentence against the texts of the passages it cites: every number,
 * Latin word, quotation and name before a title must appear in them, and at least
 * CONTENT_COVERAGE_MIN of its Hangul content words must be found there.
 */
export function checkSentence(sentence: string, passageTexts: string[]): SentenceCheck {
  const text = stripMarkers(sentence);
  const passage = indexPassage(passageTexts.join('\n'));
  const missing: string[] = [];

  for (const word of splitWords(text)) {
    if (word.kind === 'number' && !passage.numbers.has(normaliseNumber(word.text))) missing.push(word.text);
    if (word.kind === 'latin' && !passage.latin.has(word.text.toLowerCase())) missing.push(word.text);
  }
  for (const match of text.matchAll(QUOTATIONS)) {
    const quoted = collapse(match.slice(1).find((group) => group !== undefined) ?? '').replace(/[.,]+$/, '');
    if (quoted.length >= 2 && !passage.collapsed.includes(quoted)) missing.push(match[0]);
  }

  const words: Word[] = contentWords(text).filter((word) => word.kind === 'hangul');
  const unmatched: string[] = [];
  let counted = 0;
  words.forEach((word, index) => {
    const stem = reduceEnding(word.text);
    const raw = text.slice(word.start, word.end);
    if (stem.length < 2 || STOPWORDS.has(stem) || STOPWORDS.has(raw)) return;
    counted++;
    if (hangulFound(stem, passage)) return;
    unmatched.push(stem);
    const next = words[index + 1];
    const isName = next !== undefined && NAME_TITLES.has(next.text) && stem.length >= NAME_SYLLABLES.min && stem.length <= NAME_SYLLABLES.max;
    if (isName) missing.push(stem);
  });
  const coverage = counted === 0 ? 1 : (counted - unmatched.length) / counted;
  return { supported: missing.length === 0 && coverage >= CONTENT_COVERAGE_MIN, missing, unmatched, coverage };
}

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
