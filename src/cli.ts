// Entry point: wires config to implementations for every npm script.
//   serve | ingest | ask | eval | verify | bench:korquad | bench:load | bench:scale | bench:grounding
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from './config/config.js';
import { loadDotEnv } from './config/dotenv.js';
import { createLogger } from './cli-logger.js';
import { AppError, isAppError } from './errors/app-error.js';
import { buildEngine, buildRetrieval, createEmbedder, EVAL_INDEX_ROOT, ingestCorpus, openCorpusEngine, openEngine, type IngestCorpusOptions } from './wiring.js';
import type { Engine } from './rag/engine.js';
import { indexStaleness } from './index/staleness.js';
import { listCorpusFiles } from './corpus/read-corpus.js';
import type { Article } from './domain/types.js';
import type { IngestSummary } from './index/ingest.js';
import { summaryLine } from './server/ingest-process.js';
import { defaultSetFiles, evalCommand } from './eval/eval-command.js';
import { DEFAULT_KORQUAD_FILE, runKorquadBench } from './eval/bench-korquad.js';
import { KORQUAD_ATTRIBUTION } from './eval/korquad-data.js';

const positiveInt = (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new InvalidArgumentError('양의 정수여야 합니다.');
  return parsed;
};

/** The project root, from src/ (tsx) and dist/ (built) alike. */
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** What `.env` set, read once before the first config (real environment variables win). */
let dotEnv: { file: string; applied: string[] } | undefined;

function withConfig(overrides: Partial<Config> = {}): Config {
  dotEnv ??= loadDotEnv(PROJECT_ROOT);
  return { ...loadConfig(), ...overrides };
}

/** Runs an ingest with a progress bar on a terminal and a summary line always. */
async function runIngest(config: Config, options: { rebuild?: boolean; strict?: boolean; quiet?: boolean; source?: IngestCorpusOptions['source'] }): Promise<IngestSummary> {
  const bar = process.stderr.isTTY && !options.quiet
    ? new cliProgress.SingleBar({ format: '색인 {bar} {articles}개 기사 · {chunks}개 청크 · {embedded}개 임베딩', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(1, 0, { articles: 0, chunks: 0, embedded: 0 });
  try {
    return await ingestCorpus(config, {
      rebuild: options.rebuild,
      strict: options.strict,
      source: options.source,
      onProgress: (progress) => bar?.update(0, progress),
      onNotice: (message) => process.stderr.write(`${message}\n`),
    });
  } finally {
    bar?.stop();
  }
}

/** Runs a benchmark's PostgreSQL variant with notices on stderr and prints its JSON. */
async function runPostgresBench<T>(options: { out?: string }, run: (progress: { onNotice: (message: string) => void }) => Promise<T>): Promise<void> {
  const result = await run({ onNotice: (message) => process.stderr.write(`${message}\n`) });
  const json = JSON.stringify(result, null, 2);
  process.stdout.write(`${json}\n${KORQUAD_ATTRIBUTION}\n`);
  if (options.out) await writeFile(options.out, `${json}\n`);
}

/** Opens the index, building or rebuilding it first when it is missing, stale or unreadable. */
async function ensureEngine(config: Config, log: (message: string) => void, onFallback?: (reason: string) => void): Promise<Engine> {
  const stale = config.indexBackend === 'postgres'
    ? await (await import('./index/postgres/serving.js')).postgresFollower(config).staleness()
    : await indexStaleness(createEmbedder(config).id, config.indexDir, await listCorpusFiles(config.corpusDir));
  if (stale) {
    log(`${stale} → 코퍼스(${config.corpusDir})를 색인합니다.`);
    const summary = await runIngest(config, { quiet: true });
    log(summaryLine(summary));
    for (const skipped of summary.skipped) log(`건너뜀: ${skipped.path} — ${skipped.reason}`);
    for (const warning of summary.warnings) log(`경고: ${warning.path} — ${warning.reason}`);
  }
  try {
    return await openEngine(config, { onFallback });
  } catch (error) {
    if (!isAppError(error) || !['INDEX_CORRUPT', 'INDEX_INCOMPATIBLE', 'INDEX_MISSING'].includes(error.code)) throw error;
    log(`${error.message} → 다시 만듭니다.`);
    log(summaryLine(await runIngest(config, { rebuild: true, quiet: true })));
    return openEngine(config, { onFallback });
  }
}

const historySchema = z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })).max(20);

async function readHistory(file: string | undefined) {
  if (!file) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new AppError('VALIDATION', `--history 파일을 읽을 수 없습니다: ${file} (${(error as Error).message})`);
  }
  const result = historySchema.safeParse(parsed);
  if (!result.success) throw new AppError('VALIDATION', `--history 파일은 { "role": "user"|"assistant", "content": 문자열 } 배열(최대 20개)이어야 합니다: ${file}`);
  return result.data;
}

const program = new Command('korean-news-qa').description('한국어 뉴스 기사 질의응답 챗봇').showHelpAfterError();

program
  .command('serve')
  .description('색인을 불러오고(필요하면 먼저 색인) 웹 채팅과 API를 제공합니다')
  .action(async () => {
    const config = withConfig();
    const logger = await createLogger(config);
    if (dotEnv?.applied.length) logger.info({ file: dotEnv.file, variables: dotEnv.applied }, `설정 파일에서 읽음: ${dotEnv.applied.join(', ')}`);
    let close: (() => Promise<void>) | undefined;
    const shutdown = async (signal: string) => {
      logger.info({ signal }, '종료 중: 새 요청을 받지 않고 처리 중인 요청을 마칩니다');
      await close?.();
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));
    try {
      // Loaded here: Express and the server modules cost the other commands ≈ 0.25 s at start.
      const { serve } = await import('./server/serve.js');
      await serve(config, logger, (closer) => (close = closer));
    } catch (error) {
      // Nothing can be served: one line and a non-zero exit, never a live process that is never ready.
      process.stderr.write(`${isAppError(error) ? error.message : `오류: ${(error as Error)?.message ?? String(error)}`}\n`);
      process.exit(1);
    }
  });

program
  .command('ingest')
  .description('코퍼스를 색인합니다 (바뀐 기사만 다시 임베딩)')
  .option('--corpus <dir>', '코퍼스 폴더 (기본: CORPUS_DIR)')
  .option('--index <dir>', '색인 폴더 (기본: INDEX_DIR)')
  .option('--rebuild', '처음부터 다시 만듭니다')
  .option('--strict', '읽지 못한 입력이 하나라도 있으면 실패하고 기존 색인을 그대로 둡니다')
  .option('--json', '요약을 JSON으로 출력합니다')
  .action(async (options: { corpus?: string; index?: string; rebuild?: boolean; strict?: boolean; json?: boolean }) => {
    const config = withConfig({ ...(options.corpus ? { corpusDir: options.corpus } : {}), ...(options.index ? { indexDir: options.index } : {}) });
    const summary = await runIngest(config, { rebuild: options.rebuild, strict: options.strict, quiet: options.json });
    for (const skipped of summary.skipped) process.stderr.write(`건너뜀: ${skipped.path} — ${skipped.reason}\n`);
    for (const warning of summary.warnings) process.stderr.write(`경고: ${warning.path} — ${warning.reason}\n`);
    if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else process.stdout.write(`${summaryLine(summary)}\n`);
  });

program
  .command('db:migrate')
  .description('INDEX_BACKEND=postgres: DATABASE_URL의 데이터베이스에 스키마 마이그레이션을 적용합니다')
  .action(async () => {
    const { migrateDatabase } = await import('./index/postgres/commands.js');
    const applied = await migrateDatabase(withConfig({ indexBackend: 'postgres' }));
    process.stdout.write(applied.length ? `마이그레이션 적용: ${applied.join(', ')}\n` : '스키마가 최신입니다.\n');
  });

program
  .command('ask')
  .description('터미널에서 질문 하나에 답합니다')
  .argument('<question...>', '질문')
  .option('--json', 'POST /api/chat과 같은 JSON을 출력합니다')
  .option('--index <dir>', '색인 폴더 (기본: INDEX_DIR)')
  .option('--history <file>', '이전 대화 JSON 파일: [{ "role", "content" }]')
  .action(async (words: string[], options: { json?: boolean; index?: string; history?: string }) => {
    const config = withConfig(options.index ? { indexDir: options.index } : {});
    const question = words.join(' ').trim();
    if (!question || question.length > 2000) throw new AppError('VALIDATION', '질문은 1~2000자여야 합니다.');
    const history = await readHistory(options.history);
    const engine = options.index ? await openEngine(config) : await ensureEngine(config, (message) => process.stderr.write(`${message}\n`));
    const response = await engine.pipeline.ask({ question, history });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(response, null, 2)}\n`);
      return;
    }
    const lines = [response.answer, ''];
    if (response.question !== question) lines.splice(0, 0, `(검색한 질문: ${response.question})`, '');
    for (const citation of response.citations) {
      lines.push(`[${citation.n}] ${citation.title}${citation.date ? ` (${citation.date})` : ''}${citation.url ? ` ${citation.url}` : ''}`);
      lines.push(`    “${citation.quote}”`);
    }
    lines.push('', `${response.mode} · 검색 ${response.timings.retrievalMs}ms · 답변 ${response.timings.generationMs}ms`);
    process.stdout.write(`${lines.join('\n')}\n`);
  });

program
  .command('eval')
  .description('고정 질문 세트로 답변 품질을 측정하고 기준선과 비교합니다')
  .option('--set <file>', '질문 세트 파일 (여러 번 지정 가능)', (value: string, previous: string[] = []) => [...previous, value])
  .option('--index <dir>', '색인 폴더 (기본: INDEX_DIR)')
  .option('--baseline <file>', '기준선 파일 (기본: eval/baseline.json)')
  .option('--out <file>', '보고서 JSON 파일')
  .option('--markdown <file>', '보고서 Markdown 파일')
  .option('--update-baseline', '현재 수치를 기준선으로 저장합니다')
  .option('--url <url>', '실행 중인 서버에 질문합니다')
  .action(async (options: { set?: string[]; index?: string; baseline?: string; out?: string; markdown?: string; updateBaseline?: boolean; url?: string }) => {
    const config = withConfig();
    const code = await evalCommand(
      { sets: options.set, index: options.index, baseline: options.baseline, out: options.out, markdown: options.markdown, updateBaseline: options.updateBaseline, url: options.url },
      {
        config,
        // A set with no fixture corpus and no --index: the default corpus, indexed first when needed, as `npm start` does.
        openEngine: async (indexDir) =>
          options.index ? openEngine({ ...config, indexDir }) : ensureEngine(config, (message) => process.stderr.write(`${message}\n`)),
        openCorpusEngine: (corpusDir) => openCorpusEngine(config, corpusDir, join(EVAL_INDEX_ROOT, `${basename(corpusDir)}-${config.embeddingsProvider}`)),
        buildKorquadEngine: async (articles) => buildEngine(config, articles, await mkdtemp(join(tmpdir(), 'eval-korquad-'))),
      },
    );
    process.exitCode = code;
  });

program
  .command('bench:korquad')
  .description('KorQuAD 1.0 dev 벤치마크 (검색 hit@k, 답변 품질, 지연 시간, MiniSearch 기준선)')
  .option('--data <file>', 'KorQuAD JSON', DEFAULT_KORQUAD_FILE)
  .option('--limit <n>', '앞에서부터 N개 질문만', positiveInt)
  .option('--out <file>', '결과 JSON 파일')
  .option('--backend <backend>', 'postgres: 로컬 색인과 PostgreSQL 색인을 같은 실행에서 비교합니다 (DATABASE_URL이 없으면 PGlite)', 'local')
  .action(async (options: { data: string; limit?: number; out?: string; backend: string }) => {
    const config = withConfig({ embeddingsProvider: 'local', llmProvider: 'extractive' });
    if (options.backend === 'postgres') return runPostgresBench(options, (progress) => import('./bench/postgres/korquad-backends.js').then(({ runKorquadBackends }) => runKorquadBackends({ config, data: options.data, limit: options.limit, ...progress })));
    const progress = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'KorQuAD {bar} {value}/{total}', stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
    const result = await runKorquadBench(options.data, options.limit, {
      build: (articles, indexDir) => buildEngine(config, articles, indexDir),
      onProgress: (done, total) => {
        if (done === 1) progress?.start(total, 0);
        progress?.update(done);
      },
    });
    progress?.stop();
    const json = JSON.stringify(result, null, 2);
    process.stdout.write(`${json}\n${KORQUAD_ATTRIBUTION}\n`);
    if (options.out) await writeFile(options.out, `${json}\n`);
  });

program
  .command('fit:answer')
  .description('추출식 답변의 문장 순위·거절 모델을 KorQuAD dev에 교차 검증으로 맞춥니다 (가중치 파일을 씁니다)')
  .option('--data <file>', 'KorQuAD JSON', DEFAULT_KORQUAD_FILE)
  .option('--limit <n>', 'KorQuAD 앞에서부터 N개 질문만', positiveInt)
  .option('--with-sets', '개발용 평가 세트(eval/sets의 코퍼스 세트)도 함께 맞춥니다 — 그러면 그 세트의 수치는 더 이상 개발 측정이 아닙니다')
  .option('--set <file>', '--with-sets에 쓸 평가 세트 (여러 번 지정 가능)', (value: string, previous: string[] = []) => [...previous, value])
  .option('--write <file>', '가중치 파일', 'src/answer/sentence-weights.ts')
  .option('--dry-run', '가중치 파일을 쓰지 않습니다')
  .action(async (options: { data: string; limit?: number; set?: string[]; withSets?: boolean; write: string; dryRun?: boolean }) => {
    const { fitAnswerModel, writeWeights } = await import('./eval/fit-answer-model.js');
    const { evalSetExamples, korquadExamples } = await import('./eval/fit-data.js');
    const config = withConfig({ embeddingsProvider: 'local', llmProvider: 'extractive' });
    const build = (articles: Article[], indexDir: string) => buildRetrieval(config, articles, indexDir);
    const progress = (message: string) => process.stderr.write(`${message}\n`);
    const examples = await korquadExamples(options.data, build, options.limit);
    if (options.withSets) {
      const files = options.set ?? (await defaultSetFiles(process.cwd())).filter((file) => file.endsWith('.jsonl'));
      examples.push(...(await evalSetExamples(files, process.cwd(), build)));
    }
    progress(`학습 데이터: ${examples.length}개 질문`);
    const result = fitAnswerModel(examples, progress);
    process.stdout.write(`${JSON.stringify({ folds: result.folds, outOfFold: result.outOfFold, inSample: result.inSample }, null, 2)}\n${KORQUAD_ATTRIBUTION}\n`);
    if (!options.dryRun) await writeWeights(options.write, result.model);
  });

program
  .command('bench:load')
  .description('POST /api/chat HTTP 부하 테스트 (KorQuAD 색인, 추출식 답변, 127.0.0.1)')
  .option('--duration <s>', '부하 시간(초)', positiveInt, 10)
  .option('--connections <n>', '동시 연결 수', positiveInt, 32)
  .option('--data <file>', 'KorQuAD JSON', DEFAULT_KORQUAD_FILE)
  .option('--out <file>', '결과 JSON 파일')
  .option('--reindex', '같은 부하를 주면서 코퍼스를 다시 색인하고 교체하는 실행을 더합니다')
  .option('--swap-memory <chunks>', '부하 대신: 합성 코퍼스 N청크 색인을 서버가 교체하는 동안의 메모리를 잽니다', positiveInt)
  .option('--backend <backend>', 'postgres: PostgreSQL 색인 서버 여러 개에 부하를 주고 로컬 서버 1개와 비교합니다 (DATABASE_URL이 없으면 PGlite)', 'local')
  .option('--servers <n>', '--backend postgres: 같은 데이터베이스를 쓰는 서버 수', positiveInt, 2)
  .action(async (options: { duration: number; connections: number; data: string; out?: string; reindex?: boolean; swapMemory?: number; backend: string; servers: number }) => {
    if (options.backend === 'postgres') {
      const { runPostgresLoadBench } = await import('./bench/postgres/load.js');
      const { databaseUrl } = withConfig();
      return runPostgresBench(options, ({ onNotice }) => runPostgresLoadBench({ servers: options.servers, durationSeconds: options.duration, connections: options.connections, data: options.data, databaseUrl, onNotice }));
    }
    const { runLoadBench, runSwapMemoryBench } = await import('./bench/bench-load.js');
    const notice = (message: string) => process.stderr.write(`${message}\n`);
    const result = options.swapMemory ? await runSwapMemoryBench({ chunks: options.swapMemory, data: options.data, onNotice: notice }) : await runLoadBench({
      durationSeconds: options.duration,
      connections: options.connections,
      data: options.data,
      reindex: options.reindex,
      onNotice: notice,
    });
    const json = JSON.stringify(result, null, 2);
    process.stdout.write(`${json}\n${KORQUAD_ATTRIBUTION}\n`);
    if (options.out) await writeFile(options.out, `${json}\n`);
  });

program
  .command('bench:scale')
  .description('KorQuAD 문장을 재조합한 대용량 합성 코퍼스로 색인·적재·질의 규모를 측정합니다')
  .option('--chunks <n>', '합성 코퍼스의 청크 수', positiveInt, 100_000)
  .option('--curve', '10k, 30k 청크를 먼저 측정해 증가 곡선을 함께 출력합니다')
  .option('--data <file>', 'KorQuAD JSON', DEFAULT_KORQUAD_FILE)
  .option('--out <file>', '결과 JSON 파일')
  .option('--backend <backend>', 'postgres: PostgreSQL 색인으로 측정합니다 (DATABASE_URL이 없으면 PGlite)', 'local')
  .action(async (options: { chunks: number; curve?: boolean; data: string; out?: string; backend: string }) => {
    if (options.backend === 'postgres') {
      const { runPostgresScaleBench } = await import('./bench/postgres/scale.js');
      const { databaseUrl } = withConfig();
      return runPostgresBench(options, async ({ onNotice }) => {
        const results = [];
        for (const chunks of options.curve ? [...new Set([10_000, 30_000, options.chunks])] : [options.chunks]) results.push(await runPostgresScaleBench({ chunks, data: options.data, databaseUrl, onNotice }));
        return options.curve ? results : results[0];
      });
    }
    const { runScaleBench } = await import('./bench/bench-scale.js');
    const sizes = options.curve ? [...new Set([10_000, 30_000, options.chunks])] : [options.chunks];
    const results = [];
    for (const chunks of sizes) {
      results.push(await runScaleBench({ chunks, data: options.data, onNotice: (message) => process.stderr.write(`${message}\n`) }));
    }
    const json = JSON.stringify(options.curve ? results : results[0], null, 2);
    process.stdout.write(`${json}\n${KORQUAD_ATTRIBUTION}\n`);
    if (options.out) await writeFile(options.out, `${json}\n`);
  });

program
  .command('verify')
  .description('답변 문장이 인용한 기사로 뒷받침되는지 검사합니다 (표준 입력: JSON 줄)')
  .option('--json', '입력 한 줄마다 JSON 한 줄을 출력합니다')
  .option('--index <dir>', '이 색인의 단어 빈도(IDF)로 이름과 드문 단어를 가려냅니다 (없으면 단어 모양으로만)')
  .action(async (options: { json?: boolean; index?: string }) => {
    const { createInterface } = await import('node:readline');
    const { runVerify } = await import('./verify/verify.js');
    let terms: import('./answer/grounding/check.js').TermStatistics | undefined;
    if (options.index) {
      const { loadIndex } = await import('./index/store.js');
      const { createEmbedder } = await import('./wiring.js');
      terms = (await loadIndex(options.index, createEmbedder(withConfig()).id)).lexical;
    }
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    const totals = await runVerify(lines, (text) => process.stdout.write(`${text}\n`), { json: options.json, ...(terms ? { terms } : {}) });
    if (!options.json) process.stdout.write(`\n답변 ${totals.answers}개, 문장 ${totals.sentences}개 중 뺌 ${totals.dropped}개, 출처 바로잡음 ${totals.recited}개, 입력 오류 ${totals.errors}개\n`);
  });

program
  .command('bench:grounding')
  .description('문장 단위 근거 검사를 라벨 붙은 문장 세트로 측정합니다 (eval/grounding/)')
  .option('--dir <dir>', '문장 세트 폴더', 'eval/grounding')
  .option('--data <file>', 'KorQuAD JSON (참조 문단용)', DEFAULT_KORQUAD_FILE)
  .option('--no-idf', '코퍼스 IDF 없이 측정합니다')
  .option('--verbose', '틀린 문장의 id와 이유를 함께 출력합니다')
  .option('--out <file>', '결과 JSON 파일')
  .action(async (options: { dir: string; data: string; idf: boolean; verbose?: boolean; out?: string }) => {
    const { runGroundingBench, formatGroundingBench } = await import('./eval/bench-grounding.js');
    const result = await runGroundingBench({ dir: options.dir, korquadFile: options.data, statistics: options.idf });
    process.stdout.write(`${formatGroundingBench(result, options.verbose)}\n${KORQUAD_ATTRIBUTION}\n`);
    if (options.out) await writeFile(options.out, `${JSON.stringify(result, null, 2)}\n`);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  // One line for the user, never a stack trace (LOG_LEVEL=debug shows it).
  const message = isAppError(error) ? error.message : `오류: ${(error as Error)?.message ?? String(error)}`;
  process.stderr.write(`${message}\n`);
  if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') console.error(error);
  process.exitCode = 1;
});
