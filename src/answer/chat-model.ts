// Builds the LangChain chat model for an LLM provider. The only file that imports the
// chat-model packages; the answerer sees a plain BaseChatModel per call.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOllama } from '@langchain/ollama';
import { ChatOpenAI } from '@langchain/openai';

type ChatModelOptions =
  | {
      provider: 'ollama';
      /** Ollama server, e.g. http://127.0.0.1:11434. */
      host: string;
      model: string;
      /** Injectable for tests. */
      fetch?: typeof fetch;
    }
  | {
      provider: 'openai';
      /** Any OpenAI-compatible server; undefined means api.openai.com. */
      baseUrl?: string;
      apiKey?: string;
      model: string;
    };

/**
 * The chat model for one call under `signal`: the signal reaches the call's HTTP request, and
 * aborting it ends that call only. Pass the same signal to the model's `stream`/`invoke`.
 */
export type ChatModelFor = (signal?: AbortSignal) => BaseChatModel;

/** `fetch` with `signal` added to every request's own. */
function fetchUnder(baseFetch: typeof fetch, signal: AbortSignal): typeof fetch {
  return (input, init) => baseFetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
}

/** A chat model answering deterministically (temperature 0) and failing fast (no retries), so a failure falls back quickly. */
export function createChatModel(options: ChatModelOptions): ChatModelFor {
  if (options.provider === 'ollama') {
    const { host, model } = options;
    const baseFetch = options.fetch ?? fetch;
    // One ChatOllama (so one Ollama client) per call, through the public constructor: the stock
    // class does not hand the call's signal to fetch (a server that never answers holds the
    // request open), and on cancel calls `client.abort()`, which aborts every stream of its client.
    return (signal) =>
      new ChatOllama({ baseUrl: host, model, temperature: 0, maxRetries: 0, fetch: signal ? fetchUnder(baseFetch, signal) : baseFetch });
  }
  // ChatOpenAI hands each call's signal to its own request: one instance serves every call.
  const openai = new ChatOpenAI({
    model: options.model,
    // OpenAI-compatible local servers (vLLM, llama.cpp) need no key, but the client insists on one.
    apiKey: options.apiKey ?? 'not-needed',
    configuration: options.baseUrl ? { baseURL: options.baseUrl } : {},
    temperature: 0,
    maxRetries: 0,
  });
  return () => openai;
}
