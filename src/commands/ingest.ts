// `npm run ingest`, and the index a command needs: built first when missing, stale or unreadable.
import cliProgress from 'cli-progress';
import type { Config } from '../config/config.js';
import { listCorpusFiles } from '../corpus/read-corpus.js';
import { isAppError } from '../errors/app-error.js';
import type { IngestSummary } from '../ingest/ingest.js';
import { indexStaleness } from '../index/staleness.js';
import type { Engine } from '../rag/engine.js';
import { summaryLine } from '../server/ingest-process.js';
import { createEmbedder, ingestCorpus, openEngine } from '../wiring.js';
import { withConfig } from './load-config.js';
import { notice } from './output.js';

/** Index errors a rebuild repairs. */
const REBUILDABLE = new Set(['INDEX_CORRUPT', 'INDEX_INCOMPATIBLE', 'INDEX_MISSING']);

/** Runs an ingest with a progress bar on a terminal and a summary line always. */
async function runIngest(config: Config, options: { rebuild?: boolean; strict?: boolean; quiet?: boolean }): Promise<IngestSummary> {
  const bar =
    process.stderr.isTTY && !options.quiet
      ? new cliProgress.SingleBar(
          { format: '색인 {bar} {articles}개 기사 · {chunks}개 청크 · {embedded}개 임베딩', stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(1, 0, { articles: 0, chunks: 0, embedded: 0 });
  try {
    return await ingestCorpus(config, {
      rebuild: options.rebuild,
      strict: options.strict,
      onProgress: (progress) => bar?.update(0, progress),
      onNotice: notice,
    });
  } finally {
    bar?.stop();
  }
}

/** The files an ingest skipped or warned about, one line each. */
function reportProblems(summary: IngestSummary, log: (message: string) => void): void {
  for (const skipped of summary.skipped) log(`건너뜀: ${skipped.path} — ${skipped.reason}`);
  for (const warning of summary.warnings) log(`경고: ${warning.path} — ${warning.reason}`);
}

/** Opens the index, building or rebuilding it first when it is missing, stale or unreadable. */
export async function ensureEngine(config: Config, log: (message: string) => void, onFallback?: (reason: string) => void): Promise<Engine> {
  const embedderId = createEmbedder(config).id;
  const stale =
    config.indexBackend === 'postgres'
      ? await (await import('../postgres/serving.js')).postgresFollower(config, embedderId).staleness()
      : await indexStaleness(embedderId, config.indexDir, await listCorpusFiles(config.corpusDir));
  if (stale) {
    log(`${stale} → 코퍼스(${config.corpusDir})를 색인합니다.`);
    const summary = await runIngest(config, { quiet: true });
    log(summaryLine(summary));
    reportProblems(summary, log);
  }
  try {
    return await openEngine(config, { onFallback });
  } catch (error) {
    if (!isAppError(error) || !REBUILDABLE.has(error.code)) throw error;
    log(`${error.message} → 다시 만듭니다.`);
    log(summaryLine(await runIngest(config, { rebuild: true, quiet: true })));
    return openEngine(config, { onFallback });
  }
}

export interface IngestCommandOptions {
  corpus?: string;
  index?: string;
  rebuild?: boolean;
  strict?: boolean;
  json?: boolean;
}

export async function ingestCommand(options: IngestCommandOptions): Promise<void> {
  const config = withConfig({
    ...(options.corpus ? { corpusDir: options.corpus } : {}),
    ...(options.index ? { indexDir: options.index } : {}),
  });
  const summary = await runIngest(config, { rebuild: options.rebuild, strict: options.strict, quiet: options.json });
  reportProblems(summary, notice);
  if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else process.stdout.write(`${summaryLine(summary)}\n`);
}
