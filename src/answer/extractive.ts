// The default answerer: offline and exact. It scores every sentence of the retrieved
// chunks by how much of the question it covers (IDF-weighted Korean terms), answers
// with the best one or two sentences verbatim, each cited, and refuses when no
// sentence covers the question's key terms.
import type { Citation, Hit } from '../domain/types.js';
import { analyzedSentences } from '../text/sentence-terms.js';
import { analyze } from '../text/tokens.js';
import type { AnswerEvent, AnswerInput, AnswerResult, Answerer } from './answerer.js';
import { canAnswerType, expectedAnswerType } from './answer-type.js';
import { focusWords, passageHasWord } from './focus.js';
import { isPromptInjection } from './injection.js';
import { REFUSAL_TEXT } from './refusal.js';

/** What the answerer needs to know about the corpus's vocabulary (the BM25 index has it). */
export interface Lexicon {
  readonly documentCount: number;
  documentFrequency(term: string): number;
}

/** Corpus size (in chunks) at which corpus IDF and a flat weight count equally. */
const IDF_PRIOR_CHUNKS = 50;

/** BM25 IDF, with a term absent from the corpus counted as if it occurred once: an
 *  unknown word (often a paraphrase) then weighs like the rarest known word instead of
 *  drowning everything else, which matters most in small corpora. */
export function smoothedIdf(lexicon: Lexicon, term: string): number {
  const n = lexicon.documentCount;
  const df = Math.max(lexicon.documentFrequency(term), 1);
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  // IDF from a handful of chunks says little (a one-article corpus puts its title's words
  // in every chunk): shrink it towards a flat weight of 1 until the corpus is large.
  const trust = n / (n + IDF_PRIOR_CHUNKS);
  return trust * idf + (1 - trust);
}

export interface ExtractiveOptions {
  /** Retrieved chunks whose sentences are considered. */
  maxHits: number;
  /** Refuse when the best sentence holds less than this share of the question's
   *  IDF weight: the articles do not contain what is asked. */
  minCoverage: number;
  /** Sentences in an answer (the best ones, if they fit `maxAnswerChars`). */
  maxSentences: number;
  maxAnswerChars: number;
  /** Score bonus for sentences of better-ranked chunks, spread linearly over `maxHits`:
   *  the retriever's ranking (which sees whole chunks and titles) is the strongest signal. */
  rankWeight: number;
  /** Credit for question terms found in the sentence just before: the answer sentence
   *  often continues the one that names the topic ("그는 …"). */
  previousSentenceWeight: number;
}

/** Tuned on KorQuAD dev with `npm run bench:korquad` (answer contains gold 0.78 → 0.90,
 *  median under 200 characters) and on eval/sets/seed.jsonl for refusals. */
export const DEFAULT_EXTRACTIVE: ExtractiveOptions = {
  maxHits: 5,
  minCoverage: 0.2,
  maxSentences: 2,
  maxAnswerChars: 400,
  rankWeight: 0.5,
  previousSentenceWeight: 0.3,
};

interface Candidate {
  hit: Hit;
  rank: number;
  start: number; // article offsets
  end: number;
  text: string;
  terms: Set<string>;
  previousTerms: Set<string>;
  /** Share of the question's corpus-IDF weight in this sentence (decides refusal). */
  coverage: number;
  score: number;
}

function refusal(): AnswerResult {
  return { answer: REFUSAL_TEXT, citations: [], refused: true, mode: 'extractive' };
}

// Photo credits, bylines and copyright lines are not statements to quote.
const NOT_A_STATEMENT = /^\(?\s*(사진|그래픽|자료|영상|출처)\s*[=:]|무단\s*전재|재배포\s*금지|^[가-힣]{2,4}\s*(기자|특파원)\s*[=\w.-]*@|^\[[^\]]{1,20}\]$/;

/** Sentences of the retrieved chunks, each once (overlapping chunks repeat sentences). */
function candidateSentences(hits: Hit[], maxHits: number): Candidate[] {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  hits.slice(0, maxHits).forEach((hit, rank) => {
    let previousTerms = new Set<string>();
    for (const span of analyzedSentences(hit.chunk.text)) {
      const text = hit.chunk.text.slice(span.start, span.end);
      if (NOT_A_STATEMENT.test(text)) continue;
      const terms = span.terms;
      const start = hit.chunk.start + span.start;
      const key = `${hit.article.id}:${start}`;
      if (!seen.has(key)) {
        seen.add(key);
        candidates.push({ hit, rank, start, end: hit.chunk.start + span.end, text, terms, previousTerms, coverage: 0, score: 0 });
      }
      previousTerms = terms;
    }
  });
  return candidates;
}

/**
 * Scores candidate sentences, best first. A question term weighs its corpus IDF times its
 * IDF among the candidates: a word every retrieved sentence shares (often the topic's name)
 * tells them apart less than the word only the answer sentence has.
 */
export function rankSentences(question: string, hits: Hit[], lexicon: Lexicon, options: ExtractiveOptions = DEFAULT_EXTRACTIVE): Candidate[] {
  const candidates = candidateSentences(hits, options.maxHits);
  const terms = [...new Set(analyze(question, { query: true }))];
  const n = candidates.length;
  let corpusTotal = 0;
  let total = 0;
  const weights = terms.map((term) => {
    const corpusIdf = smoothedIdf(lexicon, term);
    let df = 0;
    for (const candidate of candidates) if (candidate.terms.has(term)) df++;
    const weight = corpusIdf * Math.log(1 + (n - df + 0.5) / (df + 0.5));
    corpusTotal += corpusIdf;
    total += weight;
    return { term, corpusIdf, weight };
  });
  if (n === 0 || corpusTotal <= 0) return [];
  for (const candidate of candidates) {
    let covered = 0;
    let weighted = 0;
    let before = 0;
    for (const { term, corpusIdf, weight } of weights) {
      if (candidate.terms.has(term)) {
        covered += corpusIdf;
        weighted += weight;
      } else if (candidate.previousTerms.has(term)) before += weight;
    }
    candidate.coverage = covered / corpusTotal;
    const local = total > 0 ? (weighted + options.previousSentenceWeight * before) / total : 0;
    candidate.score = local + (options.rankWeight * (options.maxHits - candidate.rank)) / options.maxHits;
  }
  return candidates.sort((a, b) => b.score - a.score || a.rank - b.rank || a.start - b.start);
}

/**
 * Picks the answer sentences: the best ones that fit, or none when no sentence covers
 * enough of the question or holds the kind of answer asked for (an amount, a count, an
 * age, a time), or when the passages never name the question's focus. The first sentence
 * must meet these; a second one only adds context.
 */
export function selectSentences(question: string, candidates: Candidate[], lexicon: Lexicon, options: ExtractiveOptions = DEFAULT_EXTRACTIVE): Candidate[] {
  const type = expectedAnswerType(question);
  // The attribute asked about ("매출은 얼마야?") must be named by the retrieved passages.
  // (Requiring it in the answer's own passage cost 0.5 points of KorQuAD gold: answers often
  // state the value in a sentence whose passage names the attribute differently.)
  const focus = focusWords(question);
  if (focus.length > 0) {
    const seen = new Set<string>();
    for (const candidate of candidates) for (const term of candidate.terms) seen.add(term);
    const corpus = { has: (term: string) => lexicon.documentFrequency(term) > 0 };
    if (!focus.every(({ word, prefix, scope }) => passageHasWord(scope === 'corpus' ? corpus : seen, word, prefix))) return [];
  }
  const eligible = (candidate: Candidate) =>
    candidate.coverage >= options.minCoverage && (!type || canAnswerType(candidate.text, type));
  const first = candidates.find(eligible);
  if (!first) return [];
  const chosen: Candidate[] = [first];
  let length = first.text.length;
  for (const candidate of candidates) {
    if (chosen.length >= options.maxSentences) break;
    if (candidate === first || length + candidate.text.length > options.maxAnswerChars) continue;
    chosen.push(candidate);
    length += candidate.text.length;
  }
  // Reading order within an article; otherwise by score.
  return chosen.sort((a, b) => (a.hit.article.id === b.hit.article.id ? a.start - b.start : b.score - a.score));
}

export function buildCitedAnswer(sentences: Candidate[]): AnswerResult {
  const citations: Citation[] = sentences.map((sentence, i) => ({
    n: i + 1,
    articleId: sentence.hit.article.id,
    title: sentence.hit.article.title,
    ...(sentence.hit.article.date ? { date: sentence.hit.article.date } : {}),
    ...(sentence.hit.article.source ? { source: sentence.hit.article.source } : {}),
    ...(sentence.hit.article.url ? { url: sentence.hit.article.url } : {}),
    chunkId: sentence.hit.chunk.id,
    quote: sentence.text,
    start: sentence.start,
    end: sentence.end,
  }));
  const answer = sentences.map((sentence, i) => `${sentence.text} [${i + 1}]`).join(' ');
  return { answer, citations, refused: false, mode: 'extractive' };
}

export function createExtractiveAnswerer(lexicon: Lexicon, options: ExtractiveOptions = DEFAULT_EXTRACTIVE): Answerer {
  return {
    mode: 'extractive',
    async *answer(input: AnswerInput): AsyncIterable<AnswerEvent> {
      let result: AnswerResult;
      if (isPromptInjection(input.question)) result = refusal();
      else {
        const chosen = selectSentences(input.question, rankSentences(input.question, input.hits, lexicon, options), lexicon, options);
        result = chosen.length ? buildCitedAnswer(chosen) : refusal();
      }
      // Stream cited sentence by cited sentence, like the LLM answerers; the split drops
      // exactly one space, put back on the piece before it, so pieces concatenate to the answer.
      const pieces = result.refused ? [result.answer] : result.answer.split(/(?<=\]) (?=\S)/).map((piece, i, all) => (i < all.length - 1 ? `${piece} ` : piece));
      for (const piece of pieces) yield { type: 'token', text: piece };
      yield { type: 'result', result };
    },
  };
}
