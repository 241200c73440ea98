// `npm run bench:load -- --backend postgres --servers N`: N real `serve` processes
// (INDEX_BACKEND=postgres) on one database take POST /api/chat load together, beside one
// local-index server under the same load in the same run. KorQuAD paragraphs are the corpus,
// answers extractive. Traffic stays on 127.0.0.1 and every run is bounded in time.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../../config/config.js';
import { DEFAULT_KORQUAD_FILE } from '../../eval/bench-korquad.js';
import { loadKorquad } from '../../eval/korquad-data.js';
import { ingestCorpus } from '../../wiring.js';
import { fire, summarise, type LoadRunResult } from '../bench-load.js';
import { benchDatabase, type PostgresBenchOptions } from './database.js';
import { childEnvironment } from '../../config/environment.js';
import { roundTo } from '../../eval/round.js';

interface BackendLoad extends LoadRunResult {
  servers: number;
  /** RSS of each server after the run, in MiB. */
  serverRssMB: number[];
}

interface PostgresLoadResult {
  database: string;
  connections: number;
  durationSeconds: number;
  local: BackendLoad;
  postgres: BackendLoad;
}

const round = (value: number, digits = 1) => roundTo(value, digits);
const CLI = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../../cli.ts' : '../../cli.js', import.meta.url));

interface Served {
  child: ChildProcess;
  url: string;
}

/** A TCP port nothing listens on now (the server logs at warn level: it prints no URL). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

/** Starts `serve` and resolves once /readyz answers 200 (bounded: 60 s). */
async function startServer(env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(CLI.endsWith('.ts') ? ['--import', 'tsx'] : []), CLI, 'serve'], {
    env: childEnvironment({
      MALLOC_ARENA_MAX: '2',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MIN: '0',
      API_KEY: '',
      EMBEDDINGS_PROVIDER: 'local',
      LLM_PROVIDER: 'extractive',
      ...env,
    }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600 && child.exitCode === null; attempt++) {
    if ((await fetch(`${url}/readyz`).catch(() => undefined))?.status === 200) return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`서버가 60초 안에 준비되지 않았습니다 (코드 ${child.exitCode ?? '없음'}): ${url}`);
}

async function rssMB(child: ChildProcess): Promise<number> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function stopAll(servers: Served[]): Promise<void> {
  await Promise.all(
    servers.map(async ({ child }) => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 6_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }),
  );
}

/** Warms the servers up, then loads them together, the connections shared out evenly. */
async function loadServers(servers: Served[], questions: string[], seconds: number, connections: number): Promise<BackendLoad> {
  const share = Math.max(1, Math.floor(connections / servers.length));
  await Promise.all(servers.map(({ url }) => fire(url, questions, 2, share).result));
  const results = (await Promise.all(servers.map(({ url }, i) => fire(url, questions.slice(i * 7), seconds, share).result))).map(summarise);
  return {
    servers: servers.length,
    requestsPerSec: round(results.reduce((sum, result) => sum + result.requestsPerSec, 0)),
    p50Ms: Math.max(...results.map((result) => result.p50Ms)),
    p99Ms: Math.max(...results.map((result) => result.p99Ms)),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
    serverRssMB: await Promise.all(servers.map(({ child }) => rssMB(child))),
  };
}

export async function runPostgresLoadBench(
  options: PostgresBenchOptions & { servers: number; durationSeconds: number; connections: number },
): Promise<PostgresLoadResult> {
  const notice = options.onNotice ?? (() => undefined);
  const data = await loadKorquad(options.data ?? DEFAULT_KORQUAD_FILE);
  const questions = data.questions.map((question) => question.question);
  const work = await mkdtemp(join(tmpdir(), 'bench-load-pg-'));
  const database = await benchDatabase(options.databaseUrl, notice);
  const running: Served[] = [];
  try {
    const corpusDir = join(work, 'corpus');
    const indexDir = join(work, 'index');
    await mkdir(corpusDir);
    await writeFile(
      join(corpusDir, 'korquad.jsonl'),
      data.articles.map(({ id, title, text }) => JSON.stringify({ id, title, text })).join('\n'),
    );
    const config: Config = { ...loadConfig(), embeddingsProvider: 'local', llmProvider: 'extractive', corpusDir, indexDir };
    await ingestCorpus(config);
    await ingestCorpus({ ...config, indexBackend: 'postgres', databaseUrl: database.url });
    const base = { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir };

    notice(`로컬 색인 서버 1개에 부하 ${options.durationSeconds}초, 동시 연결 ${options.connections}개…`);
    running.push(await startServer({ ...base, INDEX_BACKEND: 'local' }));
    const local = await loadServers(running, questions, options.durationSeconds, options.connections);
    await stopAll(running.splice(0));

    notice(`PostgreSQL 색인 서버 ${options.servers}개에 같은 부하…`);
    for (let i = 0; i < options.servers; i++)
      running.push(await startServer({ ...base, INDEX_BACKEND: 'postgres', DATABASE_URL: database.url }));
    const postgres = await loadServers(running, questions, options.durationSeconds, options.connections);
    return { database: database.server, connections: options.connections, durationSeconds: options.durationSeconds, local, postgres };
  } finally {
    await stopAll(running);
    await database.close();
    await rm(work, { recursive: true, force: true });
  }
}
