// `npm run ingest` into PostgreSQL: the same reading, chunking, hashing and BM25 terms as the
// local ingest, written in ONE transaction (a killed run leaves the previous index), under
// a session advisory lock (a second concurrent ingest is refused), incremental by content hash.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article, CorpusItem, SkippedInput } from '../../domain/types.js';
import type { Embedder } from '../../embed/embedder.js';
import { AppError, errorMessage } from '../../errors/app-error.js';
import { chunkText } from '../../text/chunk.js';
import { monthTermsOf } from '../../text/time-terms.js';
import { sha256Text } from '../files.js';
import { ANALYZER_VERSION, DEFAULT_CHUNKING, type IngestSummary } from '../ingest.js';
import { DEFAULT_BM25, documentTerms, titleTerms } from '../lexical.js';
import type { ChunkingParams } from '../store.js';
import { DEFAULT_HNSW } from '../vectors.js';
import { inTransaction, type Client, type Pool } from './database.js';
import { readIndexState, rebuildReason, type IndexIdentity } from './identity.js';
import { acquireIngestLock } from './lock.js';
import { migrate } from './migrate.js';
import { IndexWriter, type ChunkRow } from './writer.js';

/** Texts per embedding call, as in the local ingest. */
const EMBED_BATCH = 64;

export interface PostgresIngestOptions {
  pool: Pool;
  source: AsyncIterable<CorpusItem> | Iterable<CorpusItem>;
  /** The corpus root, to record file sizes and times for the staleness check. */
  corpusDir?: string;
  embedder: Embedder;
  rebuild?: boolean;
  strict?: boolean;
  chunking?: ChunkingParams;
  onProgress?: (progress: { articles: number; chunks: number; embedded: number }) => void;
  onNotice?: (message: string) => void;
}

/** The content hash of the local ingest (src/index/ingest.ts): equal hash, equal chunks and vectors. */
export function contentHash(embedderId: string, chunking: ChunkingParams, article: Article): string {
  return sha256Text(JSON.stringify([embedderId, chunking, article.title, article.text]));
}

/** What the previous index holds per article, and whether it can be updated in place. */
async function previousIndex(client: Client, identity: Omit<IndexIdentity, 'dimension'>, options: PostgresIngestOptions) {
  const state = await readIndexState(client);
  const reason = state && !options.rebuild ? rebuildReason(state, { ...identity, dimension: state.dimension }) : undefined;
  if (reason) options.onNotice?.(reason);
  const fresh = !state || options.rebuild === true || reason !== undefined;
  const articles = new Map<string, { hash: string; chunks: number }>();
  if (!fresh) {
    const { rows } = await client.query<{ id: string; hash: string; chunks: number }>(
      'SELECT a.id, a.hash, (SELECT count(*)::int FROM chunks c WHERE c.article_id = a.id) AS chunks FROM articles a',
    );
    for (const row of rows) articles.set(row.id, { hash: row.hash, chunks: row.chunks });
  }
  const dimension = fresh || !state ? await options.embedder.dimension() : state.dimension;
  return { fresh, articles, dimension };
}

export async function ingestPostgres(options: PostgresIngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const client = await options.pool.connect();
  let release: (() => Promise<void>) | undefined;
  try {
    release = await acquireIngestLock(client);
    await migrate(client);
    const identity = {
      embedderId: options.embedder.id,
      analyzer: ANALYZER_VERSION,
      chunking: options.chunking ?? DEFAULT_CHUNKING,
      bm25: DEFAULT_BM25,
      hnsw: { m: DEFAULT_HNSW.m, efConstruction: DEFAULT_HNSW.efConstruction },
    };
    const previous = await previousIndex(client, identity, options);
    const summary = await inTransaction(client, async () => {
      const writer = await IndexWriter.open(client, previous.fresh, previous.dimension);
      return readAndWrite(writer, previous.articles, { ...identity, dimension: previous.dimension }, options);
    });
    return { ...summary, seconds: Math.round((performance.now() - started) / 10) / 100 };
  } finally {
    await release?.();
    client.release();
  }
}

type Counts = Omit<IngestSummary, 'seconds'>;

/** Reads the source, embeds what changed and writes it; throws (rolling back) under --strict. */
async function readAndWrite(
  writer: IndexWriter,
  before: Map<string, { hash: string; chunks: number }>,
  identity: IndexIdentity,
  options: PostgresIngestOptions,
): Promise<Counts> {
  const counts: Counts = { articles: 0, chunks: 0, embedded: 0, removed: 0, skipped: [], warnings: [] };
  const sources: Record<string, { size: number; mtimeMs: number }> = {};
  const embed = batchedEmbedder(options.embedder, (done) => (counts.embedded += done));
  const seen = new Set<string>();
  const recordSource = async (file: string) => {
    if (!options.corpusDir || sources[file]) return;
    const info = await stat(join(options.corpusDir, file)).catch(() => undefined);
    if (info?.isFile()) sources[file] = { size: info.size, mtimeMs: info.mtimeMs };
  };
  for await (const item of options.source) {
    if ('skipped' in item) {
      counts.skipped.push(item.skipped);
      await recordSource(item.skipped.path.replace(/:\d+$/, ''));
      continue;
    }
    if (options.strict && counts.skipped.length > 0) continue;
    const article = item.article;
    if (item.warnings) counts.warnings.push(...item.warnings);
    if (seen.has(article.id)) {
      counts.skipped.push({ path: article.origin, reason: `중복된 id: ${article.id}` });
      continue;
    }
    seen.add(article.id);
    const spans = chunkText(article.text, identity.chunking);
    const hash = contentHash(identity.embedderId, identity.chunking, article);
    const old = before.get(article.id);
    before.delete(article.id);
    if (old && old.hash === hash && old.chunks === spans.length) writer.keep(article.id, counts.articles);
    else await writer.put(article, counts.articles, hash, await chunkRows(article, spans, embed), old !== undefined);
    await recordSource(article.origin.replace(/#L?\d+$/, ''));
    counts.articles++;
    counts.chunks += spans.length;
    options.onProgress?.({ articles: counts.articles, chunks: counts.chunks, embedded: counts.embedded });
  }
  failIfStrict(options.strict, counts.skipped);
  counts.removed = before.size;
  await writer.finish(identity, [...before.keys()], sources);
  return counts;
}

function failIfStrict(strict: boolean | undefined, skipped: SkippedInput[]): void {
  if (!strict || skipped.length === 0) return;
  const list = skipped.map((entry) => `${entry.path} (${entry.reason})`).join(', ');
  throw new AppError('INGEST_FAILED', `--strict: 읽지 못한 입력 ${skipped.length}개가 있어 색인을 바꾸지 않았습니다: ${list}`);
}

/** The rows of an article's chunks: BM25 terms as the local index counts them, and vectors. */
async function chunkRows(article: Article, spans: Array<{ start: number; end: number }>, embed: (texts: string[]) => Promise<number[][]>): Promise<ChunkRow[]> {
  const title = titleTerms(article.title, DEFAULT_BM25);
  const vectors = await embed(spans.map((span) => `${article.title}\n${article.text.slice(span.start, span.end)}`));
  return spans.map((span, i) => {
    const text = article.text.slice(span.start, span.end);
    return { start: span.start, end: span.end, terms: documentTerms(text, title, monthTermsOf(text, article.date)), vector: vectors[i] ?? [] };
  });
}

/** Embeds texts EMBED_BATCH at a time and checks the embedder returned one vector per text. */
function batchedEmbedder(embedder: Embedder, onEmbedded: (count: number) => void): (texts: string[]) => Promise<number[][]> {
  return async (texts) => {
    const vectors: number[][] = [];
    for (let from = 0; from < texts.length; from += EMBED_BATCH) {
      const part = texts.slice(from, from + EMBED_BATCH);
      let embedded: number[][];
      try {
        embedded = await embedder.embedDocuments(part);
      } catch (error) {
        throw new AppError('INGEST_FAILED', `임베딩 실패: ${errorMessage(error)}`, { cause: error });
      }
      if (embedded.length !== part.length) {
        throw new AppError('INGEST_FAILED', `임베더가 ${part.length}개 대신 ${embedded.length}개의 벡터를 돌려주었습니다.`);
      }
      vectors.push(...embedded);
      onEmbedded(part.length);
    }
    return vectors;
  };
}
