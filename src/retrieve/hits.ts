// Turns chunk numbers of a loaded index into Hits, and search filters into a predicate.
import type { ArticleMeta, Chunk, Hit, SearchFilters } from '../domain/types.js';
import type { LoadedIndex } from '../index/store.js';

export function articleMeta(index: LoadedIndex, articleIndex: number): ArticleMeta {
  const { text: _text, hash: _hash, ...meta } = index.articles[articleIndex]!;
  return meta;
}

export function chunkAt(index: LoadedIndex, chunk: number): Chunk {
  const article = index.articles[index.chunks.article[chunk]!]!;
  const start = index.chunks.start[chunk]!;
  const end = index.chunks.end[chunk]!;
  // Chunk numbers within an article run consecutively from its first chunk.
  let first = chunk;
  while (first > 0 && index.chunks.article[first - 1] === index.chunks.article[chunk]) first--;
  return { id: `${article.id}#${chunk - first}`, articleId: article.id, index: chunk - first, start, end, text: article.text.slice(start, end) };
}

export function toHit(index: LoadedIndex, chunk: number, score: number): Hit {
  return { chunk: chunkAt(index, chunk), article: articleMeta(index, index.chunks.article[chunk]!), score };
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
  return (chunk) => allowedArticles[index.chunks.article[chunk]!] === 1;
}
