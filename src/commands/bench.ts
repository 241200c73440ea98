// The benchmarks: scripts that print numbers (KorQuAD quality, HTTP load, scale, grounding).
// The heavy ones are loaded only when run.
import { writeFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { runKorquadBench } from '../eval/bench-korquad.js';
import { KORQUAD_ATTRIBUTION } from '../eval/korquad-data.js';
import { buildEngine } from '../wiring.js';
import { withConfig } from './load-config.js';
import { notice, printResult } from './output.js';

export interface KorquadBenchCommandOptions {
  data: string;
  limit?: number;
  out?: string;
  /** 'postgres': the local and the PostgreSQL backend compared in one run. */
  backend: string;
}

export async function korquadBenchCommand(options: KorquadBenchCommandOptions): Promise<void> {
  const config = withConfig({ embeddingsProvider: 'local', llmProvider: 'extractive' });
  if (options.backend === 'postgres') {
    const { runKorquadBackends } = await import('../bench/postgres/korquad-backends.js');
    await printResult(await runKorquadBackends({ config, data: options.data, limit: options.limit, onNotice: notice }), options.out);
    return;
  }
  const progress = process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'KorQuAD {bar} {value}/{total}', stream: process.stderr }, cliProgress.Presets.shades_classic)
    : undefined;
  const result = await runKorquadBench(options.data, options.limit, {
    build: (articles, indexDir) => buildEngine(config, articles, indexDir),
    onProgress: (done, total) => {
      if (done === 1) progress?.start(total, 0);
      progress?.update(done);
    },
  });
  progress?.stop();
  await printResult(result, options.out);
}

export interface LoadBenchCommandOptions {
  duration: number;
  connections: number;
  data: string;
  out?: string;
  reindex?: boolean;
  swapMemory?: number;
  /** 'postgres': `servers` server processes on one PostgreSQL index, beside one local server. */
  backend: string;
  servers: number;
}

export async function loadBenchCommand(options: LoadBenchCommandOptions): Promise<void> {
  if (options.backend === 'postgres') {
    const { runPostgresLoadBench } = await import('../bench/postgres/load.js');
    const { databaseUrl } = withConfig();
    const { servers, duration: durationSeconds, connections, data } = options;
    await printResult(
      await runPostgresLoadBench({ servers, durationSeconds, connections, data, databaseUrl, onNotice: notice }),
      options.out,
    );
    return;
  }
  const { runLoadBench, runSwapMemoryBench } = await import('../bench/bench-load.js');
  const result = options.swapMemory
    ? await runSwapMemoryBench({ chunks: options.swapMemory, data: options.data, onNotice: notice })
    : await runLoadBench({
        durationSeconds: options.duration,
        connections: options.connections,
        data: options.data,
        reindex: options.reindex,
        onNotice: notice,
      });
  await printResult(result, options.out);
}

export interface ScaleBenchCommandOptions {
  chunks: number;
  curve?: boolean;
  data: string;
  out?: string;
  /** 'postgres': measured on the PostgreSQL backend. */
  backend: string;
}

export async function scaleBenchCommand(options: ScaleBenchCommandOptions): Promise<void> {
  const { runScaleBench } = await import('../bench/bench-scale.js');
  const { runPostgresScaleBench } = await import('../bench/postgres/scale.js');
  const { databaseUrl } = withConfig();
  const run = (chunks: number) =>
    options.backend === 'postgres'
      ? runPostgresScaleBench({ chunks, data: options.data, databaseUrl, onNotice: notice })
      : runScaleBench({ chunks, data: options.data, onNotice: notice });
  const sizes = options.curve ? [...new Set([10_000, 30_000, options.chunks])] : [options.chunks];
  const results = [];
  for (const chunks of sizes) results.push(await run(chunks));
  await printResult(options.curve ? results : results[0], options.out);
}

export async function groundingBenchCommand(options: {
  dir: string;
  data: string;
  idf: boolean;
  verbose?: boolean;
  out?: string;
}): Promise<void> {
  const { runGroundingBench, formatGroundingBench } = await import('../eval/bench-grounding.js');
  const result = await runGroundingBench({ dir: options.dir, korquadFile: options.data, statistics: options.idf });
  process.stdout.write(`${formatGroundingBench(result, options.verbose)}\n${KORQUAD_ATTRIBUTION}\n`);
  if (options.out) await writeFile(options.out, `${JSON.stringify(result, null, 2)}\n`);
}
