// The ingest orchestration against a sink that records its calls: what reaches the sink,
// what gets embedded, and that every run ends with close(), committed or not. (The local
// on-disk sink is exercised end to end in test/index/ingest.test.ts.)
import { describe, expect, it } from 'vitest';
import type { Article, CorpusItem, Span } from '../../src/domain/types.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { AppError } from '../../src/errors/app-error.js';
import type { SourceFileStat } from '../../src/index/format.js';
import type { IndexSink, OpenSink, OpenSinkOptions } from '../../src/index/sink.js';
import { DEFAULT_CHUNKING, ingest } from '../../src/ingest/ingest.js';

/** An in-memory sink: keeps the hash of each article it was given, like a stored index would. */
class RecordingSink implements IndexSink {
  readonly calls: string[] = [];
  readonly vectors = new Map<number, number[]>();
  stored = new Map<string, string>();
  opened: OpenSinkOptions | undefined;
  private added = new Map<string, string>();
  private nextKey = 0;

  readonly open: OpenSink = (options) => {
    this.opened = options;
    this.calls.push('open');
    this.added = new Map();
    return Promise.resolve(this);
  };

  addArticle(article: Article, hash: string, spans: readonly Span[]) {
    this.calls.push(`article ${article.id} ${spans.length}`);
    const unchanged = this.stored.get(article.id) === hash;
    this.added.set(article.id, hash);
    return Promise.resolve(unchanged ? [] : spans.map((span) => ({ key: this.nextKey++, span })));
  }

  addVectors(keys: readonly number[], vectors: readonly number[][]) {
    this.calls.push(`vectors ${keys.length}`);
    keys.forEach((key, i) => this.vectors.set(key, vectors[i] ?? []));
    return Promise.resolve();
  }

  commit(sources: Readonly<Record<string, SourceFileStat>>) {
    this.calls.push(`commit ${Object.keys(sources).length}`);
    const removed = [...this.stored.keys()].filter((id) => !this.added.has(id)).length;
    this.stored = this.added;
    return Promise.resolve({ removed });
  }

  close() {
    this.calls.push('close');
    return Promise.resolve();
  }
}

/** Embeds a text as [its length, 1]; counts calls and can fail on the n-th one. */
function fakeEmbedder(failOnCall?: number) {
  const seen: string[][] = [];
  const embedder: Embedder = {
    id: 'fake:length',
    dimension: () => Promise.resolve(2),
    embedQuery: (text) => Promise.resolve([text.length, 1]),
    embedDocuments: (texts) => {
      seen.push(texts);
      if (seen.length === failOnCall) return Promise.reject(new Error('임베딩 서버 응답 없음'));
      return Promise.resolve(texts.map((text) => [text.length, 1]));
    },
  };
  return { embedder, seen };
}

const article = (id: string, text: string, title = `${id} 소식`): CorpusItem => ({ article: { id, title, text, origin: `${id}.md` } });
const SHORT = (i: number) => article(`기사-${i}`, `한빛시는 ${i}번째 행사를 열었다.`);

function run(sink: RecordingSink, source: CorpusItem[], options: { strict?: boolean; embedder?: Embedder } = {}) {
  return ingest({
    indexDir: '/nonexistent',
    sink: sink.open,
    source,
    embedder: options.embedder ?? fakeEmbedder().embedder,
    strict: options.strict,
  });
}

describe('ingest through an IndexSink', () => {
  it('opens the sink with the recipe, adds each article, embeds its chunks and commits', async () => {
    const sink = new RecordingSink();
    const { embedder, seen } = fakeEmbedder();
    const summary = await run(sink, [SHORT(1), SHORT(2)], { embedder });
    expect(sink.opened?.recipe.chunking).toEqual(DEFAULT_CHUNKING);
    expect(sink.opened?.rebuild).toBe(false);
    expect(sink.calls).toEqual(['open', 'article 기사-1 1', 'article 기사-2 1', 'vectors 2', 'commit 0', 'close']);
    // The embedded text is the title, a line break, then the chunk.
    expect(seen).toEqual([['기사-1 소식\n한빛시는 1번째 행사를 열었다.', '기사-2 소식\n한빛시는 2번째 행사를 열었다.']]);
    expect(summary).toMatchObject({ articles: 2, chunks: 2, embedded: 2, removed: 0, skipped: [], warnings: [] });
  });

  it('embeds nothing for articles the sink already holds with the same hash', async () => {
    const sink = new RecordingSink();
    await run(sink, [SHORT(1), SHORT(2)]);
    const { embedder, seen } = fakeEmbedder();
    const summary = await run(sink, [SHORT(1), article('기사-2', '한빛시는 행사를 미뤘다.')], { embedder });
    expect(seen).toEqual([['기사-2 소식\n한빛시는 행사를 미뤘다.']]);
    expect(summary).toMatchObject({ articles: 2, embedded: 1, removed: 0 });
  });

  it('reports articles gone from the source as removed', async () => {
    const sink = new RecordingSink();
    await run(sink, [SHORT(1), SHORT(2), SHORT(3)]);
    expect(await run(sink, [SHORT(2)])).toMatchObject({ articles: 1, embedded: 0, removed: 2 });
  });

  it('embeds 64 texts per call, the rest at the end', async () => {
    const sink = new RecordingSink();
    const { embedder, seen } = fakeEmbedder();
    const summary = await run(
      sink,
      Array.from({ length: 150 }, (_, i) => SHORT(i)),
      { embedder },
    );
    expect(seen.map((texts) => texts.length)).toEqual([64, 64, 22]);
    expect(sink.vectors.size).toBe(150);
    expect(summary.embedded).toBe(150);
  });

  it('skips a repeated id and passes skipped inputs and warnings through', async () => {
    const sink = new RecordingSink();
    const warning = { path: 'page.html', reason: '추출한 본문이 페이지 글자의 10%' };
    const summary = await run(sink, [
      SHORT(1),
      { skipped: { path: 'binary.txt', reason: '바이너리 파일' } },
      { ...article('page', '본문이 짧은 페이지.'), warnings: [warning] },
      SHORT(1),
    ]);
    expect(summary.articles).toBe(2);
    expect(summary.skipped).toEqual([
      { path: 'binary.txt', reason: '바이너리 파일' },
      { path: '기사-1.md', reason: '중복된 id: 기사-1' },
    ]);
    expect(summary.warnings).toEqual([warning]);
  });

  it('strict: a skipped input fails the run before commit, and the sink is closed', async () => {
    const sink = new RecordingSink();
    const failure = run(sink, [SHORT(1), { skipped: { path: 'empty.txt', reason: '빈 파일' } }, SHORT(2)], { strict: true });
    await expect(failure).rejects.toThrow(AppError);
    await expect(failure).rejects.toMatchObject({ code: 'INGEST_FAILED', message: expect.stringContaining('empty.txt (빈 파일)') });
    expect(sink.calls).toEqual(['open', 'article 기사-1 1', 'vectors 1', 'close']);
  });

  it('an embedder failure ends the run without commit, and the sink is closed', async () => {
    const sink = new RecordingSink();
    const { embedder } = fakeEmbedder(2);
    await expect(
      run(
        sink,
        Array.from({ length: 100 }, (_, i) => SHORT(i)),
        { embedder },
      ),
    ).rejects.toThrow('임베딩 서버 응답 없음');
    expect(sink.calls.filter((call) => !call.startsWith('article'))).toEqual(['open', 'vectors 64', 'close']);
  });
});
