#!/usr/bin/env node
// @ts-check
// How long a user waits: `npm start` until the port accepts connections (and until /readyz
// says ready) with an existing index, and the wall time of `npm run -s ask -- "질문"`.
// Prints JSON. Runs with the defaults (local embedder, extractive answers, no .env).
//   npm run bench:start -- [--runs N] [--question TEXT] [--tsx]
// --tsx also times the same commands through tsx, the way they ran before the build.
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { ensureBuilt, ROOT } from './build.mjs';

const TARGETS = { startToPortMs: 2_000, askWallMs: 1_500 };
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    question: { type: 'string', default: '이홍락 원장은 어디서 열린 행사에 참석했어?' },
    tsx: { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(values.runs) || 5);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** Defaults only: a developer's .env must not turn this into a model benchmark. */
const ENV = { ...process.env, ENV_FILE: '/dev/null', LOG_FORMAT: 'json', EMBEDDINGS_PROVIDER: 'local', LLM_PROVIDER: 'extractive' };

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function isReady(port) {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200;
  } catch {
    return false;
  }
}

/** Spawns a command in its own process group, so the whole tree (npm → sh → node) can be stopped. */
function run(command, args, env) {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

async function timeStart(command, args) {
  const port = await freePort();
  const started = performance.now();
  const { child, exited, stderr } = run(command, args, { ...ENV, PORT: String(port) });
  let exitCode;
  void exited.then((code) => (exitCode = code));
  let openMs;
  let readyMs;
  while (readyMs === undefined) {
    if (exitCode !== undefined) throw new Error(`the server exited (${exitCode}) before it was ready: ${stderr()}`);
    if (performance.now() - started > 120_000) throw new Error('the server was not ready within 120 s');
    if (openMs === undefined && (await canConnect(port))) openMs = performance.now() - started;
    if (openMs !== undefined && (await isReady(port))) readyMs = performance.now() - started;
    else await sleep(10);
  }
  process.kill(-(/** @type {number} */ (child.pid)), 'SIGTERM');
  await exited;
  noteRebuild(stderr());
  return { openMs: Math.round(openMs ?? readyMs), readyMs: Math.round(readyMs) };
}

async function timeAsk(command, args) {
  const started = performance.now();
  const { exited, stderr } = run(command, args, ENV);
  const code = await exited;
  if (code !== 0) throw new Error(`ask exited ${code}: ${stderr()}`);
  noteRebuild(stderr());
  return Math.round(performance.now() - started);
}

/** Samples whose command rebuilt dist/ first (sources changed during the run): not a start time. */
let rebuilds = 0;
const noteRebuild = (stderr) => {
  if (stderr.includes('빌드합니다')) rebuilds += 1;
};

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor((numbers.length - 1) / 2)];

async function measure(label, start, ask) {
  // One untimed run first: it builds the index if missing, and warms the file cache as a user's
  // second start would be.
  await timeAsk(...ask);
  const starts = [];
  const asks = [];
  for (let index = 0; index < runs; index++) {
    starts.push(await timeStart(...start));
    asks.push(await timeAsk(...ask));
  }
  return {
    label,
    startToPortMs: median(starts.map((sample) => sample.openMs)),
    startToReadyMs: median(starts.map((sample) => sample.readyMs)),
    askWallMs: median(asks),
    samples: {
      startToPortMs: starts.map((sample) => sample.openMs),
      startToReadyMs: starts.map((sample) => sample.readyMs),
      askWallMs: asks,
    },
  };
}

ensureBuilt();
const results = [await measure('npm (dist)', [NPM, ['start']], [NPM, ['run', '-s', 'ask', '--', values.question]])];
if (values.tsx) {
  const tsx = ['node_modules/.bin/tsx', 'src/cli.ts'];
  results.push(await measure('tsx', [tsx[0], [tsx[1], 'serve']], [tsx[0], [tsx[1], 'ask', values.question]]));
}
const [main] = results;
const report = {
  runs,
  question: values.question,
  targets: TARGETS,
  pass: { startToPort: main.startToPortMs <= TARGETS.startToPortMs, askWall: main.askWallMs <= TARGETS.askWallMs },
  // Non-zero: src/ changed while measuring and some samples include a rebuild; measure again.
  rebuilds,
  results,
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
