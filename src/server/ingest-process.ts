// Runs `ingest --json` in a child process for the server: the build's CPU work (chunking,
// embedding, HNSW inserts) and its memory stay out of the process that answers, so answering
// goes on at full speed while a new generation is built. The child takes the index lock and
// publishes CURRENT exactly as `npm run ingest` does.
import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { childEnvironment } from '../config/environment.js';
import { AppError } from '../errors/app-error.js';
import type { IngestSummary } from '../ingest/ingest.js';

/** The CLI next to this module: cli.ts under tsx, cli.js once compiled. */
const CLI_ENTRY = fileURLToPath(new URL(`../cli${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

/** Nice value of the build process (0 = the server's, 19 = lowest). */
const BUILD_NICENESS = 10;

export function summaryLine(summary: IngestSummary): string {
  return `색인 완료: 기사 ${summary.articles}개, 청크 ${summary.chunks}개, 새로 임베딩 ${summary.embedded}개, 삭제 ${summary.removed}개, 건너뜀 ${summary.skipped.length}개 (${summary.seconds}초)`;
}

interface IngestProcessOptions {
  corpusDir: string;
  indexDir: string;
  rebuild?: boolean;
  /** Each line the child writes to stderr (notices, skipped files, its error line). */
  onLine?: (line: string) => void;
  /** Extra environment for the child (the parent's is inherited). */
  env?: Record<string, string>;
}

export interface IngestProcess {
  /** The summary, or an AppError INGEST_FAILED whose message is the child's last error line. */
  done: Promise<IngestSummary>;
  /** Stops the build; the previous generation stays live. */
  kill(): void;
  /** The child's process id (for memory readings). */
  readonly pid: number | undefined;
}

export function startIngestProcess(options: IngestProcessOptions): IngestProcess {
  const args = [
    ...process.execArgv.filter((arg) => !arg.startsWith('--inspect')),
    CLI_ENTRY,
    'ingest',
    '--json',
    '--corpus',
    options.corpusDir,
    '--index',
    options.indexDir,
  ];
  if (options.rebuild) args.push('--rebuild');
  const child: ChildProcess = spawn(process.execPath, args, {
    env: childEnvironment(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Below the server's priority: when both want the CPU, answering goes first and the build waits.
  // On an idle machine a nice value changes nothing.
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, BUILD_NICENESS);
    } catch {
      // Not permitted here (some containers): the build runs at normal priority.
    }
  }
  let stdout = '';
  let lastError = '';
  // stdio 'pipe' above: both streams exist.
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  if (child.stderr) {
    createInterface({ input: child.stderr }).on('line', (line) => {
      if (!line.trim()) return;
      lastError = line.trim();
      options.onLine?.(line);
    });
  }
  const done = new Promise<IngestSummary>((resolve, reject) => {
    child.once('error', (error) =>
      reject(new AppError('INGEST_FAILED', `색인 프로세스를 시작하지 못했습니다: ${error.message}`, { cause: error })),
    );
    child.once('close', (code, signal) => {
      if (code === 0) {
        const line = stdout.trim().split('\n').at(-1) ?? '';
        try {
          return resolve(JSON.parse(line) as IngestSummary);
        } catch {
          return reject(new AppError('INGEST_FAILED', `색인 프로세스의 요약을 읽지 못했습니다: ${line.slice(0, 200)}`));
        }
      }
      reject(new AppError('INGEST_FAILED', lastError || `색인 프로세스가 실패했습니다 (${signal ?? `코드 ${code}`}).`));
    });
  });
  return {
    done,
    pid: child.pid,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}
