// The one citation builder: the quote is the chunk's text at the span, given in article offsets.
import { describe, expect, it } from 'vitest';
import { citationOf } from '../../src/answer/citation.js';
import { FESTIVAL, LAB, hitOf } from './fixtures.js';

const labSecond = LAB.text.indexOf('김서연');
const CEO_SENTENCE = '김서연 한빛전자 사장은 "전고체 배터리를 2028년까지 상용화하겠다"고 말했다.';
const FESTIVAL_SENTENCE = '제7회 푸른강 축제가 10월 11일부터 사흘 동안 강변공원에서 열린다.';

describe('citationOf', () => {
  it.each([
    [
      'a chunk at the start of its article, without source or url',
      hitOf(FESTIVAL, 0, 0, FESTIVAL.text.length),
      FESTIVAL,
      FESTIVAL_SENTENCE,
    ],
    ['a chunk inside its article, with date, source and url', hitOf(LAB, 1, labSecond, LAB.text.length), LAB, CEO_SENTENCE],
  ])('%s', (_label, hit, article, sentence) => {
    const start = article.text.indexOf(sentence);
    const citation = citationOf(hit, 2, { start, end: start + sentence.length });
    expect(citation.quote).toBe(sentence);
    expect(article.text.slice(citation.start, citation.end)).toBe(citation.quote);
    expect(citation).toEqual({
      n: 2,
      articleId: article.id,
      title: article.title,
      ...(article.date ? { date: article.date } : {}),
      ...(article.source ? { source: article.source } : {}),
      ...(article.url ? { url: article.url } : {}),
      chunkId: hit.chunk.id,
      quote: sentence,
      start,
      end: start + sentence.length,
    });
  });
});
