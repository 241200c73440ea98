// The chat-model factory against the fake servers: settings on the wire, cancellation by the call's signal.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HumanMessage } from '@langchain/core/messages';
import { createChatModel, type ChatModelFor } from '../../src/answer/chat-model.js';
import { startFakeOllama, type FakeOllama } from '../support/fake-ollama.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';

async function streamAll(model: ChatModelFor, signal?: AbortSignal): Promise<string> {
  let text = '';
  for await (const chunk of await model(signal).stream([new HumanMessage('질문')], { signal })) text += chunk.text;
  return text;
}

describe('createChatModel', () => {
  let openai: FakeOpenAI;
  let ollama: FakeOllama;
  beforeAll(async () => {
    [openai, ollama] = await Promise.all([startFakeOpenAI(), startFakeOllama()]);
  });
  afterAll(() => Promise.all([openai.close(), ollama.close()]));

  it('openai: streams at temperature 0 with the key, through configuration.baseURL', async () => {
    openai.reply('첫째 둘째');
    const model = createChatModel({ provider: 'openai', baseUrl: openai.url, apiKey: 'secret', model: 'gpt-test' });
    expect(await streamAll(model)).toBe('첫째 둘째');
    const request = openai.chatRequests().at(-1)!;
    expect(request.headers.authorization).toBe('Bearer secret');
    expect(request.body).toMatchObject({ model: 'gpt-test', temperature: 0, stream: true, stream_options: { include_usage: true } });
  });

  it('openai: works without a key (local OpenAI-compatible servers)', async () => {
    openai.reply('응답');
    const model = createChatModel({ provider: 'openai', baseUrl: openai.url, model: 'local' });
    expect(await streamAll(model)).toBe('응답');
  });

  it('ollama: streams at temperature 0 through baseUrl', async () => {
    ollama.reply('첫째 둘째');
    const model = createChatModel({ provider: 'ollama', host: ollama.url, model: 'exaone-test' });
    expect(await streamAll(model)).toBe('첫째 둘째');
    expect(ollama.chatRequests().at(-1)!.body).toMatchObject({ model: 'exaone-test', stream: true, options: { temperature: 0 } });
  });

  it('does not retry a failed request', async () => {
    for (const [fake, model] of [
      [openai, createChatModel({ provider: 'openai', baseUrl: openai.url, apiKey: 'k', model: 'm' })],
      [ollama, createChatModel({ provider: 'ollama', host: ollama.url, model: 'm' })],
    ] as const) {
      const before = fake.chatRequests().length;
      fake.reply({ status: 500 }); // a retry would meet the default reply, also a 500, and be recorded
      await expect(streamAll(model)).rejects.toThrow();
      expect(fake.chatRequests().length).toBe(before + 1);
    }
  });

  it('ollama: cancelling one stream leaves a concurrent stream of the same model running', async () => {
    const model = createChatModel({ provider: 'ollama', host: ollama.url, model: 'm' });
    const slow = { text: '가나다라마바사아자차카', pieces: 1, pieceDelayMs: 20 };
    ollama.reply(slow, slow);
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(), 60);
    const [kept, cancelled] = await Promise.allSettled([streamAll(model), streamAll(model, cancel.signal)]);
    expect(cancelled.status).toBe('rejected');
    expect(kept).toEqual({ status: 'fulfilled', value: '가나다라마바사아자차카' });
  });

  it.each(['ollama', 'openai'] as const)("%s: the call's signal cuts off a server that never answers", async (provider) => {
    const fake = provider === 'ollama' ? ollama : openai;
    fake.reply({ hang: true });
    const model =
      provider === 'ollama'
        ? createChatModel({ provider, host: ollama.url, model: 'm' })
        : createChatModel({ provider, baseUrl: openai.url, apiKey: 'k', model: 'm' });
    await expect(streamAll(model, AbortSignal.timeout(200))).rejects.toThrow();
    await vi.waitFor(() => expect(fake.chatRequests().at(-1)?.aborted).toBe(true));
  });
});
