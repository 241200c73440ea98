// The Ollama and OpenAI embedders through the real LangChain clients, against fake servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAIEmbeddings } from '@langchain/openai';
import type { Embedder } from '../../src/embed/embedder.js';
import { fromLangChainEmbeddings } from '../../src/embed/langchain-embedder.js';
import { createOllamaEmbedder } from '../../src/embed/ollama.js';
import { createOpenAIEmbedder } from '../../src/embed/openai.js';
import { startFakeOllama, type FakeOllama } from '../support/fake-ollama.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';

const DIMENSION = 12;
const norm = (vector: number[]) => Math.hypot(...vector);

let openai: FakeOpenAI;
let ollama: FakeOllama;
beforeAll(async () => {
  [openai, ollama] = await Promise.all([startFakeOpenAI({ dimension: DIMENSION }), startFakeOllama({ dimension: DIMENSION })]);
});
afterAll(() => Promise.all([openai.close(), ollama.close()]));

const cases: Array<{ name: string; id: string; make(): Embedder; fail(): void }> = [
  {
    name: 'ollama',
    id: 'ollama:bge-m3',
    make: () => createOllamaEmbedder({ host: ollama.url, model: 'bge-m3', maxRetries: 0 }),
    fail: () => ollama.embedReply({ status: 500 }),
  },
  {
    name: 'openai',
    id: 'openai:text-embedding-3-small',
    make: () => createOpenAIEmbedder({ apiKey: 'test-key', baseUrl: openai.url, model: 'text-embedding-3-small', maxRetries: 0 }),
    fail: () => openai.embedReply({ status: 500 }),
  },
];

describe.each(cases)('$name embedder', ({ id, make, fail }) => {
  it('has a stable id', () => expect(make().id).toBe(id));

  it('learns its dimension once and returns unit vectors of that length', async () => {
    const embedder = make();
    expect(await embedder.dimension()).toBe(DIMENSION);
    expect(await embedder.dimension()).toBe(DIMENSION);
    const [first, second] = await embedder.embedDocuments(['한빛전자 배터리 연구소', '푸른강 축제']);
    const query = await embedder.embedQuery('한빛전자 배터리 연구소');
    for (const vector of [first!, second!, query]) {
      expect(vector).toHaveLength(DIMENSION);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    // Same text, same vector, whichever call embedded it.
    query.forEach((value, index) => expect(value).toBeCloseTo(first![index]!, 5));
  });

  it('embeds nothing for no texts', async () => expect(await make().embedDocuments([])).toEqual([]));

  it('turns an upstream 500 into AppError UPSTREAM with the cause', async () => {
    fail();
    const error = await make()
      .embedQuery('질문')
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(error).toMatchObject({ name: 'AppError', code: 'UPSTREAM', httpStatus: 502 });
    expect((error as Error).message).toContain(id);
    expect((error as Error).cause).toBeDefined();
  });

  it('forgets a failed dimension probe', async () => {
    const embedder = make();
    fail();
    await expect(embedder.dimension()).rejects.toMatchObject({ code: 'UPSTREAM' });
    expect(await embedder.dimension()).toBe(DIMENSION);
  });
});

describe('wire details', () => {
  it('openai: asks for floats, sends the key and the model', async () => {
    await createOpenAIEmbedder({ apiKey: 'secret', baseUrl: openai.url, model: 'emb', maxRetries: 0 }).embedQuery('문장');
    const request = openai.requests.filter((entry) => entry.path === '/v1/embeddings').at(-1)!;
    expect(request.headers.authorization).toBe('Bearer secret');
    expect(request.body).toMatchObject({ model: 'emb', input: '문장', encoding_format: 'float' });
  });

  it('openai: the fake answers the client default (base64 float32) too', async () => {
    const embeddings = new OpenAIEmbeddings({ apiKey: 'k', model: 'emb', configuration: { baseURL: openai.url }, maxRetries: 0 });
    const vector = await fromLangChainEmbeddings('openai:emb', embeddings).embedQuery('문장');
    expect(openai.requests.at(-1)!.body).toMatchObject({ encoding_format: 'base64' });
    expect(vector).toHaveLength(DIMENSION);
    expect(norm(vector)).toBeCloseTo(1, 5);
  });

  it('ollama: posts the batch to /api/embed', async () => {
    await createOllamaEmbedder({ host: ollama.url, model: 'bge-m3', maxRetries: 0 }).embedDocuments(['가', '나']);
    expect(ollama.requests.at(-1)).toMatchObject({ path: '/api/embed', body: { model: 'bge-m3', input: ['가', '나'], truncate: false } });
  });

  it('rejects a reply that is not one vector per text', async () => {
    const broken = { embedQuery: async () => [], embedDocuments: async () => [] } as unknown as OpenAIEmbeddings;
    await expect(fromLangChainEmbeddings('broken', broken).embedQuery('x')).rejects.toMatchObject({ code: 'UPSTREAM' });
  });
});
