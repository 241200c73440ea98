// Child of `bench:scale --backend postgres`: `node [--import tsx] scale-probe.(ts|js) <questions.json>`
// with DATABASE_URL set. Opens the engine as a server would (it holds no index: counts and a
// few headlines), asks every question through engine.pipeline.ask and prints one JSON line:
// { loadSeconds, queryP50Ms, queryP95Ms, maxRssMB }.
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../../config/config.js';
import { probeEngine } from '../probe.js';

const [questionsFile] = process.argv.slice(2);
const config = loadConfig();
if (!questionsFile || !config.databaseUrl) {
  process.stderr.write('사용법: DATABASE_URL=… scale-probe.ts <질문 JSON 파일>\n');
  process.exit(2);
}
const parsed: unknown = JSON.parse(await readFile(questionsFile, 'utf8'));
const questions = Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];

process.stdout.write(`${JSON.stringify(await probeEngine({ ...config, indexBackend: 'postgres' }, questions))}\n`);
process.exit(0);
