// Provider failures that explain themselves: the short cause of an error, the embedder check's
// one line, and the chat-model check against fake servers speaking the real protocols.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createOllamaEmbedder } from '../../src/embed/ollama.js';
import { describeCause, llmStatusFor, probeChatModel, probeEmbedder } from '../../src/server/providers.js';
import { startFakeOllama } from '../support/fake-ollama.js';
import { startFakeOpenAI } from '../support/fake-openai.js';
import { closedPort } from './serve-child.js';

describe('describeCause', () => {
  it.each([
    [
      'a refused socket under fetch',
      new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) }),
      'connection refused',
    ],
    ['an unknown host', Object.assign(new Error('getaddrinfo ENOTFOUND ollama'), { code: 'ENOTFOUND' }), 'host not found'],
    ['an abort by timeout', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'timeout'],
    ['Ollama 404', Object.assign(new Error('model "bge-m3" not found, try pulling it first'), { status_code: 404 }), '404 model not found'],
    ['OpenAI 404', Object.assign(new Error('404 The model `x` does not exist'), { status: 404 }), '404 model not found'],
    ['OpenAI 401', Object.assign(new Error('401 Incorrect API key provided'), { status: 401 }), 'HTTP 401 unauthorized (API key)'],
    [
      'a 500 wrapped by our embedder',
      new Error('임베딩 서버 호출에 실패했습니다', { cause: Object.assign(new Error('Internal Server Error'), { status: 500 }) }),
      'HTTP 500',
    ],
    ['a message only', new Error('LLM timed out after 3000 ms'), 'timeout'],
  ])('%s → %s', (_label, error, expected) => {
    expect(describeCause(error)).toBe(expected);
  });
});

describe('probeEmbedder', () => {
  it('names host, model, cause and the fix when Ollama is not running', async () => {
    const host = `http://127.0.0.1:${await closedPort()}`;
    const config = loadConfig({ EMBEDDINGS_PROVIDER: 'ollama', OLLAMA_HOST: host, OLLAMA_EMBED_MODEL: 'bge-m3', PROBE_TIMEOUT_MS: '5000' });
    const embedder = createOllamaEmbedder({ host, model: 'bge-m3', maxRetries: 0 });
    await expect(probeEmbedder(config, embedder)).rejects.toThrow(
      `임베딩 서버에 연결하지 못했습니다 (Ollama ${host}, 모델 bge-m3: connection refused). Ollama를 실행하고 'ollama pull bge-m3'로 모델을 받거나, EMBEDDINGS_PROVIDER=local로 바꾸세요.`,
    );
  });

  it('passes against a working server and for the local embedder', async () => {
    const fake = await startFakeOllama();
    try {
      const config = loadConfig({ EMBEDDINGS_PROVIDER: 'ollama', OLLAMA_HOST: fake.url });
      await expect(probeEmbedder(config, createOllamaEmbedder({ host: fake.url, model: 'bge-m3' }))).resolves.toBeUndefined();
    } finally {
      await fake.close();
    }
  });
});

describe('probeChatModel', () => {
  it('Ollama: ok when the model is listed (":latest" implied), 404 when not, refused when down', async () => {
    const fake = await startFakeOllama();
    try {
      const status = (model: string) =>
        llmStatusFor(loadConfig({ LLM_PROVIDER: 'ollama', OLLAMA_HOST: fake.url, OLLAMA_CHAT_MODEL: model }))!;
      expect(await probeChatModel(status('fake'), { timeoutMs: 2000 })).toBeUndefined();
      expect(await probeChatModel(status('fake:latest'), { timeoutMs: 2000 })).toBeUndefined();
      expect(await probeChatModel(status('exaone3.5:7.8b'), { timeoutMs: 2000 })).toBe('404 model not found');
    } finally {
      await fake.close();
    }
    const down = llmStatusFor(loadConfig({ LLM_PROVIDER: 'ollama', OLLAMA_HOST: `http://127.0.0.1:${await closedPort()}` }))!;
    expect(await probeChatModel(down, { timeoutMs: 2000 })).toBe('connection refused');
  });

  it('OpenAI-compatible: ok when /models lists it, 404 when not; no generation is asked for', async () => {
    const fake = await startFakeOpenAI();
    try {
      const status = (model: string) =>
        llmStatusFor(loadConfig({ LLM_PROVIDER: 'openai', OPENAI_BASE_URL: fake.url, OPENAI_CHAT_MODEL: model }))!;
      expect(await probeChatModel(status('fake'), { apiKey: 'k', timeoutMs: 2000 })).toBeUndefined();
      expect(await probeChatModel(status('gpt-4o-mini'), { apiKey: 'k', timeoutMs: 2000 })).toBe('404 model not found');
      expect(fake.chatRequests()).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
