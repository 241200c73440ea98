import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/domain/types.js';
import { rankSentences, type Lexicon } from '../../src/answer/extractive.js';
import { statesProposition } from '../../src/answer/proposition.js';

const page = (id: string, text: string): Hit => ({
  chunk: { id: `${id}#0`, articleId: id, index: 0, start: 0, end: text.length, text },
  article: { id, title: '자주 묻는 질문', origin: id },
  score: 1,
});

const FAQ = page('faq', '외국인도 가입할 수 있나요? 외국인등록증을 가진 분은 가입할 수 있습니다.');
const question = '외국인 친구도 바로모바일 가입 돼요?';

/** A corpus of 30 passages, `subject` in `passages` of them and every other word in one. */
const corpus = (subject: string, passages: number): Lexicon => ({
  documentCount: 30,
  documentFrequency: (term) => (term === `w:${subject}` ? passages : 1),
});

describe('statesProposition on a help page', () => {
  const opening = (lexicon: Lexicon) => {
    const candidates = rankSentences(question, [FAQ], lexicon);
    return { candidates, first: candidates.find((candidate) => candidate.text.startsWith('외국인등록증'))! };
  };

  it('does not ask the page to repeat the product the whole corpus is about', () => {
    const lexicon = corpus('바로모바일', 15);
    const { candidates, first } = opening(lexicon);
    expect(statesProposition(question, candidates, first, lexicon)).toBe(true);
  });

  it('still needs a long name the page lacks when few passages use it (another product)', () => {
    const lexicon = corpus('바로모바일', 2);
    const { candidates, first } = opening(lexicon);
    expect(statesProposition(question, candidates, first, lexicon)).toBe(false);
  });
});
