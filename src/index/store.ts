// The on-disk index. Layout of INDEX_DIR:
//   CURRENT            name of the live generation (swapped atomically by rename)
//   gen-<stamp>/       one complete index: manifest.json, articles.jsonl, chunks.bin,
//                      lexical-*.bin|txt, vectors.hnsw
//   ingest.lock        held by the one ingest allowed at a time
// An ingest writes a new generation beside the live one and swaps CURRENT last, so a
// crash or kill at any moment leaves the previous generation loadable.
import { existsSync, watch } from 'node:fs';
import { link, mkdir, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Article } from '../domain/types.js';
import { AppError } from '../errors/app-error.js';
import { readTyped, sha256File, writeFileAtomic } from './files.js';
import { LexicalIndex, type Bm25Params } from './lexical.js';
import { DEFAULT_HNSW, VectorIndex, type HnswParams } from './vectors.js';

/** Bumped whenever the files' meaning changes; an older index is rebuilt. */
export const FORMAT_VERSION = 1;

export interface ChunkingParams {
  maxChars: number;
  overlapSentences: number;
}

export interface Manifest {
  formatVersion: number;
  createdAt: string;
  embedder: { id: string; dimension: number };
  analyzer: string;
  chunking: ChunkingParams;
  bm25: Bm25Params;
  hnsw: HnswParams;
  /** Next unused vector label; labels are never reused across generations' live chunks. */
  nextLabel: number;
  counts: { articles: number; chunks: number };
  /** Per-article content hash (title, text, chunking, embedder): equal hash, no re-embedding. */
  articles: Record<string, string>;
  /** Corpus files seen (path → size and mtime), to tell cheaply whether the corpus changed. */
  sources: Record<string, { size: number; mtimeMs: number }>;
  /** Every data file of the generation with its size and sha256, checked at load. */
  files: Record<string, { bytes: number; sha256: string }>;
}

/** One stored article: its metadata, text and the content hash its vectors were made from. */
export interface StoredArticle extends Article {
  hash: string;
}

/** Chunks as parallel columns; chunk i is lexical document i. */
export interface ChunkTable {
  article: Int32Array; // index into articles
  start: Int32Array;
  end: Int32Array;
  label: Int32Array; // vector label
}

export interface LoadedIndex {
  dir: string;
  manifest: Manifest;
  articles: StoredArticle[];
  chunks: ChunkTable;
  lexical: LexicalIndex;
  vectors: VectorIndex;
}

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

const CURRENT = 'CURRENT';
const LOCK = 'ingest.lock';

export async function currentGeneration(indexDir: string): Promise<string | undefined> {
  try {
    const name = (await readFile(join(indexDir, CURRENT), 'utf8')).trim();
    return name && existsSync(join(indexDir, name)) ? join(indexDir, name) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls `onChange` (debounced) whenever CURRENT is replaced, by this process or another one
 * (`npm run ingest` while the server runs). Returns a function that stops watching.
 */
export function watchCurrent(indexDir: string, onChange: () => void, debounceMs = 200): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(indexDir, { persistent: false }, (_event, name) => {
    // CURRENT is renamed into place, so the event names it; some platforms omit the name.
    if (name !== null && name !== CURRENT) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  watcher.on('error', () => watcher.close());
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

export async function newGenerationDir(indexDir: string): Promise<string> {
  const name = `gen-${new Date().toISOString().replace(/[-:.TZ]/g, '')}-${process.pid}`;
  const dir = join(indexDir, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Makes `generationDir` the live index, then removes every other generation. */
export async function publishGeneration(indexDir: string, generationDir: string): Promise<void> {
  const name = generationDir.slice(indexDir.length).replace(/^[\\/]+/, '');
  await writeFileAtomic(join(indexDir, CURRENT), `${name}\n`);
  for (const entry of await readdir(indexDir)) {
    if (entry.startsWith('gen-') && entry !== name) await rm(join(indexDir, entry), { recursive: true, force: true });
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Lock files held by this process. The pid in a lock file cannot tell a second ingest of
// this process from a lock left by a dead process whose pid we now reuse (containers).
const heldLocks = new Set<string>();

/** Takes the ingest lock or throws INDEX_LOCKED; a lock left by a dead process is taken over. */
export async function acquireLock(indexDir: string): Promise<() => Promise<void>> {
  await mkdir(indexDir, { recursive: true });
  const file = resolve(indexDir, LOCK); // absolute: one key per folder, however it is named
  if (heldLocks.has(file)) {
    throw new AppError('INDEX_LOCKED', `이 프로세스에서 다른 색인 작업이 진행 중입니다. 끝난 뒤 다시 실행하세요 (${file}).`);
  }
  const owner = JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    // Write the owner aside, then hard-link it into place: link() fails when the lock exists,
    // and a lock that exists always has its owner written, so no one reads a half-made lock.
    const pending = `${file}.${process.pid}.tmp`;
    await writeFile(pending, owner);
    try {
      await link(pending, file);
      heldLocks.add(file);
      return async () => {
        heldLocks.delete(file);
        // Remove the lock only while it is still ours (a stale-lock takeover may have replaced it).
        if ((await readFile(file, 'utf8').catch(() => '')) === owner) await unlink(file).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number } = {};
      try {
        holder = JSON.parse(await readFile(file, 'utf8'));
      } catch {
        // Unreadable lock (written by an older version): treat as stale.
      }
      if (holder.pid && holder.pid !== process.pid && isProcessAlive(holder.pid)) {
        throw new AppError('INDEX_LOCKED', `다른 색인 작업(pid ${holder.pid})이 진행 중입니다. 끝난 뒤 다시 실행하세요 (${file}).`);
      }
      await unlink(file).catch(() => undefined);
    } finally {
      await unlink(pending).catch(() => undefined);
    }
  }
  throw new AppError('INDEX_LOCKED', `색인 잠금을 얻지 못했습니다: ${file}`);
}

const corrupt = (dir: string, detail: string) =>
  new AppError('INDEX_CORRUPT', `색인이 손상되었습니다 (${detail}). 'npm run ingest -- --rebuild'로 다시 만드세요. [${dir}]`);

export async function readManifest(generationDir: string): Promise<Manifest> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(generationDir, FILES.manifest), 'utf8'));
  } catch (error) {
    throw corrupt(generationDir, `manifest.json: ${(error as Error).message}`);
  }
  if (manifest.formatVersion !== FORMAT_VERSION) {
    throw new AppError('INDEX_INCOMPATIBLE', `색인 형식 ${manifest.formatVersion}은 이 버전(${FORMAT_VERSION})과 맞지 않습니다. 'npm run ingest -- --rebuild'로 다시 만드세요.`);
  }
  return manifest;
}

/** Checks every file's size and checksum against the manifest. */
export async function verifyFiles(generationDir: string, manifest: Manifest): Promise<void> {
  for (const [name, expected] of Object.entries(manifest.files)) {
    const file = join(generationDir, name);
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      throw corrupt(generationDir, `${name} 없음`);
    }
    if (size !== expected.bytes) throw corrupt(generationDir, `${name} 크기 ${size} ≠ ${expected.bytes}`);
    if ((await sha256File(file)) !== expected.sha256) throw corrupt(generationDir, `${name} 체크섬 불일치`);
  }
}

async function readArticles(file: string): Promise<StoredArticle[]> {
  const text = await readFile(file, 'utf8');
  const articles: StoredArticle[] = [];
  for (const line of text.split('\n')) if (line) articles.push(JSON.parse(line));
  return articles;
}

/**
 * Loads the live index. Throws INDEX_MISSING when there is none, INDEX_INCOMPATIBLE
 * when another embedder or format built it, INDEX_CORRUPT when a file fails its checksum.
 */
export async function loadIndex(indexDir: string, embedderId: string, options: { verify?: boolean } = {}): Promise<LoadedIndex> {
  const dir = await currentGeneration(indexDir);
  if (!dir) throw new AppError('INDEX_MISSING', `색인이 없습니다: ${indexDir}. 'npm run ingest'로 만드세요.`);
  const manifest = await readManifest(dir);
  if (manifest.embedder.id !== embedderId) {
    throw new AppError(
      'INDEX_INCOMPATIBLE',
      `색인은 임베더 ${manifest.embedder.id}로 만들어졌지만 지금 설정은 ${embedderId}입니다. 'npm run ingest -- --rebuild'로 다시 만드세요.`,
    );
  }
  if (options.verify !== false) await verifyFiles(dir, manifest);
  try {
    const [articles, chunkRows, terms, offsets, docs, tfs, lengths] = await Promise.all([
      readArticles(join(dir, FILES.articles)),
      readTyped(join(dir, FILES.chunks), Int32Array),
      readFile(join(dir, FILES.terms), 'utf8'),
      readTyped(join(dir, FILES.offsets), Uint32Array),
      readTyped(join(dir, FILES.docs), Int32Array),
      readTyped(join(dir, FILES.tfs), Float32Array),
      readTyped(join(dir, FILES.lengths), Float32Array),
    ]);
    const count = chunkRows.length / 4;
    const chunks: ChunkTable = { article: new Int32Array(count), start: new Int32Array(count), end: new Int32Array(count), label: new Int32Array(count) };
    for (let i = 0; i < count; i++) {
      chunks.article[i] = chunkRows[4 * i]!;
      chunks.start[i] = chunkRows[4 * i + 1]!;
      chunks.end[i] = chunkRows[4 * i + 2]!;
      chunks.label[i] = chunkRows[4 * i + 3]!;
    }
    const lexical = new LexicalIndex({ terms: terms.length ? terms.split('\n') : [], offsets, docs, tfs, lengths, params: manifest.bm25 });
    // efSearch is a query-time setting: today's default applies to an index built earlier.
    const vectors = await VectorIndex.load(join(dir, FILES.vectors), manifest.embedder.dimension, { ...manifest.hnsw, efSearch: DEFAULT_HNSW.efSearch });
    if (articles.length !== manifest.counts.articles || count !== manifest.counts.chunks || lexical.documentCount !== count) {
      throw new Error('counts do not match the manifest');
    }
    return { dir, manifest, articles, chunks, lexical, vectors };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw corrupt(dir, (error as Error).message);
  }
}
