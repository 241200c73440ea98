// The default answerer: offline and exact. It ranks every sentence of the retrieved
// chunks with the fitted sentence model (candidates.ts), opens with the best statement that
// holds the kind of answer asked for, adds a second sentence only when it adds what the
// first lacks, quotes them verbatim, each cited, and refuses when the fitted answerability
// model (or a rule about Korean questions) says the articles do not answer.
import { codesIn, holdsShownCodes, isRowOf, shownCodes, textsHoldCodes } from '../text/codes.js';
import { textsHoldColours } from '../text/colours.js';
import { RELATIVE_DAYS, RELATIVE_YEARS } from '../text/temporal-tables.js';
import { wordTerm } from '../text/tokens.js';
import type { AnswerEvent, AnswerInput, AnswerResult, Answerer } from './answerer.js';
import { canAnswerType } from './answer-forms.js';
import { ABOUT_MARGIN, NEWS_CAUSE_MARGIN, preferBound, preferExact } from './kind-preferences.js';
import { expectedAnswerType, isHardType } from './answer-type.js';
import { citationOf } from './citation.js';
import { answerabilityOf } from './answerability.js';
import { articleFit } from './article-fit.js';
import { DEFAULT_RANK, rankSentences, type Candidate, type Lexicon, type RankOptions } from './candidates.js';
import { focusWords } from './focus.js';
import { isPromptInjection } from './injection.js';
import { holdsWord, isYesNoQuestion, questionContentWords } from './missing-words.js';
import { isOpinionQuestion, OPINION_REFUSAL_TEXT } from './opinion.js';
import { REFUSAL_TEXT } from './refusal.js';
import { answerThreshold } from './sentence-model.js';
import { leadInWithSteps, procedureSteps } from './procedure.js';
import { answersPastWithPlan, namesAChoice, namesAskedPlaces, namesAskedRole, statesProposition } from './proposition.js';
import { isRowNamedBy, tableHeaderOf } from './table-rows.js';
import { preferSuperlative } from './superlative.js';
import { isAbout, secondSentence } from './second-sentence.js';
import { dateNote, preferByTime, preferEventTime, preferReportYear, preferLimit } from './time-choice.js';

export { rankSentences, scoreCandidates, smoothedIdf, type Candidate, type Lexicon } from './candidates.js';
export { answerabilityFeatures } from './answerability.js';
export { dateNote } from './time-choice.js';

export interface ExtractiveOptions extends RankOptions {
  /** Refuse when the best sentence holds less than this share of the question's
   *  IDF weight: the articles do not contain what is asked. */
  minCoverage: number;
  /** …or less than this share counting the passage and its article's title. */
  minContextCoverage: number;
  /** Sentences in an answer (the best ones, if they fit `maxAnswerChars`). */
  maxSentences: number;
  maxAnswerChars: number;
}

/** The 400-character cap measured on KorQuAD dev (`npm run bench:korquad`); the coverage
 *  thresholds apply only to a model without a fitted answerability part. */
export const DEFAULT_EXTRACTIVE: ExtractiveOptions = {
  ...DEFAULT_RANK,
  minCoverage: 0.2,
  minContextCoverage: 0.5,
  maxSentences: 2,
  maxAnswerChars: 400,
};

function refusal(): AnswerResult {
  return { answer: REFUSAL_TEXT, citations: [], refused: true, mode: 'extractive' };
}

/**
 * The sentence an answer would open with, before the refusal model has its say: the
 * best-scored statement that holds the kind of answer asked for when that kind has a visible
 * form (a time, a count, an amount, an age) and whose article names the month or round the
 * question names, preferring the look-alike article the question's time asks for (`first`);
 * and the best-scored such sentence it was chosen over (`best`, the same one unless the
 * question's time picked a look-alike). Whether the passages answer is judged on `best`: the
 * time preference only decides which look-alike states the answer, and its pick may score
 * lower for that. `fits` tells which articles fit the question's times and sides, for a second
 * sentence from another article. Undefined when no sentence qualifies or the passages never name
 * the question's focus.
 */
export function chooseOpening(
  question: string,
  candidates: Candidate[],
  lexicon: Lexicon,
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE,
): { first: Candidate; best: Candidate; fits: (candidate: Candidate) => boolean } | undefined {
  const type = expectedAnswerType(question);
  // The attribute asked about ("매출은 얼마야?") must be named by the retrieved passages or their
  // titles (an encyclopedia passage calls its subject 그; the title names it: 0.26 points of
  // KorQuAD gold).
  // (Requiring it in the answer's own passage cost 0.5 points of KorQuAD gold: answers often
  // state the value in a sentence whose passage names the attribute differently.)
  // A code or a colour the question names (E-502, HK-170, 보라색) must be in a passage: another code is
  // another thing, and a purple light is not the page's blue one. A code names the state exactly: the light
  // shown with it ("빨간불 깜박이면서 E-05가 떴어요") may be told on another part of the page.
  const codes = codesIn(question);
  if (!textsHoldCodes(question, chunkTexts(candidates)) || (codes.length === 0 && !textsHoldColours(question, chunkTexts(candidates))))
    return undefined;
  const corpus = { has: (term: string) => lexicon.documentFrequency(term) > 0 };
  // A code the passages hold (checked just above) is a topic they name: "E12 떴는데 …".
  if (codes.length === 0 && !corpusNamesTopic(question, corpus)) return undefined;
  const focus = focusWords(question);
  if (focus.length > 0) {
    const seen = new Set<string>();
    for (const candidate of candidates) for (const term of candidate.context) seen.add(term);
    const passages = {
      has: (term: string) => seen.has(term),
      hasWordStartingWith: (start: string) => {
        for (const term of seen) if (term.startsWith(wordTerm(start))) return true;
        return false;
      },
    };
    if (!focus.every(({ word, prefix, scope }) => holdsWord(scope === 'corpus' ? corpus : passages, word, prefix))) return undefined;
  }
  // The months and rounds the question names, and the side of a division (article-fit.ts).
  const articleNamesAll = articleFit(question, candidates, type);
  const answerability = options.model.answerability;
  // Without a fitted refusal model: enough of the question in the sentence itself, or in the
  // sentence and its context when the sentence adds something beyond the headline's topic.
  const covers = (candidate: Candidate) =>
    answerability !== undefined ||
    candidate.coverage >= options.minCoverage ||
    (candidate.contextCoverage >= options.minContextCoverage && candidate.attributeCoverage > 0);
  const eligible = (candidate: Candidate) =>
    candidate.kind === 'statement' &&
    covers(candidate) &&
    (type === undefined || !isHardType(type, candidate.hit.article.date !== undefined) || answersType(candidate, type, question)) &&
    articleNamesAll(candidate);
  // A code the device shows ("E3 떴어요") opens with its own table row when a passage lists it (prose names the code in
  // passing: "…인식 칩이 읽히지 않아 E3 에러가 날 수 있습니다"); a code the question names otherwise (one carried from the
  // last question: "E02 오류 — 청소했는데도 또 뜨면요?") with a sentence that holds it (E2's row shares every other
  // word), best one naming no other; when none holds them all (the model F720 and E03), one that holds the code shown.
  const shown = shownCodes(question);
  const rowOfCode = (candidate: Candidate) => shown.length > 0 && isRowOf(candidate.text, shown);
  const namesCodes = (candidate: Candidate) => textsHoldCodes(question, [candidate.text]);
  const onlyCodes = (candidate: Candidate) => namesCodes(candidate) && codesIn(candidate.text).every((code) => codes.includes(code));
  const codeFit = [rowOfCode, onlyCodes, namesCodes, (c: Candidate) => holdsShownCodes(question, c.text)].find(
    (fit) => codes.length > 0 && candidates.some((c) => eligible(c) && fit(c)),
  );
  const opens = (candidate: Candidate) => eligible(candidate) && (!codeFit || codeFit(candidate));
  const best = candidates.find(opens);
  if (!best) return undefined;
  const rivals = candidates.filter(opens);
  const byTime = preferReportYear(question, type, preferByTime(question, preferArticleAbout(question, best, rivals), rivals), rivals);
  const forEvent = preferEventTime(question, type, preferLimit(question, type, byTime, rivals), rivals, NEWS_CAUSE_MARGIN);
  const forKind = preferExact(question, type, preferBound(question, type, forEvent, rivals), rivals);
  return {
    best,
    first: preferSuperlative(question, forKind, rivals, { news: NEWS_CAUSE_MARGIN, page: ABOUT_MARGIN }),
    fits: articleNamesAll,
  };
}

/** Whether a sentence holds the asked kind; a table row read under its header ("월 요금" over "6,900원"). */
function answersType(candidate: Candidate, type: NonNullable<ReturnType<typeof expectedAnswerType>>, question: string): boolean {
  if (canAnswerType(candidate.text, type, question)) return true;
  const header = tableHeaderOf(candidate);
  return header !== undefined && canAnswerType(`${header}\n${candidate.text}`, type, question);
}

/** Whether the corpus holds any topic word of the question (in any spelling the related-words table
 *  knows): a question none of whose words any article uses ("해운대 불꽃축제" in a corpus that never
 *  names either) is about something the articles do not cover. Time words are no topic. */
function corpusNamesTopic(question: string, corpus: { has: (term: string) => boolean }): boolean {
  const topic = questionContentWords(question).filter((word) => !(word in RELATIVE_YEARS) && !(word in RELATIVE_DAYS));
  return topic.length === 0 || topic.some((word) => holdsWord(corpus, word));
}

/** The candidates' passage texts, lazily: read only when a question names a code. */
function* chunkTexts(candidates: Candidate[]): Generator<string> {
  for (const candidate of candidates) yield candidate.hit.chunk.text;
}

/**
 * A sentence of the article whose headline names the question's subject ("태풍 '미리내' 남해안
 * 강타…" for "태풍 미리내가 상륙한 날이 언제야?") over one that names it in passing in an article
 * about something else (a tourism report's "지난 20일 상륙한 태풍 '미리내'로…"), when they score
 * about alike. News headlines say what an article is about; Wikipedia-style titles name no event.
 */
function preferArticleAbout(question: string, best: Candidate, eligible: Candidate[]): Candidate {
  const words = questionContentWords(question);
  if (words.length === 0 || isAbout(words, best)) return best;
  return eligible.find((candidate) => best.score - candidate.score <= ABOUT_MARGIN && isAbout(words, candidate)) ?? best;
}

/**
 * Picks the answer sentences, or none when the articles do not answer: the first from
 * chooseOpening, refused when the fitted answerability model doubts it; a second sentence only
 * when it adds what the first lacks: the sentence a pronoun points back to, or question terms
 * and the asked kind the first does not hold, with enough model probability.
 */
export function selectSentences(
  question: string,
  candidates: Candidate[],
  lexicon: Lexicon,
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE,
): Candidate[] {
  const opening = chooseOpening(question, candidates, lexicon, options);
  if (!opening) return [];
  const { first, best, fits } = opening;
  if (isYesNoQuestion(question) && (!statesProposition(question, candidates, first, lexicon) || answersPastWithPlan(question, first)))
    return [];
  if (!namesAChoice(question, candidates) || !namesAskedPlaces(question, candidates, first) || !namesAskedRole(question, first)) return [];
  const answerability = options.model.answerability;
  const type = expectedAnswerType(question);
  // A code the device shows ("E03이라고 떠요") is exact: the sentence that holds it answers what it means; so does
  // the row of a thing the question names, when it holds the asked kind.
  if (
    answerability &&
    !holdsShownCodes(question, best.text) &&
    !(type && isRowNamedBy(question, best) && answersType(best, type, question)) &&
    answerabilityOf(question, candidates, best, lexicon, answerability.weights) < answerThreshold(answerability, best)
  )
    return [];
  // Asked how or where on a help page, a numbered step comes with its procedure (procedure.ts).
  const procedure =
    first.hit.article.date === undefined && (type?.kind === 'method' || type?.kind === 'place')
      ? procedureSteps(first, candidates, options.maxAnswerChars)
      : undefined;
  // …and so does a lead-in the procedure follows ("…하려면 인증번호를 공유하면 됩니다." then "1. …"); asked where, no answer moved.
  const steps =
    procedure ??
    (first.hit.article.date === undefined && type?.kind === 'method'
      ? leadInWithSteps(first, candidates, options.maxAnswerChars)
      : undefined);
  if (steps && options.maxSentences > 1) return steps;
  const chosen: Candidate[] = [first];
  if (options.maxSentences > 1) {
    const second = secondSentence(question, first, candidates, lexicon, options.model, type, fits);
    // The row of a code the device shows says what it means and what to do; a second sentence adds to it
    // only when it is about that code too (a page's section on it), not a likely line of another page.
    const offCode = second !== undefined && holdsShownCodes(question, first.text) && !holdsShownCodes(question, second.text);
    if (second && !offCode && first.text.length + second.text.length <= options.maxAnswerChars) chosen.push(second);
  }
  // The answer first; a pronoun's antecedent goes before the sentence that points back to it.
  const [, second] = chosen;
  return second && first.pointsBack && second.start === first.previous?.start && second.hit.article.id === first.hit.article.id
    ? [second, first]
    : chosen;
}

export function buildCitedAnswer(sentences: Candidate[]): AnswerResult {
  const citations = sentences.map((sentence, i) => citationOf(sentence.hit, i + 1, sentence));
  const answer = sentences.map((sentence, i) => `${sentence.text} [${i + 1}]`).join(' ');
  return { answer, citations, refused: false, mode: 'extractive' };
}

/** The cited answer as served: the sentences, then the full date of a day they name by halves. */
export function servedAnswer(question: string, chosen: Candidate[]): AnswerResult {
  if (chosen.length === 0) return refusal();
  const result = buildCitedAnswer(chosen);
  const timeQuestion = expectedAnswerType(question)?.kind === 'time';
  const note = chosen.map((sentence) => dateNote(sentence.text, sentence.hit.article.date, timeQuestion)).find(Boolean);
  return note ? { ...result, answer: `${result.answer} ${note}` } : result;
}

/**
 * A follow-up rewritten by carrying the last question's words before the user's ("가람군 청년 월세 지원 조례 —
 * 반대한 의원들은 왜 반대했대?") is ranked by the whole rewrite plus a share of the score the user's own words give: the
 * carried words find the article, the user's pick the sentence, not the lead that holds the carried ones. The share,
 * 0.25 of 0, 0.25, 0.5 and 1, was picked leaving one eval set out at a time (0.25 in all 69 folds): out of fold
 * 2,239 of 3,083 cases right, against 2,236 without (over all sets, 0.5 gives 2,238 and 1 gives 2,234).
 */
const OWN_WORDS_SHARE = 0.25;

function rankedWithOwnWords(input: AnswerInput, lexicon: Lexicon, options: ExtractiveOptions): Candidate[] {
  const ranked = rankSentences(input.question, input.hits, lexicon, options);
  if (!input.ownWords) return ranked;
  const key = (candidate: Candidate) => `${candidate.hit.article.id}:${candidate.start}`;
  const own = new Map(rankSentences(input.ownWords, input.hits, lexicon, options).map((candidate) => [key(candidate), candidate.score]));
  return ranked
    .map((candidate) => ({ ...candidate, score: candidate.score + OWN_WORDS_SHARE * (own.get(key(candidate)) ?? 0) }))
    .sort((a, b) => b.score - a.score);
}

export function createExtractiveAnswerer(lexicon: Lexicon, options: ExtractiveOptions = DEFAULT_EXTRACTIVE): Answerer {
  return {
    mode: 'extractive',
    async *answer(input: AnswerInput): AsyncIterable<AnswerEvent> {
      let result: AnswerResult;
      if (isPromptInjection(input.question)) result = refusal();
      else if (isOpinionQuestion(input.question)) result = { ...refusal(), answer: OPINION_REFUSAL_TEXT };
      else {
        const chosen = selectSentences(input.question, rankedWithOwnWords(input, lexicon, options), lexicon, options);
        result = servedAnswer(input.question, chosen);
      }
      // Stream cited sentence by cited sentence, like the LLM answerers; the split drops
      // exactly one space, put back on the piece before it, so pieces concatenate to the answer.
      const pieces = result.refused
        ? [result.answer]
        : result.answer.split(/(?<=\]) (?=\S)/).map((piece, i, all) => (i < all.length - 1 ? `${piece} ` : piece));
      for (const piece of pieces) yield { type: 'token', text: piece };
      yield { type: 'result', result };
    },
  };
}
