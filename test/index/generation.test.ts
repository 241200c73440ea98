// One generation on disk: what writeGeneration writes, readGeneration reads back, and the
// manifest's checksums catch every changed file.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../../src/errors/app-error.js';
import { ChunkTableWriter, DATA_FILES, FILES, type ManifestContent, type StoredArticle } from '../../src/index/format.js';
import {
  currentGeneration,
  newGenerationDir,
  openArticlesFile,
  publishGeneration,
  readGeneration,
  readManifest,
  writeGeneration,
} from '../../src/index/generation.js';
import { DEFAULT_BM25, LexicalIndexBuilder } from '../../src/index/lexical.js';
import { DEFAULT_HNSW, VectorIndex } from '../../src/index/vectors.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const ARTICLES: StoredArticle[] = [
  {
    id: 'harbor',
    title: '물빛항 가을 축제 폐막',
    date: '2024-10-13',
    text: '물빛항 가을 축제가 사흘 동안 12만 명을 모았다. 내년에도 열린다.',
    origin: 'harbor.md',
    hash: 'a'.repeat(64),
  },
  {
    id: 'bus',
    title: '푸른시 심야 버스',
    text: '푸른시가 심야 버스 노선 2개를 새로 운행한다.',
    origin: 'briefs.jsonl#L2',
    hash: 'b'.repeat(64),
  },
];
// Chunk spans into ARTICLES' texts: two chunks of the first article, one of the second.
const CHUNKS = [
  { article: 0, start: 0, end: 20, label: 0 },
  { article: 0, start: 21, end: 32, label: 1 },
  { article: 1, start: 0, end: 24, label: 2 },
];
const DIMENSION = 4;

async function writeSample(): Promise<{ indexDir: string; dir: string }> {
  const indexDir = await mkdtemp(join(tmpdir(), 'generation-test-'));
  folders.push(indexDir);
  const dir = await newGenerationDir(indexDir);
  const articlesFile = openArticlesFile(dir);
  for (const article of ARTICLES) await articlesFile.write(article);
  await articlesFile.close();
  const chunks = new ChunkTableWriter();
  const lexical = new LexicalIndexBuilder(DEFAULT_BM25);
  const vectors = VectorIndex.create(DIMENSION, 16, DEFAULT_HNSW);
  for (const row of CHUNKS) {
    const article = ARTICLES[row.article]!;
    chunks.add(row);
    lexical.add(article.text.slice(row.start, row.end), article.title);
    vectors.add(
      [1, row.label, 0, 0].map((value, i, all) => value / Math.hypot(...all)),
      row.label,
    );
  }
  const content: ManifestContent = {
    embedder: { id: 'test:embedder', dimension: DIMENSION },
    chunking: { maxChars: 500, overlapSentences: 1 },
    bm25: DEFAULT_BM25,
    hnsw: DEFAULT_HNSW,
    nextLabel: CHUNKS.length,
    counts: { articles: ARTICLES.length, chunks: CHUNKS.length },
    articles: Object.fromEntries(ARTICLES.map((article) => [article.id, article.hash])),
    sources: { 'harbor.md': { size: 100, mtimeMs: 1 } },
  };
  await writeGeneration(dir, content, { chunks: chunks.encode(), lexical: lexical.build(), vectors });
  return { indexDir, dir };
}

async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error instanceof AppError && error.code).toBe(code);
}

describe('a generation on disk', () => {
  it('reads back what was written', async () => {
    const { dir } = await writeSample();
    const manifest = await readManifest(dir);
    const read = await readGeneration(dir, manifest, true);
    expect(read.articles).toEqual(ARTICLES);
    expect(Array.from(read.chunks.article)).toEqual(CHUNKS.map((row) => row.article));
    expect(Array.from(read.chunks.label)).toEqual(CHUNKS.map((row) => row.label));
    expect(read.lexical.documentCount).toBe(CHUNKS.length);
    expect(read.lexical.search('심야 버스', 1)[0]?.id).toBe(2);
    expect(read.vectors.size).toBe(CHUNKS.length);
    expect(manifest.counts).toEqual({ articles: 2, chunks: 3 });
  });

  it('records the size and sha256 of every data file', async () => {
    const { dir } = await writeSample();
    const manifest = await readManifest(dir);
    expect(Object.keys(manifest.files)).toEqual(DATA_FILES);
    const chunksFile = await readFile(join(dir, FILES.chunks));
    expect(manifest.files[FILES.chunks]?.bytes).toBe(CHUNKS.length * 4 * Int32Array.BYTES_PER_ELEMENT);
    expect(chunksFile.byteLength).toBe(manifest.files[FILES.chunks]?.bytes);
  });

  it.each(DATA_FILES.map((name) => [name]))('INDEX_CORRUPT when one byte of %s changes', async (name) => {
    const { dir } = await writeSample();
    const file = join(dir, name);
    const bytes = await readFile(file);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0x01;
    await writeFile(file, bytes);
    await expectCode(readGeneration(dir, await readManifest(dir), true), 'INDEX_CORRUPT');
  });

  it('INDEX_CORRUPT when a data file is missing or truncated', async () => {
    const { dir } = await writeSample();
    await writeFile(join(dir, FILES.terms), '');
    await expectCode(readGeneration(dir, await readManifest(dir), true), 'INDEX_CORRUPT');
    await rm(join(dir, FILES.terms));
    await expectCode(readGeneration(dir, await readManifest(dir), true), 'INDEX_CORRUPT');
  });

  it('INDEX_CORRUPT for counts that disagree with the files, even unverified', async () => {
    const { dir } = await writeSample();
    const manifest = await readManifest(dir);
    await expectCode(readGeneration(dir, { ...manifest, counts: { articles: 2, chunks: 4 } }, false), 'INDEX_CORRUPT');
  });

  const damages: Array<[string, (dir: string) => Promise<void>, ErrorCode]> = [
    ['a missing manifest', (dir) => rm(join(dir, FILES.manifest)), 'INDEX_CORRUPT'],
    ['a manifest cut short', (dir) => writeFile(join(dir, FILES.manifest), '{"formatVersion":1,'), 'INDEX_CORRUPT'],
    ['another format version', (dir) => writeFile(join(dir, FILES.manifest), JSON.stringify({ formatVersion: 2 })), 'INDEX_INCOMPATIBLE'],
  ];
  it.each(damages)('readManifest: %s is %s', async (_name, damage, code) => {
    const { dir } = await writeSample();
    await damage(dir);
    await expectCode(readManifest(dir), code);
  });

  it('publishes by swapping CURRENT and removes older generations', async () => {
    const first = await writeSample();
    await publishGeneration(first.indexDir, first.dir);
    expect(await currentGeneration(first.indexDir)).toBe(first.dir);
    // Named by hand: two generations made in the same millisecond would share a name.
    const second = join(first.indexDir, 'gen-second');
    await mkdir(second);
    await publishGeneration(first.indexDir, second);
    expect(await currentGeneration(first.indexDir)).toBe(second);
    await expect(readFile(join(first.dir, FILES.manifest))).rejects.toThrow(/ENOENT/);
  });
});
