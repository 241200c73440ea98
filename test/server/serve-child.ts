// The real `serve` command as a child process, for start-up and re-indexing tests: spawn it
// on a free port, read its JSON log lines and stderr, poll /readyz, stop it. Every wait is
// event-based and bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { afterEach, expect } from 'vitest';
import { httpRequest } from '../support/fake-engine.js';
import { ROOT, until, type TempCorpus } from '../support/real-engine.js';

/** Every variable the app reads; the child gets only the ones a test sets. */
// prettier-ignore
const APP_VARIABLES = [
  'PORT', 'HOST', 'CORPUS_DIR', 'INDEX_DIR', 'EMBEDDINGS_PROVIDER', 'LLM_PROVIDER', 'OLLAMA_HOST', 'OLLAMA_CHAT_MODEL',
  'OLLAMA_EMBED_MODEL', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_CHAT_MODEL', 'OPENAI_EMBED_MODEL', 'LLM_TIMEOUT_MS',
  'API_KEY', 'RATE_LIMIT_PER_MIN', 'CORS_ORIGINS', 'LOG_LEVEL', 'LOG_FORMAT', 'TRUST_PROXY', 'HEADERS_TIMEOUT_MS',
  'REQUEST_TIMEOUT_MS', 'KEEP_ALIVE_TIMEOUT_MS', 'MAX_CONNECTIONS', 'WATCH_CORPUS', 'PROBE_TIMEOUT_MS', 'INDEX_BACKEND',
  'DATABASE_URL',
];

export interface LogLine {
  level?: number;
  msg?: string;
  url?: string;
  [key: string]: unknown;
}

export interface Serve {
  child: ChildProcess;
  url: string;
  logs: LogLine[];
  /** Raw stderr, for failure messages. */
  stderr: string[];
  waitForLog(predicate: (line: LogLine) => boolean, what: string): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  // A test that failed half-way must not leave its server running.
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Spawns `serve` (PORT=0: a free port). Resolves at once; `started` waits for the URL line. */
export function spawnServe(
  corpus: Pick<TempCorpus, 'corpusDir' | 'indexDir'>,
  env: Record<string, string> = {},
): Omit<Serve, 'url'> & { started: Promise<string> } {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !APP_VARIABLES.includes(key)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: ROOT,
    env: {
      ...base,
      PORT: '0',
      HOST: '127.0.0.1',
      CORPUS_DIR: corpus.corpusDir,
      INDEX_DIR: corpus.indexDir,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      RATE_LIMIT_PER_MIN: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const logs: LogLine[] = [];
  const stderr: string[] = [];
  const waiters: Array<{ predicate: (line: LogLine) => boolean; resolve: (line: LogLine) => void }> = [];
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  createInterface({ input: child.stdout }).on('line', (text) => {
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      line = { msg: text };
    }
    logs.push(line);
    for (const waiter of waiters.splice(0)) {
      if (waiter.predicate(line)) waiter.resolve(line);
      else waiters.push(waiter);
    }
  });
  const waitForLog = (predicate: (line: LogLine) => boolean, what: string): Promise<LogLine> => {
    const found = logs.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      waiters.push({ predicate, resolve });
      void exited.then(({ code, signal }) =>
        reject(new Error(`serve exited (${code ?? signal}) before logging ${what}; stderr: ${stderr.join('')}`)),
      );
    });
  };
  const started = waitForLog((line) => typeof line.url === 'string' && (line.msg ?? '').startsWith('서버 시작'), 'its URL').then(
    (line) => line.url!,
  );
  started.catch(() => undefined);
  return { child, logs, stderr, waitForLog, exited, started };
}

/** Spawns `serve` and resolves once it printed the URL it listens on. */
export async function startServe(corpus: Pick<TempCorpus, 'corpusDir' | 'indexDir'>, env: Record<string, string> = {}): Promise<Serve> {
  const spawned = spawnServe(corpus, env);
  return { ...spawned, url: await spawned.started };
}

export interface Readiness {
  status: string;
  reason?: string;
  articles?: number;
  chunks?: number;
  generation?: string;
  reindexing?: boolean;
  llm?: { provider: string; host: string; model: string; state: string; cause?: string };
}

/** Polls /readyz until 200 (bounded); a 503 in between is the documented "still indexing". */
export async function waitUntilReady(serve: Serve, headers: Record<string, string> = {}): Promise<Readiness> {
  let body: Readiness | undefined;
  await until(
    async () => {
      const response = await httpRequest(`${serve.url}/readyz`, { headers });
      expect([200, 503]).toContain(response.status);
      if (response.status === 200) body = response.json() as Readiness;
      return response.status === 200;
    },
    () => `/readyz to answer 200; stderr: ${serve.stderr.join('')}`,
    1200,
    25,
  );
  return body!;
}

/** SIGTERM, then the exit code and how long it took. */
export async function stop(
  serve: Pick<Serve, 'child' | 'exited'>,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const started = performance.now();
  serve.child.kill('SIGTERM');
  const result = await serve.exited;
  return { ...result, ms: performance.now() - started };
}

export const messages = (serve: Pick<Serve, 'logs'>) => serve.logs.map((line) => line.msg ?? '');

/** A TCP port on 127.0.0.1 with nothing listening (connections are refused). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls /readyz (bounded) until its body satisfies `predicate`; resolves that body. */
export async function waitForReadiness(
  serve: Serve,
  predicate: (body: Readiness) => boolean,
  what: string,
  headers: Record<string, string> = {},
): Promise<Readiness> {
  let body: Readiness | undefined;
  await until(
    async () => {
      const response = await httpRequest(`${serve.url}/readyz`, { headers });
      body = response.status === 200 ? (response.json() as Readiness) : undefined;
      return body !== undefined && predicate(body);
    },
    () => `/readyz to show ${what} (last: ${JSON.stringify(body)}); stderr: ${serve.stderr.join('')}`,
    1200,
    25,
  );
  return body!;
}
