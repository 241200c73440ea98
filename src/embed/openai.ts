// Embeddings from OpenAI or any OpenAI-compatible server (POST /v1/embeddings).
import { OpenAIEmbeddings } from '@langchain/openai';
import type { Embedder } from './embedder.js';
import { fromLangChainEmbeddings } from './langchain-embedder.js';

interface OpenAIEmbedderOptions {
  /** Optional for local OpenAI-compatible servers (vLLM), which need no key. */
  apiKey?: string;
  /** Undefined means api.openai.com. */
  baseUrl?: string;
  /** Embedding model, e.g. text-embedding-3-small. */
  model: string;
  /** Retries of a failed request, with exponential backoff from 1 s. Default 2. */
  maxRetries?: number;
}

export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Embedder {
  const embeddings = new OpenAIEmbeddings({
    model: options.model,
    apiKey: options.apiKey ?? 'not-needed',
    configuration: options.baseUrl ? { baseURL: options.baseUrl } : {},
    // The client asks for base64 by default, which some OpenAI-compatible servers
    // ignore; plain floats work everywhere.
    encodingFormat: 'float',
    maxRetries: options.maxRetries ?? 2,
  });
  return fromLangChainEmbeddings(`openai:${options.model}`, embeddings);
}
