// `npm run bench:scale -- --backend postgres`: the synthetic corpus of bench:scale ingested
// into PostgreSQL through `npm run ingest`'s path, then a fresh process opens the engine as a
// server would and asks questions: ingest time, database size, query p50/p95 and the server's
// RSS (it holds no index). Prints measured numbers only.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../config/config.js';
import { DEFAULT_KORQUAD_FILE } from '../../eval/bench-korquad.js';
import { ingestCorpus } from '../../wiring.js';
import { generateSyntheticCorpus, korquadSentencePool, probeResultSchema, type ProbeResult } from '../bench-scale.js';
import { benchDatabase, type PostgresBenchOptions } from './database.js';
import { childEnvironment } from '../../config/environment.js';
import { childScript } from '../child-script.js';
import { roundTo } from '../../eval/round.js';

interface PostgresScaleResult {
  database: string;
  chunks: number;
  ingestSeconds: number;
  databaseMB: number;
  /** Opening the engine in a fresh process (no index to load: counts and headlines). */
  openSeconds: number;
  queryP50Ms: number;
  queryP95Ms: number;
  /** Peak RSS of the serving process (engine + queries), in MiB. */
  serverRssMB: number;
}

const round = (value: number, digits = 2) => roundTo(value, digits);

async function probe(databaseUrl: string, questionsFile: string): Promise<ProbeResult> {
  const script = childScript(import.meta.url, 'scale-probe');
  const child = spawn(process.execPath, [...script.execArgv, script.path, questionsFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // As `npm start` runs the server (package.json): fewer malloc arenas, a smaller RSS.
    env: childEnvironment({ MALLOC_ARENA_MAX: '2', DATABASE_URL: databaseUrl, INDEX_BACKEND: 'postgres' }),
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (data: string) => (output += data));
  const exit: unknown[] = await once(child, 'exit');
  const code = exit[0];
  if (code !== 0) throw new Error(`질의 측정 프로세스가 실패했습니다 (코드 ${String(code)})`);
  return probeResultSchema.parse(JSON.parse(output.trim().split('\n').pop() ?? '{}'));
}

export async function runPostgresScaleBench(
  options: PostgresBenchOptions & { chunks: number; questions?: number },
): Promise<PostgresScaleResult> {
  const notice = options.onNotice ?? (() => undefined);
  const sentences = await korquadSentencePool(options.data ?? DEFAULT_KORQUAD_FILE);
  const work = await mkdtemp(join(tmpdir(), 'bench-scale-pg-'));
  const database = await benchDatabase(options.databaseUrl, notice);
  try {
    const corpusDir = join(work, 'corpus');
    const generated = await generateSyntheticCorpus(sentences, { chunks: options.chunks, dir: corpusDir });
    notice(`합성 코퍼스: 기사 ${generated.articles}개, 청크 약 ${generated.chunks}개. PostgreSQL에 색인 중…`);
    const config: Config = {
      ...loadConfig(),
      embeddingsProvider: 'local',
      llmProvider: 'extractive',
      corpusDir,
      indexBackend: 'postgres',
      databaseUrl: database.url,
    };
    const started = performance.now();
    const summary = await ingestCorpus(config, { rebuild: true });
    const ingestSeconds = (performance.now() - started) / 1000;
    const databaseMB = await database.sizeMB();
    notice(`색인 완료: 청크 ${summary.chunks}개, ${round(ingestSeconds, 1)}초, 데이터베이스 ${databaseMB} MB. 새 프로세스에서 질의 중…`);
    const stride = Math.max(1, Math.floor(sentences.questions.length / (options.questions ?? 300)));
    const questions = sentences.questions.filter((_, i) => i % stride === 0).slice(0, options.questions ?? 300);
    const questionsFile = join(work, 'questions.json');
    await writeFile(questionsFile, JSON.stringify(questions));
    const probed = await probe(database.url, questionsFile);
    return {
      database: database.server,
      chunks: summary.chunks,
      ingestSeconds: round(ingestSeconds, 1),
      databaseMB,
      openSeconds: round(probed.loadSeconds),
      queryP50Ms: round(probed.queryP50Ms),
      queryP95Ms: round(probed.queryP95Ms),
      serverRssMB: round(probed.maxRssMB, 1),
    };
  } finally {
    await database.close();
    await rm(work, { recursive: true, force: true });
  }
}
