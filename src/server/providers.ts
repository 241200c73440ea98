// Provider failures that explain themselves: a start-up check of the embedding and chat
// providers, and one short cause ("connection refused", "404 model not found", "timeout")
// for any provider error, so a log line says what to fix.
import type { Config } from '../config/config.js';
import type { Embedder } from '../embed/embedder.js';
import { AppError, errorMessage } from '../errors/app-error.js';

const OPENAI_DEFAULT_BASE = 'https://api.openai.com/v1';

/** Follows `cause` links (fetch wraps the socket error; LangChain wraps the HTTP one). */
function* causes(error: unknown): Generator<Record<string, unknown>> {
  let current = error;
  for (let depth = 0; depth < 6 && isRecord(current); depth++) {
    yield current;
    current = current.cause;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** One short English cause, as operators search for it: connection refused, 404 model not found, timeout… */
export function describeCause(error: unknown): string {
  if (error === undefined) return 'unknown';
  let status: number | undefined;
  const messages: string[] = [];
  for (const link of causes(error)) {
    const code = typeof link.code === 'string' ? link.code : undefined;
    if (code === 'ECONNREFUSED') return 'connection refused';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
    if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') return 'timeout';
    if (link.name === 'TimeoutError' || link.name === 'AbortError') return 'timeout';
    for (const key of ['status', 'status_code', 'statusCode']) {
      const value = link[key];
      if (typeof value === 'number') status ??= value;
    }
    if (typeof link.message === 'string') messages.push(link.message);
  }
  const text = messages.join(' | ');
  if (/timed? ?out|timeout/i.test(text)) return 'timeout';
  if (status === 404 || /\bnot found\b/i.test(text)) return '404 model not found';
  if (status === 401 || status === 403) return `HTTP ${status} unauthorized (API key)`;
  if (status !== undefined) return `HTTP ${status}`;
  if (/ECONNREFUSED/.test(text)) return 'connection refused';
  return (messages[0] ?? errorMessage(error)).split('\n', 1).join('').slice(0, 160);
}

function where(provider: 'ollama' | 'openai', config: Config, model: string): string {
  return provider === 'ollama'
    ? `Ollama ${config.ollama.host}, 모델 ${model}`
    : `OpenAI 호환 서버 ${config.openai.baseUrl ?? OPENAI_DEFAULT_BASE}, 모델 ${model}`;
}

/** The one line for an embedding provider that cannot embed: host, model, cause and the fix. */
function embedderFailureMessage(config: Config, cause: string): string {
  if (config.embeddingsProvider === 'ollama') {
    const model = config.ollama.embedModel;
    return `임베딩 서버에 연결하지 못했습니다 (${where('ollama', config, model)}: ${cause}). Ollama를 실행하고 'ollama pull ${model}'로 모델을 받거나, EMBEDDINGS_PROVIDER=local로 바꾸세요.`;
  }
  const model = config.openai.embedModel;
  return `임베딩 서버에 연결하지 못했습니다 (${where('openai', config, model)}: ${cause}). OPENAI_BASE_URL·OPENAI_API_KEY·OPENAI_EMBED_MODEL을 확인하거나, EMBEDDINGS_PROVIDER=local로 바꾸세요.`;
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error(`timeout after ${timeoutMs} ms`), { name: 'TimeoutError' })), timeoutMs);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** Embeds one short text through the configured provider; throws an AppError whose message is
 *  the one line to show. The local embedder needs no check. */
export async function probeEmbedder(config: Config, embedder: Embedder): Promise<void> {
  if (config.embeddingsProvider === 'local') return;
  try {
    const vector = await withTimeout(embedder.embedQuery('연결 확인'), config.probeTimeoutMs);
    if (!Array.isArray(vector) || vector.length === 0) throw new Error('empty embedding');
  } catch (error) {
    throw new AppError('UPSTREAM', embedderFailureMessage(config, describeCause(error)), { cause: error });
  }
}

export interface LlmStatus {
  provider: 'ollama' | 'openai';
  host: string;
  model: string;
  state: 'ok' | 'unreachable' | 'unchecked';
  /** The cause of the last failure (probe or answer), while not ok. */
  cause?: string;
}

export function llmStatusFor(config: Config): LlmStatus | undefined {
  if (config.llmProvider === 'extractive') return undefined;
  return config.llmProvider === 'ollama'
    ? { provider: 'ollama', host: config.ollama.host, model: config.ollama.chatModel, state: 'unchecked' }
    : { provider: 'openai', host: config.openai.baseUrl ?? OPENAI_DEFAULT_BASE, model: config.openai.chatModel, state: 'unchecked' };
}

/** The warning (and /readyz reason) for a chat model that does not answer. */
export function llmFailureMessage(status: LlmStatus, cause: string): string {
  const fix =
    status.provider === 'ollama'
      ? `Ollama를 실행하고 'ollama pull ${status.model}'로 모델을 받거나, LLM_PROVIDER=extractive로 바꾸세요.`
      : 'OPENAI_BASE_URL·OPENAI_API_KEY·OPENAI_CHAT_MODEL을 확인하거나, LLM_PROVIDER=extractive로 바꾸세요.';
  const name = status.provider === 'ollama' ? 'Ollama' : 'OpenAI 호환 서버';
  return `언어 모델에 연결하지 못해 추출식 답변으로 대신합니다 (${name} ${status.host}, 모델 ${status.model}: ${cause}). ${fix}`;
}

/** Ollama names a model without a tag `:latest`. */
function sameOllamaModel(listed: string, wanted: string): boolean {
  const withTag = (name: string) => (name.includes(':') ? name : `${name}:latest`);
  return withTag(listed) === withTag(wanted);
}

/**
 * Asks the chat provider whether it serves the model, without generating anything:
 * Ollama `GET /api/tags`, OpenAI-compatible `GET /models`. Resolves the cause of a failure,
 * or undefined when the model is there.
 */
export async function probeChatModel(
  status: LlmStatus,
  options: { apiKey?: string; timeoutMs: number; fetch?: typeof fetch },
): Promise<string | undefined> {
  const fetchImpl = options.fetch ?? fetch;
  const base = status.host.replace(/\/+$/, '');
  try {
    if (status.provider === 'ollama') {
      const response = await fetchImpl(`${base}/api/tags`, { signal: AbortSignal.timeout(options.timeoutMs) });
      if (!response.ok) return `HTTP ${response.status}`;
      const body = (await response.json()) as { models?: Array<{ name?: string; model?: string }> };
      const found = (body.models ?? []).some((model) => sameOllamaModel(model.name ?? model.model ?? '', status.model));
      return found ? undefined : '404 model not found';
    }
    const response = await fetchImpl(`${base}/models`, {
      headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (response.status === 401 || response.status === 403) return `HTTP ${response.status} unauthorized (API key)`;
    if (!response.ok) return `HTTP ${response.status}`;
    const body = (await response.json()) as { data?: Array<{ id?: string }> };
    return (body.data ?? []).some((model) => model.id === status.model) ? undefined : '404 model not found';
  } catch (error) {
    return describeCause(error);
  }
}
