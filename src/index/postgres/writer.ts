// Writes one ingest into the PostgreSQL index, inside the ingest's transaction: articles and
// their chunks (with vectors) in batches, the BM25 postings and term document frequencies,
// then the corpus statistics and identity row. Nothing is visible to readers before COMMIT.
import type { Article } from '../../domain/types.js';
import type { SourceFileStat } from '../format.js';
import type { TermCounts } from '../lexical.js';
import type { Client } from './database.js';
import type { IndexIdentity } from './identity.js';

/** One chunk ready to store: offsets into its article, BM25 terms and its unit vector. */
export interface ChunkRow {
  start: number;
  end: number;
  terms: TermCounts;
  vector: number[];
}

/** Rows per INSERT … SELECT FROM unnest(…): large enough to amortise a round trip. */
const ROWS_PER_STATEMENT = 20_000;
const HNSW_INDEX = 'chunks_embedding_hnsw';
const HNSW_BUILD_MEMORY = '1GB';

/** The postings' key, foreign key and chunk index as migration 001 creates them. */
const POSTINGS_KEYS = {
  drop: [
    'ALTER TABLE postings DROP CONSTRAINT IF EXISTS postings_chunk_id_fkey',
    'ALTER TABLE postings DROP CONSTRAINT IF EXISTS postings_pkey',
    'DROP INDEX IF EXISTS postings_chunk',
  ],
  create: [
    'ALTER TABLE postings ADD CONSTRAINT postings_pkey PRIMARY KEY (term_id, chunk_id)',
    'ALTER TABLE postings ADD CONSTRAINT postings_chunk_id_fkey FOREIGN KEY (chunk_id) REFERENCES chunks (id) ON DELETE CASCADE',
    'CREATE INDEX postings_chunk ON postings (chunk_id)',
  ],
};

/** Chunk rows as columns, for one multi-row INSERT through unnest. */
interface ChunkColumns {
  id: number[];
  article: string[];
  idx: number[];
  start: number[];
  end: number[];
  length: number[];
  vector: string[];
}

function vectorLiteral(vector: number[]): string {
  return `[${vector.join(',')}]`;
}

function* slices<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export class IndexWriter {
  private nextChunk = 0;
  private nextTerm = 0;
  private readonly termIds = new Map<string, number>();
  /** Terms first seen in this ingest, inserted at the end with their document frequency. */
  private readonly newTerms = new Set<number>();
  private readonly newTermNames: string[] = [];
  private readonly dfDelta = new Map<number, number>();
  private readonly kept: { ids: string[]; ords: number[] } = { ids: [], ords: [] };
  private pending: Array<{ article: Article; ord: number; hash: string; chunks: ChunkRow[] }> = [];
  private pendingChunks = 0;
  private replaced: string[] = [];

  private constructor(
    private readonly client: Client,
    private readonly fresh: boolean,
  ) {}

  /** Starts writing; `fresh` empties the index first (rebuild, or another embedder's vectors). */
  static async open(client: Client, fresh: boolean, dimension: number): Promise<IndexWriter> {
    const writer = new IndexWriter(client, fresh);
    if (fresh) {
      await client.query('TRUNCATE postings, chunks, articles, terms');
      // Bulk load: the postings' keys are built once at the end by sorting, not row by row
      // into a B-tree that outgrows the cache (superlinear: 10k chunks 70 s, 30k 480 s).
      for (const statement of POSTINGS_KEYS.drop) await client.query(statement);
      // The HNSW index is built once after the bulk load (faster than row by row).
      await client.query(`DROP INDEX IF EXISTS ${HNSW_INDEX}`);
      await client.query(`ALTER TABLE chunks ALTER COLUMN embedding TYPE vector(${Math.trunc(dimension)})`);
    } else {
      const { rows } = await client.query<{ chunk: number; term: number }>(
        'SELECT (SELECT coalesce(max(id) + 1, 0) FROM chunks) AS chunk, (SELECT coalesce(max(id) + 1, 0) FROM terms) AS term',
      );
      writer.nextChunk = rows[0]?.chunk ?? 0;
      writer.nextTerm = rows[0]?.term ?? 0;
    }
    return writer;
  }

  /** An unchanged article: its rows stay, only its reading position is updated. */
  keep(id: string, ord: number): void {
    this.kept.ids.push(id);
    this.kept.ords.push(ord);
  }

  /** A new or changed article (`replaces`: its old rows go first). Written in batches. */
  async put(article: Article, ord: number, hash: string, chunks: ChunkRow[], replaces: boolean): Promise<void> {
    if (replaces) this.replaced.push(article.id);
    this.pending.push({ article, ord, hash, chunks });
    this.pendingChunks += chunks.length;
    if (this.pendingChunks >= 256) await this.flush();
  }

  /** Deletes articles with their chunks and postings, taking their postings off the document frequencies. */
  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.client.query(
      `UPDATE terms t SET df = t.df - d.n
       FROM (SELECT p.term_id, count(*)::int AS n FROM postings p JOIN chunks c ON c.id = p.chunk_id WHERE c.article_id = ANY($1) GROUP BY p.term_id) d
       WHERE t.id = d.term_id`,
      [ids],
    );
    await this.client.query('DELETE FROM articles WHERE id = ANY($1)', [ids]);
  }

  async flush(): Promise<void> {
    await this.remove(this.replaced);
    this.replaced = [];
    const batch = this.pending;
    this.pending = [];
    this.pendingChunks = 0;
    if (batch.length === 0) return;
    await this.resolveTerms(batch.flatMap(({ chunks }) => chunks.flatMap((chunk) => [...chunk.terms.counts.keys()])));
    await this.client.query(
      `INSERT INTO articles (id, ord, title, date, source, url, hash, text, meta)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[])`,
      [
        batch.map(({ article }) => article.id),
        batch.map(({ ord }) => ord),
        batch.map(({ article }) => article.title),
        batch.map(({ article }) => article.date ?? null),
        batch.map(({ article }) => article.source ?? null),
        batch.map(({ article }) => article.url ?? null),
        batch.map(({ hash }) => hash),
        batch.map(({ article }) => article.text),
        batch.map(({ article }) => JSON.stringify({ ...article, text: undefined })),
      ],
    );
    const chunkColumns: ChunkColumns = { id: [], article: [], idx: [], start: [], end: [], length: [], vector: [] };
    const postings: Record<'term' | 'chunk' | 'tf' | 'length', number[]> = { term: [], chunk: [], tf: [], length: [] };
    for (const { article, chunks } of batch) {
      chunks.forEach((chunk, idx) => {
        const id = this.nextChunk++;
        chunkColumns.id.push(id);
        chunkColumns.article.push(article.id);
        chunkColumns.idx.push(idx);
        chunkColumns.start.push(chunk.start);
        chunkColumns.end.push(chunk.end);
        chunkColumns.length.push(chunk.terms.length);
        chunkColumns.vector.push(vectorLiteral(chunk.vector));
        for (const [term, tf] of chunk.terms.counts) {
          const termId = this.termIds.get(term) ?? -1;
          postings.term.push(termId);
          postings.chunk.push(id);
          postings.tf.push(tf);
          postings.length.push(chunk.terms.length);
          this.dfDelta.set(termId, (this.dfDelta.get(termId) ?? 0) + 1);
        }
      });
    }
    await this.client.query(
      `INSERT INTO chunks (id, article_id, idx, start_offset, end_offset, length, embedding)
       SELECT id, article_id, idx, s, e, len, v::vector FROM unnest($1::int[], $2::text[], $3::int[], $4::int[], $5::int[], $6::real[], $7::text[]) AS u(id, article_id, idx, s, e, len, v)`,
      [
        chunkColumns.id,
        chunkColumns.article,
        chunkColumns.idx,
        chunkColumns.start,
        chunkColumns.end,
        chunkColumns.length,
        chunkColumns.vector,
      ],
    );
    for (let from = 0; from < postings.term.length; from += ROWS_PER_STATEMENT) {
      const to = from + ROWS_PER_STATEMENT;
      await this.client.query(
        'INSERT INTO postings (term_id, chunk_id, tf, length) SELECT * FROM unnest($1::int[], $2::int[], $3::real[], $4::real[])',
        [postings.term.slice(from, to), postings.chunk.slice(from, to), postings.tf.slice(from, to), postings.length.slice(from, to)],
      );
    }
  }

  /** Gives every term an id: known ones from the terms table, new ones the next free ids. */
  private async resolveTerms(terms: string[]): Promise<void> {
    const unknown = [...new Set(terms.filter((term) => !this.termIds.has(term)))];
    if (unknown.length === 0) return;
    if (!this.fresh) {
      for (const part of slices(unknown, ROWS_PER_STATEMENT)) {
        const { rows } = await this.client.query<{ id: number; term: string }>('SELECT id, term FROM terms WHERE term = ANY($1)', [part]);
        for (const row of rows) this.termIds.set(row.term, row.id);
      }
    }
    for (const term of unknown) {
      if (this.termIds.has(term)) continue;
      const id = this.nextTerm++;
      this.termIds.set(term, id);
      this.newTerms.add(id);
      this.newTermNames.push(term);
    }
  }

  /** Writes what is pending, the term frequencies, statistics and identity; bumps the generation. */
  async finish(identity: IndexIdentity, removed: string[], sources: Readonly<Record<string, SourceFileStat>>): Promise<void> {
    await this.flush();
    await this.remove(removed);
    const { ids, ords } = this.kept;
    for (let from = 0; from < ids.length; from += ROWS_PER_STATEMENT) {
      const to = from + ROWS_PER_STATEMENT;
      await this.client.query(
        'UPDATE articles a SET ord = u.ord FROM unnest($1::text[], $2::int[]) AS u(id, ord) WHERE a.id = u.id AND a.ord <> u.ord',
        [ids.slice(from, to), ords.slice(from, to)],
      );
    }
    await this.writeTerms();
    await this.client.query(`SET LOCAL maintenance_work_mem = '${HNSW_BUILD_MEMORY}'`);
    if (this.fresh) for (const statement of POSTINGS_KEYS.create) await this.client.query(statement);
    // pgvector builds the HNSW graph in memory when it fits maintenance_work_mem (~3 KB a
    // 512-d chunk), else far slower on disk; this transaction's build may use up to 1 GB.
    await this.client.query(
      `CREATE INDEX IF NOT EXISTS ${HNSW_INDEX} ON chunks USING hnsw (embedding vector_ip_ops) WITH (m = ${identity.hnsw.m}, ef_construction = ${identity.hnsw.efConstruction})`,
    );
    await this.client.query(
      `INSERT INTO index_meta AS m (embedder_id, dimension, analyzer, chunking, bm25, generation, chunk_count, total_length, sources, updated_at)
       SELECT $1, $2, $3, $4, $5, 1, s.n, s.total, $6, now() FROM (SELECT count(*)::int AS n, coalesce(sum(length::float8), 0) AS total FROM chunks) s
       ON CONFLICT (singleton) DO UPDATE SET embedder_id = EXCLUDED.embedder_id, dimension = EXCLUDED.dimension, analyzer = EXCLUDED.analyzer,
         chunking = EXCLUDED.chunking, bm25 = EXCLUDED.bm25, generation = m.generation + 1, chunk_count = EXCLUDED.chunk_count,
         total_length = EXCLUDED.total_length, sources = EXCLUDED.sources, updated_at = now()`,
      [
        identity.embedderId,
        identity.dimension,
        identity.analyzer,
        JSON.stringify(identity.chunking),
        JSON.stringify(identity.bm25),
        JSON.stringify(sources),
      ],
    );
    // Fresh planner statistics: the BM25 query's plan depends on the postings' size.
    await this.client.query('ANALYZE articles, chunks, terms, postings');
  }

  private async writeTerms(): Promise<void> {
    const fresh: { id: number[]; term: string[]; df: number[] } = { id: [], term: [], df: [] };
    const changed: { id: number[]; delta: number[] } = { id: [], delta: [] };
    this.newTermNames.forEach((term) => {
      const id = this.termIds.get(term) ?? -1;
      fresh.id.push(id);
      fresh.term.push(term);
      fresh.df.push(this.dfDelta.get(id) ?? 0);
    });
    for (const [id, delta] of this.dfDelta) {
      if (this.newTerms.has(id)) continue;
      changed.id.push(id);
      changed.delta.push(delta);
    }
    for (let from = 0; from < fresh.id.length; from += ROWS_PER_STATEMENT) {
      const to = from + ROWS_PER_STATEMENT;
      await this.client.query('INSERT INTO terms (id, term, df) SELECT * FROM unnest($1::int[], $2::text[], $3::int[])', [
        fresh.id.slice(from, to),
        fresh.term.slice(from, to),
        fresh.df.slice(from, to),
      ]);
    }
    for (let from = 0; from < changed.id.length; from += ROWS_PER_STATEMENT) {
      const to = from + ROWS_PER_STATEMENT;
      await this.client.query('UPDATE terms t SET df = t.df + u.d FROM unnest($1::int[], $2::int[]) AS u(id, d) WHERE t.id = u.id', [
        changed.id.slice(from, to),
        changed.delta.slice(from, to),
      ]);
    }
  }
}
