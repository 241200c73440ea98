// Child of `bench:scale --backend postgres`: `node [--import tsx] scale-probe.(ts|js) <questions.json>`
// with DATABASE_URL set. Opens the engine as a server would (it holds no index: counts and a
// few headlines), asks every question through engine.pipeline.ask and prints one JSON line:
// { loadSeconds, queryP50Ms, queryP95Ms, maxRssMB }.
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../../config/config.js';
import { percentile } from '../../eval/metrics.js';
import { openEngine } from '../../wiring.js';

const [questionsFile] = process.argv.slice(2);
if (!questionsFile || !process.env.DATABASE_URL) {
  process.stderr.write('사용법: DATABASE_URL=… scale-probe.ts <질문 JSON 파일>\n');
  process.exit(2);
}
const parsed: unknown = JSON.parse(await readFile(questionsFile, 'utf8'));
const questions = Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];

const started = performance.now();
const engine = await openEngine({ ...loadConfig(), embeddingsProvider: 'local', llmProvider: 'extractive', indexBackend: 'postgres', databaseUrl: process.env.DATABASE_URL });
const loadSeconds = (performance.now() - started) / 1000;
const latencies: number[] = [];
for (const question of questions) {
  const asked = performance.now();
  await engine.pipeline.ask({ question });
  latencies.push(performance.now() - asked);
}
process.stdout.write(
  `${JSON.stringify({ loadSeconds, queryP50Ms: percentile(latencies, 0.5) ?? 0, queryP95Ms: percentile(latencies, 0.95) ?? 0, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
process.exit(0);
