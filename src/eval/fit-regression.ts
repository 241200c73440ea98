// The two regressions `npm run fit:answer` runs (both by Adam with L2): the listwise
// softmax sentence ranker and the logistic answerability (refusal) model. Pure numerics:
// fit-answer-model.ts decides what they are fitted on.
import { ANSWERABILITY_FEATURES, FEATURE_COUNT, scoreFeatures, sigmoid } from '../answer/sentence-model.js';
import { roundTo } from './round.js';

const EPOCHS = 300;
const L2 = 1e-3;
const LEARNING_RATE = 0.05;

/** Adam's running moments, one entry per weight. */
interface Moments {
  first: number[];
  second: number[];
}

const zeros = (size: number): number[] => new Array<number>(size).fill(0);

/** One Adam update of `weights` in place; `regularise(f)` says whether weight f takes the L2 term. */
function adamStep(weights: number[], gradient: number[], moments: Moments, epoch: number, regularise: (f: number) => boolean): void {
  weights.forEach((weight, f) => {
    const g = (gradient[f] ?? 0) + (regularise(f) ? L2 * weight : 0);
    const first = 0.9 * (moments.first[f] ?? 0) + 0.1 * g;
    const second = 0.999 * (moments.second[f] ?? 0) + 0.001 * g * g;
    moments.first[f] = first;
    moments.second[f] = second;
    weights[f] = weight - (LEARNING_RATE * (first / (1 - 0.9 ** epoch))) / (Math.sqrt(second / (1 - 0.999 ** epoch)) + 1e-8);
  });
}

/** Adds `coefficient × row` to `gradient` in place. */
function addScaled(gradient: number[], coefficient: number, row: ArrayLike<number>): void {
  gradient.forEach((value, f) => {
    gradient[f] = value + coefficient * (row[f] ?? 0);
  });
}

/** Listwise softmax regression (Adam): maximises the weighted Σ log Σ_{gold} P(sentence). */
export function fitWeights(examples: { features: Float64Array[]; labels: boolean[]; weight?: number }[], epochs = EPOCHS): number[] {
  const weights = zeros(FEATURE_COUNT);
  const moments = { first: zeros(FEATURE_COUNT), second: zeros(FEATURE_COUNT) };
  const usable = examples.filter((example) => example.labels.some(Boolean) && example.labels.some((label) => !label));
  const totalWeight = usable.reduce((sum, example) => sum + (example.weight ?? 1), 0);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const gradient = zeros(FEATURE_COUNT);
    for (const { features, labels, weight = 1 } of usable) {
      const scores = features.map((row) => row.reduce((sum, value, i) => sum + value * (weights[i] ?? 0), 0));
      const top = Math.max(...scores);
      const exps = scores.map((score) => Math.exp(score - top));
      const all = exps.reduce((a, b) => a + b, 0);
      const gold = exps.reduce((sum, value, i) => sum + (labels[i] ? value : 0), 0);
      // d(-log gold/all)/dw = Σ p_i x_i − Σ_{gold} q_i x_i, q = renormalised over gold.
      features.forEach((row, i) => {
        const share = exps[i] ?? 0;
        addScaled(gradient, (weight * (share / all - (labels[i] ? share / gold : 0))) / totalWeight, row);
      });
    }
    adamStep(weights, gradient, moments, epoch, () => true);
  }
  return weights.map((weight) => roundTo(weight, 4));
}

/** One answerability example: its features, whether it should be answered, and its weight. */
export interface AnswerabilityRow {
  features: number[];
  label: boolean;
  weight: number;
}

/** Logistic regression (Adam, L2 except on the bias) on weighted answerability rows. */
export function fitLogistic(rows: AnswerabilityRow[], epochs = 400): number[] {
  const size = ANSWERABILITY_FEATURES.length;
  const weights = zeros(size);
  const moments = { first: zeros(size), second: zeros(size) };
  const totalWeight = rows.reduce((sum, row) => sum + row.weight, 0);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const gradient = zeros(size);
    for (const { features, label, weight } of rows) {
      addScaled(gradient, (weight * (sigmoid(scoreFeatures(features, weights)) - (label ? 1 : 0))) / totalWeight, features);
    }
    adamStep(weights, gradient, moments, epoch, (f) => f !== 0);
  }
  return weights.map((weight) => roundTo(weight, 4));
}
