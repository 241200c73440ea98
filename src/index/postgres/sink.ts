// The PostgreSQL index as an IndexSink (src/index/sink.ts): the orchestration in src/ingest/
// reads, hashes, chunks and embeds; this sink writes the run in ONE transaction (a killed
// run leaves the previous index), under a session advisory lock (a second concurrent ingest
// is refused), keeping the rows of articles whose content hash did not change.
import type { Article, Span } from '../../domain/types.js';
import { AppError } from '../../errors/app-error.js';
import { monthTermsOf } from '../../text/time-terms.js';
import { ANALYZER_VERSION, type SourceFileStat } from '../format.js';
import { documentTerms, titleTerms, type Bm25Params } from '../lexical.js';
import type { IndexSink, OpenSink, OpenSinkOptions, PendingChunk } from '../sink.js';
import type { Client, Pool } from './database.js';
import { readIndexState, rebuildReason, type IndexIdentity } from './identity.js';
import { acquireIngestLock } from './lock.js';
import { migrate } from './migrate.js';
import { IndexWriter, type ChunkRow } from './writer.js';

/** What the stored index holds of each article: its content hash and chunk count. */
type StoredArticles = Map<string, { hash: string; chunks: number }>;

/** One ingest's session: its connection (holding the lock and the transaction) and writer. */
interface IngestRun {
  client: Client;
  writer: IndexWriter;
  identity: IndexIdentity;
  unlock: () => Promise<void>;
}

/** A new or changed article whose chunks wait for their vectors. */
interface WaitingArticle {
  article: Article;
  ord: number;
  hash: string;
  rows: ChunkRow[];
  missing: number;
  replaces: boolean;
}

/** Opens an ingest into the PostgreSQL index behind `pool`: lock, migrations, then the run's transaction. */
export function postgresIndexSink(pool: Pool): OpenSink {
  return async (options) => {
    const client = await pool.connect();
    let unlock: (() => Promise<void>) | undefined;
    try {
      unlock = await acquireIngestLock(client);
      await migrate(client);
      await client.query('BEGIN');
      const identity = identityOf(options);
      const stored = await storedIndex(client, identity, options);
      const writer = await IndexWriter.open(client, stored.fresh, stored.dimension);
      return new PostgresSink({ client, writer, identity: { ...identity, dimension: stored.dimension }, unlock }, stored.articles);
    } catch (error) {
      await endSession(client, unlock, true);
      throw error;
    }
  };
}

/** What this run's index is made with, but the dimension (the stored one, or the embedder's). */
function identityOf({ embedder, recipe }: OpenSinkOptions): Omit<IndexIdentity, 'dimension'> {
  const { chunking, bm25, hnsw } = recipe;
  return { embedderId: embedder.id, analyzer: ANALYZER_VERSION, chunking, bm25, hnsw: { m: hnsw.m, efConstruction: hnsw.efConstruction } };
}

/** The stored index, when this run may update it in place; otherwise a fresh start, with a notice why. */
async function storedIndex(client: Client, identity: Omit<IndexIdentity, 'dimension'>, options: OpenSinkOptions) {
  const state = await readIndexState(client);
  const reason = state && !options.rebuild ? rebuildReason(state, { ...identity, dimension: state.dimension }) : undefined;
  if (reason) options.onNotice?.(reason);
  const articles: StoredArticles = new Map();
  if (!state || options.rebuild || reason !== undefined) {
    return { fresh: true, articles, dimension: await options.embedder.dimension() };
  }
  const { rows } = await client.query<{ id: string; hash: string; chunks: number }>(
    'SELECT a.id, a.hash, (SELECT count(*)::int FROM chunks c WHERE c.article_id = a.id) AS chunks FROM articles a',
  );
  for (const row of rows) articles.set(row.id, { hash: row.hash, chunks: row.chunks });
  return { fresh: false, articles, dimension: state.dimension };
}

/** Ends the ingest's session: rolls back what is not committed, gives up the lock, returns the connection. */
async function endSession(client: Client, unlock: (() => Promise<void>) | undefined, rollback: boolean): Promise<void> {
  let broken = false;
  if (rollback) await client.query('ROLLBACK').catch(() => (broken = true));
  await unlock?.();
  // A connection that cannot roll back is dropped: the server then ends its transaction and lock.
  client.release(broken);
}

/** The chunk rows of an article: BM25 terms as the local index counts them; vectors come later. */
function chunkRows(article: Article, spans: readonly Span[], bm25: Bm25Params): ChunkRow[] {
  const title = titleTerms(article.title, bm25);
  return spans.map((span) => {
    const text = article.text.slice(span.start, span.end);
    return { start: span.start, end: span.end, terms: documentTerms(text, title, monthTermsOf(text, article.date)), vector: [] };
  });
}

class PostgresSink implements IndexSink {
  /** Articles waiting for vectors, in reading order: written in that order, so chunk ids follow it. */
  private readonly waiting: WaitingArticle[] = [];
  private readonly slots = new Map<number, { entry: WaitingArticle; index: number }>();
  private nextKey = 0;
  private articleCount = 0;
  private committed = false;

  constructor(
    private readonly run: IngestRun,
    private readonly stored: StoredArticles,
  ) {}

  async addArticle(article: Article, hash: string, spans: readonly Span[]): Promise<PendingChunk[]> {
    const ord = this.articleCount++;
    const old = this.stored.get(article.id);
    this.stored.delete(article.id);
    if (old && old.hash === hash && old.chunks === spans.length) {
      this.run.writer.keep(article.id, ord);
      return [];
    }
    const rows = chunkRows(article, spans, this.run.identity.bm25);
    const entry: WaitingArticle = { article, ord, hash, rows, missing: rows.length, replaces: old !== undefined };
    this.waiting.push(entry);
    const pending = spans.map((span, index) => {
      const key = this.nextKey++;
      this.slots.set(key, { entry, index });
      return { key, span };
    });
    // An article without chunks waits for nothing.
    await this.writeCompleted();
    return pending;
  }

  async addVectors(keys: readonly number[], vectors: readonly number[][]): Promise<void> {
    keys.forEach((key, i) => {
      const slot = this.slots.get(key);
      const row = slot?.entry.rows[slot.index];
      const vector = vectors[i];
      if (!slot || !row || !vector) throw new AppError('INGEST_FAILED', `청크 ${key}의 벡터가 없습니다.`);
      row.vector = vector;
      slot.entry.missing--;
      this.slots.delete(key);
    });
    await this.writeCompleted();
  }

  /** Hands the writer the articles at the head of the queue whose vectors are all there. */
  private async writeCompleted(): Promise<void> {
    for (let entry = this.waiting[0]; entry?.missing === 0; entry = this.waiting[0]) {
      this.waiting.shift();
      await this.run.writer.put(entry.article, entry.ord, entry.hash, entry.rows, entry.replaces);
    }
  }

  async commit(sources: Readonly<Record<string, SourceFileStat>>): Promise<{ removed: number }> {
    if (this.waiting.length > 0) {
      throw new AppError('INGEST_FAILED', `벡터를 받지 못한 기사 ${this.waiting.length}개가 있어 색인을 바꾸지 않았습니다.`);
    }
    // Articles whose source disappeared.
    const removed = [...this.stored.keys()];
    await this.run.writer.finish(this.run.identity, removed, sources);
    await this.run.client.query('COMMIT');
    this.committed = true;
    return { removed: removed.length };
  }

  close(): Promise<void> {
    return endSession(this.run.client, this.run.unlock, !this.committed);
  }
}
