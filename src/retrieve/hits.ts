// Turns chunk numbers of a loaded index into Hits, and search filters into a predicate.
import type { ArticleMeta, Hit, SearchFilters } from '../domain/types.js';
import { articleOf, type StoredArticle } from '../index/format.js';
import type { LoadedIndex } from '../index/store.js';

/** An article's metadata: the stored article without its text and content hash. */
function articleMeta(stored: StoredArticle): ArticleMeta {
  const { text: _text, ...meta } = articleOf(stored);
  return meta;
}

export function toHit(index: LoadedIndex, chunk: number, score: number): Hit {
  const { article: articles, start: starts, end: ends } = index.chunks;
  const articleIndex = articles[chunk] ?? -1;
  const article = index.articles[articleIndex];
  const start = starts[chunk];
  const end = ends[chunk];
  if (!article || start === undefined || end === undefined) throw new RangeError(`chunk ${chunk} is not in the index`);
  // Chunk numbers within an article run consecutively from its first chunk.
  let first = chunk;
  while (first > 0 && articles[first - 1] === articleIndex) first--;
  const text = article.text.slice(start, end);
  return {
    chunk: { id: `${article.id}#${chunk - first}`, articleId: article.id, index: chunk - first, start, end, text },
    article: articleMeta(article),
    score,
  };
}

/** A chunk predicate for the filters, or undefined when nothing is filtered. */
export function filterPredicate(index: LoadedIndex, filters: SearchFilters | undefined): ((chunk: number) => boolean) | undefined {
  if (!filters || (!filters.dateFrom && !filters.dateTo && !filters.source)) return undefined;
  const source = filters.source?.trim().toLowerCase();
  const allowedArticles = new Uint8Array(index.articles.length);
  index.articles.forEach((article, i) => {
    if (filters.dateFrom && (!article.date || article.date < filters.dateFrom)) return;
    if (filters.dateTo && (!article.date || article.date > filters.dateTo)) return;
    if (source && article.source?.toLowerCase() !== source) return;
    allowedArticles[i] = 1;
  });
  return (chunk) => allowedArticles[index.chunks.article[chunk] ?? -1] === 1;
}
