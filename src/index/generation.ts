// Generations on disk. Layout of INDEX_DIR:
//   CURRENT            name of the live generation (swapped atomically by rename)
//   gen-<stamp>/       one complete index: manifest.json, articles.jsonl, chunks.bin,
//                      lexical-*.bin|txt, vectors.hnsw (see format.ts)
//   ingest.lock        held by the one ingest allowed at a time (see lock.ts)
// An ingest writes a new generation beside the live one and swaps CURRENT last, so a
// crash or kill at any moment leaves the previous generation loadable. This module writes
// and reads a generation's files; the manifest's checksums are computed and checked here.
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, errorMessage } from '../errors/app-error.js';
import { readTyped, sha256File, writeFileAtomic, writeTyped } from './files.js';
import {
  DATA_FILES,
  FILES,
  FORMAT_VERSION,
  buildManifest,
  decodeArticleLines,
  decodeChunkTable,
  decodeManifest,
  encodeArticleLine,
  type ChunkTable,
  type DecodedManifest,
  type Manifest,
  type ManifestContent,
  type StoredArticle,
} from './format.js';
import { LexicalIndex } from './lexical.js';
import { DEFAULT_HNSW, VectorIndex } from './vectors.js';
import { watchDebounced } from './watch.js';

const CURRENT = 'CURRENT';

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
  // CURRENT is renamed into place, so the event names it; some platforms omit the name.
  return watchDebounced(indexDir, onChange, { debounceMs, accept: (name) => name === null || name === CURRENT });
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

const corruptIndex = (dir: string, detail: string) =>
  new AppError('INDEX_CORRUPT', `색인이 손상되었습니다 (${detail}). 'npm run ingest -- --rebuild'로 다시 만드세요. [${dir}]`);

export async function readManifest(generationDir: string): Promise<Manifest> {
  let decoded: DecodedManifest;
  try {
    decoded = decodeManifest(await readFile(join(generationDir, FILES.manifest), 'utf8'));
  } catch (error) {
    decoded = { corrupt: errorMessage(error) };
  }
  if ('manifest' in decoded) return decoded.manifest;
  if ('corrupt' in decoded) throw corruptIndex(generationDir, `${FILES.manifest}: ${decoded.corrupt}`);
  throw new AppError(
    'INDEX_INCOMPATIBLE',
    `색인 형식 ${String(decoded.otherVersion)}은 이 버전(${FORMAT_VERSION})과 맞지 않습니다. 'npm run ingest -- --rebuild'로 다시 만드세요.`,
  );
}

/** Size and sha256 of every data file, for the manifest. */
async function checksumFiles(generationDir: string): Promise<Manifest['files']> {
  const files: Manifest['files'] = {};
  for (const name of DATA_FILES) {
    const file = join(generationDir, name);
    files[name] = { bytes: (await stat(file)).size, sha256: await sha256File(file) };
  }
  return files;
}

/** Checks every file's size and checksum against the manifest. */
async function verifyFiles(generationDir: string, manifest: Manifest): Promise<void> {
  for (const [name, expected] of Object.entries(manifest.files)) {
    const file = join(generationDir, name);
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      throw corruptIndex(generationDir, `${name} 없음`);
    }
    if (size !== expected.bytes) throw corruptIndex(generationDir, `${name} 크기 ${size} ≠ ${expected.bytes}`);
    if ((await sha256File(file)) !== expected.sha256) throw corruptIndex(generationDir, `${name} 체크섬 불일치`);
  }
}

export interface ArticlesFile {
  write(article: StoredArticle): Promise<void>;
  close(): Promise<void>;
  /** Stops writing, for a generation that is being discarded. */
  discard(): Promise<void>;
}

/** articles.jsonl, written one article at a time so ingest never holds the corpus. */
export function openArticlesFile(generationDir: string): ArticlesFile {
  const stream = createWriteStream(join(generationDir, FILES.articles));
  return {
    async write(article: StoredArticle): Promise<void> {
      if (!stream.write(encodeArticleLine(article))) await once(stream, 'drain');
    },
    async close(): Promise<void> {
      stream.end();
      await once(stream, 'finish');
    },
    async discard(): Promise<void> {
      // Let buffered lines land before the folder is removed; a write error no longer matters.
      if (stream.closed) return;
      if (!stream.writableEnded) stream.end();
      await once(stream, 'close').catch(() => undefined);
    },
  };
}

/** What a generation holds besides articles.jsonl (streamed by openArticlesFile). */
interface GenerationData {
  chunks: Int32Array;
  lexical: LexicalIndex;
  vectors: VectorIndex;
}

/** Writes the data files of a generation, then its manifest with their checksums. The
 *  generation is complete but not yet live: see publishGeneration. */
export async function writeGeneration(generationDir: string, content: ManifestContent, data: GenerationData): Promise<void> {
  const path = (name: string) => join(generationDir, name);
  const { terms, offsets, docs, tfs, lengths } = data.lexical.data;
  await Promise.all([
    writeTyped(path(FILES.chunks), data.chunks),
    writeFileAtomic(path(FILES.terms), terms.join('\n')),
    writeTyped(path(FILES.offsets), offsets),
    writeTyped(path(FILES.docs), docs),
    writeTyped(path(FILES.tfs), tfs),
    writeTyped(path(FILES.lengths), lengths),
    data.vectors.save(path(FILES.vectors)),
  ]);
  const manifest = buildManifest(content, await checksumFiles(generationDir));
  await writeFileAtomic(path(FILES.manifest), JSON.stringify(manifest));
}

export interface GenerationContent {
  articles: StoredArticle[];
  chunks: ChunkTable;
  lexical: LexicalIndex;
  vectors: VectorIndex;
}

/** Reads the generation a manifest describes, checking checksums first unless `verify` is
 *  false. Any unreadable or inconsistent file is INDEX_CORRUPT. */
export async function readGeneration(generationDir: string, manifest: Manifest, verify: boolean): Promise<GenerationContent> {
  if (verify) await verifyFiles(generationDir, manifest);
  const path = (name: string) => join(generationDir, name);
  try {
    const [articleLines, chunkRows, terms, offsets, docs, tfs, lengths] = await Promise.all([
      readFile(path(FILES.articles), 'utf8'),
      readTyped(path(FILES.chunks), Int32Array),
      readFile(path(FILES.terms), 'utf8'),
      readTyped(path(FILES.offsets), Uint32Array),
      readTyped(path(FILES.docs), Int32Array),
      readTyped(path(FILES.tfs), Float32Array),
      readTyped(path(FILES.lengths), Float32Array),
    ]);
    const articles = decodeArticleLines(articleLines);
    const chunks = decodeChunkTable(chunkRows);
    const lexical = new LexicalIndex({ terms: terms.length ? terms.split('\n') : [], offsets, docs, tfs, lengths, params: manifest.bm25 });
    // efSearch is a query-time setting: today's default applies to an index built earlier.
    const vectors = await VectorIndex.load(path(FILES.vectors), manifest.embedder.dimension, {
      ...manifest.hnsw,
      efSearch: DEFAULT_HNSW.efSearch,
    });
    const count = chunks.article.length;
    if (articles.length !== manifest.counts.articles || count !== manifest.counts.chunks || lexical.documentCount !== count) {
      throw new Error('counts do not match the manifest');
    }
    return { articles, chunks, lexical, vectors };
  } catch (error) {
    throw corruptIndex(generationDir, errorMessage(error));
  }
}
