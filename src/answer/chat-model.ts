// Builds the LangChain chat model for an LLM provider. The only file that imports the
// chat-model packages; the answerer sees a plain BaseChatModel.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import type { ChatGenerationChunk } from '@langchain/core/outputs';
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import { ChatOllama } from '@langchain/ollama';
import { ChatOpenAI } from '@langchain/openai';
import { Ollama } from 'ollama/browser';

export type ChatModelOptions =
  | {
      provider: 'ollama';
      /** Ollama server, e.g. http://127.0.0.1:11434. */
      host: string;
      model: string;
      /** Upper bound on one request, body included. */
      timeoutMs: number;
      /** Injectable for tests. */
      fetch?: typeof fetch;
    }
  | {
      provider: 'openai';
      /** Any OpenAI-compatible server; undefined means api.openai.com. */
      baseUrl?: string;
      apiKey?: string;
      model: string;
      timeoutMs: number;
    };

/**
 * ChatOllama with one Ollama client per call. The stock class shares one client, does
 * not hand the call's AbortSignal to fetch (a server that never answers holds the
 * request open), and on cancel calls `client.abort()`, which aborts every concurrent
 * stream of that client, not just the cancelled one.
 */
class PerCallChatOllama extends ChatOllama {
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(fields: ConstructorParameters<typeof ChatOllama>[0] & { fetch: typeof fetch; timeoutMs: number }) {
    super(fields);
    this.#fetch = fields.fetch;
    this.#timeoutMs = fields.timeoutMs;
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const outer = options.signal;
    const baseFetch = this.#fetch;
    const timeoutMs = this.#timeoutMs;
    const scopedFetch: typeof fetch = (input, init) => {
      const signals = [AbortSignal.timeout(timeoutMs), init?.signal, outer].filter((signal): signal is AbortSignal => !!signal);
      return baseFetch(input, { ...init, signal: AbortSignal.any(signals) });
    };
    // Same model settings through the prototype chain; only `client` is this call's own.
    const scoped = Object.create(this) as ChatOllama;
    scoped.client = new Ollama({ host: this.baseUrl, fetch: scopedFetch });
    yield* ChatOllama.prototype._streamResponseChunks.call(scoped, messages, options, runManager);
  }
}

/** A chat model answering deterministically (temperature 0) and failing fast (no retries), so a failure falls back quickly. */
export function createChatModel(options: ChatModelOptions): BaseChatModel {
  if (options.provider === 'ollama') {
    return new PerCallChatOllama({
      baseUrl: options.host,
      model: options.model,
      temperature: 0,
      maxRetries: 0,
      fetch: options.fetch ?? fetch,
      timeoutMs: options.timeoutMs,
    });
  }
  return new ChatOpenAI({
    model: options.model,
    // OpenAI-compatible local servers (vLLM, llama.cpp) need no key, but the client insists on one.
    apiKey: options.apiKey ?? 'not-needed',
    configuration: options.baseUrl ? { baseURL: options.baseUrl } : {},
    temperature: 0,
    maxRetries: 0,
    timeout: options.timeoutMs,
  });
}
