// Embeddings from an Ollama server (POST /api/embed) through LangChain's OllamaEmbeddings.
import { OllamaEmbeddings } from '@langchain/ollama';
import type { Embedder } from './embedder.js';
import { fromLangChainEmbeddings } from './langchain-embedder.js';

interface OllamaEmbedderOptions {
  /** Ollama server, e.g. http://127.0.0.1:11434. */
  host: string;
  /** Embedding model, e.g. bge-m3 (multilingual, good on Korean). */
  model: string;
  /** Injectable for tests. */
  fetch?: typeof fetch;
  /** Retries of a failed request, with exponential backoff from 1 s. Default 2: ingest rides out a
   *  restarting server, a query is not held up for long. */
  maxRetries?: number;
}

export function createOllamaEmbedder(options: OllamaEmbedderOptions): Embedder {
  const embeddings = new OllamaEmbeddings({
    baseUrl: options.host,
    model: options.model,
    fetch: options.fetch,
    maxRetries: options.maxRetries ?? 2,
  });
  return fromLangChainEmbeddings(`ollama:${options.model}`, embeddings);
}
