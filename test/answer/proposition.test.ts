import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/domain/types.js';
import { rankSentences, selectSentences, type Lexicon } from '../../src/answer/extractive.js';
import { namesAChoice, statesProposition } from '../../src/answer/proposition.js';

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

describe('a question that offers a choice', () => {
  const flat: Lexicon = { documentCount: 30, documentFrequency: () => 1 };
  const RESCUE = page('rescue', '구조된 밍크고래는 길이 약 6.8m였다. 고래는 먼바다 쪽으로 헤엄쳐 갔다.');
  const FEE = page('fee', '앱 연결은 무료입니다. 클라우드 저장은 유료입니다.');
  const names = (question: string, hit: Hit) => namesAChoice(question, rankSentences(question, [hit], flat));

  it('needs the passages to name one of the choices', () => {
    expect(names('구조된 밍크고래 암컷이야 수컷이야?', RESCUE)).toBe(false);
    expect(names('앱 연결은 유료예요 아니면 무료예요?', FEE)).toBe(true);
  });

  it('is refused when the passages name neither choice', () => {
    const question = '구조된 밍크고래 암컷이야 수컷이야?';
    expect(selectSentences(question, rankSentences(question, [RESCUE], flat), flat)).toEqual([]);
  });

  it('asks nothing of a question that offers no choice', () => {
    expect(names('구조된 밍크고래 길이는 얼마야?', RESCUE)).toBe(true);
    expect(names('그 고래 밍크고래야?', RESCUE)).toBe(true);
  });
});
