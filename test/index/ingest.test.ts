import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.js';
import type { Article, CorpusItem } from '../../src/domain/types.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { createLocalEmbedder, LOCAL_EMBEDDER_ID } from '../../src/embed/local.js';
import { AppError, type ErrorCode } from '../../src/errors/app-error.js';
import { ingest, type IngestOptions } from '../../src/ingest/ingest.js';
import { FILES } from '../../src/index/format.js';
import { loadIndex, type LoadedIndex } from '../../src/index/store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BAD_CORPUS = fileURLToPath(new URL('../fixtures/corpus-bad/', import.meta.url));
const CHILD_SCRIPT = fileURLToPath(new URL('../support/ingest-child.ts', import.meta.url));
const GOOD_IDS = ['brief-bus-route', 'briefs#3', 'cp949', 'harbor-festival', 'library-opening'];
const LOCK_FILE = 'ingest.lock';

// ---------------------------------------------------------------- helpers

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `ingest-test-${prefix}-`));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A writable copy of the corpus-bad fixture. */
async function copyOfBadCorpus(): Promise<string> {
  const dir = await tempDir('corpus');
  await cp(BAD_CORPUS, dir, { recursive: true });
  return dir;
}

/** The local embedder, counting the texts it embeds. */
function countingEmbedder(inner: Embedder = createLocalEmbedder()) {
  const counter = { calls: 0, texts: 0 };
  const embedder: Embedder = {
    id: inner.id,
    dimension: () => inner.dimension(),
    embedQuery: (text) => inner.embedQuery(text),
    embedDocuments: async (texts) => {
      counter.calls++;
      counter.texts += texts.length;
      return inner.embedDocuments(texts);
    },
  };
  return { embedder, counter };
}

function ingestCorpus(indexDir: string, corpusDir: string, options: Partial<IngestOptions> = {}) {
  return ingest({ indexDir, corpusDir, source: readCorpus(corpusDir), embedder: createLocalEmbedder(), ...options });
}

const load = (indexDir: string) => loadIndex(indexDir, LOCAL_EMBEDDER_ID);

async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected AppError ${code}, got ${String(error)}`);
  expect(error.code).toBe(code);
  return error;
}

const generations = async (indexDir: string) => (await readdir(indexDir)).filter((name) => name.startsWith('gen-')).sort();

function articleIds(index: LoadedIndex): string[] {
  return index.articles.map((article) => article.id).sort();
}

/** Vector labels of one article's chunks. */
function labelsOf(index: LoadedIndex, articleId: string): number[] {
  const article = index.articles.findIndex((candidate) => candidate.id === articleId);
  const labels: number[] = [];
  for (let i = 0; i < index.chunks.article.length; i++) if (index.chunks.article[i] === article) labels.push(index.chunks.label[i]!);
  return labels;
}

/** The article id of the best lexical hit for a query. */
function bestLexicalArticle(index: LoadedIndex, query: string): string | undefined {
  const [best] = index.lexical.search(query, 5);
  return best && index.articles[index.chunks.article[best.id]!]!.id;
}

/** Short generated articles, enough for several embedding batches. */
function* generatedArticles(count: number): Generator<CorpusItem> {
  for (let i = 0; i < count; i++) {
    const article: Article = {
      id: `generated-${i}`,
      title: `가상시 소식 ${i}호`,
      text: `가상시는 ${i}번째 주민 행사를 열었다. 주민 ${i * 3}명이 참석했다.`,
      origin: `generated/${i}.md`,
    };
    yield { article };
  }
}

// ---------------------------------------------------------------- the corpus-bad fixture

describe('ingest of test/fixtures/corpus-bad', () => {
  it('reports exactly the four bad inputs and indexes every good article', async () => {
    const indexDir = await tempDir('index');
    const { embedder, counter } = countingEmbedder();
    const summary = await ingest({ indexDir, corpusDir: BAD_CORPUS, source: readCorpus(BAD_CORPUS), embedder });

    expect(summary.skipped.map((entry) => entry.path)).toEqual(['binary.txt', 'briefs.jsonl:2', 'broken-front-matter.md', 'empty.txt']);
    const reasons = Object.fromEntries(summary.skipped.map((entry) => [entry.path, entry.reason]));
    expect(reasons['binary.txt']).toBe('바이너리 파일 또는 알 수 없는 인코딩');
    expect(reasons['briefs.jsonl:2']).toBe('JSONL 2행: JSON 형식 오류');
    expect(reasons['broken-front-matter.md']).toMatch(/^front matter를 읽을 수 없음/);
    expect(reasons['empty.txt']).toBe('빈 파일');

    expect(summary.articles).toBe(GOOD_IDS.length);
    expect(summary.removed).toBe(0);
    expect(summary.embedded).toBe(summary.chunks);
    expect(counter.texts).toBe(summary.chunks);

    const index = await load(indexDir);
    expect(articleIds(index)).toEqual(GOOD_IDS);
    expect(index.manifest.counts).toEqual({ articles: summary.articles, chunks: summary.chunks });
    expect(index.lexical.documentCount).toBe(summary.chunks);
    // The CP949 article was decoded, indexed and is found by its market's name.
    expect(bestLexicalArticle(index, '해오름시장')).toBe('cp949');
    const cp949 = index.articles.find((article) => article.id === 'cp949')!;
    expect(cp949.text).toContain('해오름시장 상인회는 20일 여름 야시장을 다시 연다고 밝혔다.');
    // Chunk offsets map back into the stored article text.
    for (let i = 0; i < index.chunks.article.length; i++) {
      const article = index.articles[index.chunks.article[i]!]!;
      expect(index.chunks.end[i]!).toBeLessThanOrEqual(article.text.length);
      expect(index.chunks.start[i]!).toBeLessThan(index.chunks.end[i]!);
    }
  });
});

// ---------------------------------------------------------------- incremental runs

describe('incremental ingest', () => {
  it('re-running on an unchanged corpus embeds nothing', async () => {
    const indexDir = await tempDir('index');
    const first = await ingestCorpus(indexDir, BAD_CORPUS);
    const { embedder, counter } = countingEmbedder();
    const second = await ingestCorpus(indexDir, BAD_CORPUS, { embedder });
    expect(second.embedded).toBe(0);
    expect(counter.texts).toBe(0);
    expect(second).toMatchObject({ articles: first.articles, chunks: first.chunks, removed: 0 });
    expect(articleIds(await load(indexDir))).toEqual(GOOD_IDS);
    expect(await generations(indexDir)).toHaveLength(1);
  });

  it('re-embeds only the chunks of a changed article', async () => {
    const corpusDir = await copyOfBadCorpus();
    const indexDir = await tempDir('index');
    await ingestCorpus(indexDir, corpusDir);
    const before = await load(indexDir);
    const oldHarborLabels = labelsOf(before, 'harbor-festival');

    const file = join(corpusDir, 'harbor-festival.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\n축제 마지막 날 밤에는 항구에서 불꽃놀이가 열렸다.\n`);
    const { embedder, counter } = countingEmbedder();
    const summary = await ingestCorpus(indexDir, corpusDir, { embedder });

    const after = await load(indexDir);
    const newHarborLabels = labelsOf(after, 'harbor-festival');
    expect(summary.embedded).toBe(newHarborLabels.length);
    expect(counter.texts).toBe(newHarborLabels.length);
    expect(summary).toMatchObject({ articles: GOOD_IDS.length, removed: 0 });
    expect(newHarborLabels.some((label) => oldHarborLabels.includes(label))).toBe(false);
    // The other articles keep their vectors.
    for (const id of GOOD_IDS.filter((other) => other !== 'harbor-festival')) expect(labelsOf(after, id)).toEqual(labelsOf(before, id));
    expect(bestLexicalArticle(after, '불꽃놀이')).toBe('harbor-festival');
    // The old vectors of the changed article are gone.
    const query = await createLocalEmbedder().embedQuery('물빛항 가을 축제 방문객');
    const labels = after.vectors.search(query, 50).map((hit) => hit.label);
    expect(labels.some((label) => oldHarborLabels.includes(label))).toBe(false);
    expect(labels).toEqual(expect.arrayContaining(newHarborLabels));
  });

  it('removes the article of a deleted file and its vectors', async () => {
    const corpusDir = await copyOfBadCorpus();
    const indexDir = await tempDir('index');
    await ingestCorpus(indexDir, corpusDir);
    const before = await load(indexDir);
    const goneLabels = labelsOf(before, 'library-opening');
    const goneText = before.articles.find((article) => article.id === 'library-opening')!.text;
    expect(goneLabels.length).toBeGreaterThan(0);

    await rm(join(corpusDir, 'library-opening.txt'));
    const { embedder, counter } = countingEmbedder();
    const summary = await ingestCorpus(indexDir, corpusDir, { embedder });
    expect(summary).toMatchObject({ articles: GOOD_IDS.length - 1, removed: 1, embedded: 0 });
    expect(counter.texts).toBe(0);

    const after = await load(indexDir);
    expect(articleIds(after)).toEqual(GOOD_IDS.filter((id) => id !== 'library-opening'));
    const query = await createLocalEmbedder().embedQuery(goneText);
    const hits = after.vectors.search(query, 50);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((hit) => goneLabels.includes(hit.label))).toBe(false);
    const liveLabels = new Set(after.chunks.label);
    for (const hit of hits) expect(liveLabels.has(hit.label)).toBe(true);
    expect(bestLexicalArticle(after, '작은도서관')).not.toBe('library-opening');
  });

  it('rebuild: true re-embeds everything', async () => {
    const indexDir = await tempDir('index');
    const first = await ingestCorpus(indexDir, BAD_CORPUS);
    const { embedder, counter } = countingEmbedder();
    const summary = await ingestCorpus(indexDir, BAD_CORPUS, { embedder, rebuild: true });
    expect(summary.embedded).toBe(first.chunks);
    expect(counter.texts).toBe(first.chunks);
    expect(summary).toMatchObject({ articles: first.articles, chunks: first.chunks, removed: 0 });
    expect(articleIds(await load(indexDir))).toEqual(GOOD_IDS);
  });
});

// ---------------------------------------------------------------- failures keep the previous index

describe('a failed ingest keeps the previous index', () => {
  it('strict: a bad input fails the run with INGEST_FAILED and changes nothing', async () => {
    const corpusDir = await tempDir('corpus');
    await cp(join(BAD_CORPUS, 'harbor-festival.md'), join(corpusDir, 'harbor-festival.md'));
    await cp(join(BAD_CORPUS, 'library-opening.txt'), join(corpusDir, 'library-opening.txt'));
    const indexDir = await tempDir('index');
    await ingestCorpus(indexDir, corpusDir, { strict: true });
    const before = await load(indexDir);

    await writeFile(join(corpusDir, 'empty.txt'), '');
    await writeFile(join(corpusDir, 'library-opening.txt'), 'date 2025-09-06\ntitle: 바뀐 제목\n\n완전히 바뀐 본문이다.\n');
    const error = await expectAppError(ingestCorpus(indexDir, corpusDir, { strict: true }), 'INGEST_FAILED');
    expect(error.message).toContain('empty.txt');

    const after = await load(indexDir);
    expect(after.dir).toBe(before.dir);
    expect(after.manifest).toEqual(before.manifest);
    expect(after.articles).toEqual(before.articles);
    expect(await generations(indexDir)).toHaveLength(1);
    expect(existsSync(join(indexDir, LOCK_FILE))).toBe(false);
  });

  it('an embedder that throws mid-way leaves the previous generation and no stray gen-* dir', async () => {
    const indexDir = await tempDir('index');
    await ingestCorpus(indexDir, BAD_CORPUS);
    const before = await load(indexDir);

    const local = createLocalEmbedder();
    let calls = 0;
    const failing: Embedder = {
      ...local,
      embedDocuments: async (texts) => {
        if (++calls === 2) throw new Error('embedder went away');
        return local.embedDocuments(texts);
      },
    };
    await expect(ingest({ indexDir, source: generatedArticles(200), embedder: failing })).rejects.toThrow('embedder went away');
    expect(calls).toBe(2);

    const after = await load(indexDir);
    expect(after.dir).toBe(before.dir);
    expect(articleIds(after)).toEqual(GOOD_IDS);
    expect(await generations(indexDir)).toEqual([basename(before.dir)]);
    expect(existsSync(join(indexDir, LOCK_FILE))).toBe(false);
    // The lock was released: the next run works.
    const summary = await ingestCorpus(indexDir, BAD_CORPUS);
    expect(summary.embedded).toBe(0);
  });

  it('a half-written gen-* dir left by a crash is ignored by load and cleaned by the next ingest', async () => {
    const indexDir = await tempDir('index');
    await ingestCorpus(indexDir, BAD_CORPUS);
    const live = (await load(indexDir)).dir;
    const crashed = join(indexDir, 'gen-20000101000000000-99999');
    await mkdir(crashed);
    await writeFile(join(crashed, FILES.manifest), '{"formatVersion": 1, "embedder": {');
    await writeFile(join(crashed, FILES.vectors), Buffer.from([1, 2, 3, 4, 5]));
    await writeFile(join(crashed, FILES.articles), '{"id": "half');

    const loaded = await load(indexDir);
    expect(loaded.dir).toBe(live);
    expect(articleIds(loaded)).toEqual(GOOD_IDS);

    const summary = await ingestCorpus(indexDir, BAD_CORPUS);
    expect(summary.embedded).toBe(0);
    expect(existsSync(crashed)).toBe(false);
    expect(await generations(indexDir)).toHaveLength(1);
  });
});

// ---------------------------------------------------------------- locks and a killed ingest

/** Resolves with the first stdout line of `child` that `matches` accepts, as JSON. */
function waitForLine(child: ChildProcess, matches: (message: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (piece: Buffer) => (stderr += piece.toString()));
    const lines = createInterface({ input: child.stdout! });
    const onExit = (code: number | null, signal: string | null) =>
      reject(new Error(`child exited (code ${code}, signal ${signal}) before the expected line; stderr: ${stderr}`));
    child.once('exit', onExit);
    lines.on('line', (line) => {
      let message: Record<string, unknown>;
      try {
        message = JSON.parse(line);
      } catch {
        return;
      }
      if (matches(message)) {
        child.off('exit', onExit);
        lines.close();
        resolve(message);
      }
    });
  });
}

describe('locks', () => {
  it('a second ingest in the same process gets INDEX_LOCKED while the first one runs', async () => {
    const indexDir = await tempDir('index');
    const local = createLocalEmbedder();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let entered!: () => void;
    const waiting = new Promise<void>((resolve) => (entered = resolve));
    const gated: Embedder = {
      ...local,
      embedDocuments: async (texts) => {
        entered();
        await gate;
        return local.embedDocuments(texts);
      },
    };
    const first = ingestCorpus(indexDir, BAD_CORPUS, { embedder: gated });
    await waiting;
    const error = await expectAppError(ingestCorpus(indexDir, BAD_CORPUS), 'INDEX_LOCKED');
    expect(error.message).toContain(LOCK_FILE);
    open();
    expect((await first).articles).toBe(GOOD_IDS.length);
    expect(existsSync(join(indexDir, LOCK_FILE))).toBe(false);
    expect((await ingestCorpus(indexDir, BAD_CORPUS)).embedded).toBe(0);
  });

  it('a killed ingest leaves the previous index loadable, and its stale lock is taken over', async () => {
    const indexDir = await tempDir('index');
    const previous = await ingestCorpus(indexDir, BAD_CORPUS);
    const before = await load(indexDir);

    const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, indexDir, '3000', '200'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    });
    const batch = await waitForLine(child, (message) => message.event === 'batch');
    expect(batch.pid).toBe(child.pid);

    // Mid-way: the child holds the lock and writes its own generation beside the live one.
    const lock = JSON.parse(await readFile(join(indexDir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(child.pid);
    expect(await generations(indexDir)).toHaveLength(2);
    const error = await expectAppError(ingestCorpus(indexDir, BAD_CORPUS), 'INDEX_LOCKED');
    expect(error.message).toContain(`pid ${child.pid}`);
    expect(error.message).not.toContain('\n');

    child.kill('SIGKILL');
    const [, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect(signal).toBe('SIGKILL');

    // The previous index is intact; the dead child's lock and generation are still there.
    const after = await load(indexDir);
    expect(after.dir).toBe(before.dir);
    expect(after.manifest.counts).toEqual({ articles: previous.articles, chunks: previous.chunks });
    expect(articleIds(after)).toEqual(GOOD_IDS);
    expect(existsSync(join(indexDir, LOCK_FILE))).toBe(true);
    expect(await generations(indexDir)).toHaveLength(2);

    // The next ingest takes the stale lock over, reuses every vector and cleans up.
    const summary = await ingestCorpus(indexDir, BAD_CORPUS);
    expect(summary).toMatchObject({ articles: previous.articles, chunks: previous.chunks, embedded: 0, removed: 0 });
    expect(await generations(indexDir)).toHaveLength(1);
    expect(existsSync(join(indexDir, LOCK_FILE))).toBe(false);
    expect(articleIds(await load(indexDir))).toEqual(GOOD_IDS);
  });

  it('a lock left by a dead process is taken over', async () => {
    const indexDir = await tempDir('index');
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await once(child, 'exit');
    await writeFile(join(indexDir, LOCK_FILE), JSON.stringify({ pid: child.pid, startedAt: new Date().toISOString() }));
    expect((await ingestCorpus(indexDir, BAD_CORPUS)).articles).toBe(GOOD_IDS.length);
    expect(existsSync(join(indexDir, LOCK_FILE))).toBe(false);
  });
});

// ---------------------------------------------------------------- loading a damaged or foreign index

describe('loadIndex errors', () => {
  async function builtIndex(): Promise<{ indexDir: string; live: string; chunks: number }> {
    const indexDir = await tempDir('index');
    const summary = await ingestCorpus(indexDir, BAD_CORPUS);
    return { indexDir, live: (await load(indexDir)).dir, chunks: summary.chunks };
  }

  function expectRebuildHint(error: AppError): void {
    expect(error.message).toContain('--rebuild');
    expect(error.message).not.toContain('\n');
  }

  it('INDEX_CORRUPT when lexical-docs.bin is truncated', async () => {
    const { indexDir, live } = await builtIndex();
    await truncate(join(live, FILES.docs), 6);
    const error = await expectAppError(load(indexDir), 'INDEX_CORRUPT');
    expectRebuildHint(error);
    expect(error.message).toContain(FILES.docs);
  });

  it('INDEX_CORRUPT when one byte of vectors.hnsw is flipped', async () => {
    const { indexDir, live } = await builtIndex();
    const file = join(live, FILES.vectors);
    const bytes = await readFile(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    await writeFile(file, bytes);
    const error = await expectAppError(load(indexDir), 'INDEX_CORRUPT');
    expectRebuildHint(error);
    expect(error.message).toContain(FILES.vectors);
  });

  it('INDEX_CORRUPT when the manifest is not JSON', async () => {
    const { indexDir, live } = await builtIndex();
    await writeFile(join(live, FILES.manifest), '{ not json');
    expectRebuildHint(await expectAppError(load(indexDir), 'INDEX_CORRUPT'));
  });

  it('INDEX_INCOMPATIBLE for another embedder', async () => {
    const { indexDir } = await builtIndex();
    const error = await expectAppError(loadIndex(indexDir, 'ollama:bge-m3'), 'INDEX_INCOMPATIBLE');
    expectRebuildHint(error);
    expect(error.message).toContain('ollama:bge-m3');
  });

  it('INDEX_MISSING with no index, an empty folder, or only a crashed gen-* dir', async () => {
    const parent = await tempDir('index');
    await expectAppError(load(join(parent, 'does-not-exist')), 'INDEX_MISSING');
    await expectAppError(load(parent), 'INDEX_MISSING');
    await mkdir(join(parent, 'gen-20000101000000000-1'));
    await writeFile(join(parent, 'gen-20000101000000000-1', FILES.manifest), '{');
    await expectAppError(load(parent), 'INDEX_MISSING');
  });

  it('an ingest over a corrupt index rebuilds it cleanly', async () => {
    const { indexDir, live, chunks } = await builtIndex();
    await truncate(join(live, FILES.docs), 6);
    const notices: string[] = [];
    const { embedder, counter } = countingEmbedder();
    const summary = await ingestCorpus(indexDir, BAD_CORPUS, { embedder, onNotice: (message) => notices.push(message) });
    expect(notices.join(' ')).toContain('손상');
    expect(summary).toMatchObject({ articles: GOOD_IDS.length, chunks, embedded: chunks });
    expect(counter.texts).toBe(chunks);
    const index = await load(indexDir);
    expect(index.dir).not.toBe(live);
    expect(existsSync(live)).toBe(false);
    expect(bestLexicalArticle(index, '해오름시장')).toBe('cp949');
  });
});

describe('ingest warnings', () => {
  it('indexes an HTML page whose extracted text is a small share of the page, reporting it as a warning (not a skip)', async () => {
    const corpusDir = await tempDir('corpus');
    const indexDir = await tempDir('index');
    const sidebar = Array.from(
      { length: 12 },
      (_, i) => `<p>곁가지 안내문 ${i + 1}번째 문단은 본문과 상관없는 긴 설명을 담고 있습니다. 이런 글이 화면 대부분을 차지합니다.</p>`,
    ).join('');
    await writeFile(
      join(corpusDir, 'thin.html'),
      `<!doctype html><html><head><title>얇은 문서</title></head><body><main><p>짧은 본문 한 줄입니다.</p></main><aside>${sidebar}</aside></body></html>`,
    );
    const summary = await ingestCorpus(indexDir, corpusDir, { strict: true });
    expect(summary.articles).toBe(1);
    expect(summary.skipped).toEqual([]);
    expect(summary.warnings).toEqual([{ path: 'thin.html', reason: expect.stringMatching(/^본문으로 읽은 글이 적음/) }]);
  });
});
