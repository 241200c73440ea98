import { describe, expect, it } from 'vitest';
import { chooseOpening, DEFAULT_EXTRACTIVE, rankSentences, type Lexicon } from '../../src/answer/extractive.js';
import { answerabilityOf } from '../../src/answer/answerability.js';
import { FITTED_SENTENCE_MODEL } from '../../src/answer/sentence-weights.js';
import type { Hit } from '../../src/domain/types.js';
import { MAX_ANSWERABLE_REFUSED, type FitExample } from '../../src/eval/fit-answer-model.js';
import { refitThreshold } from '../../src/eval/fit-threshold.js';
import { LexicalIndexBuilder } from '../../src/index/lexical.js';
import { HITS } from '../answer/fixtures.js';

function lexiconOf(hits: Hit[]): Lexicon {
  const builder = new LexicalIndexBuilder();
  for (const hit of hits) builder.add(hit.chunk.text, hit.article.title);
  return builder.build();
}

const LEXICON = lexiconOf(HITS);

// Questions on the fixture articles with the phrase a right answer holds.
const QUESTIONS: Array<[string, string]> = [
  ['한빛전자 연구소는 언제 문을 열어?', '내년 3월'],
  ['연구소에서 연구원 몇 명이 일해?', '300명'],
  ['연구소 투자 규모는 얼마야?', '1,200억 원'],
  ['김서연 사장은 전고체 배터리를 언제까지 상용화한대?', '2028년'],
  ['푸른강 축제는 언제 열려?', '10월 11일'],
  ['축제 주최 측은 방문객을 몇 명 예상했어?', '5만 명'],
  ['올해 축제에서 처음 열리는 공연은?', '드론 공연'],
];

const EXAMPLES: FitExample[] = QUESTIONS.map(([question, phrase], i) => {
  const candidates = rankSentences(question, HITS, LEXICON);
  return {
    question,
    source: 'fixture',
    groupKey: `fixture:${i}`,
    lexicon: LEXICON,
    candidates,
    labels: candidates.map((candidate) => candidate.text.includes(phrase)),
    refuse: false,
    correct: (answer: string) => answer.includes(phrase),
  };
});

describe('refitThreshold', () => {
  it('keeps the ranker and refusal weights and takes the quantile of the served openings', () => {
    const result = refitThreshold(EXAMPLES, FITTED_SENTENCE_MODEL);
    expect(result.model.weights).toEqual(FITTED_SENTENCE_MODEL.weights);
    expect(result.model.answerability!.weights).toEqual(FITTED_SENTENCE_MODEL.answerability!.weights);
    // With a handful of answerable questions, MAX_ANSWERABLE_REFUSED of them is reached at the
    // least likely one: the threshold is its probability (rounded down), so none is refused.
    const probabilities = EXAMPLES.map((example) => {
      const best = chooseOpening(example.question, example.candidates, LEXICON, DEFAULT_EXTRACTIVE)!.best;
      return answerabilityOf(example.question, example.candidates, best, LEXICON, FITTED_SENTENCE_MODEL.answerability!.weights);
    });
    const threshold = result.model.answerability!.threshold;
    expect(threshold).toBeLessThanOrEqual(Math.min(...probabilities));
    expect(threshold).toBeGreaterThan(Math.min(...probabilities) - 1e-4);
    expect(result.inSample.fixture!.refusalRate).toBe(0);
    expect(result.model.fitted).toMatchObject({ threshold: { maxAnswerableRefused: MAX_ANSWERABLE_REFUSED, folds: result.folds } });
    expect(result.outOfFold.fixture!.cases).toBe(EXAMPLES.length);
  });

  it('refuses a model without a refusal part', () => {
    const { answerability: _unused, ...ranker } = FITTED_SENTENCE_MODEL;
    expect(() => refitThreshold(EXAMPLES, ranker)).toThrow(/refusal/);
  });
});
