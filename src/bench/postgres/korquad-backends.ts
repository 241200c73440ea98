// `npm run bench:korquad -- --backend postgres`: the KorQuAD dev benchmark on the local index
// and on the PostgreSQL index in the same run, question by question: hit@1/hit@5 of each,
// how often the two give the same lexical top 10, the same hybrid top 10 and the same answer,
// and the per-question latency of each. Prints measured numbers only.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../config/config.js';
import { createLocalEmbedder } from '../../embed/local.js';
import { loadKorquad, type KorquadQuestion } from '../../eval/korquad-data.js';
import { percentile } from '../../eval/metrics.js';
import { createPool, inSnapshot, type Pool } from '../../index/postgres/database.js';
import { requireIndexState } from '../../index/postgres/identity.js';
import { postgresSource } from '../../index/postgres/source.js';
import { loadIndex, type LoadedIndex } from '../../index/store.js';
import type { Engine } from '../../rag/engine.js';
import { buildEngine, openEngine } from '../../wiring.js';
import { ingestCorpus } from '../../wiring.js';
import { benchDatabase } from './database.js';
import { roundTo } from '../../eval/round.js';

interface BackendFigures {
  hit1: number;
  hit5: number;
  p50Ms: number;
  p95Ms: number;
  indexSeconds: number;
}

interface KorquadBackendsResult {
  questions: number;
  database: string;
  local: BackendFigures;
  postgres: BackendFigures;
  /** Share of questions whose BM25 top 10 (chunk ids, in order) is the same on both. */
  lexicalTop10Identical: number;
  /** Share of questions whose hybrid top 10 (fused, reranked) is the same on both. */
  top10Identical: number;
  /** Share of questions answered with the same text and citations. */
  answersIdentical: number;
}

interface KorquadBackendsOptions {
  config: Config;
  data: string;
  limit?: number;
  onNotice?: (message: string) => void;
  onProgress?: (done: number, total: number) => void;
}

const round = (value: number, digits = 4) => roundTo(value, digits);

interface Tally {
  hit1: number;
  hit5: number;
  latencies: number[];
}

async function askTimed(engine: Engine, question: KorquadQuestion, tally: Tally) {
  const hits = await engine.search(question.question, { k: 10 });
  const rank = hits.findIndex((hit) => hit.article.id === question.articleId);
  if (rank === 0) tally.hit1++;
  if (rank >= 0 && rank < 5) tally.hit5++;
  const started = performance.now();
  const response = await engine.pipeline.ask({ question: question.question });
  tally.latencies.push(performance.now() - started);
  return {
    top10: hits.map((hit) => hit.chunk.id).join(' '),
    answer: JSON.stringify([response.answer, response.citations, response.refused]),
  };
}

async function lexicalTop10(index: LoadedIndex, pool: Pool, embedderId: string, question: string): Promise<[string, string]> {
  const local = index.lexical
    .search(question, 10)
    .map((entry) => entry.id)
    .join(' ');
  const postgres = await inSnapshot(pool, async (client) => {
    const source = postgresSource(client, await requireIndexState(client, embedderId));
    return (await source.candidates(question, 10, undefined, undefined)).lexical.map((entry) => entry.id).join(' ');
  });
  return [local, postgres];
}

const figures = (tally: Tally, n: number, indexSeconds: number): BackendFigures => ({
  hit1: round(tally.hit1 / n),
  hit5: round(tally.hit5 / n),
  p50Ms: round(percentile(tally.latencies, 0.5) ?? 0, 2),
  p95Ms: round(percentile(tally.latencies, 0.95) ?? 0, 2),
  indexSeconds: round(indexSeconds, 2),
});

export async function runKorquadBackends(options: KorquadBackendsOptions): Promise<KorquadBackendsResult> {
  const notice = options.onNotice ?? (() => undefined);
  const data = await loadKorquad(options.data);
  const questions = options.limit ? data.questions.slice(0, options.limit) : data.questions;
  const database = await benchDatabase(options.config.databaseUrl, notice);
  const indexDir = await mkdtemp(join(tmpdir(), 'korquad-backends-'));
  const pool = createPool(database.url, 2);
  try {
    const local = { ...options.config, indexBackend: 'local' as const, indexDir };
    const postgres = { ...options.config, indexBackend: 'postgres' as const, databaseUrl: database.url };
    let started = performance.now();
    const localEngine = await buildEngine(local, data.articles, indexDir);
    const localSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await ingestCorpus(postgres, { source: data.articles.map((article) => ({ article })), rebuild: true });
    const postgresEngine = await openEngine(postgres);
    const postgresSeconds = (performance.now() - started) / 1000;
    const embedderId = createLocalEmbedder().id;
    const index = await loadIndex(indexDir, embedderId);

    const localTally: Tally = { hit1: 0, hit5: 0, latencies: [] };
    const postgresTally: Tally = { hit1: 0, hit5: 0, latencies: [] };
    let lexicalSame = 0,
      top10Same = 0,
      answersSame = 0;
    for (const [i, question] of questions.entries()) {
      const [lexicalLocal, lexicalPostgres] = await lexicalTop10(index, pool, embedderId, question.question);
      if (lexicalLocal === lexicalPostgres) lexicalSame++;
      const fromLocal = await askTimed(localEngine, question, localTally);
      const fromPostgres = await askTimed(postgresEngine, question, postgresTally);
      if (fromLocal.top10 === fromPostgres.top10) top10Same++;
      if (fromLocal.answer === fromPostgres.answer) answersSame++;
      options.onProgress?.(i + 1, questions.length);
    }
    const n = questions.length;
    return {
      questions: n,
      database: database.server,
      local: figures(localTally, n, localSeconds),
      postgres: figures(postgresTally, n, postgresSeconds),
      lexicalTop10Identical: round(lexicalSame / n),
      top10Identical: round(top10Same / n),
      answersIdentical: round(answersSame / n),
    };
  } finally {
    await pool.end();
    await database.close();
    await rm(indexDir, { recursive: true, force: true });
  }
}
