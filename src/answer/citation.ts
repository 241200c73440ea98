// The one citation builder: every answerer cites a span of a retrieved chunk the same way.
import type { Citation, Hit } from '../domain/types.js';

/** Citation `n`: the hit's text between article offsets `span.start` and `span.end`, which lie inside its chunk. */
export function citationOf(hit: Hit, n: number, span: { start: number; end: number }): Citation {
  const { chunk, article } = hit;
  return {
    n,
    articleId: article.id,
    title: article.title,
    ...(article.date ? { date: article.date } : {}),
    ...(article.source ? { source: article.source } : {}),
    ...(article.url ? { url: article.url } : {}),
    chunkId: chunk.id,
    quote: chunk.text.slice(span.start - chunk.start, span.end - chunk.start),
    start: span.start,
    end: span.end,
  };
}
