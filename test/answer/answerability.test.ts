import { describe, expect, it } from 'vitest';
import { answerabilityFeatures } from '../../src/answer/answerability.js';
import { rankSentences, type Lexicon } from '../../src/answer/extractive.js';
import { ANSWERABILITY_FEATURES } from '../../src/answer/sentence-model.js';
import type { Hit } from '../../src/domain/types.js';

const lexicon: Lexicon = { documentCount: 20, documentFrequency: () => 2 };
const COVERAGE = ANSWERABILITY_FEATURES.indexOf('coverage');
const ATTRIBUTE = ANSWERABILITY_FEATURES.indexOf('attributeCoverage');

const hit = (text: string): Hit => ({
  chunk: { id: 'museum#0', articleId: 'museum', index: 0, start: 0, end: text.length, text },
  article: { id: 'museum', title: '가온군립 옹기박물관 개관', origin: 'museum', date: '2026-01-17' },
  score: 1,
});

const features = (question: string, text: string) => {
  const candidates = rankSentences(question, [hit(text)], lexicon);
  return answerabilityFeatures(question, candidates, candidates[0]!, lexicon);
};

describe('answerability features', () => {
  it('count a question word the sentence says in a related word as covered (입장료 ~ 관람료)', () => {
    const related = features('옹기박물관 입장료 얼마야?', '관람료는 성인 3,000원이다.');
    const unrelated = features('옹기박물관 입장료 얼마야?', '주차료는 성인 3,000원이다.');
    expect(related[COVERAGE]).toBeGreaterThan(unrelated[COVERAGE]!);
    expect(related[ATTRIBUTE]).toBeGreaterThan(unrelated[ATTRIBUTE]!);
  });

  it('do not count a time word said another way (작년 ~ 지난해): every report says one', () => {
    const related = features('세온반도체 작년 매출 얼마였어?', '지난해 매출은 142억 원이다.');
    const unrelated = features('세온반도체 작년 매출 얼마였어?', '올해 매출은 142억 원이다.');
    expect(related[COVERAGE]).toBe(unrelated[COVERAGE]);
  });
});
