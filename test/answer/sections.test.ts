// The heading a help-page sentence sits under, and the fitted weight it gets.
import { describe, expect, it } from 'vitest';
import { rankSentences, scoreCandidates, type Lexicon } from '../../src/answer/extractive.js';
import { DEFAULT_RANK } from '../../src/answer/candidates.js';
import { FITTED_SENTENCE_MODEL } from '../../src/answer/sentence-weights.js';
import { hitOf, WIFI_PAGE as WIFI } from './fixtures.js';

const lexicon: Lexicon = { documentCount: 20, documentFrequency: () => 2 };
const hits = [hitOf(WIFI, 0, 0, WIFI.text.length)];
const question = '신호 세기 어디서 확인해요?';

describe('section headings', () => {
  const candidates = rankSentences(question, hits, lexicon);
  const sentence = (start: string) => candidates.find((candidate) => candidate.text.startsWith(start))!;

  it('credits a sentence with the question words of the heading it sits under', () => {
    expect(sentence('앱의 기기 설정').sectionCoverage).toBeGreaterThan(0);
    // Under "## 펌웨어 업데이트" the question's words are the sentence's own, not its heading's.
    expect(sentence('업데이트가 늦어지면').sectionCoverage).toBe(0);
  });

  it('adds the fitted section weight to the score, and nothing without one', () => {
    const under = sentence('앱의 기기 설정');
    const without = scoreCandidates([...candidates], { ...FITTED_SENTENCE_MODEL, sectionWeight: 0 });
    const bare = without.find((candidate) => candidate === under)!.score;
    scoreCandidates([...candidates], { ...FITTED_SENTENCE_MODEL, sectionWeight: 4 });
    expect(under.score - bare).toBeCloseTo(4 * under.sectionCoverage, 10);
  });

  it('ranks the sentence under the asked heading first once the heading weighs enough', () => {
    const statements = (sectionWeight: number) =>
      rankSentences(question, hits, lexicon, { ...DEFAULT_RANK, model: { ...FITTED_SENTENCE_MODEL, sectionWeight } }).filter(
        (candidate) => candidate.kind === 'statement',
      );
    expect(statements(0)[0]!.text).toMatch(/^업데이트가/);
    expect(statements(4)[0]!.text).toMatch(/^앱의 기기 설정/);
    expect(FITTED_SENTENCE_MODEL.sectionWeight).toBeGreaterThan(0);
  });
});
