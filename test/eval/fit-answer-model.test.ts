// The model fitters on synthetic data whose answer is known: they must recover which
// feature decides, and the weights file they write must hold every weight by name.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { weightsSource, writeWeights } from '../../src/eval/fit-answer-model.js';
import { FITTED_SENTENCE_MODEL } from '../../src/answer/sentence-weights.js';
import { fitLogistic, fitWeights } from '../../src/eval/fit-regression.js';
import { ANSWERABILITY_FEATURES, FEATURE_COUNT, FEATURES, scoreFeatures, sigmoid } from '../../src/answer/sentence-model.js';

/** A deterministic pseudo-random stream (no Math.random in tests). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('fitWeights (listwise softmax ranker)', () => {
  it('learns that the feature marking the gold sentence decides, and ranks held-out lists right', () => {
    const next = random(7);
    const list = () => {
      const gold = Math.floor(next() * 6);
      const features = Array.from({ length: 6 }, (_, i) => {
        const row = new Float64Array(FEATURE_COUNT).map(() => next());
        row[1] = i === gold ? 0.6 + 0.4 * next() : 0.5 * next(); // `local` separates the gold sentence
        return row;
      });
      return { features, labels: features.map((_, i) => i === gold) };
    };
    const weights = fitWeights(Array.from({ length: 300 }, list), 200);
    expect(weights[1]).toBeGreaterThan(2);
    for (const [i, weight] of weights.entries()) if (i !== 1) expect(Math.abs(weight)).toBeLessThan(weights[1]! / 2);
    let right = 0;
    for (let t = 0; t < 100; t++) {
      const { features, labels } = list();
      const scores = features.map((row) => scoreFeatures(row, weights));
      if (labels[scores.indexOf(Math.max(...scores))]) right++;
    }
    expect(right).toBeGreaterThanOrEqual(95);
  });

  it('ignores lists with no gold sentence or only gold sentences', () => {
    const row = new Float64Array(FEATURE_COUNT).fill(1);
    expect(
      fitWeights(
        [
          { features: [row, row], labels: [false, false] },
          { features: [row], labels: [true] },
        ],
        20,
      ).every((weight) => weight === 0),
    ).toBe(true);
  });
});

describe('fitLogistic (answerability)', () => {
  it('separates answerable from unanswerable rows by the feature that tells them apart; heavier rows pull the boundary', () => {
    const next = random(11);
    const rows = Array.from({ length: 400 }, (_, i) => {
      const label = i % 2 === 0;
      const features = ANSWERABILITY_FEATURES.map((_, f) => (f === 0 ? 1 : next()));
      features[2] = label ? 0.5 + 0.5 * next() : 0.5 * next(); // contextCoverage
      return { features, label, weight: 1 };
    });
    const weights = fitLogistic(rows, 300);
    expect(weights[2]).toBeGreaterThan(2);
    const predictedPositive = (w: number[]) => rows.filter((row) => sigmoid(scoreFeatures(row.features, w)) >= 0.5);
    const accuracy = rows.filter((row) => sigmoid(scoreFeatures(row.features, weights)) >= 0.5 === row.label).length / rows.length;
    expect(accuracy).toBeGreaterThan(0.95);
    // Unanswerable rows weighing five times as much: fewer rows are called answerable.
    const heavier = fitLogistic(
      rows.map((row) => ({ ...row, weight: row.label ? 1 : 5 })),
      300,
    );
    expect(predictedPositive(heavier).length).toBeLessThan(predictedPositive(weights).length);
  });
});

describe('weightsSource', () => {
  it('writes every ranker and answerability weight with its feature name', () => {
    const source = weightsSource({
      weights: FEATURES.map((_, i) => i / 10),
      secondMinProbability: 0.05,
      secondLikelyProbability: 0.3,
      answerability: { weights: ANSWERABILITY_FEATURES.map((_, i) => -i), threshold: 0.25 },
      fitted: { folds: 5 },
    });
    for (const name of FEATURES) expect(source).toContain(`// ${name}`);
    for (const name of ANSWERABILITY_FEATURES) expect(source).toContain(`// ${name}`);
    expect(source).toContain('threshold: 0.25');
    expect(source).toContain('"folds":5');
  });
});

describe('writeWeights', () => {
  it('replaces the weights file whole and leaves no partial file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'weights-'));
    try {
      const file = join(dir, 'sentence-weights.ts');
      await writeWeights(file, FITTED_SENTENCE_MODEL);
      expect(await readFile(file, 'utf8')).toBe(weightsSource(FITTED_SENTENCE_MODEL));
      expect(await readdir(dir)).toEqual(['sentence-weights.ts']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
