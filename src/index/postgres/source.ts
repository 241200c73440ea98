// The PostgreSQL RetrievalSource: BM25 over the postings (the local index's formula, k1, b,
// IDF and tie-break, scored in one SQL query), pgvector's HNSW for the nearest chunks, both
// with the date and source filters in SQL. Fusion and rerank stay in retrieve/hybrid.ts.
import type { ArticleMeta, Hit, SearchFilters } from '../../domain/types.js';
import type { RetrievalSource } from '../retrieval-source.js';
import { analyze } from '../../text/tokens.js';
import type { Scored } from '../top-k.js';
import { DEFAULT_HNSW } from '../vectors.js';
import type { Queryable } from './database.js';
import type { IndexState } from './identity.js';
import { bm25Idf, queryTermWeights } from '../../text/bm25.js';

/** pgvector's largest hnsw.ef_search. */
const MAX_EF_SEARCH = 1000;

/** Filter values as SQL parameters (null: not filtered), matching filterPredicate. */
function filterParams(filters: SearchFilters | undefined): [string | null, string | null, string | null] {
  const source = filters?.source?.trim().toLowerCase();
  return [filters?.dateFrom || null, filters?.dateTo || null, source || null];
}

const ALLOWED_ARTICLE = `($1::text IS NULL OR a.date >= $1) AND ($2::text IS NULL OR a.date <= $2) AND ($3::text IS NULL OR lower(a.source) = $3)`;

// The inner expression is LexicalIndex.search's, term by term: idf·qtf·tf·(k1+1) / (tf + k1(1−b) + k1·b·len/avg).
const BM25_SQL = (filtered: boolean) => `
  WITH q AS (
    -- the IDF of text/bm25.ts, in SQL
    SELECT t.id, u.qtf * ln(1 + ($6::float8 - t.df + 0.5) / (t.df + 0.5)) AS w
    FROM unnest($4::text[], $5::int[]) AS u(term, qtf) JOIN terms t ON t.term = u.term
  )
  SELECT p.chunk_id AS id, sum(q.w * p.tf * ($7::float8 + 1) / (p.tf + $8::float8 + $9::float8 * p.length)) AS score
  FROM q JOIN postings p ON p.term_id = q.id
  ${filtered ? `WHERE p.chunk_id IN (SELECT c.id FROM chunks c JOIN articles a ON a.id = c.article_id WHERE ${ALLOWED_ARTICLE})` : 'WHERE $1::text IS NULL AND $2::text IS NULL AND $3::text IS NULL'}
  GROUP BY p.chunk_id
  ORDER BY score DESC, p.chunk_id
  LIMIT $10`;

const VECTOR_SQL = (filtered: boolean) => `
  SELECT c.id, -(c.embedding <#> $4::vector) AS score
  FROM chunks c ${filtered ? `JOIN articles a ON a.id = c.article_id WHERE ${ALLOWED_ARTICLE}` : 'WHERE $1::text IS NULL AND $2::text IS NULL AND $3::text IS NULL'}
  ORDER BY c.embedding <#> $4::vector
  LIMIT $5`;

/** The query's terms with their counts, in first-occurrence order. */
function queryTermCounts(query: string): [string[], number[]] {
  const counts = new Map<string, number>();
  const weight = queryTermWeights(query);
  for (const term of analyze(query, { query: true })) counts.set(term, (counts.get(term) ?? 0) + weight(term));
  return [[...counts.keys()], [...counts.values()]];
}

/** A row of the BM25 and vector queries: a chunk number and its score (float8 and int arrive as numbers). */
interface ScoredRow {
  id: number;
  score: number;
}

function scored(rows: ScoredRow[]): Scored[] {
  return rows.map((row) => ({ id: row.id, score: row.score }));
}

/** A source reading one snapshot through `db` (a client inside a REPEATABLE READ transaction). */
export function postgresSource(db: Queryable, state: IndexState): RetrievalSource {
  const { k1, b } = state.bm25;
  const averageLength = state.chunkCount ? state.totalLength / state.chunkCount : 1;
  return {
    hasVectors: () => state.chunkCount > 0,
    async candidates(query, wanted, filters, vector) {
      const params = filterParams(filters);
      const filtered = params.some((value) => value !== null);
      const [terms, counts] = queryTermCounts(query);
      const lexical =
        terms.length === 0
          ? []
          : scored(
              (
                await db.query<ScoredRow>(BM25_SQL(filtered), [
                  ...params,
                  terms,
                  counts,
                  state.chunkCount,
                  k1,
                  k1 * (1 - b),
                  (k1 * b) / averageLength,
                  wanted,
                ])
              ).rows,
            );
      let nearest: Scored[] = [];
      if (vector) {
        await db.query(`SET LOCAL hnsw.ef_search = ${Math.min(MAX_EF_SEARCH, Math.max(DEFAULT_HNSW.efSearch, wanted))}`);
        // Filtered: keep scanning the graph until enough chunks pass (pgvector ≥ 0.8).
        if (filtered) await db.query('SET LOCAL hnsw.iterative_scan = strict_order');
        nearest = scored((await db.query<ScoredRow>(VECTOR_SQL(filtered), [...params, `[${vector.join(',')}]`, wanted])).rows);
      }
      return { lexical, vector: nearest };
    },
    async idf(terms) {
      const df = await documentFrequencies(db, terms);
      return new Map(terms.map((term) => [term, bm25Idf(state.chunkCount, df.get(term) ?? 0)]));
    },
    async hits(ranked) {
      const ids = ranked.map(([id]) => id);
      const { rows } = await db.query<{
        id: number;
        idx: number;
        start_offset: number;
        end_offset: number;
        article_id: string;
        meta: ArticleMeta;
        text: string;
      }>(
        'SELECT c.id, c.idx, c.start_offset, c.end_offset, c.article_id, a.meta, a.text FROM chunks c JOIN articles a ON a.id = c.article_id WHERE c.id = ANY($1)',
        [ids],
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ranked.flatMap(([id, score]): Hit[] => {
        const row = byId.get(id);
        if (!row) return [];
        // Offsets count UTF-16 code units, as the local index's do: slice in JavaScript.
        const text = row.text.slice(row.start_offset, row.end_offset);
        const chunk = {
          id: `${row.article_id}#${row.idx}`,
          articleId: row.article_id,
          index: row.idx,
          start: row.start_offset,
          end: row.end_offset,
          text,
        };
        return [{ chunk, article: row.meta, score }];
      });
    },
  };
}

/** Document frequencies of the given terms (absent terms are left out). */
export async function documentFrequencies(db: Queryable, terms: string[]): Promise<Map<string, number>> {
  if (terms.length === 0) return new Map();
  const { rows } = await db.query<{ term: string; df: number }>('SELECT term, df FROM terms WHERE term = ANY($1) AND df > 0', [terms]);
  return new Map(rows.map((row) => [row.term, row.df]));
}
