// Pure scoring for eval sets: one case against one response, a set summarised, a report
// compared with its baseline. No I/O here, so every rule below is testable with tables.
import type { ChatResponse, ChatTurn } from '../domain/types.js';

/** What a case expects; every field optional (see CONTRACT.md "Eval sets"). */
export interface CaseExpect {
  /** Every phrase must appear in the answer (whitespace- and punctuation-insensitive). */
  includes?: string[];
  /** At least one phrase must appear in the answer. */
  anyOf?: string[];
  /** At least one citation must come from one of these articleIds. */
  articles?: string[];
  /** true: the answer must be a refusal; false: it must not. */
  refuse?: boolean;
}

export interface EvalCase {
  id: string;
  question: string;
  history?: ChatTurn[];
  expect: CaseExpect;
}

/** The part of a /api/chat response that scoring reads. */
export type ScoredResponse = Pick<ChatResponse, 'answer' | 'citations' | 'refused'>;

export interface CaseResult {
  id: string;
  question: string;
  expected: CaseExpect;
  /** All checks hold: answerCorrect, and citationHit / citationValid unless null. */
  pass: boolean;
  /** includes, anyOf and the refusal expectation all hold. */
  answerCorrect: boolean;
  /** null when the case names no `articles`. */
  citationHit: boolean | null;
  /** Every cited article is one the case names; null when it names none or nothing is cited. */
  citationsAllAllowed: boolean | null;
  /** Every citation quotes its article verbatim; null when there is no citation. */
  citationValid: boolean | null;
  citationsTotal: number;
  citationsValid: number;
  refusalExpected: boolean;
  refused: boolean;
  answer: string;
  citedArticles: string[];
  /** Korean, one line per failed check; empty when the case passes. */
  problems: string[];
  latencyMs: number;
  /** Set when the request itself failed (thrown error, HTTP error). */
  error?: string;
}

export interface EvalFailure {
  id: string;
  question: string;
  expected: CaseExpect;
  got: { answer: string; refused: boolean; articles: string[]; problems: string[] };
}

/** Per-set figures, the shape of `--out` and of the baseline file. */
export interface SetReport {
  name: string;
  cases: number;
  answerAccuracy: number | null;
  citationHitRate: number | null;
  refusalPrecision: number | null;
  refusalRecall: number | null;
  citationValidity: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  failures: EvalFailure[];
  /** Extra, informational (not gated): over the cases that name `articles` and cite something, the
   *  share whose citations all come from those articles, not just one of them. */
  citationAllAllowedRate?: number | null;
  /** Extra, informational: where the cases came from, and the credit a dataset licence asks for. */
  kind?: 'corpus' | 'korquad';
  attribution?: string;
}

export interface EvalReport {
  sets: SetReport[];
}

const WHITESPACE_AND_PUNCTUATION = /[\s\p{P}]/gu;
const CITATION_MARKER = /\[\d+\]/g;

/**
 * Folds text for phrase matching: NFKC (full-width forms, decomposed Hangul), lower case,
 * no whitespace and no punctuation. Korean spacing varies ("AI 오퍼레이팅 컴퍼니" vs
 * "AI오퍼레이팅컴퍼니") and quotes wrap phrases, so both are noise here. Particles that
 * follow a phrase ("…컴퍼니'로") are handled by matching with containment.
 */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(WHITESPACE_AND_PUNCTUATION, '');
}

/** True when `phrase` occurs in `text` after both are folded by normalizeForMatch. */
export function containsPhrase(text: string, phrase: string): boolean {
  const needle = normalizeForMatch(phrase);
  // A phrase made only of punctuation would match everything; treat it as absent.
  return needle.length > 0 && normalizeForMatch(text).includes(needle);
}

/**
 * Whether a citation's quote is really in its article: verbatim, and exactly at
 * [start, end) when the citation gives offsets.
 */
export function isCitationValid(citation: { quote: string; start?: number; end?: number }, articleText: string | undefined): boolean {
  if (articleText === undefined || citation.quote.length === 0) return false;
  if (citation.start !== undefined || citation.end !== undefined) {
    if (citation.start === undefined || citation.end === undefined) return false;
    return articleText.slice(citation.start, citation.end) === citation.quote;
  }
  return articleText.includes(citation.quote);
}

/**
 * Scores one case. Rules:
 * - refusal: `refuse: true|false` must match `refused`; when `refuse` is absent, a case
 *   with includes/anyOf/articles still expects an answer, so a refusal fails it;
 * - includes/anyOf are checked on the answer without its [n] markers;
 * - answerCorrect = refusal + includes + anyOf; pass also needs citationHit and
 *   citationValid to be true or null.
 */
export function scoreCase(
  testCase: EvalCase,
  response: ScoredResponse,
  getArticleText: (articleId: string) => string | undefined,
  latencyMs = 0,
): CaseResult {
  const { expect } = testCase;
  const problems: string[] = [];
  const answerText = response.answer.replace(CITATION_MARKER, ' ');
  const refusalExpected = expect.refuse === true;
  const expectsAnswer =
    expect.refuse === false ||
    (expect.refuse === undefined && Boolean(expect.includes?.length || expect.anyOf?.length || expect.articles?.length));

  let answerCorrect = true;
  if (refusalExpected && !response.refused) {
    answerCorrect = false;
    problems.push('거절해야 하는데 답했습니다');
  }
  if (expectsAnswer && response.refused) {
    answerCorrect = false;
    problems.push('답해야 하는데 거절했습니다');
  }
  const missing = (expect.includes ?? []).filter((phrase) => !containsPhrase(answerText, phrase));
  if (missing.length > 0) {
    answerCorrect = false;
    problems.push(`답에 없음: ${missing.join(', ')}`);
  }
  if (expect.anyOf && expect.anyOf.length > 0 && !expect.anyOf.some((phrase) => containsPhrase(answerText, phrase))) {
    answerCorrect = false;
    problems.push(`답에 다음 중 하나도 없음: ${expect.anyOf.join(' | ')}`);
  }

  const citedArticles = [...new Set(response.citations.map((citation) => citation.articleId))];
  let citationHit: boolean | null = null;
  let citationsAllAllowed: boolean | null = null;
  if (expect.articles && expect.articles.length > 0) {
    const wanted = new Set(expect.articles);
    citationHit = citedArticles.some((articleId) => wanted.has(articleId));
    if (citedArticles.length > 0) citationsAllAllowed = citedArticles.every((articleId) => wanted.has(articleId));
    if (!citationHit) problems.push(`인용 기사 불일치: ${expect.articles.join(', ')} 중 하나여야 함`);
  }

  const citationsTotal = response.citations.length;
  const invalid = response.citations.filter((citation) => !isCitationValid(citation, getArticleText(citation.articleId)));
  const citationsValid = citationsTotal - invalid.length;
  const citationValid = citationsTotal === 0 ? null : invalid.length === 0;
  if (invalid.length > 0) problems.push(`기사에 없는 인용문: [${invalid.map((citation) => citation.n).join('], [')}]`);

  return {
    id: testCase.id,
    question: testCase.question,
    expected: expect,
    pass: answerCorrect && citationHit !== false && citationValid !== false,
    answerCorrect,
    citationHit,
    citationsAllAllowed,
    citationValid,
    citationsTotal,
    citationsValid,
    refusalExpected,
    refused: response.refused,
    answer: response.answer,
    citedArticles,
    problems,
    latencyMs,
  };
}

/** A case whose request failed: it counts as answered wrongly, with no citation. */
export function failedCase(testCase: EvalCase, error: string, latencyMs: number): CaseResult {
  const result = scoreCase(testCase, { answer: '', citations: [], refused: false }, () => undefined, latencyMs);
  return {
    ...result,
    pass: false,
    answerCorrect: false,
    citationHit: result.citationHit === null ? null : false,
    citationsAllAllowed: null,
    problems: [`요청 실패: ${error}`],
    error,
  };
}

/** Nearest-rank percentile (p in 0..1) of unsorted values; null for none. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? null;
}

const ratio = (count: number, total: number): number | null => (total === 0 ? null : count / total);

/**
 * Summarises a set. What each rate counts:
 * - answerAccuracy: answerCorrect over all cases;
 * - citationHitRate: citationHit over the cases that name `articles`;
 * - refusalPrecision: refused-and-should over refused; refusalRecall: refused-and-should over should-refuse;
 * - citationValidity: valid citations over all citations of all cases;
 * - citationAllAllowedRate (informational): citationsAllAllowed over the cases where it is not null.
 */
export function summarize(name: string, results: CaseResult[]): SetReport {
  const withArticles = results.filter((result) => result.citationHit !== null);
  const citing = results.filter((result) => result.citationsAllAllowed !== null);
  const refused = results.filter((result) => result.refused);
  const shouldRefuse = results.filter((result) => result.refusalExpected);
  const rightlyRefused = refused.filter((result) => result.refusalExpected).length;
  const citations = results.reduce((sum, result) => sum + result.citationsTotal, 0);
  const validCitations = results.reduce((sum, result) => sum + result.citationsValid, 0);
  const latencies = results.map((result) => result.latencyMs);
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  return {
    name,
    cases: results.length,
    answerAccuracy: ratio(results.filter((result) => result.answerCorrect).length, results.length),
    citationHitRate: ratio(withArticles.filter((result) => result.citationHit).length, withArticles.length),
    refusalPrecision: ratio(rightlyRefused, refused.length),
    refusalRecall: ratio(rightlyRefused, shouldRefuse.length),
    citationValidity: ratio(validCitations, citations),
    p50Ms: round(percentile(latencies, 0.5)),
    p95Ms: round(percentile(latencies, 0.95)),
    citationAllAllowedRate: ratio(citing.filter((result) => result.citationsAllAllowed).length, citing.length),
    failures: results
      .filter((result) => !result.pass)
      .map((result) => ({
        id: result.id,
        question: result.question,
        expected: result.expected,
        got: { answer: result.answer, refused: result.refused, articles: result.citedArticles, problems: result.problems },
      })),
  };
}
