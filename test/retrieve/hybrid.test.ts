// Hybrid retrieval on a real local index (the shared case suite in retriever-cases.ts),
// and the article diversification it ends with.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/domain/types.js';
import { createLocalEmbedder } from '../../src/embed/local.js';
import { ingest } from '../../src/ingest/ingest.js';
import { loadIndex } from '../../src/index/store.js';
import { createHybridRetriever, diversify } from '../../src/retrieve/hybrid.js';
import { describeRetrieverCases } from './retriever-cases.js';

describeRetrieverCases({
  name: 'local',
  async open(corpus, chunking) {
    const dir = await mkdtemp(join(tmpdir(), 'hybrid-test-'));
    const embedder = createLocalEmbedder();
    await ingest({ indexDir: dir, source: corpus.map((item) => ({ article: item })), embedder, chunking });
    const retriever = createHybridRetriever(await loadIndex(dir, embedder.id), embedder);
    return { retriever, close: () => rm(dir, { recursive: true, force: true }) };
  },
});

describe('diversify', () => {
  const hit = (articleId: string, index: number, score: number): Hit => ({
    chunk: { id: `${articleId}#${index}`, articleId, index, start: 0, end: 1, text: '가' },
    article: { id: articleId, title: articleId, origin: articleId },
    score,
  });
  const ids = (hits: Hit[]) => hits.map((item) => item.chunk.id);

  it.each<[string, Hit[], string[]]>([
    ['empty', [], []],
    ['one article keeps all its chunks in order', [hit('a', 2, 3), hit('a', 0, 2), hit('a', 1, 1)], ['a#2', 'a#0', 'a#1']],
    [
      'firsts before seconds of comparable score',
      [hit('a', 0, 5), hit('a', 1, 4), hit('b', 0, 3), hit('c', 3, 2.5), hit('b', 1, 1)],
      ['a#0', 'b#0', 'c#3', 'a#1', 'b#1'],
    ],
    // A second passage of the answering article beats near-zero articles (news runs to several chunks).
    [
      'a strong second passage before a far weaker article',
      [hit('a', 0, 1.1), hit('a', 1, 1.0), hit('b', 0, 0.2), hit('c', 0, 0.01)],
      ['a#0', 'a#1', 'b#0', 'c#0'],
    ],
    ['already diverse', [hit('a', 0, 3), hit('b', 0, 2), hit('c', 0, 1)], ['a#0', 'b#0', 'c#0']],
  ])('%s', (_name, input, expected) => {
    expect(ids(diversify(input))).toEqual(expected);
  });
});
