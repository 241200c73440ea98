// `npm run fit:answer`: fits the extractive answerer's sentence ranker on KorQuAD dev.
// Every question is retrieved as the server would (top 5 passages); each candidate
// sentence gets the answerer's features and the label "holds the gold span". Weights are
// fitted with a listwise softmax loss (the model should put its probability on a gold
// sentence), and the second-sentence threshold by a grid search. Five folds split by
// Wikipedia title give the out-of-fold figures; the final model is fitted on all folds
// and written to src/answer/sentence-weights.ts with those figures.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerabilityFeatures, buildCitedAnswer, chooseFirst, DEFAULT_EXTRACTIVE, rankSentences, scoreCandidates, selectSentences, type Candidate, type ExtractiveOptions, type Lexicon } from '../answer/extractive.js';
import { ANSWERABILITY_FEATURES, FEATURE_COUNT, FEATURES, scoreFeatures, sigmoid, type SentenceModel } from '../answer/sentence-model.js';
import type { Hit } from '../domain/types.js';
import { percentile } from './metrics.js';
import { loadKorquad, type KorquadQuestion } from './korquad-data.js';

export interface FitDeps {
  /** Indexes the paragraphs and returns a retriever and the corpus lexicon over them. */
  build(articles: import('../domain/types.js').Article[], indexDir: string): Promise<{ search(question: string, k: number): Promise<Hit[]>; lexicon: Lexicon }>;
  onProgress?(message: string): void;
}

interface Example {
  question: KorquadQuestion;
  group: number;
  candidates: Candidate[];
  labels: boolean[];
  /** The same question over the passages left when its own paragraph is removed: the
   *  articles then do not answer it (a near miss: often the same subject, another fact). */
  without: Candidate[];
}

export interface FoldFigures {
  answerContainsGold: number;
  medianAnswerChars: number;
  refusalRate: number;
  firstSentenceHasGold: number;
  /** Share of questions refused once their own paragraph is removed from the passages. */
  nearMissRefusalRate: number;
}

export interface FitResult {
  folds: number;
  questions: number;
  outOfFold: FoldFigures;
  inSample: FoldFigures;
  model: SentenceModel;
}

const FOLDS = 5;
/** Passages the answerer reads (the pipeline's default topK). */
const TOP_K = 5;
const EPOCHS = 300;
const L2 = 1e-3;
const LEARNING_RATE = 0.05;
/** Second-sentence thresholds tried; the answer must stay short (median ≤ MAX_MEDIAN_CHARS). */
const THRESHOLDS = [0.005, 0.02, 0.05, 0.1, 1.01];
const LIKELY_THRESHOLDS = [0.1, 0.2, 0.3, 0.5, 1.01];
const MAX_MEDIAN_CHARS = 195;
/** Share of answerable (with their paragraph) training questions the refusal model may refuse. */
const MAX_ANSWERABLE_REFUSED = 0.03;

function hashGroup(title: string, folds: number): number {
  let hash = 2166136261;
  for (let i = 0; i < title.length; i++) hash = Math.imul(hash ^ title.charCodeAt(i), 16777619);
  return (hash >>> 0) % folds;
}

/** Listwise softmax regression (Adam): maximises log Σ_{gold} P(sentence). */
export function fitWeights(examples: { features: Float64Array[]; labels: boolean[] }[], epochs = EPOCHS): number[] {
  const weights = new Array<number>(FEATURE_COUNT).fill(0);
  const m = new Array<number>(FEATURE_COUNT).fill(0);
  const v = new Array<number>(FEATURE_COUNT).fill(0);
  const usable = examples.filter((example) => example.labels.some(Boolean) && example.labels.some((label) => !label));
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const gradient = new Array<number>(FEATURE_COUNT).fill(0);
    for (const { features, labels } of usable) {
      const scores = features.map((row) => row.reduce((sum, value, i) => sum + value * weights[i]!, 0));
      const top = Math.max(...scores);
      const exps = scores.map((score) => Math.exp(score - top));
      const all = exps.reduce((a, b) => a + b, 0);
      const gold = exps.reduce((sum, value, i) => sum + (labels[i] ? value : 0), 0);
      // d(-log gold/all)/dw = Σ p_i x_i − Σ_{gold} q_i x_i, q = renormalised over gold.
      features.forEach((row, i) => {
        const coefficient = exps[i]! / all - (labels[i] ? exps[i]! / gold : 0);
        for (let f = 0; f < FEATURE_COUNT; f++) gradient[f]! += coefficient * row[f]!;
      });
    }
    for (let f = 0; f < FEATURE_COUNT; f++) {
      const g = gradient[f]! / usable.length + L2 * weights[f]!;
      m[f] = 0.9 * m[f]! + 0.1 * g;
      v[f] = 0.999 * v[f]! + 0.001 * g * g;
      const mHat = m[f]! / (1 - 0.9 ** epoch);
      const vHat = v[f]! / (1 - 0.999 ** epoch);
      weights[f]! -= (LEARNING_RATE * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  return weights.map((weight) => Math.round(weight * 1e4) / 1e4);
}

function evaluate(examples: Example[], lexicon: Lexicon, options: ExtractiveOptions): FoldFigures {
  let gold = 0;
  let refused = 0;
  let firstGold = 0;
  const chars: number[] = [];
  for (const example of examples) {
    const ranked = scoreCandidates([...example.candidates], options.model);
    const chosen = selectSentences(example.question.question, ranked, lexicon, options);
    if (chosen.length === 0) {
      refused++;
      chars.push(0);
      continue;
    }
    const answer = buildCitedAnswer(chosen).answer;
    chars.push(answer.length);
    if (example.question.answers.some((span) => answer.includes(span))) gold++;
    const best = ranked.find((candidate) => chosen.includes(candidate));
    if (best && example.question.answers.some((span) => best.text.includes(span))) firstGold++;
  }
  let nearMissRefused = 0;
  for (const example of examples) {
    const ranked = scoreCandidates([...example.without], options.model);
    if (selectSentences(example.question.question, ranked, lexicon, options).length === 0) nearMissRefused++;
  }
  const n = examples.length || 1;
  return {
    answerContainsGold: round(gold / n),
    medianAnswerChars: percentile(chars, 0.5) ?? 0,
    refusalRate: round(refused / n),
    firstSentenceHasGold: round(firstGold / n),
    nearMissRefusalRate: round(nearMissRefused / n),
  };
}

const round = (value: number) => Math.round(value * 1e4) / 1e4;

/** Answerability rows for `train` under ranker `weights`: the question with its own paragraph
 *  (answerable) and without it (not), each from the sentence the answerer would open with. */
function answerabilityRows(train: Example[], lexicon: Lexicon, weights: number[]): { features: number[]; label: boolean }[] {
  const options = { ...DEFAULT_EXTRACTIVE, model: { weights, secondMinProbability: 1.01, secondLikelyProbability: 1.01 } };
  const rows: { features: number[]; label: boolean }[] = [];
  for (const example of train) {
    for (const [pool, label] of [[example.candidates, true], [example.without, false]] as const) {
      const ranked = scoreCandidates([...pool], options.model);
      const first = chooseFirst(example.question.question, ranked, lexicon, options);
      if (first) rows.push({ features: answerabilityFeatures(example.question.question, ranked, first, lexicon), label });
    }
  }
  return rows;
}

/** Logistic regression (Adam, L2) on the answerability rows. */
export function fitLogistic(rows: { features: number[]; label: boolean }[], epochs = 400): number[] {
  const size = ANSWERABILITY_FEATURES.length;
  const weights = new Array<number>(size).fill(0);
  const m = new Array<number>(size).fill(0);
  const v = new Array<number>(size).fill(0);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const gradient = new Array<number>(size).fill(0);
    for (const { features, label } of rows) {
      const error = sigmoid(scoreFeatures(features, weights)) - (label ? 1 : 0);
      for (let f = 0; f < size; f++) gradient[f]! += error * features[f]!;
    }
    for (let f = 0; f < size; f++) {
      const g = gradient[f]! / rows.length + (f === 0 ? 0 : L2 * weights[f]!);
      m[f] = 0.9 * m[f]! + 0.1 * g;
      v[f] = 0.999 * v[f]! + 0.001 * g * g;
      weights[f]! -= (LEARNING_RATE * (m[f]! / (1 - 0.9 ** epoch))) / (Math.sqrt(v[f]! / (1 - 0.999 ** epoch)) + 1e-8);
    }
  }
  return weights.map((weight) => Math.round(weight * 1e4) / 1e4);
}

/** The answer threshold: refuse as many near misses as possible while refusing at most
 *  MAX_ANSWERABLE_REFUSED of the answerable questions (a wrong refusal costs a user more). */
function pickThreshold(rows: { features: number[]; label: boolean }[], weights: number[]): number {
  const positives = rows.filter((row) => row.label).map((row) => sigmoid(scoreFeatures(row.features, weights))).sort((a, b) => a - b);
  const cut = positives[Math.floor(positives.length * MAX_ANSWERABLE_REFUSED)] ?? 0;
  return Math.round(cut * 1e4) / 1e4;
}

/** Fits weights and picks the threshold on `train`. */
function fitModel(train: Example[], lexicon: Lexicon): SentenceModel {
  const weights = fitWeights(train.map((example) => ({ features: example.candidates.map((candidate) => candidate.features), labels: example.labels })));
  const rows = answerabilityRows(train, lexicon, weights);
  const answerabilityWeights = fitLogistic(rows);
  const answerability = { weights: answerabilityWeights, threshold: pickThreshold(rows, answerabilityWeights) };
  let best: SentenceModel = { weights, secondMinProbability: 1.01, secondLikelyProbability: 1.01, answerability };
  let bestGold = -1;
  for (const threshold of THRESHOLDS) {
    for (const likely of LIKELY_THRESHOLDS) {
      if (likely < threshold) continue;
      const model = { weights, secondMinProbability: threshold, secondLikelyProbability: likely, answerability };
      const figures = evaluate(train, lexicon, { ...DEFAULT_EXTRACTIVE, model });
      if (figures.medianAnswerChars <= MAX_MEDIAN_CHARS && figures.answerContainsGold > bestGold) {
        bestGold = figures.answerContainsGold;
        best = model;
      }
    }
  }
  return best;
}

export async function fitAnswerModel(file: string, deps: FitDeps, limit?: number): Promise<FitResult> {
  const data = await loadKorquad(file);
  const titleOf = new Map(data.articles.map((article) => [article.id, article.title]));
  const questions = limit ? data.questions.slice(0, limit) : data.questions;
  const indexDir = await mkdtemp(join(tmpdir(), 'fit-answer-'));
  try {
    const { search, lexicon } = await deps.build(data.articles, indexDir);
    const examples: Example[] = [];
    for (const question of questions) {
      const hits = await search(question.question, TOP_K + 5);
      const candidates = rankSentences(question.question, hits.slice(0, TOP_K), lexicon);
      const others = hits.filter((hit) => hit.article.id !== question.articleId).slice(0, TOP_K);
      examples.push({
        question,
        group: hashGroup(titleOf.get(question.articleId) ?? question.articleId, FOLDS),
        candidates,
        labels: candidates.map((candidate) => question.answers.some((span) => candidate.text.includes(span))),
        without: rankSentences(question.question, others, lexicon),
      });
    }
    deps.onProgress?.(`특징 계산 완료: 질문 ${examples.length}개`);

    // Out-of-fold: each fold is answered by a model fitted without it.
    const outOfFold: Array<{ figures: FoldFigures; n: number }> = [];
    for (let fold = 0; fold < FOLDS; fold++) {
      const train = examples.filter((example) => example.group !== fold);
      const test = examples.filter((example) => example.group === fold);
      const model = fitModel(train, lexicon);
      const figures = evaluate(test, lexicon, { ...DEFAULT_EXTRACTIVE, model });
      outOfFold.push({ figures, n: test.length });
      deps.onProgress?.(`fold ${fold + 1}/${FOLDS}: ${JSON.stringify(figures)} (thresholds ${model.secondMinProbability} / ${model.secondLikelyProbability})`);
    }
    const total = outOfFold.reduce((sum, fold) => sum + fold.n, 0);
    const mean = (key: keyof FoldFigures) => round(outOfFold.reduce((sum, fold) => sum + fold.figures[key] * fold.n, 0) / total);
    const oof: FoldFigures = {
      answerContainsGold: mean('answerContainsGold'),
      medianAnswerChars: mean('medianAnswerChars'),
      refusalRate: mean('refusalRate'),
      firstSentenceHasGold: mean('firstSentenceHasGold'),
      nearMissRefusalRate: mean('nearMissRefusalRate'),
    };
    const model = fitModel(examples, lexicon);
    const inSample = evaluate(examples, lexicon, { ...DEFAULT_EXTRACTIVE, model });
    model.fitted = { data: 'KorQuAD 1.0 dev', questions: examples.length, folds: FOLDS, split: 'by Wikipedia title', outOfFold: oof, inSample };
    return { folds: FOLDS, questions: examples.length, outOfFold: oof, inSample, model };
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}

/** The weights file, as TypeScript so the build needs no JSON import. */
export function weightsSource(model: SentenceModel): string {
  const weights = FEATURES.map((name, i) => `    ${model.weights[i]}, // ${name}`).join('\n');
  return `// Written by \`npm run fit:answer\`; do not edit by hand. Figures are out-of-fold on KorQuAD dev.
import type { SentenceModel } from './sentence-model.js';

export const FITTED_SENTENCE_MODEL: SentenceModel = {
  weights: [
${weights}
  ],
  secondMinProbability: ${model.secondMinProbability},
  secondLikelyProbability: ${model.secondLikelyProbability},
  answerability: {
    weights: [
${(model.answerability?.weights ?? []).map((weight, i) => `      ${weight}, // ${ANSWERABILITY_FEATURES[i]}`).join('\n')}
    ],
    threshold: ${model.answerability?.threshold ?? 0},
  },
  fitted: ${JSON.stringify(model.fitted ?? {})},
};
`;
}

export async function writeWeights(file: string, model: SentenceModel): Promise<void> {
  await writeFile(file, weightsSource(model));
}
