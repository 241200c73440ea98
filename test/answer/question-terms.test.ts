import { describe, expect, it } from 'vitest';
import type { Lexicon } from '../../src/answer/candidates.js';
import { questionTerms } from '../../src/answer/question-terms.js';
import { stemTerm } from '../../src/text/verb-stems.js';
import { wordTerm } from '../../src/text/tokens.js';

/** A corpus vocabulary that knows exactly `words` (and nothing else). */
const lexiconOf = (...words: string[]): Lexicon => {
  const known = new Set(words.map(wordTerm));
  return { documentCount: 100, documentFrequency: (term) => (known.has(term) ? 3 : 0) };
};

describe('questionTerms', () => {
  it('reads a question typed without spaces as the corpus words it is made of', () => {
    const lexicon = lexiconOf('이홍락', '원장', '패널', '세션', '주제');
    const terms = questionTerms('이홍락원장이패널로나선세션주제는?', lexicon);
    for (const word of ['이홍락', '원장', '패널', '세션', '주제']) expect(terms).toContain(wordTerm(word));
  });

  it('leaves a spaced question and a long word the corpus knows whole as they are', () => {
    const lexicon = lexiconOf('국립온누리미술관', '국립', '미술관');
    expect(questionTerms('국립온누리미술관은 언제 쉬어?', lexicon)).not.toContain(wordTerm('국립'));
    expect(questionTerms('이홍락 원장이 나선 세션은?', lexiconOf('원장'))).toEqual(
      questionTerms('이홍락 원장이 나선 세션은?', lexiconOf()),
    );
  });

  it('keeps a verb stem only when some passage has it', () => {
    const question = '허가 조건을 바꾼 건 언제야?';
    expect(questionTerms(question, lexiconOf())).not.toContain(stemTerm('바꾸'));
    const withStem: Lexicon = { documentCount: 100, documentFrequency: (term) => (term === stemTerm('바꾸') ? 2 : 0) };
    expect(questionTerms(question, withStem)).toContain(stemTerm('바꾸'));
  });

  it('reads "X한 사람" as the agent noun X자 the corpus has, in place of 사람', () => {
    const lexicon = lexiconOf('신고자', '참가자', '사람');
    const asked = questionTerms('그 고래 처음 신고한 사람이 누구야?', lexicon);
    expect(asked).toContain(wordTerm('신고자'));
    expect(asked).not.toContain(wordTerm('사람'));
    expect(questionTerms('대회에 참가하는 분들은 몇 명이야?', lexicon)).toContain(wordTerm('참가자'));
    // Only a word the corpus has: 발견자 is none here, so 사람 stays what the question asks about.
    const unknown = questionTerms('처음 발견한 사람이 누구야?', lexicon);
    expect(unknown).not.toContain(wordTerm('발견자'));
    expect(unknown).toContain(wordTerm('사람'));
  });

  it('drops 사람 when it is what a question counts, not when it is what it asks about', () => {
    const lexicon = lexiconOf('사람');
    expect(questionTerms('산불 때문에 피한 사람 몇 명이야?', lexicon)).not.toContain(wordTerm('사람'));
    expect(questionTerms('송어축제 사람 얼마나 왔어?', lexicon)).not.toContain(wordTerm('사람'));
    expect(questionTerms('그 사람 어디 출신이야?', lexicon)).toContain(wordTerm('사람'));
  });
});
