import { describe, expect, it } from 'vitest';
import { bm25Idf, queryTermWeights, SHOWN_CODE_QUERY_WEIGHT } from '../../src/text/bm25.js';

describe('bm25', () => {
  it('gives a rarer term a larger IDF, always positive', () => {
    expect(bm25Idf(100, 1)).toBeGreaterThan(bm25Idf(100, 50));
    expect(bm25Idf(100, 100)).toBeGreaterThan(0);
  });

  it.each([
    ['화면에 E2 뜨고 멈췄어요', 'k:e2', SHOWN_CODE_QUERY_WEIGHT],
    ['E-502 에러 나와요', 'k:e502', SHOWN_CODE_QUERY_WEIGHT],
    ['Q900 메모리 카드 몇 기가까지 돼요?', 'k:q900', 1],
    ['화면에 E2 뜨고 멈췄어요', 'w:화면', 1],
  ])('weighs the terms of "%s": %s counts %d', (question, term, weight) => {
    expect(queryTermWeights(question)(term)).toBe(weight);
  });
});
