import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/domain/types.js';
import { rankSentences, selectSentences, type Lexicon } from '../../src/answer/extractive.js';

const lexicon: Lexicon = { documentCount: 20, documentFrequency: () => 2 };

const hit = (id: string, title: string, text: string, score: number): Hit => ({
  chunk: { id: `${id}#0`, articleId: id, index: 0, start: 0, end: text.length, text },
  article: { id, title, origin: id },
  score,
});

describe('the second sentence', () => {
  const STORM = hit('storm', '태풍 미리내 상륙', '태풍 미리내로 해령시에 387㎜의 비가 내렸다.', 2);
  const ELECTION = hit('election', '해령시장 재선거 개표', '박 후보 측은 비가 와도 표가 많이 남았다고 밝혔다.', 1.5);

  it('never comes from another article that names none of the question’s content words (only 비 and 많이)', () => {
    const question = '태풍 미리내 때 비가 얼마나 많이 왔어?';
    const chosen = selectSentences(question, rankSentences(question, [STORM, ELECTION], lexicon), lexicon);
    expect(chosen.map((sentence) => sentence.hit.article.id)).toEqual(['storm']);
  });

  it('may come from another article that names the question’s subject', () => {
    const UPDATE = hit('update', '태풍 미리내 피해 집계', '태풍 미리내로 비가 가장 많이 온 곳은 솔뫼군이었다.', 1.5);
    const question = '태풍 미리내 때 비가 얼마나 많이 왔어?';
    const chosen = selectSentences(question, rankSentences(question, [STORM, UPDATE], lexicon), lexicon);
    expect(chosen.map((sentence) => sentence.hit.article.id)).toEqual(['storm', 'update']);
  });
});
