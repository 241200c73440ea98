// The ingest lock of an index folder: one ingest at a time, across processes.
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../errors/app-error.js';

const LOCK = 'ingest.lock';

/** The `code` of a Node system error (EEXIST, EPERM…), if it has one. */
function systemErrorCode(error: unknown): unknown {
  return error instanceof Error ? Reflect.get(error, 'code') : undefined;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return systemErrorCode(error) === 'EPERM';
  }
}

/** The pid written in a lock file, or undefined when it cannot be read (written by an older version: stale). */
async function lockHolder(file: string): Promise<number | undefined> {
  try {
    const owner: unknown = JSON.parse(await readFile(file, 'utf8'));
    const pid: unknown = typeof owner === 'object' && owner !== null ? Reflect.get(owner, 'pid') : undefined;
    return typeof pid === 'number' ? pid : undefined;
  } catch {
    return undefined;
  }
}

// Lock files held by this process. The pid in a lock file cannot tell a second ingest of
// this process from a lock left by a dead process whose pid we now reuse (containers).
const heldLocks = new Set<string>();

/** Takes the ingest lock or throws INDEX_LOCKED; a lock left by a dead process is taken over. */
export async function acquireLock(indexDir: string): Promise<() => Promise<void>> {
  await mkdir(indexDir, { recursive: true });
  const file = resolve(indexDir, LOCK); // absolute: one key per folder, however it is named
  if (heldLocks.has(file)) {
    throw new AppError('INDEX_LOCKED', `이 프로세스에서 다른 색인 작업이 진행 중입니다. 끝난 뒤 다시 실행하세요 (${file}).`);
  }
  const owner = JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    // Write the owner aside, then hard-link it into place: link() fails when the lock exists,
    // and a lock that exists always has its owner written, so no one reads a half-made lock.
    const pending = `${file}.${process.pid}.tmp`;
    await writeFile(pending, owner);
    try {
      await link(pending, file);
      heldLocks.add(file);
      return async () => {
        heldLocks.delete(file);
        // Remove the lock only while it is still ours (a stale-lock takeover may have replaced it).
        if ((await readFile(file, 'utf8').catch(() => '')) === owner) await unlink(file).catch(() => undefined);
      };
    } catch (error) {
      if (systemErrorCode(error) !== 'EEXIST') throw error;
      const holder = await lockHolder(file);
      if (holder && holder !== process.pid && isProcessAlive(holder)) {
        throw new AppError('INDEX_LOCKED', `다른 색인 작업(pid ${holder})이 진행 중입니다. 끝난 뒤 다시 실행하세요 (${file}).`);
      }
      await unlink(file).catch(() => undefined);
    } finally {
      await unlink(pending).catch(() => undefined);
    }
  }
  throw new AppError('INDEX_LOCKED', `색인 잠금을 얻지 못했습니다: ${file}`);
}
