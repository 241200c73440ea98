import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embed/embedder.js';
import { AppError } from '../../src/errors/app-error.js';
import { EmbeddingBatch } from '../../src/ingest/embedding-batch.js';

/** Records each embedding call and what reached the sink. */
function recorder(reply: (texts: string[]) => number[][] = (texts) => texts.map((text) => [text.length])) {
  const calls: string[][] = [];
  const stored: Array<[number, number[]]> = [];
  const embedder: Pick<Embedder, 'embedDocuments'> = {
    embedDocuments: (texts) => {
      calls.push(texts);
      return Promise.resolve(reply(texts));
    },
  };
  const sink = {
    addVectors: (keys: readonly number[], vectors: readonly number[][]) => {
      keys.forEach((key, i) => stored.push([key, vectors[i] ?? []]));
      return Promise.resolve();
    },
  };
  return { embedder, sink, calls, stored };
}

const TEXTS = ['물빛항 축제', '심야 버스 노선', '작은도서관 개관', '야시장 재개', '예산 발표', '공원 단장', '주민 참석'];

describe('EmbeddingBatch', () => {
  it.each([
    [1, [1, 1, 1, 1, 1, 1, 1]],
    [3, [3, 3, 1]],
    [7, [7]],
    [64, [7]],
  ])('with batches of %i embeds %j texts per call', async (size, expected) => {
    const { embedder, sink, calls, stored } = recorder();
    const batch = new EmbeddingBatch(embedder, sink, size);
    for (const [i, text] of TEXTS.entries()) await batch.add(100 + i, text);
    await batch.flush();
    expect(calls.map((texts) => texts.length)).toEqual(expected);
    expect(stored).toEqual(TEXTS.map((text, i) => [100 + i, [text.length]]));
    expect(batch.embedded).toBe(TEXTS.length);
  });

  it('does not call the embedder for an empty batch', async () => {
    const { embedder, sink, calls } = recorder();
    await new EmbeddingBatch(embedder, sink).flush();
    expect(calls).toEqual([]);
  });

  it.each([
    ['one vector too few', (texts: string[]) => texts.slice(1).map(() => [1])],
    ['one vector too many', (texts: string[]) => [...texts, 'extra'].map(() => [1])],
  ])('INGEST_FAILED when the embedder returns %s', async (_name, reply) => {
    const { embedder, sink, stored } = recorder(reply);
    const batch = new EmbeddingBatch(embedder, sink, 2);
    await batch.add(0, TEXTS[0]!);
    const error: unknown = await batch.add(1, TEXTS[1]!).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'INGEST_FAILED',
      message: expect.stringMatching(/임베더가 2개 대신 [13]개의 벡터를 돌려주었습니다/),
    });
    expect(stored).toEqual([]);
    expect(batch.embedded).toBe(0);
  });
});
