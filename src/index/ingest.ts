// Builds or updates the on-disk index from a stream of articles. Streaming: only
// the current embedding batch is held in memory, never the whole corpus's vectors.
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { CorpusItem, SkippedInput } from '../domain/types.js';

export type { CorpusItem, SkippedInput };
import type { Embedder } from '../embed/embedder.js';
import { AppError } from '../errors/app-error.js';
import { chunkText } from '../text/chunk.js';
import { monthTermsOf } from '../text/time-terms.js';
import { sha256File, sha256Text, writeFileAtomic, writeTyped } from './files.js';
import { Growable } from './growable.js';
import { DEFAULT_BM25, LexicalIndexBuilder, type Bm25Params } from './lexical.js';
import {
  FILES,
  FORMAT_VERSION,
  acquireLock,
  loadIndex,
  newGenerationDir,
  publishGeneration,
  type ChunkingParams,
  type LoadedIndex,
  type Manifest,
} from './store.js';
import { DEFAULT_HNSW, VectorIndex, type HnswParams } from './vectors.js';

/** Names the text recipe (sentences, chunks, particles): a change rebuilds older indexes,
 *  whose stored vectors were made from other chunk boundaries. v2: dotted-date sentences,
 *  no overlap-only chunks, 로 after ㄹ. */
export const ANALYZER_VERSION = 'ko-bigram-stem-unit-time-v5';

/** Chunks of about 3–5 news sentences; see src/text/chunk.ts. */
export const DEFAULT_CHUNKING: ChunkingParams = { maxChars: 500, overlapSentences: 1 };

/** Texts per embedding call: large enough to amortise a remote round trip. */
const EMBED_BATCH = 64;

export interface IngestOptions {
  indexDir: string;
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

interface PreviousArticle {
  hash: string;
  labels: number[];
}

function previousArticles(previous: LoadedIndex): Map<string, PreviousArticle> {
  const byArticle = new Map<string, PreviousArticle>();
  previous.articles.forEach((article) => byArticle.set(article.id, { hash: article.hash, labels: [] }));
  for (let i = 0; i < previous.chunks.article.length; i++) {
    byArticle.get(previous.articles[previous.chunks.article[i]!]!.id)!.labels.push(previous.chunks.label[i]!);
  }
  return byArticle;
}

export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const chunking = options.chunking ?? DEFAULT_CHUNKING;
  const bm25 = options.bm25 ?? DEFAULT_BM25;
  const hnsw = options.hnsw ?? DEFAULT_HNSW;
  const embedder = options.embedder;
  const release = await acquireLock(options.indexDir);
  let generationDir: string | undefined;
  let published = false;
  try {
    let previous: LoadedIndex | undefined;
    if (!options.rebuild) {
      try {
        previous = await loadIndex(options.indexDir, embedder.id);
        const sameRecipe =
          previous.manifest.analyzer === ANALYZER_VERSION &&
          JSON.stringify(previous.manifest.chunking) === JSON.stringify(chunking) &&
          previous.manifest.hnsw.m === hnsw.m &&
          previous.manifest.hnsw.efConstruction === hnsw.efConstruction;
        if (!sameRecipe) {
          options.onNotice?.('색인 설정(분석기·청크·HNSW)이 바뀌어 처음부터 다시 만듭니다.');
          previous = undefined;
        }
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'INDEX_MISSING') {
          options.onNotice?.(`${(error as Error).message} → 처음부터 다시 만듭니다.`);
        }
        previous = undefined;
      }
    }
    const dimension = previous?.manifest.embedder.dimension ?? (await embedder.dimension());
    const vectors = previous?.vectors ?? VectorIndex.create(dimension, 1024, hnsw);
    const before = previous ? previousArticles(previous) : new Map<string, PreviousArticle>();
    let nextLabel = previous?.manifest.nextLabel ?? 0;

    generationDir = await newGenerationDir(options.indexDir);
    const articlesOut = createWriteStream(join(generationDir, FILES.articles));
    const write = async (line: string) => {
      if (!articlesOut.write(line)) await once(articlesOut, 'drain');
    };
    const lexical = new LexicalIndexBuilder(bm25);
    const chunkRows = new Growable<Int32Array>(Int32Array, 4096);
    const hashes: Record<string, string> = {};
    const sources: Manifest['sources'] = {};
    const skipped: SkippedInput[] = [];
    const warnings: SkippedInput[] = [];
    const seen = new Set<string>();
    let articleCount = 0;
    let embedded = 0;
    let batch: { texts: string[]; labels: number[] } = { texts: [], labels: [] };

    const flush = async () => {
      if (batch.texts.length === 0) return;
      const current = batch;
      batch = { texts: [], labels: [] };
      const embeddings = await embedder.embedDocuments(current.texts);
      if (embeddings.length !== current.texts.length) {
        throw new AppError('INGEST_FAILED', `임베더가 ${current.texts.length}개 대신 ${embeddings.length}개의 벡터를 돌려주었습니다.`);
      }
      embeddings.forEach((vector, i) => vectors.add(vector, current.labels[i]!));
      embedded += current.texts.length;
    };

    const recordSource = async (file: string) => {
      if (!options.corpusDir || sources[file]) return;
      const info = await stat(join(options.corpusDir, file)).catch(() => undefined);
      if (info?.isFile()) sources[file] = { size: info.size, mtimeMs: info.mtimeMs };
    };

    for await (const item of options.source) {
      if ('skipped' in item) {
        skipped.push(item.skipped);
        await recordSource(item.skipped.path.replace(/:\d+$/, ''));
        continue;
      }
      // --strict fails at the end whatever follows: keep reading to report every bad input,
      // but index nothing more.
      if (options.strict && skipped.length > 0) continue;
      const article = item.article;
      if (item.warnings) warnings.push(...item.warnings);
      if (seen.has(article.id)) {
        skipped.push({ path: article.origin, reason: `중복된 id: ${article.id}` });
        continue;
      }
      seen.add(article.id);
      const spans = chunkText(article.text, chunking);
      const hash = sha256Text(JSON.stringify([embedder.id, chunking, article.title, article.text]));
      const old = before.get(article.id);
      let labels: number[];
      if (old && old.hash === hash && old.labels.length === spans.length) {
        labels = old.labels;
      } else {
        if (old) for (const label of old.labels) vectors.remove(label);
        labels = spans.map(() => nextLabel++);
        for (let i = 0; i < spans.length; i++) {
          batch.texts.push(`${article.title}\n${article.text.slice(spans[i]!.start, spans[i]!.end)}`);
          batch.labels.push(labels[i]!);
          if (batch.texts.length >= EMBED_BATCH) await flush();
        }
      }
      before.delete(article.id);
      spans.forEach((span, i) => {
        const text = article.text.slice(span.start, span.end);
        lexical.add(text, article.title, monthTermsOf(text, article.date));
        chunkRows.push(articleCount);
        chunkRows.push(span.start);
        chunkRows.push(span.end);
        chunkRows.push(labels[i]!);
      });
      hashes[article.id] = hash;
      await write(`${JSON.stringify({ ...article, hash })}\n`);
      await recordSource(article.origin.replace(/#L?\d+$/, ''));
      articleCount++;
      options.onProgress?.({ articles: articleCount, chunks: chunkRows.length / 4, embedded });
    }
    await flush();
    articlesOut.end();
    await once(articlesOut, 'finish');

    if (options.strict && skipped.length > 0) {
      const list = skipped.map((entry) => `${entry.path} (${entry.reason})`).join(', ');
      throw new AppError('INGEST_FAILED', `--strict: 읽지 못한 입력 ${skipped.length}개가 있어 색인을 바꾸지 않았습니다: ${list}`);
    }
    // Articles whose source disappeared.
    let removed = 0;
    for (const old of before.values()) {
      for (const label of old.labels) vectors.remove(label);
      removed++;
    }

    const lexicalIndex = lexical.build();
    const data = lexicalIndex.data;
    await Promise.all([
      writeTyped(join(generationDir, FILES.chunks), chunkRows.toArray()),
      writeFileAtomic(join(generationDir, FILES.terms), data.terms.join('\n')),
      writeTyped(join(generationDir, FILES.offsets), data.offsets),
      writeTyped(join(generationDir, FILES.docs), data.docs),
      writeTyped(join(generationDir, FILES.tfs), data.tfs),
      writeTyped(join(generationDir, FILES.lengths), data.lengths),
      vectors.save(join(generationDir, FILES.vectors)),
    ]);
    const files: Manifest['files'] = {};
    for (const name of [FILES.articles, FILES.chunks, FILES.terms, FILES.offsets, FILES.docs, FILES.tfs, FILES.lengths, FILES.vectors]) {
      const file = join(generationDir, name);
      files[name] = { bytes: (await stat(file)).size, sha256: await sha256File(file) };
    }
    const manifest: Manifest = {
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      embedder: { id: embedder.id, dimension },
      analyzer: ANALYZER_VERSION,
      chunking,
      bm25,
      hnsw,
      nextLabel,
      counts: { articles: articleCount, chunks: chunkRows.length / 4 },
      articles: hashes,
      sources,
      files,
    };
    await writeFileAtomic(join(generationDir, FILES.manifest), JSON.stringify(manifest));
    await publishGeneration(options.indexDir, generationDir);
    published = true;
    return {
      articles: articleCount,
      chunks: chunkRows.length / 4,
      embedded,
      removed,
      skipped,
      warnings,
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
  } finally {
    if (generationDir && !published) await rm(generationDir, { recursive: true, force: true }).catch(() => undefined);
    await release();
  }
}
