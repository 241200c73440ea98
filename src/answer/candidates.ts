// Candidate answer sentences and their features: every sentence of the retrieved passages
// (captions dropped), what kind of sentence it is, and the features the fitted ranker
// scores (sentence-model.ts). Selection and refusal live in extractive.ts.
import type { Hit } from '../domain/types.js';
import { createSentenceAnalyzer } from '../text/sentence-terms.js';
import { relatedTerms } from '../text/related-words.js';
import { createMonthTermResolver } from '../text/time-terms.js';
import { analyze, isWordTerm, splitWords, wordTerm } from '../text/tokens.js';
import { canAnswerType } from './answer-forms.js';
import { expectedAnswerType } from './answer-type.js';
import { FEATURE_COUNT, scoreFeatures, type SentenceModel } from './sentence-model.js';
import { FITTED_SENTENCE_MODEL } from './sentence-weights.js';
import { isCaptionLine, pointsBack, sentenceKind, type SentenceKind } from './statement.js';
import { bm25Idf } from '../text/bm25.js';
import { isMarkdownHeading, lineAfter, lineAround } from '../text/lines.js';
import { questionTerms } from './question-terms.js';

// The same retrieved passages come back question after question: each analysed once.
const analyzedSentences = createSentenceAnalyzer();
const resolvedMonthTerms = createMonthTermResolver();
// …and each sentence's own: "지난달 … 171만2000명" in an article of 2025-07-30 holds 6월.
const resolvedSentenceMonths = createMonthTermResolver(16384);

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
  const idf = bm25Idf(n, df);
  // IDF from a handful of chunks says little (a one-article corpus puts its title's words
  // in every chunk): shrink it towards a flat weight of 1 until the corpus is large.
  const trust = n / (n + IDF_PRIOR_CHUNKS);
  return trust * idf + (1 - trust);
}

export interface RankOptions {
  /** The fitted sentence ranker (weights, second-sentence and refusal models). */
  model: SentenceModel;
  /** Related words of a word (synonyms, paraphrases), for the `related` feature. */
  related?: (word: string) => string[];
}

/** The model is fitted (`npm run fit:answer`). Every retrieved passage is read: a request's topK means what it says. */
export const DEFAULT_RANK: RankOptions = { model: FITTED_SENTENCE_MODEL, related: relatedTerms };

/** Scale of the `rank` feature: the pipeline's default topK (5), with which the model was fitted;
 *  passages past it (a larger topK) count as rank 0. */
const RANK_SCALE = 5;

export interface Candidate {
  hit: Hit;
  rank: number;
  start: number; // article offsets
  end: number;
  text: string;
  terms: Set<string>;
  /** Terms of the whole passage and its article's title. */
  context: Set<string>;
  kind: SentenceKind;
  pointsBack: boolean;
  /** The sentence before it in the same chunk, if any (what a pronoun points back to). */
  previous?: { start: number; end: number; text: string; terms: Set<string> };
  /** Terms of the Markdown heading it sits under in its passage ("## 신호 세기 확인하기"), if any. */
  section?: Set<string>;
  /** Share of the question's corpus-IDF weight in this sentence (decides refusal). */
  coverage: number;
  /** The same share in the whole passage and its article's title: news sentences leave
   *  the topic to the headline and the lead ("이 법안은 … 가결했다"). */
  contextCoverage: number;
  /** The share the sentence itself adds beyond the title (the attribute asked about). */
  attributeCoverage: number;
  /** Share of the question's corpus-IDF weight in the heading it sits under. */
  sectionCoverage: number;
  features: Float64Array;
  score: number;
}

/** Sentences of the retrieved chunks, each once (overlapping chunks repeat sentences).
 *  Captions, bylines and copyright lines are dropped; questions and headings stay as
 *  candidates (they may give context) but never open an answer. */
function candidateSentences(hits: Hit[]): Candidate[] {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  hits.forEach((hit, rank) => {
    let previous: Candidate['previous'];
    let section: Set<string> | undefined;
    const chunkText = hit.chunk.text;
    const context = new Set(titleTerms(hit.article.title));
    for (const span of analyzedSentences(chunkText)) for (const term of span.terms) context.add(term);
    for (const term of resolvedMonthTerms(chunkText, hit.article.date)) context.add(term);
    if (hit.article.date) context.add(`${hit.article.date.slice(0, 4)}년`);
    for (const span of analyzedSentences(chunkText)) {
      const text = chunkText.slice(span.start, span.end);
      // Only a table row reads the line after it (its header comes before the delimiter row).
      const nextLine = text.startsWith('|') ? lineAfter(chunkText, span.end) : undefined;
      const kind = isCaptionLine(lineAround(chunkText, span.start, span.end)) ? 'caption' : sentenceKind(text, nextLine);
      if (kind === 'caption') continue;
      const months = resolvedSentenceMonths(text, hit.article.date).filter((term) => !span.terms.has(term));
      // A copy: the analyser's cached sets are shared by every caller.
      const terms = months.length > 0 ? new Set([...span.terms, ...months]) : span.terms;
      const start = hit.chunk.start + span.start;
      const end = hit.chunk.start + span.end;
      const key = `${hit.article.id}:${start}`;
      if (!seen.has(key)) {
        seen.add(key);
        candidates.push({
          hit,
          rank,
          start,
          end,
          text,
          terms,
          context,
          kind,
          pointsBack: pointsBack(text),
          ...(previous ? { previous } : {}),
          ...(section ? { section } : {}),
          coverage: 0,
          contextCoverage: 0,
          attributeCoverage: 0,
          sectionCoverage: 0,
          features: new Float64Array(FEATURE_COUNT),
          score: 0,
        });
      }
      previous = { start, end, text, terms };
      if (isMarkdownHeading(text)) section = terms;
    }
  });
  return candidates;
}

/** The terms of the candidates' passages and headlines (of one article's only, when `articleId` is
 *  given). Every sentence of a passage shares one context set, so each set is read once. */
export function passageTerms(candidates: Candidate[], articleId?: string): Set<string> {
  const terms = new Set<string>();
  const contexts = new Set(
    candidates.filter((candidate) => articleId === undefined || candidate.hit.article.id === articleId).map((c) => c.context),
  );
  for (const context of contexts) for (const term of context) terms.add(term);
  return terms;
}

const titleTermCache = new Map<string, Set<string>>();

/** Analyzer terms of an article's title: what every sentence of the article is about. Its words
 *  are not joined into compounds: two headlines of one story are compared word by word. */
export function titleTerms(title: string): Set<string> {
  let terms = titleTermCache.get(title);
  if (!terms) {
    terms = new Set(analyze(title, { joinCompounds: false }));
    if (titleTermCache.size > 4096) titleTermCache.clear();
    titleTermCache.set(title, terms);
  }
  return terms;
}

const LENGTH_SCALE = Math.log(400);

/** Each question term's weight: its corpus IDF, and that times its IDF among the candidates
 *  (a term every candidate holds tells them apart no better than none). */
function termWeights(terms: string[], candidates: Candidate[], lexicon: Lexicon) {
  const n = candidates.length;
  let corpusTotal = 0;
  let total = 0;
  const weights = terms.map((term) => {
    const corpusIdf = smoothedIdf(lexicon, term);
    let df = 0;
    for (const candidate of candidates) if (candidate.terms.has(term)) df++;
    const weight = corpusIdf * bm25Idf(n, df);
    corpusTotal += corpusIdf;
    total += weight;
    return { term, corpusIdf, weight };
  });
  return { weights, corpusTotal, total };
}

/**
 * Computes every candidate's features and scores them with the model, best first. A
 * question term weighs its corpus IDF times its IDF among the candidates: a word every
 * retrieved sentence shares (often the topic's name) tells them apart less than the word
 * only the answer sentence has.
 */
export function rankSentences(question: string, hits: Hit[], lexicon: Lexicon, options: RankOptions = DEFAULT_RANK): Candidate[] {
  const candidates = candidateSentences(hits);
  const terms = questionTerms(question, lexicon);
  const questionTermSet = new Set(terms);
  const related = relatedQuestionTerms(question, options.related);
  const type = expectedAnswerType(question);
  const questionWords = terms.filter(isWordTerm);
  const { weights, corpusTotal, total } = termWeights(terms, candidates, lexicon);
  if (candidates.length === 0 || corpusTotal <= 0) return [];
  const rarestIdf = Math.max(...weights.map((weight) => weight.corpusIdf));
  const topScore = hits[0]?.score ?? 0;
  for (const candidate of candidates) {
    let covered = 0;
    let weighted = 0;
    let before = 0;
    let rarest = 0;
    let inContext = 0;
    let ownAttribute = 0;
    let inSection = 0;
    const title = titleTerms(candidate.hit.article.title);
    for (const { term, corpusIdf, weight } of weights) {
      if (candidate.terms.has(term)) {
        covered += corpusIdf;
        weighted += weight;
        if (corpusIdf > rarest) rarest = corpusIdf;
        if (!title.has(term)) ownAttribute += corpusIdf;
      } else if (candidate.previous?.terms.has(term)) before += weight;
      if (candidate.context.has(term)) inContext += corpusIdf;
      if (candidate.section?.has(term)) inSection += corpusIdf;
    }
    candidate.sectionCoverage = inSection / corpusTotal;
    candidate.contextCoverage = inContext / corpusTotal;
    candidate.attributeCoverage = ownAttribute / corpusTotal;
    let words = 0;
    let fresh = 0;
    let relatedHits = 0;
    for (const term of candidate.terms) {
      if (related.has(term)) relatedHits++;
      if (!isWordTerm(term)) continue;
      words++;
      if (!questionTermSet.has(term)) fresh++;
    }
    candidate.coverage = covered / corpusTotal;
    const novelty = words > 0 ? fresh / words : 0;
    const matches = type ? canAnswerType(candidate.text, type) : false;
    const f = candidate.features;
    f[0] = candidate.coverage;
    f[1] = total > 0 ? weighted / total : 0;
    f[2] = total > 0 ? before / total : 0;
    f[3] = Math.max(0, (RANK_SCALE - candidate.rank) / RANK_SCALE);
    f[4] = topScore > 0 ? Math.max(0, candidate.hit.score / topScore) : 0;
    f[5] = type && matches ? 1 : 0;
    f[6] = type && !matches ? 1 : 0;
    f[7] = novelty;
    f[8] = candidate.coverage * novelty;
    f[9] = candidate.kind === 'question' ? 1 : 0;
    f[10] = candidate.kind === 'heading' || candidate.kind === 'fragment' ? 1 : 0;
    f[11] = candidate.pointsBack ? 1 : 0;
    f[12] = Math.min(1, Math.log(1 + candidate.text.length) / LENGTH_SCALE);
    f[13] = candidate.hit.chunk.index === 0 && candidate.start === candidate.hit.chunk.start ? 1 : 0;
    f[14] = /\d/.test(candidate.text) ? 1 : 0;
    f[15] = Math.min(1, relatedHits / 2);
    f[16] = questionWords.length > 0 ? questionWords.filter((term) => candidate.terms.has(term)).length / questionWords.length : 0;
    f[17] = rarestIdf > 0 ? rarest / rarestIdf : 0;
    f[18] = f[1] * f[1];
    f[19] = candidate.rank === 0 ? 1 : 0;
    f[20] = f[5] * f[1];
    f[21] = f[2] * f[1];
    f[22] = candidate.contextCoverage;
    f[23] = candidate.attributeCoverage;
    // How much of what the sentence covers is the attribute rather than the headline's topic:
    // a lead sentence naming the subject in full covers much and adds nothing asked for.
    f[24] = candidate.coverage > 0 ? candidate.attributeCoverage / candidate.coverage : 0;
    f[25] = f[5] * candidate.attributeCoverage;
  }
  return scoreCandidates(candidates, options.model);
}

/** Scores candidates with `model` and sorts them best first (ties: better passage, then reading order).
 *  The heading a sentence sits under adds its own fitted weight (`sectionWeight`, help-page sets). */
export function scoreCandidates(candidates: Candidate[], model: SentenceModel): Candidate[] {
  const sectionWeight = model.sectionWeight ?? 0;
  for (const candidate of candidates)
    candidate.score = scoreFeatures(candidate.features, model.weights) + sectionWeight * candidate.sectionCoverage;
  return candidates.sort((a, b) => b.score - a.score || a.rank - b.rank || a.start - b.start);
}

/** Word terms related to the question's words (related-words table), minus the question's own. */
function relatedQuestionTerms(question: string, relatedTerms: RankOptions['related']): Set<string> {
  const related = new Set<string>();
  if (!relatedTerms) return related;
  for (const word of splitWords(question)) {
    if (word.kind !== 'hangul') continue;
    for (const lemma of relatedTerms(word.text)) {
      // A Latin name as the analyzer indexes it (김프 → gimp).
      if (!/[가-힣]/.test(lemma)) {
        related.add(lemma.toLowerCase());
        continue;
      }
      // The lemma as a whole word, and as its bigram when it has two syllables (출시 in 출시되며).
      related.add(wordTerm(lemma));
      if (lemma.length === 2) related.add(lemma);
    }
  }
  for (const term of analyze(question, { query: true })) related.delete(term);
  return related;
}
