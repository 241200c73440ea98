import { describe, expect, it } from 'vitest';
import { rankSentences, type Lexicon } from '../../src/answer/extractive.js';
import { FITTED_SENTENCE_MODEL } from '../../src/answer/sentence-weights.js';
import type { FitExample } from '../../src/eval/fit-answer-model.js';
import { weightsSource } from '../../src/eval/fit-answer-model.js';
import { pickSectionWeight, refitSectionWeight, SECTION_WEIGHTS, type SectionRow } from '../../src/eval/fit-section-weight.js';
import { hitOf, WIFI_PAGE as PAGE } from '../answer/fixtures.js';

describe('pickSectionWeight', () => {
  const row = (...right: boolean[]): SectionRow => ({ source: 'a', right });
  it('takes the weight that answers the most right, the smallest of equals', () => {
    const weights = [0, 1, 2];
    expect(pickSectionWeight([row(false, true, true), row(true, true, false)], weights)).toBe(1);
    expect(pickSectionWeight([row(true, true, true)], weights)).toBe(0);
  });
});

const lexicon: Lexicon = { documentCount: 20, documentFrequency: () => 2 };

function example(source: string): FitExample {
  const question = '신호 세기 확인은 어떻게 해요?';
  const candidates = rankSentences(question, [hitOf(PAGE, 0, 0, PAGE.text.length)], lexicon);
  return {
    question,
    source,
    groupKey: `${source}:1`,
    lexicon,
    candidates,
    labels: candidates.map((candidate) => candidate.text.includes('네트워크 메뉴')),
    refuse: false,
    correct: (answer) => answer.includes('네트워크 메뉴'),
  };
}

describe('refitSectionWeight', () => {
  it('fits the weight with one set left out at a time and writes it to the weights file', () => {
    const result = refitSectionWeight([example('docs-a'), example('docs-b')], { ...FITTED_SENTENCE_MODEL, sectionWeight: 0 });
    expect(result.weight).toBeGreaterThan(0);
    expect(SECTION_WEIGHTS).toContain(result.weight);
    for (const held of Object.values(result.outOfFold)) {
      expect(held).toMatchObject({ right: 1, rightWithout: 0, cases: 1 });
    }
    expect(weightsSource(result.model)).toContain(`sectionWeight: ${result.weight},`);
  });

  it('refuses to fit without a help-page case', () => {
    const news = example('news-a');
    const dated = news.candidates.map((candidate) => ({
      ...candidate,
      hit: { ...candidate.hit, article: { ...candidate.hit.article, date: '2026-01-02' } },
    }));
    expect(() => refitSectionWeight([{ ...news, candidates: dated }], FITTED_SENTENCE_MODEL)).toThrow(/평가 세트/);
  });
});
