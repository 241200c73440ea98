// The only reader of process.env. Every tunable the operator can set lives here,
// with its default and the values it accepts; a bad value names the variable.
import { isIP } from 'node:net';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const schema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  CORPUS_DIR: z.string().min(1).default('corpus'),
  INDEX_DIR: z.string().min(1).default('data/index'),
  EMBEDDINGS_PROVIDER: z.enum(['local', 'ollama', 'openai']).default('local'),
  LLM_PROVIDER: z.enum(['extractive', 'ollama', 'openai']).default('extractive'),
  OLLAMA_HOST: z.url().default('http://127.0.0.1:11434'),
  OLLAMA_CHAT_MODEL: z.string().min(1).default('exaone3.5:7.8b'),
  OLLAMA_EMBED_MODEL: z.string().min(1).default('bge-m3'),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_CHAT_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_EMBED_MODEL: z.string().min(1).default('text-embedding-3-small'),
  /** Upper bound on one LLM call; past it the answer falls back to extractive. */
  LLM_TIMEOUT_MS: positiveInt.default(30_000),
  /** When set, /api/* needs `Authorization: Bearer <API_KEY>`. */
  API_KEY: optionalString,
  /** Requests per minute per client on /api/*; 0 turns the limit off. */
  RATE_LIMIT_PER_MIN: z.coerce.number().int().min(0).default(60),
  /** Comma-separated origins allowed by CORS; empty keeps CORS closed. */
  CORS_ORIGINS: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** auto: one readable line per log on a terminal, JSON lines otherwise (pipes, files, log collectors). */
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  /** Express `trust proxy`: unset trusts no proxy (req.ip = the socket peer). See parseTrustProxy. */
  TRUST_PROXY: z.string().optional().transform(parseTrustProxy),
  /** Time to receive a request's headers; slower clients get 408 and the connection closes. */
  HEADERS_TIMEOUT_MS: positiveInt.default(10_000),
  /** Time to receive a whole request, body included (not the answer: SSE streams run longer). */
  REQUEST_TIMEOUT_MS: positiveInt.default(30_000),
  /** How long an idle keep-alive connection stays open. */
  KEEP_ALIVE_TIMEOUT_MS: positiveInt.default(5_000),
  /** Open connections at most; new ones past it are closed at once. 0 = no cap. */
  MAX_CONNECTIONS: z.coerce.number().int().min(0).default(1_000),
  /** 1: re-index (without a gap in answering) when files under CORPUS_DIR change. */
  WATCH_CORPUS: z.enum(['0', '1']).default('0'),
  /** Bound on each start-up check of the embedding and chat providers. */
  PROBE_TIMEOUT_MS: positiveInt.default(10_000),
  /** Where the index lives: files under INDEX_DIR, or PostgreSQL with pgvector at DATABASE_URL. */
  INDEX_BACKEND: z.enum(['local', 'postgres']).default('local'),
  DATABASE_URL: optionalString,
});

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(value: string): boolean {
  const [address, prefix, extra] = value.split('/');
  const family = isIP(address ?? '');
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY accepts what Express's `trust proxy` does, minus `true` (which trusts any
 * X-Forwarded-For, so every client could pick its own rate-limit bucket):
 *   a hop count ("1": the nearest proxy), or a comma-separated list of the names
 *   loopback, linklocal, uniquelocal and IP addresses or CIDRs ("10.0.0.0/8, 127.0.0.1").
 */
export function parseTrustProxy(value: string | undefined, context?: z.RefinementCtx): false | number | string[] {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return false;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.find((entry) => !TRUST_PROXY_NAMES.has(entry) && !isAddressOrCidr(entry));
  if (bad !== undefined || entries.length === 0) {
    context?.addIssue({
      code: 'custom',
      message: `프록시 홉 수(정수), loopback·linklocal·uniquelocal, 또는 IP 주소·CIDR을 쉼표로 나열해야 합니다${bad ? ` ("${bad}"는 알 수 없는 값)` : ''}.`,
    });
    return false;
  }
  return entries;
}

type Env = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  corpusDir: string;
  indexDir: string;
  embeddingsProvider: Env['EMBEDDINGS_PROVIDER'];
  llmProvider: Env['LLM_PROVIDER'];
  ollama: { host: string; chatModel: string; embedModel: string };
  openai: { apiKey?: string; baseUrl?: string; chatModel: string; embedModel: string };
  llmTimeoutMs: number;
  apiKey?: string;
  rateLimitPerMin: number;
  corsOrigins: string[];
  logLevel: Env['LOG_LEVEL'];
  logFormat: Env['LOG_FORMAT'];
  /** Express `trust proxy` value: false (none), a hop count, or addresses/CIDRs/names. */
  trustProxy: false | number | string[];
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
  watchCorpus: boolean;
  probeTimeoutMs: number;
  indexBackend: Env['INDEX_BACKEND'];
  /** postgres://… of the PostgreSQL server holding the index (INDEX_BACKEND=postgres). */
  databaseUrl?: string;
}

/** Numeric variables whose rule is not "a whole number ≥ 1" (most are milliseconds). */
const NUMBER_RULES: Record<string, string> = {
  PORT: '0~65535 사이의 정수여야 합니다 (0이면 빈 포트를 자동으로 고릅니다)',
  RATE_LIMIT_PER_MIN: '0 이상의 정수여야 합니다 (0이면 제한하지 않습니다)',
  MAX_CONNECTIONS: '0 이상의 정수여야 합니다 (0이면 제한하지 않습니다)',
};

/** What the variable accepts, as the end of a Korean sentence ("…여야 합니다"). */
function accepted(name: string, issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `${issue.values.map(String).join(', ')} 중 하나여야 합니다`;
  if (issue.code === 'invalid_format' && issue.format === 'url') return 'http://127.0.0.1:11434 같은 URL이어야 합니다';
  if (issue.code === 'custom') return issue.message.replace(/\.$/, '');
  if (issue.code === 'too_small' || issue.code === 'too_big' || issue.code === 'invalid_type') {
    return NUMBER_RULES[name] ?? '1 이상의 정수여야 합니다';
  }
  return `올바른 값이어야 합니다 (${issue.message})`;
}

/** Reads and validates the environment once. Throws a CONFIG AppError with a one-line message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    // An empty variable means "use the default", as in most .env loaders.
    raw[key] = value === undefined || value === '' ? undefined : value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    if (!issue) throw new AppError('CONFIG', '설정 오류: 환경 변수를 읽을 수 없습니다.');
    const name = String(issue.path[0]);
    throw new AppError('CONFIG', `설정 오류: ${name}=${JSON.stringify(raw[name] ?? '')} — ${accepted(name, issue)}.`);
  }
  const e = parsed.data;
  if (e.LLM_PROVIDER === 'openai' || e.EMBEDDINGS_PROVIDER === 'openai') {
    if (!e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
      throw new AppError(
        'CONFIG',
        '설정 오류: OPENAI_API_KEY — openai 공급자에는 API 키가 필요합니다 (로컬 OpenAI 호환 서버라면 OPENAI_BASE_URL을 설정하세요).',
      );
    }
  }
  if (e.HEADERS_TIMEOUT_MS > e.REQUEST_TIMEOUT_MS) {
    throw new AppError(
      'CONFIG',
      `설정 오류: HEADERS_TIMEOUT_MS=${e.HEADERS_TIMEOUT_MS} — REQUEST_TIMEOUT_MS(${e.REQUEST_TIMEOUT_MS}) 이하여야 합니다.`,
    );
  }
  if (e.INDEX_BACKEND === 'postgres' && !e.DATABASE_URL) {
    throw new AppError(
      'CONFIG',
      '설정 오류: DATABASE_URL — INDEX_BACKEND=postgres에는 postgres://사용자:암호@호스트:5432/DB 형식의 접속 주소가 필요합니다.',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    corpusDir: e.CORPUS_DIR,
    indexDir: e.INDEX_DIR,
    embeddingsProvider: e.EMBEDDINGS_PROVIDER,
    llmProvider: e.LLM_PROVIDER,
    ollama: { host: e.OLLAMA_HOST, chatModel: e.OLLAMA_CHAT_MODEL, embedModel: e.OLLAMA_EMBED_MODEL },
    openai: { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL, chatModel: e.OPENAI_CHAT_MODEL, embedModel: e.OPENAI_EMBED_MODEL },
    llmTimeoutMs: e.LLM_TIMEOUT_MS,
    apiKey: e.API_KEY,
    rateLimitPerMin: e.RATE_LIMIT_PER_MIN,
    corsOrigins: e.CORS_ORIGINS
      ? e.CORS_ORIGINS.split(',')
          .map((origin) => origin.trim())
          .filter(Boolean)
      : [],
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    trustProxy: e.TRUST_PROXY,
    headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_MS,
    maxConnections: e.MAX_CONNECTIONS,
    watchCorpus: e.WATCH_CORPUS === '1',
    probeTimeoutMs: e.PROBE_TIMEOUT_MS,
    indexBackend: e.INDEX_BACKEND,
    databaseUrl: e.DATABASE_URL,
  };
}
