// `npm run fit:answer`: fits the extractive answerer's models, out of fold.
//
// Data: every KorQuAD dev question, retrieved as the server would (top 5 passages), with
// its candidate sentences labelled "holds the gold span"; the same question again with its
// own paragraph removed, a near miss the answerer should refuse; and, when given, the
// development eval sets over their fixture corpora (news, documentation), whose expected
// phrases label the candidates and whose refusal cases are negatives. Development cases
// weigh DEV_WEIGHT KorQuAD questions each, so a few hundred news questions count next to
// 5,774 Wikipedia ones.
//
// Models (fit-regression.ts): the sentence ranker by a listwise softmax loss; the
// answerability (refusal) model by logistic regression, its threshold refusing at most
// MAX_ANSWERABLE_REFUSED of the answerable training questions; the second-sentence
// thresholds by a grid search. Five folds (KorQuAD by Wikipedia title, eval cases by id)
// give the out-of-fold figures; the final models are fitted on all folds and written to
// src/answer/sentence-weights.ts.
import { rename, writeFile } from 'node:fs/promises';
import {
  answerabilityFeatures,
  chooseOpening,
  DEFAULT_EXTRACTIVE,
  scoreCandidates,
  selectSentences,
  servedAnswer,
  type Candidate,
  type ExtractiveOptions,
  type Lexicon,
} from '../answer/extractive.js';
import { ANSWERABILITY_FEATURES, FEATURES, scoreFeatures, sigmoid, type SentenceModel } from '../answer/sentence-model.js';
import { fitLogistic, fitWeights, type AnswerabilityRow } from './fit-regression.js';
import { percentile } from './metrics.js';
import { roundTo } from './round.js';

/** One question with what the answerer would see for it. */
export interface FitExample {
  /** The standalone question (follow-ups already rewritten). */
  question: string;
  /** `korquad` or the eval set's name. */
  source: string;
  /** A string the fold is derived from (KorQuAD: the Wikipedia title; eval sets: set and case id). */
  groupKey: string;
  lexicon: Lexicon;
  candidates: Candidate[];
  /** Per candidate: it holds the answer. */
  labels: boolean[];
  /** The passages do not answer: the answerer should refuse. */
  refuse: boolean;
  /** For an answerable question: whether an answer text is right. */
  correct?: (answer: string) => boolean;
  /** KorQuAD: the candidates once the question's own paragraph is removed (should refuse). */
  without?: Candidate[];
  /** The corpus vocabulary without the question's own paragraph, for `without` (fit-data.ts lexiconWithout). */
  withoutLexicon?: Lexicon;
}

interface SourceFigures {
  /** Answerable and answered with a right answer, or refusable and refused. */
  accuracy: number;
  /** Answerable questions refused. */
  refusalRate: number;
  /** Refusable questions (and KorQuAD near misses) refused. */
  refusalRecall: number | null;
  medianAnswerChars: number;
  cases: number;
}

export interface FitResult {
  folds: number;
  outOfFold: Record<string, SourceFigures>;
  inSample: Record<string, SourceFigures>;
  model: SentenceModel;
}

export const FOLDS = 5;
/** Passages the answerer reads (the pipeline's default topK). */
export const TOP_K = 5;
/** How many KorQuAD questions one development case weighs. */
const DEV_WEIGHT = 5;
/** Second-sentence thresholds tried; KorQuAD answers must stay short (median ≤ MAX_MEDIAN_CHARS). */
const THRESHOLDS = [0.005, 0.02, 0.05, 0.1, 1.01];
const LIKELY_THRESHOLDS = [0.1, 0.2, 0.3, 0.5, 1.01];
const MAX_MEDIAN_CHARS = 195;
/** Share of answerable training questions the refusal model may refuse. At 0.03 it cost KorQuAD
 *  half a point of gold answers; at 0.02 the development sets keep their refusals (measured). */
export const MAX_ANSWERABLE_REFUSED = 0.02;

/** A KorQuAD question (or its `korquad-near-miss`) weighs 1, a development case DEV_WEIGHT. */
const weightOf = (source: string) => (source.startsWith('korquad') ? 1 : DEV_WEIGHT);

export function foldOf(key: string): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return (hash >>> 0) % FOLDS;
}

const noModelParts = (weights: number[]): ExtractiveOptions => ({
  ...DEFAULT_EXTRACTIVE,
  model: { weights, secondMinProbability: 1.01, secondLikelyProbability: 1.01 },
});

/** Answerability rows under ranker `weights`, from the sentence the answerer would open with
 *  (chosen as it is served when `served` is given, the options the rows decide for). */
export function answerabilityRows(train: FitExample[], weights: number[], served?: ExtractiveOptions): AnswerabilityRow[] {
  const options = served ?? noModelParts(weights);
  const rows: AnswerabilityRow[] = [];
  const add = (example: FitExample, pool: Candidate[], label: boolean, lexicon: Lexicon) => {
    const ranked = scoreCandidates([...pool], options.model);
    const best = chooseOpening(example.question, ranked, lexicon, options)?.best;
    if (best)
      rows.push({
        features: answerabilityFeatures(example.question, ranked, best, lexicon),
        label,
        weight: weightOf(example.source),
      });
  };
  for (const example of train) {
    add(example, example.candidates, !example.refuse, example.lexicon);
    if (example.without) add(example, example.without, false, example.withoutLexicon ?? example.lexicon);
  }
  return rows;
}

/** The answer threshold: the weighted MAX_ANSWERABLE_REFUSED quantile of the answerable rows. */
export function pickThreshold(rows: AnswerabilityRow[], weights: number[]): number {
  const positives = rows
    .filter((row) => row.label)
    .map((row) => ({ p: sigmoid(scoreFeatures(row.features, weights)), weight: row.weight }))
    .sort((a, b) => a.p - b.p);
  const total = positives.reduce((sum, row) => sum + row.weight, 0);
  let seen = 0;
  for (const row of positives) {
    seen += row.weight;
    // Rounded down: the question the quantile falls on is still answered.
    if (seen >= total * MAX_ANSWERABLE_REFUSED) return Math.floor(row.p * 1e4) / 1e4;
  }
  return 0;
}

export interface Outcome {
  source: string;
  right: boolean;
  answerable: boolean;
  refused: boolean;
  chars: number;
}

/** `example` answered as served ('' when refused): right when it refuses a refusal case or answers an
 *  answerable one correctly. As served, because a news answer's date note may hold the expected date. */
export function servedOutcome(example: FitExample, options: ExtractiveOptions): { answer: string; refused: boolean; right: boolean } {
  const ranked = scoreCandidates([...example.candidates], options.model);
  const chosen = selectSentences(example.question, ranked, example.lexicon, options);
  const answer = chosen.length ? servedAnswer(example.question, chosen).answer : '';
  const refused = chosen.length === 0;
  return { answer, refused, right: example.refuse ? refused : !refused && (example.correct?.(answer) ?? false) };
}

export function outcomes(examples: FitExample[], options: ExtractiveOptions): Outcome[] {
  const results: Outcome[] = [];
  for (const example of examples) {
    const { answer, refused, right } = servedOutcome(example, options);
    results.push({ source: example.source, right, answerable: !example.refuse, refused, chars: answer.length });
    if (example.without) {
      const near = scoreCandidates([...example.without], options.model);
      const nearRefused = selectSentences(example.question, near, example.withoutLexicon ?? example.lexicon, options).length === 0;
      results.push({ source: `${example.source}-near-miss`, right: nearRefused, answerable: false, refused: nearRefused, chars: 0 });
    }
  }
  return results;
}

export function summarise(results: Outcome[]): Record<string, SourceFigures> {
  const bySource = new Map<string, Outcome[]>();
  for (const result of results) bySource.set(result.source, [...(bySource.get(result.source) ?? []), result]);
  const figures: Record<string, SourceFigures> = {};
  for (const [source, list] of [...bySource].sort()) {
    const answerable = list.filter((result) => result.answerable);
    const refusable = list.filter((result) => !result.answerable);
    figures[source] = {
      accuracy: roundTo(list.filter((result) => result.right).length / list.length, 4),
      refusalRate: answerable.length ? roundTo(answerable.filter((result) => result.refused).length / answerable.length, 4) : 0,
      refusalRecall: refusable.length ? roundTo(refusable.filter((result) => result.refused).length / refusable.length, 4) : null,
      medianAnswerChars:
        percentile(
          answerable.map((result) => result.chars),
          0.5,
        ) ?? 0,
      cases: list.length,
    };
  }
  return figures;
}

/** The weighted score a model is chosen by: right answers and refusals, dev cases weighing more. */
function weightedAccuracy(results: Outcome[]): number {
  let right = 0;
  let total = 0;
  for (const result of results) {
    const weight = weightOf(result.source);
    total += weight;
    if (result.right) right += weight;
  }
  return total ? right / total : 0;
}

/** Fits the ranker and the refusal model on `train` and picks the second-sentence thresholds. */
function fitModel(train: FitExample[]): SentenceModel {
  const weights = fitWeights(
    train.map((example) => ({
      features: example.candidates.map((candidate) => candidate.features),
      labels: example.labels,
      weight: weightOf(example.source),
    })),
  );
  const rows = answerabilityRows(train, weights);
  const answerabilityWeights = fitLogistic(rows);
  const answerability = { weights: answerabilityWeights, threshold: pickThreshold(rows, answerabilityWeights) };
  let best: SentenceModel = { weights, secondMinProbability: 1.01, secondLikelyProbability: 1.01, answerability };
  let bestScore = -1;
  for (const threshold of THRESHOLDS) {
    for (const likely of LIKELY_THRESHOLDS) {
      if (likely < threshold) continue;
      const model = { weights, secondMinProbability: threshold, secondLikelyProbability: likely, answerability };
      const results = outcomes(train, { ...DEFAULT_EXTRACTIVE, model });
      const korquadChars = results.filter((result) => result.source === 'korquad' && !result.refused).map((result) => result.chars);
      const score = weightedAccuracy(results);
      if ((percentile(korquadChars, 0.5) ?? 0) <= MAX_MEDIAN_CHARS && score > bestScore) {
        bestScore = score;
        best = model;
      }
    }
  }
  return best;
}

export function fitAnswerModel(examples: FitExample[], onProgress?: (message: string) => void): FitResult {
  const withFolds = examples.map((example) => ({ example, fold: foldOf(example.groupKey) }));
  const oofResults: Outcome[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = withFolds.filter((entry) => entry.fold !== fold).map((entry) => entry.example);
    const test = withFolds.filter((entry) => entry.fold === fold).map((entry) => entry.example);
    const model = fitModel(train);
    const results = outcomes(test, { ...DEFAULT_EXTRACTIVE, model });
    oofResults.push(...results);
    onProgress?.(`fold ${fold + 1}/${FOLDS}: ${JSON.stringify(summarise(results))}`);
  }
  const outOfFold = summarise(oofResults);
  const model = fitModel(examples);
  const inSample = summarise(outcomes(examples, { ...DEFAULT_EXTRACTIVE, model }));
  const sources = [...new Set(examples.map((example) => example.source))].sort();
  model.fitted = { data: sources, folds: FOLDS, devWeight: DEV_WEIGHT, outOfFold };
  return { folds: FOLDS, outOfFold, inSample, model };
}

/** The weights file, as TypeScript so the build needs no JSON import. */
export function weightsSource(model: SentenceModel): string {
  const weights = FEATURES.map((name, i) => `    ${model.weights[i]}, // ${name}`).join('\n');
  const answerability = (model.answerability?.weights ?? [])
    .map((weight, i) => `      ${weight}, // ${ANSWERABILITY_FEATURES[i]}`)
    .join('\n');
  return `// Written by \`npm run fit:answer\`; do not edit by hand. \`fitted.outOfFold\` holds the
// out-of-fold figures per data source.
import type { SentenceModel } from './sentence-model.js';

export const FITTED_SENTENCE_MODEL: SentenceModel = {
  weights: [
${weights}
  ],
  secondMinProbability: ${model.secondMinProbability},
  secondLikelyProbability: ${model.secondLikelyProbability},${model.sectionWeight !== undefined ? `\n  sectionWeight: ${model.sectionWeight},` : ''}
  answerability: {
    weights: [
${answerability}
    ],
    threshold: ${model.answerability?.threshold ?? 0},${
      model.answerability?.newsThreshold !== undefined ? `\n    newsThreshold: ${model.answerability.newsThreshold},` : ''
    }${model.answerability?.pageThreshold !== undefined ? `\n    pageThreshold: ${model.answerability.pageThreshold},` : ''}
  },
  fitted: ${JSON.stringify(model.fitted ?? {})},
};
`;
}

/** Writes the weights file whole or not at all: a fit cut short (a closed pipe, Ctrl+C) never leaves
 *  an empty or half-written source file behind. */
export async function writeWeights(file: string, model: SentenceModel): Promise<void> {
  const partial = `${file}.partial`;
  await writeFile(partial, weightsSource(model));
  await rename(partial, file);
}
