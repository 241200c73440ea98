// The only reader of process.env. Every tunable the operator can set lives here,
// with its default and the values it accepts; a bad value names the variable.
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
});

export type Env = z.infer<typeof schema>;

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
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `one of ${issue.values.map(String).join(' | ')}`;
  if (issue.code === 'invalid_format' && issue.format === 'url') return 'a URL such as http://127.0.0.1:11434';
  if (issue.code === 'too_small' || issue.code === 'too_big' || issue.code === 'invalid_type') {
    return 'a whole number in range';
  }
  return issue.message;
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
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new AppError('CONFIG', `설정 오류: ${name}=${JSON.stringify(raw[name] ?? '')} is invalid; expected ${describe(issue)}`);
  }
  const e = parsed.data;
  if (e.LLM_PROVIDER === 'openai' || e.EMBEDDINGS_PROVIDER === 'openai') {
    if (!e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
      throw new AppError('CONFIG', '설정 오류: OPENAI_API_KEY is required for the openai provider (or set OPENAI_BASE_URL for a local OpenAI-compatible server)');
    }
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
    corsOrigins: e.CORS_ORIGINS ? e.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean) : [],
    logLevel: e.LOG_LEVEL,
  };
}
