// What a scale probe measures, whichever index the engine opens: the time to open it as a
// server would, each question asked through engine.pipeline.ask, and the peak RSS.
import type { Config } from '../config/config.js';
import { percentile } from '../eval/metrics.js';
import { openEngine } from '../wiring.js';

interface ProbeFigures {
  loadSeconds: number;
  queryP50Ms: number;
  queryP95Ms: number;
  maxRssMB: number;
}

export async function probeEngine(config: Config, questions: string[]): Promise<ProbeFigures> {
  const loadStarted = performance.now();
  const engine = await openEngine({ ...config, embeddingsProvider: 'local', llmProvider: 'extractive' });
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const latencies: number[] = [];
  for (const question of questions) {
    const started = performance.now();
    await engine.pipeline.ask({ question });
    latencies.push(performance.now() - started);
  }
  return {
    loadSeconds,
    queryP50Ms: percentile(latencies, 0.5) ?? 0,
    queryP95Ms: percentile(latencies, 0.95) ?? 0,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
}
