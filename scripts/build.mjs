#!/usr/bin/env node
// @ts-check
// Compiles src/ to dist/ once, so the commands run plain `node` instead of compiling
// TypeScript at every start (tsx took 6–14 s per command on a 2-core machine).
//   node scripts/build.mjs            build now (npm run build; npm ci runs it through `prepare`)
//   import { ensureBuilt } from …     build only when src/ changed since the last build (scripts/run.mjs)
// Non-TypeScript files under src/ (the page in src/server/web/) are mirrored into dist/, so
// paths resolved from import.meta.url work from either tree.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build-stamp');
const LOCK = join(DIST, '.build-lock');
const TSCONFIG = join(ROOT, 'tsconfig.build.json');
/** A lock older than this is taken over even if its owner seems alive (a reused pid). */
const STALE_LOCK_MS = 5 * 60_000;

/** Every file and folder under `dir` (folders too: deleting a file changes its folder's mtime). */
function walk(dir, visit) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    visit(path, entry.isDirectory());
    if (entry.isDirectory()) walk(path, visit);
  }
}

/** Newest mtime and entry count of the inputs: a cheap summary that changes with any edit, add or delete. */
export function sourceFingerprint() {
  let newest = 0;
  let count = 0;
  const see = (path) => {
    newest = Math.max(newest, statSync(path).mtimeMs);
    count += 1;
  };
  see(SRC);
  walk(SRC, see);
  for (const file of ['tsconfig.json', 'tsconfig.build.json']) see(join(ROOT, file));
  return `${Math.round(newest)}:${count}`;
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')).fingerprint;
  } catch {
    return undefined;
  }
}

export function isFresh() {
  return existsSync(join(DIST, 'cli.js')) && readStamp() === sourceFingerprint();
}

/** Copies non-TypeScript files of src/ into dist/ and removes outputs whose source is gone. */
function mirror() {
  walk(SRC, (path, isDirectory) => {
    if (isDirectory || path.endsWith('.ts')) return;
    const target = join(DIST, relative(SRC, path));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(path, target);
  });
  walk(DIST, (path, isDirectory) => {
    const name = relative(DIST, path);
    if (isDirectory || name.startsWith('.')) return;
    const source = join(SRC, name.replace(/\.js(\.map)?$/, '.ts'));
    if (!existsSync(source) && !existsSync(join(SRC, name))) unlinkSync(path);
  });
}

/**
 * Runs tsc and mirrors assets; throws with a Korean message when the build fails.
 * `strict: false` (the lazy build before a command) runs code that has type errors, as tsx did:
 * tsc still emits it (exit status 2), and `npm test` and `npm run build` report the errors.
 */
export function build({ strict = true } = {}) {
  const fingerprint = sourceFingerprint();
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) throw new Error('TypeScript가 설치되어 있지 않아 빌드할 수 없습니다. 먼저 `npm ci`를 실행하세요.');
  // An output deleted by hand would stay missing: tsc's incremental info would call it up to date.
  if (!existsSync(join(DIST, 'cli.js'))) rmSync(join(DIST, '.tsbuildinfo'), { force: true });
  // Compiler messages go to stderr, so `npm run -s ask -- --json` keeps stdout pure JSON.
  const result = spawnSync(process.execPath, [tsc, '-p', TSCONFIG], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  const emittedWithErrors = result.status === 2 && existsSync(join(DIST, 'cli.js'));
  if (result.status !== 0 && (strict || !emittedWithErrors)) {
    throw new Error('빌드 실패: tsc가 오류를 보고했습니다 (위 메시지). 고친 뒤 `npm run build`를 실행하세요.');
  }
  if (result.status !== 0) process.stderr.write('타입 오류가 있지만 만들어진 코드로 실행합니다 (위 메시지, `npm run build`로 확인).\n');
  mirror();
  writeFileSync(STAMP, `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() })}\n`);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** A lock left by a build that was interrupted (Ctrl-C) or is far too old. */
function isStale() {
  try {
    const owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    return !isAlive(owner) || Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS;
  } catch {
    // No pid file yet: the owner is between mkdir and write, unless that was long ago.
    try {
      return Date.now() - statSync(LOCK).mtimeMs > 10_000;
    } catch {
      return false; // released meanwhile
    }
  }
}

/** Holds dist/.build-lock while `task` runs, so two commands started together build once. */
function withLock(task) {
  mkdirSync(DIST, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
      if (isStale()) rmSync(LOCK, { recursive: true, force: true });
      else sleep(200);
    }
  }
  try {
    return task();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds when dist/ is missing or older than src/. Returns true when it built. */
export function ensureBuilt(log = (/** @type {string} */ message) => process.stderr.write(`${message}\n`)) {
  if (isFresh()) return false;
  return withLock(() => {
    if (isFresh()) return false; // another command built it while this one waited
    const started = performance.now();
    log(existsSync(join(DIST, 'cli.js')) ? '소스가 바뀌어 다시 빌드합니다…' : '처음 실행: TypeScript를 dist/로 빌드합니다…');
    build({ strict: false });
    log(`빌드 완료 (${((performance.now() - started) / 1000).toFixed(1)}초)`);
    return true;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    withLock(build);
  } catch (error) {
    process.stderr.write(`${/** @type {Error} */ (error).message}\n`);
    process.exitCode = 1;
  }
}
