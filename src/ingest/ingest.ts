// Ingest: read the corpus → skip what the stored index already holds (by content hash) →
// chunk → embed → write, through an IndexSink (the local on-disk index unless told
// otherwise). Streaming: only the current embedding batch is held in memory.
import type { CorpusItem, SkippedInput } from '../domain/types.js';
import type { Embedder } from '../embed/embedder.js';
import { AppError } from '../errors/app-error.js';
import { sha256Text } from '../index/files.js';
import type { ChunkingParams } from '../index/format.js';
import { DEFAULT_BM25, type Bm25Params } from '../index/lexical.js';
import type { IndexSink, OpenSink } from '../index/sink.js';
import { DEFAULT_HNSW, type HnswParams } from '../index/vectors.js';
import { localIndexSink } from '../index/writer.js';
import { chunkText } from '../text/chunk.js';
import { EmbeddingBatch } from './embedding-batch.js';
import { SourceFiles } from './source-files.js';

/** Chunks of about 3–5 news sentences; see src/text/chunk.ts. */
export const DEFAULT_CHUNKING: ChunkingParams = { maxChars: 500, overlapSentences: 1 };

export interface IngestOptions {
  /** The local index folder, written unless `sink` names another store. */
  indexDir: string;
  sink?: OpenSink;
  /** The articles to index (a corpus reader, or articles made in memory). */
  source: AsyncIterable<CorpusItem> | Iterable<CorpusItem>;
  /** The corpus root, to record file sizes and times for the staleness check. */
  corpusDir?: string;
  embedder: Embedder;
  rebuild?: boolean;
  strict?: boolean;
  chunking?: ChunkingParams;
  bm25?: Bm25Params;
  hnsw?: HnswParams;
  onProgress?: (progress: { articles: number; chunks: number; embedded: number }) => void;
  /** Called when the previous index could not be reused, with the reason. */
  onNotice?: (message: string) => void;
}

export interface IngestSummary {
  articles: number;
  chunks: number;
  embedded: number;
  removed: number;
  skipped: SkippedInput[];
  /** Articles indexed with a doubt (little extracted text); never fail --strict. */
  warnings: SkippedInput[];
  seconds: number;
}

export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const chunking = options.chunking ?? DEFAULT_CHUNKING;
  const recipe = { chunking, bm25: options.bm25 ?? DEFAULT_BM25, hnsw: options.hnsw ?? DEFAULT_HNSW };
  const openSink = options.sink ?? localIndexSink(options.indexDir);
  const sink = await openSink({ embedder: options.embedder, recipe, rebuild: options.rebuild ?? false, onNotice: options.onNotice });
  try {
    const read = await indexArticles(sink, { ...options, chunking });
    if (options.strict && read.skipped.length > 0) {
      const list = read.skipped.map((entry) => `${entry.path} (${entry.reason})`).join(', ');
      throw new AppError('INGEST_FAILED', `--strict: 읽지 못한 입력 ${read.skipped.length}개가 있어 색인을 바꾸지 않았습니다: ${list}`);
    }
    const { removed } = await sink.commit(read.sources);
    return {
      ...read.summary,
      removed,
      skipped: read.skipped,
      warnings: read.warnings,
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
  } finally {
    await sink.close();
  }
}

/** Reads every item of the source into the sink; embeds what changed. */
async function indexArticles(sink: IndexSink, options: IngestOptions & { chunking: ChunkingParams }) {
  const { embedder, chunking } = options;
  const batch = new EmbeddingBatch(embedder, sink);
  const sources = new SourceFiles(options.corpusDir);
  const skipped: SkippedInput[] = [];
  const warnings: SkippedInput[] = [];
  const seen = new Set<string>();
  const summary = { articles: 0, chunks: 0, embedded: 0 };
  for await (const item of options.source) {
    if ('skipped' in item) {
      skipped.push(item.skipped);
      await sources.recordSkipped(item.skipped.path);
      continue;
    }
    // --strict fails at the end whatever follows: keep reading to report every bad input,
    // but index nothing more.
    if (options.strict && skipped.length > 0) continue;
    const { article } = item;
    if (item.warnings) warnings.push(...item.warnings);
    if (seen.has(article.id)) {
      skipped.push({ path: article.origin, reason: `중복된 id: ${article.id}` });
      continue;
    }
    seen.add(article.id);
    const spans = chunkText(article.text, chunking);
    const hash = sha256Text(JSON.stringify([embedder.id, chunking, article.title, article.text]));
    for (const { key, span } of await sink.addArticle(article, hash, spans)) {
      await batch.add(key, `${article.title}\n${article.text.slice(span.start, span.end)}`);
    }
    await sources.recordOrigin(article.origin);
    summary.articles++;
    summary.chunks += spans.length;
    summary.embedded = batch.embedded;
    options.onProgress?.({ ...summary });
  }
  await batch.flush();
  summary.embedded = batch.embedded;
  return { summary, skipped, warnings, sources: sources.stats };
}
