// A new user's first hour, scripted. A fresh copy of the repository (what a clone holds:
// tracked and new files, no node_modules, dist, data or .env) is built as `npm ci` builds it,
// gets the user's own articles in every format in corpus/ and a `.env` made from
// `.env.example`. Then, through the real npm scripts: ingest reads every article, `npm start`
// serves on the .env's PORT, `npm run -s ask -- --json` prints pure JSON citing the user's
// article, the tests that read corpus/ still pass, and `npm run eval` exits 0.
// node_modules is a symlink to this checkout's, so no install runs (the build does).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDotEnv } from '../../src/config/dotenv.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function gitFiles(): string[] | undefined {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    return out.split('\0').filter((path) => path !== '' && existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile());
  } catch {
    return undefined;
  }
}

const files = gitFiles();
// CI always runs from a clone, so there the copy is always possible.
const skip = files === undefined && !process.env.CI;
if (skip) console.warn('Skipping the new-user run: this checkout is not a git work tree, so a clone cannot be imitated.');

// ------------------------------------------------------------------ the user's articles
// Written for this test; one of each format the README lists, and two legacy encodings.

const LIBRARY_TITLE = '해솔시립도서관, 다음 달부터 평일 밤 10시까지 문 연다';
const LIBRARY_QUESTION = '해솔시립도서관은 평일 몇 시까지 문을 열어?';

const USER_FILES: Record<string, string | Buffer> = {
  'haesol-library.md': `---
id: haesol-library-hours
title: "${LIBRARY_TITLE}"
date: 2026-03-02
source: 해솔일보
---
해솔시립도서관은 다음 달 1일부터 평일 운영 시간을 밤 10시까지 늘린다고 2일 밝혔다.
지금은 평일 오후 6시에 문을 닫는다. 주말 운영 시간은 오전 9시부터 오후 5시까지로 바뀌지 않는다.
도서관 측은 퇴근한 직장인과 시험을 준비하는 학생들의 요청이 많아 연장을 결정했다고 설명했다.
`,
  'bus-route.txt': `date 2026-03-05
title: 해솔시 순환버스 7번 노선, 시청까지 늘어난다

해솔시는 순환버스 7번 노선을 시청 앞까지 연장해 이달 16일부터 운행한다고 5일 밝혔다.
배차 간격은 출퇴근 시간에 12분, 그 밖의 시간에 20분이다.
`,
  'market-briefs.jsonl': [
    {
      id: 'haesol-market-1',
      title: '해솔 전통시장, 주차장 120면 새로 연다',
      date: '2026-03-06',
      source: '해솔일보',
      text: '해솔 전통시장 옆에 주차장 120면이 새로 문을 연다. 시장 상인회는 첫 30분을 무료로 한다고 밝혔다.',
    },
    {
      id: 'haesol-market-2',
      title: '해솔 전통시장 봄맞이 할인 행사',
      date: '2026-03-09',
      text: '해솔 전통시장은 이달 20일부터 사흘 동안 봄맞이 할인 행사를 연다. 채소와 과일을 최대 30% 싸게 판다.',
    },
  ]
    .map((line) => JSON.stringify(line))
    .join('\n'),
  'river-park.html': `<!doctype html>
<html lang="ko"><head><meta charset="utf-8">
<title>해솔강 수변공원 산책로 개통 | 해솔일보</title>
<meta property="og:title" content="해솔강 수변공원 산책로 3㎞ 개통">
<meta property="article:published_time" content="2026-03-10T09:00:00+09:00">
</head><body>
<header><nav><a href="/">홈</a> <a href="/local">지역</a></nav></header>
<article>
<h1>해솔강 수변공원 산책로 3㎞ 개통</h1>
<p class="byline">김해솔 기자 haesol@example.com</p>
<p>해솔강을 따라 걷는 수변공원 산책로 3㎞ 구간이 10일 개통했다.</p>
<p>산책로에는 자전거 도로와 쉼터 여섯 곳이 함께 들어섰다. 해솔시는 야간 조명을 밤 11시까지 켠다고 밝혔다.</p>
<aside class="related"><h2>관련 기사</h2><ul><li><a href="/1">해솔강 정비 사업 착공</a></li></ul></aside>
</article>
<footer>ⓒ 해솔일보. 무단 전재 및 재배포 금지</footer>
</body></html>
`,
  // CP949, as an older Windows editor saves it.
  'ferry-cp949.txt': Buffer.from(
    '6461746520323032362d30332d30340a7469746c653a20c7d8bcd6c7d720bfa9b0b4bcb12c20bec8b0b320b0c8c7f420bfeec7d720c0e7b0b30a0ac7d8bcd6c7d7b0fa20b9d9b6f7bcb6c0bb20c0d5b4c220bfa9b0b4bcb1c0cc20bbe7c8ea20b8b8bfa120bfeec7d7c0bb20b4d9bdc320bdc3c0dbc7dfb4d92e20c7d8bcd6c7d720bfeec7d7b0fcb8aebdc7c0ba2034c0cf20bfc0c0fc20c2a3c0ba20bec8b0b3b0a120b0c8c8f7c0da20c3b920b9e8b8a620bfc0c0fc2039bdc3203330bad0bfa120b6e7bffcb4d9b0ed20b9e0c7fbb4d92e0a',
    'hex',
  ),
  // UTF-16 with a byte-order mark, as some exporters write it.
  'school-utf16.txt': Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(
      'date 2026-03-11\ntitle: 해솔초등학교 새 체육관 준공\n\n해솔초등학교 새 체육관이 11일 준공됐다. 체육관은 방과 후에 주민에게도 열린다.\n',
      'utf16le',
    ),
  ]),
};
/** Articles the files above hold (the JSONL file holds two). */
const USER_ARTICLES = 7;

// ------------------------------------------------------------------ running commands in the copy

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let home = '';
let repo = '';
let env: NodeJS.ProcessEnv = {};
let port = 0;
const children: ChildProcess[] = [];

/** Runs a command in the copy to its end; output is kept for assertions and failure messages. */
function runIn(command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repo, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const tail = (text: string) => text.split('\n').slice(-25).join('\n');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as AddressInfo;
      server.close(() => resolve(free));
    });
    server.on('error', reject);
  });
}

/** The test files that read the user's corpus/ or the default index: the ones a user's articles could reach. */
async function testsReadingUserData(): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(join(repo, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else if (path.endsWith('.test.ts') && !path.includes('new-user')) {
        const text = await readFile(join(repo, path), 'utf8');
        if (/\.\.\/\.\.\/corpus\/|['"`]corpus\/?['"`]|data\/index/.test(text)) found.push(path);
      }
    }
  };
  await walk('test');
  return found;
}

describe.skipIf(skip)('a new user: fresh copy, own articles in every format, .env', () => {
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'new-user-'));
    repo = join(home, 'repo');
    for (const path of files!) {
      await mkdir(dirname(join(repo, path)), { recursive: true });
      await copyFile(join(ROOT, path), join(repo, path));
    }
    await symlink(join(ROOT, 'node_modules'), join(repo, 'node_modules'), 'dir');
    // The KorQuAD eval set reads ../shared/datasets, beside the repository, as in a real checkout.
    if (existsSync(join(ROOT, '..', 'shared'))) await symlink(join(ROOT, '..', 'shared'), join(home, 'shared'), 'dir');

    // What a user has: no variable of the app's, no ENV_FILE (npm test sets one to keep tests hermetic).
    const appVariables = new Set([
      ...Object.keys(parseDotEnv(await readFile(join(repo, '.env.example'), 'utf8'))),
      'ENV_FILE',
      'LOG_FORMAT',
      'NODE_ENV',
    ]);
    env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !appVariables.has(name) && !name.startsWith('VITEST')));

    // `cp .env.example .env`, then pick a port: only the file says where to listen.
    port = await freePort();
    const example = await readFile(join(repo, '.env.example'), 'utf8');
    expect(example).toMatch(/^PORT=.*$/m);
    await writeFile(
      join(repo, '.env'),
      example.replace(/^PORT=.*$/m, `PORT=${port}`).replace(/^RATE_LIMIT_PER_MIN=.*$/m, 'RATE_LIMIT_PER_MIN=0'),
    );

    // `npm ci` runs `prepare`, which is the build.
    const build = await runIn(NPM, ['run', 'build']);
    expect(build.code, `npm run build failed:\n${tail(build.stderr)}`).toBe(0);
  }, 600_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('tracks no file that .gitignore ignores', () => {
    expect(execFileSync('git', ['ls-files', '-ci', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })).toBe('');
  });

  it('indexes the shipped corpus, then every one of the user’s articles, skipping none', async () => {
    const first = await runIn(NPM, ['run', '-s', 'ingest', '--', '--json']);
    expect(first.code, tail(first.stderr)).toBe(0);
    const shipped = JSON.parse(first.stdout) as { articles: number; skipped: unknown[] };

    for (const [name, content] of Object.entries(USER_FILES)) await writeFile(join(repo, 'corpus', name), content);
    const second = await runIn(NPM, ['run', '-s', 'ingest', '--', '--json']);
    expect(second.code, tail(second.stderr)).toBe(0);
    // stdout is the JSON summary and nothing else, so it pipes into jq.
    const summary = JSON.parse(second.stdout) as { articles: number; embedded: number; skipped: unknown[] };
    expect(summary.skipped).toEqual([]);
    expect(summary.articles).toBe(shipped.articles + USER_ARTICLES);
    expect(summary.embedded).toBeGreaterThan(0);
  }, 180_000);

  it('`npm start` serves on the PORT from .env, page and API, and stops on SIGTERM', async () => {
    // A port picked minutes earlier may since have gone to another test's server: pick it again
    // right before the start, and take only our own server's start line as its owner.
    port = await freePort();
    const dotEnv = await readFile(join(repo, '.env'), 'utf8');
    await writeFile(join(repo, '.env'), dotEnv.replace(/^PORT=.*$/m, `PORT=${port}`));
    const child = spawn(NPM, ['start'], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    children.push(child);
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('close', (code, signal) => resolve({ code, signal })),
    );
    let exitCode: number | null | undefined;
    void exited.then(({ code }) => (exitCode = code));

    const base = `http://127.0.0.1:${port}`;
    // Bounded poll of the readiness endpoint: the server listens first, then loads the index.
    for (let attempt = 0; ; attempt++) {
      if (exitCode !== undefined) throw new Error(`npm start exited (${exitCode}):\n${tail(output)}`);
      if (attempt > 1_200) throw new Error(`not ready on port ${port} (from .env) after 2 minutes:\n${tail(output)}`);
      const status = await fetch(`${base}/readyz`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200 && output.includes(`:${port}`)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('뉴스 기사 Q&amp;A');
    expect((await fetch(`${base}/app.js`)).status).toBe(200);
    const search = (await (await fetch(`${base}/api/search?q=${encodeURIComponent('해솔강 수변공원 산책로')}`)).json()) as {
      results: Array<{ title: string }>;
    };
    expect(search.results[0]?.title).toContain('해솔강 수변공원 산책로');

    // As a terminal's Ctrl-C does, the signal reaches npm and the server alike: the server
    // closes cleanly, and npm then ends itself with the same signal.
    process.kill(-child.pid!, 'SIGTERM');
    expect([
      { code: 0, signal: null },
      { code: null, signal: 'SIGTERM' },
    ]).toContainEqual(await exited);
    expect(output).toContain('종료'); // the server's own graceful-shutdown line
    expect(output).not.toMatch(/"level":(50|60)|ERROR|FATAL/);
  }, 180_000);

  it('`npm run -s ask -- --json` prints only JSON, answering from the user’s article', async () => {
    const run = await runIn(NPM, ['run', '-s', 'ask', '--', '--json', LIBRARY_QUESTION]);
    expect(run.code, tail(run.stderr)).toBe(0);
    const response = JSON.parse(run.stdout) as { answer: string; refused: boolean; citations: Array<{ title: string }> };
    expect(response.refused).toBe(false);
    expect(response.answer).toContain('10시');
    expect(response.citations.map((citation) => citation.title)).toContain(LIBRARY_TITLE);
  }, 120_000);

  it('rebuilds dist/ once after a source changes, then runs without building', async () => {
    const marker = `/* edited ${Date.now()} */\n`;
    await writeFile(join(repo, 'src/server/web/styles.css'), marker, { flag: 'a' });
    const first = await runIn(NPM, ['run', '-s', 'ask', '--', '--json', LIBRARY_QUESTION]);
    expect(first.code, tail(first.stderr)).toBe(0);
    expect(first.stderr).toContain('다시 빌드합니다');
    expect(JSON.parse(first.stdout)).toHaveProperty('answer'); // build messages stay off stdout
    expect(await readFile(join(repo, 'dist/server/web/styles.css'), 'utf8')).toContain(marker);
    const second = await runIn(NPM, ['run', '-s', 'ask', '--', LIBRARY_QUESTION]);
    expect(second.code, tail(second.stderr)).toBe(0);
    expect(second.stderr).not.toContain('빌드');
  }, 180_000);

  it('the tests that read corpus/ or the default index still pass', async () => {
    const tests = await testsReadingUserData();
    if (tests.length === 0) return; // none left: then no test can see the user's articles
    const run = await runIn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...tests], { ENV_FILE: '/dev/null' });
    expect(run.code, `${tests.join(', ')}:\n${tail(run.stdout)}\n${tail(run.stderr)}`).toBe(0);
  }, 300_000);

  it('`npm run eval` exits 0: the shipped sets run on their own fixture corpora', async () => {
    const run = await runIn(NPM, ['run', '-s', 'eval']);
    expect(run.code, `${tail(run.stdout)}\n${tail(run.stderr)}`).toBe(0);
  }, 600_000);
});
