// The on-disk format of one index generation, in one place: its files, the manifest, the
// chunk table's row layout and the article lines. The generation writer and the loader
// both go through this module (MiniSearch's toJSON/loadJSON idea), so they cannot drift.
import { z } from 'zod';
import type { Article } from '../domain/types.js';
import { errorMessage } from '../errors/app-error.js';
import type { ChunkOptions } from '../text/chunk.js';
import { Growable } from './growable.js';
import type { Bm25Params } from './lexical.js';
import type { HnswParams } from './vectors.js';

/** Bumped whenever the files' meaning changes; an older index is rebuilt. */
export const FORMAT_VERSION = 1;

/** Names the text recipe (sentences, chunks, particles): a change rebuilds older indexes,
 *  whose stored vectors were made from other chunk boundaries. v2: dotted-date sentences,
 *  no overlap-only chunks, 로 after ㄹ; v11: the noun of a 사이시옷 compound (배춧값 → 배추);
 *  v12: compound terms; v13: code terms (E-32, V2H, "OE 떠요") and the polite endings
 *  of 하다/되다 (시행돼요 → 시행); v14: a run-on 수 of "-ㄹ 수 있다" split off (등록할수 → 등록할 수); v15: and a run-on 거 after -는 (바꾸는거); v16: and 되다/하다 after -야 (내야돼요); v17: and 사람, 곳, 때 after an adnominal (다친사람); v18: a Markdown section heading
 *  starts a chunk; v19: colour terms (주황불 ~ 주황색 → h:orange); v20: the verb stem of a noun form in ㅁ
 *  (켜짐 → v:켜지). */
export const ANALYZER_VERSION = 'ko-bigram-stem-unit-time-verb-compound-code-polite-runon-sections-colour-nominal-v22';

export const FILES = {
  manifest: 'manifest.json',
  articles: 'articles.jsonl',
  chunks: 'chunks.bin',
  terms: 'lexical-terms.txt',
  offsets: 'lexical-offsets.bin',
  docs: 'lexical-docs.bin',
  tfs: 'lexical-tfs.bin',
  lengths: 'lexical-lengths.bin',
  vectors: 'vectors.hnsw',
} as const;

/** Every file the manifest checksums: all but the manifest itself, in FILES order. */
export const DATA_FILES = Object.values(FILES).filter((name) => name !== FILES.manifest);

export type ChunkingParams = Required<ChunkOptions>;

const sourceFileSchema = z.object({ size: z.number(), mtimeMs: z.number() });
export type SourceFileStat = z.infer<typeof sourceFileSchema>;

const manifestSchema = z.object({
  formatVersion: z.number(),
  createdAt: z.string(),
  embedder: z.object({ id: z.string(), dimension: z.number().int().positive() }),
  analyzer: z.string(),
  chunking: z.object({ maxChars: z.number(), overlapSentences: z.number() }) satisfies z.ZodType<ChunkingParams>,
  bm25: z.object({ k1: z.number(), b: z.number(), titleWeight: z.number() }) satisfies z.ZodType<Bm25Params>,
  hnsw: z.object({ m: z.number(), efConstruction: z.number(), efSearch: z.number() }) satisfies z.ZodType<HnswParams>,
  /** Next unused vector label; labels are never reused across generations' live chunks. */
  nextLabel: z.number().int().nonnegative(),
  counts: z.object({ articles: z.number().int(), chunks: z.number().int() }),
  /** Per-article content hash (title, text, chunking, embedder): equal hash, no re-embedding. */
  articles: z.record(z.string(), z.string()),
  /** Corpus files seen (path → size and mtime), to tell cheaply whether the corpus changed. */
  sources: z.record(z.string(), sourceFileSchema),
  /** Every data file of the generation with its size and sha256, checked at load. */
  files: z.record(z.string(), z.object({ bytes: z.number(), sha256: z.string() })),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** What an ingest decides; the rest of the manifest is the format's or measured from the files. */
export type ManifestContent = Omit<Manifest, 'formatVersion' | 'createdAt' | 'analyzer' | 'files'>;

/** The settings an index is built with: chunking and HNSW shape decide the stored vectors. */
export interface IndexRecipe {
  chunking: ChunkingParams;
  bm25: Bm25Params;
  hnsw: HnswParams;
}

/** The manifest of a new generation, fields in their long-standing order. */
export function buildManifest(content: ManifestContent, files: Manifest['files']): Manifest {
  const { embedder, chunking, bm25, hnsw, nextLabel, counts, articles, sources } = content;
  const createdAt = new Date().toISOString();
  return {
    formatVersion: FORMAT_VERSION,
    createdAt,
    embedder,
    analyzer: ANALYZER_VERSION,
    chunking,
    bm25,
    hnsw,
    nextLabel,
    counts,
    articles,
    sources,
    files,
  };
}

/** Whether a stored generation's vectors were made the way `recipe` would make them
 *  (BM25 settings do not count: the lexical index is rebuilt on every ingest). */
export function sameRecipe(manifest: Manifest, recipe: IndexRecipe): boolean {
  return (
    manifest.analyzer === ANALYZER_VERSION &&
    manifest.chunking.maxChars === recipe.chunking.maxChars &&
    manifest.chunking.overlapSentences === recipe.chunking.overlapSentences &&
    manifest.hnsw.m === recipe.hnsw.m &&
    manifest.hnsw.efConstruction === recipe.hnsw.efConstruction
  );
}

/** manifest.json decoded: the manifest, another format's version, or why it is no manifest. */
export type DecodedManifest = { manifest: Manifest } | { otherVersion: unknown } | { corrupt: string };

export function decodeManifest(text: string): DecodedManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { corrupt: errorMessage(error) };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { corrupt: 'not an object' };
  const version: unknown = Reflect.get(json, 'formatVersion');
  if (version !== FORMAT_VERSION) return { otherVersion: version };
  const parsed = manifestSchema.safeParse(json);
  if (parsed.success) return { manifest: parsed.data };
  const [issue] = parsed.error.issues;
  return { corrupt: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid' };
}

/** Chunks as parallel columns; chunk i is lexical document i. */
export interface ChunkTable {
  article: Int32Array; // index into articles
  start: Int32Array;
  end: Int32Array;
  label: Int32Array; // vector label
}

type ChunkRow = Record<keyof ChunkTable, number>;

/** chunks.bin is one row of int32 per chunk, these columns in this order. */
const CHUNK_COLUMNS = ['article', 'start', 'end', 'label'] as const satisfies ReadonlyArray<keyof ChunkTable>;

/** Collects chunk rows as they are indexed, in the chunks.bin layout. */
export class ChunkTableWriter {
  private readonly rows = new Growable<Int32Array>(Int32Array, 4096);

  get length(): number {
    return this.rows.length / CHUNK_COLUMNS.length;
  }

  add(row: ChunkRow): void {
    for (const column of CHUNK_COLUMNS) this.rows.push(row[column]);
  }

  encode(): Int32Array {
    return this.rows.toArray();
  }
}

export function decodeChunkTable(rows: Int32Array): ChunkTable {
  const stride = CHUNK_COLUMNS.length;
  if (rows.length % stride !== 0) throw new Error(`${FILES.chunks}: ${rows.length} values are not whole rows of ${stride}`);
  const count = rows.length / stride;
  const table: ChunkTable = {
    article: new Int32Array(count),
    start: new Int32Array(count),
    end: new Int32Array(count),
    label: new Int32Array(count),
  };
  CHUNK_COLUMNS.forEach((column, offset) => {
    const values = table[column];
    for (let i = 0; i < count; i++) values[i] = rows[stride * i + offset] ?? 0;
  });
  return table;
}

/** One stored article: its metadata, text and the content hash its vectors were made from. */
export interface StoredArticle extends Article {
  hash: string;
}

/** The article a stored one stands for: the content hash is the index's business only. */
export function articleOf(stored: StoredArticle): Article {
  const { hash: _hash, ...article } = stored;
  return article;
}

export function encodeArticleLine(article: StoredArticle): string {
  return `${JSON.stringify(article)}\n`;
}

const REQUIRED_STRINGS = ['id', 'title', 'text', 'origin', 'hash'] as const;

function isStoredArticle(value: unknown): value is StoredArticle {
  return typeof value === 'object' && value !== null && REQUIRED_STRINGS.every((key) => typeof Reflect.get(value, key) === 'string');
}

/** Parses articles.jsonl, one article per line. */
export function decodeArticleLines(text: string): StoredArticle[] {
  const articles: StoredArticle[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const article: unknown = JSON.parse(line);
    if (!isStoredArticle(article)) throw new Error(`${FILES.articles}: line ${articles.length + 1} is not an article`);
    articles.push(article);
  }
  return articles;
}
