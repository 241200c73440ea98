// `npm run bench:scale`: how ingest, index size, load time, query latency and memory grow
// with the corpus. A synthetic Korean news corpus is made at run time in a temp dir by
// recombining KorQuAD sentences (the dataset is read in place; nothing generated is kept)
// into short dated articles of 2–4 chunks, written as a few large .jsonl files. It goes
// through the normal ingest path (corpus reader → chunker → local embedder → index), then a
// fresh child process (bench-scale-probe.ts) loads the index and asks questions, so load
// time and memory are those of a cold server. Prints measured numbers only.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { loadConfig, type Config } from '../config/config.js';
import { ingestCorpus } from '../wiring.js';
import { DEFAULT_CHUNKING } from '../ingest/ingest.js';
import { chunkText } from '../text/chunk.js';
import { splitSentences } from '../text/sentences.js';
import { MB } from './load-protocol.js';
import { DEFAULT_KORQUAD_FILE } from '../eval/bench-korquad.js';
import { loadKorquad } from '../eval/korquad-data.js';
import { roundTo } from '../eval/round.js';
import { childScript } from './child-script.js';

interface ScaleBenchResult {
  /** Chunks the index holds after the ingest. */
  chunks: number;
  ingestSeconds: number;
  /** Bytes of the index folder on disk, in MiB. */
  indexMB: number;
  /** Peak RSS in MiB: the larger of the ingest process and the query probe. */
  rssMB: number;
  /** Cold load of the index (checksums included) in a fresh process. */
  loadSeconds: number;
  /** engine.pipeline.ask (retrieval + extractive answer) per question. */
  queryP50Ms: number;
  queryP95Ms: number;
}

/** What the probe child prints (one JSON line). */
export const probeResultSchema = z.object({
  loadSeconds: z.number(),
  queryP50Ms: z.number(),
  queryP95Ms: z.number(),
  maxRssMB: z.number(),
});
export type ProbeResult = z.infer<typeof probeResultSchema>;

/** Sentences to recombine and titles to hang them on. */
export interface SentencePool {
  titles: string[];
  sentences: string[];
}

interface SyntheticCorpusOptions {
  /** Stop once the articles hold at least this many chunks (by the ingest's chunker). */
  chunks: number;
  /** Folder the .jsonl files are written into (created if missing). */
  dir: string;
  /** How many .jsonl files the articles are dealt into (default 4). */
  files?: number;
  /** PRNG seed: the same seed and pool give the same corpus (default 1). */
  seed?: number;
}

interface SyntheticCorpusSummary {
  articles: number;
  chunks: number;
  files: string[];
}

const SOURCES = ['합성일보', '가상뉴스', '모의통신', '예시방송', '표본경제'];
/** Dates spread over ten years, for date filters to have something to cut. */
const FIRST_DAY = Date.UTC(2015, 0, 1);
const DAYS = 3652;

/** The item at `index` of a list the caller knows is long enough. */
function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`synthetic corpus: no item ${index} of ${items.length}`);
  return item;
}

/** mulberry32: a small deterministic PRNG, so a given seed always makes the same corpus. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** KorQuAD dev contexts split into sentences (10–400 characters), with the article titles. */
export async function korquadSentencePool(file: string): Promise<SentencePool & { questions: string[] }> {
  const data = await loadKorquad(file);
  const sentences: string[] = [];
  for (const article of data.articles) {
    for (const span of splitSentences(article.text)) {
      const sentence = article.text.slice(span.start, span.end);
      if (sentence.length >= 10 && sentence.length <= 400) sentences.push(sentence);
    }
  }
  return {
    titles: [...new Set(data.articles.map((article) => article.title))],
    sentences,
    questions: data.questions.map((question) => question.question),
  };
}

/**
 * Writes synthetic articles as JSONL (`{ id, title, date, source, text }` a line) until
 * they hold `options.chunks` chunks. Each article takes 2–4 chunks' worth of random
 * sentences in paragraphs of 2–3 sentences, a random date and source.
 */
export async function generateSyntheticCorpus(pool: SentencePool, options: SyntheticCorpusOptions): Promise<SyntheticCorpusSummary> {
  if (pool.sentences.length === 0 || pool.titles.length === 0) throw new Error('synthetic corpus: empty sentence pool');
  const random = prng(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => itemAt(items, Math.floor(random() * items.length));
  const fileCount = Math.max(1, options.files ?? 4);
  await mkdir(options.dir, { recursive: true });
  const files = Array.from({ length: fileCount }, (_, i) => join(options.dir, `synthetic-${String(i + 1).padStart(2, '0')}.jsonl`));
  const streams = files.map((file) => createWriteStream(file));
  let articles = 0;
  let chunks = 0;
  try {
    while (chunks < options.chunks) {
      const target = 2 + Math.floor(random() * 3);
      const paragraphs: string[] = [];
      let text = '';
      let count = 0;
      // Grow paragraph by paragraph; only chunk once the text could hold `target` chunks.
      while (count < target) {
        const size = 2 + Math.floor(random() * 2);
        paragraphs.push(Array.from({ length: size }, () => pick(pool.sentences)).join(' '));
        text = paragraphs.join('\n');
        if (text.length > (target - 1) * DEFAULT_CHUNKING.maxChars * 0.8) count = chunkText(text, DEFAULT_CHUNKING).length;
      }
      const date = new Date(FIRST_DAY + Math.floor(random() * DAYS) * 86_400_000).toISOString().slice(0, 10);
      const line = JSON.stringify({ id: `syn-${articles + 1}`, title: `${pick(pool.titles)} 소식`, date, source: pick(SOURCES), text });
      const stream = itemAt(streams, articles % fileCount);
      if (!stream.write(`${line}\n`)) await once(stream, 'drain');
      articles++;
      chunks += count;
    }
  } finally {
    await Promise.all(
      streams.map(async (stream) => {
        stream.end();
        await once(stream, 'finish');
      }),
    );
  }
  return { articles, chunks, files };
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await folderBytes(path) : (await stat(path)).size;
  }
  return total;
}

/** Loads the index in a fresh `node --import tsx` process and asks it the questions. */
async function probe(indexDir: string, questionsFile: string): Promise<ProbeResult> {
  const script = childScript(import.meta.url, 'bench-scale-probe');
  const child = spawn(process.execPath, [...script.execArgv, script.path, indexDir, questionsFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (data: string) => (output += data));
  const code = await new Promise<number | null>((settle) => child.once('exit', settle));
  if (code !== 0) throw new Error(`색인 적재 측정 프로세스가 실패했습니다 (코드 ${code})`);
  return probeResultSchema.parse(JSON.parse(output.trim().split('\n').pop() ?? ''));
}

interface ScaleBenchOptions {
  chunks: number;
  data?: string;
  /** Questions asked by the probe (default 300). */
  questions?: number;
  onNotice?: (message: string) => void;
}

export async function runScaleBench(options: ScaleBenchOptions): Promise<ScaleBenchResult> {
  const notice = options.onNotice ?? (() => undefined);
  const pool = await korquadSentencePool(options.data ?? DEFAULT_KORQUAD_FILE);
  const work = await mkdtemp(join(tmpdir(), 'bench-scale-'));
  try {
    const corpusDir = join(work, 'corpus');
    const indexDir = join(work, 'index');
    const generated = await generateSyntheticCorpus(pool, { chunks: options.chunks, dir: corpusDir });
    notice(`합성 코퍼스: 기사 ${generated.articles}개, 청크 약 ${generated.chunks}개 (${generated.files.length}개 파일). 색인 중…`);
    const config: Config = {
      ...loadConfig(),
      embeddingsProvider: 'local',
      llmProvider: 'extractive',
      corpusDir,
      indexDir,
      indexBackend: 'local',
    };
    const started = performance.now();
    const summary = await ingestCorpus(config, { rebuild: true });
    const ingestSeconds = (performance.now() - started) / 1000;
    const ingestRssMB = process.resourceUsage().maxRSS / 1024;
    const indexMB = (await folderBytes(indexDir)) / MB;
    notice(`색인 완료: 청크 ${summary.chunks}개, ${roundTo(ingestSeconds, 1)}초, ${roundTo(indexMB, 1)} MB. 새 프로세스에서 적재·질의 중…`);
    // Every ~19th question: spread over the dev set's articles, not one article's questions.
    const stride = Math.max(1, Math.floor(pool.questions.length / (options.questions ?? 300)));
    const questions = pool.questions.filter((_, i) => i % stride === 0).slice(0, options.questions ?? 300);
    const questionsFile = join(work, 'questions.json');
    await writeFile(questionsFile, JSON.stringify(questions));
    const probed = await probe(indexDir, questionsFile);
    notice(`최대 RSS: 색인 프로세스 ${roundTo(ingestRssMB, 1)} MB, 적재·질의 프로세스 ${roundTo(probed.maxRssMB, 1)} MB.`);
    return {
      chunks: summary.chunks,
      ingestSeconds: roundTo(ingestSeconds, 1),
      indexMB: roundTo(indexMB, 1),
      rssMB: roundTo(Math.max(ingestRssMB, probed.maxRssMB), 1),
      loadSeconds: roundTo(probed.loadSeconds, 2),
      queryP50Ms: roundTo(probed.queryP50Ms, 2),
      queryP95Ms: roundTo(probed.queryP95Ms, 2),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
