// The generation writer: the local on-disk index as an IndexSink. It writes a new generation
// beside the live one, keeps the vectors of unchanged articles (the HNSW graph is carried
// over, changed chunks are marked deleted and re-added), and swaps CURRENT on commit.
import { rm } from 'node:fs/promises';
import type { Article, Span } from '../domain/types.js';
import { AppError, errorMessage } from '../errors/app-error.js';
import { monthTermsOf } from '../text/time-terms.js';
import { ChunkTableWriter, sameRecipe, type SourceFileStat } from './format.js';
import { newGenerationDir, openArticlesFile, publishGeneration, writeGeneration, type ArticlesFile } from './generation.js';
import { LexicalIndexBuilder } from './lexical.js';
import { acquireLock } from './lock.js';
import type { IndexSink, OpenSink, OpenSinkOptions, PendingChunk } from './sink.js';
import { loadIndex, type LoadedIndex } from './store.js';
import { VectorIndex } from './vectors.js';

/** What the stored generation holds of one article: its hash and its chunks' vector labels. */
interface StoredEntry {
  hash: string;
  labels: number[];
}

function storedEntries({ articles, chunks }: LoadedIndex): Map<string, StoredEntry> {
  const byId = new Map<string, StoredEntry>();
  const entries = articles.map((article) => {
    const entry: StoredEntry = { hash: article.hash, labels: [] };
    byId.set(article.id, entry);
    return entry;
  });
  chunks.label.forEach((label, chunk) => entries[chunks.article[chunk] ?? -1]?.labels.push(label));
  return byId;
}

/** The live index, when an update may start from it; otherwise undefined, with a notice why. */
async function reusableIndex(indexDir: string, options: OpenSinkOptions): Promise<LoadedIndex | undefined> {
  if (options.rebuild) return undefined;
  try {
    const previous = await loadIndex(indexDir, options.embedder.id);
    if (sameRecipe(previous.manifest, options.recipe)) return previous;
    options.onNotice?.('색인 설정(분석기·청크·HNSW)이 바뀌어 처음부터 다시 만듭니다.');
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'INDEX_MISSING')
      options.onNotice?.(`${errorMessage(error)} → 처음부터 다시 만듭니다.`);
  }
  return undefined;
}

/** Opens the local index in `indexDir` for an ingest: takes the lock, then starts a generation. */
export function localIndexSink(indexDir: string): OpenSink {
  return async (options) => {
    const release = await acquireLock(indexDir);
    try {
      const previous = await reusableIndex(indexDir, options);
      const dimension = previous?.manifest.embedder.dimension ?? (await options.embedder.dimension());
      const generationDir = await newGenerationDir(indexDir);
      return new GenerationWriter(indexDir, generationDir, options, dimension, previous, release);
    } catch (error) {
      await release();
      throw error;
    }
  };
}

class GenerationWriter implements IndexSink {
  private readonly vectors: VectorIndex;
  private readonly stored: Map<string, StoredEntry>;
  private nextLabel: number;
  private readonly articlesFile: ArticlesFile;
  private readonly lexical: LexicalIndexBuilder;
  private readonly chunks = new ChunkTableWriter();
  private readonly hashes: Record<string, string> = {};
  private articleCount = 0;
  private published = false;

  constructor(
    private readonly indexDir: string,
    private readonly generationDir: string,
    private readonly options: OpenSinkOptions,
    private readonly dimension: number,
    previous: LoadedIndex | undefined,
    private readonly release: () => Promise<void>,
  ) {
    this.vectors = previous?.vectors ?? VectorIndex.create(dimension, 1024, options.recipe.hnsw);
    this.stored = previous ? storedEntries(previous) : new Map<string, StoredEntry>();
    this.nextLabel = previous?.manifest.nextLabel ?? 0;
    this.articlesFile = openArticlesFile(generationDir);
    this.lexical = new LexicalIndexBuilder(options.recipe.bm25);
  }

  async addArticle(article: Article, hash: string, spans: readonly Span[]): Promise<PendingChunk[]> {
    const old = this.stored.get(article.id);
    this.stored.delete(article.id);
    const kept = old && old.hash === hash && old.labels.length === spans.length ? old.labels : undefined;
    if (old && !kept) for (const label of old.labels) this.vectors.remove(label);
    const pending = spans.map((span, i) => ({ key: kept?.[i] ?? this.nextLabel++, span }));
    for (const { key, span } of pending) {
      const text = article.text.slice(span.start, span.end);
      this.lexical.add(text, article.title, monthTermsOf(text, article.date));
      this.chunks.add({ article: this.articleCount, start: span.start, end: span.end, label: key });
    }
    this.hashes[article.id] = hash;
    await this.articlesFile.write({ ...article, hash });
    this.articleCount++;
    return kept ? [] : pending;
  }

  addVectors(keys: readonly number[], vectors: readonly number[][]): Promise<void> {
    // A missing vector fails in VectorIndex.add (length 0 ≠ dimension).
    keys.forEach((key, i) => this.vectors.add(vectors[i] ?? [], key));
    return Promise.resolve();
  }

  async commit(sources: Readonly<Record<string, SourceFileStat>>): Promise<{ removed: number }> {
    await this.articlesFile.close();
    // Articles whose source disappeared.
    let removed = 0;
    for (const old of this.stored.values()) {
      for (const label of old.labels) this.vectors.remove(label);
      removed++;
    }
    const { embedder, recipe } = this.options;
    const content = {
      embedder: { id: embedder.id, dimension: this.dimension },
      ...recipe,
      nextLabel: this.nextLabel,
      counts: { articles: this.articleCount, chunks: this.chunks.length },
      articles: this.hashes,
      sources: { ...sources },
    };
    await writeGeneration(this.generationDir, content, {
      chunks: this.chunks.encode(),
      lexical: this.lexical.build(),
      vectors: this.vectors,
    });
    await publishGeneration(this.indexDir, this.generationDir);
    this.published = true;
    return { removed };
  }

  async close(): Promise<void> {
    if (!this.published) {
      await this.articlesFile.discard();
      await rm(this.generationDir, { recursive: true, force: true }).catch(() => undefined);
    }
    await this.release();
  }
}
