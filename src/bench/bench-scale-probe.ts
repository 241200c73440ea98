// Child of bench:scale: `node --import tsx bench-scale-probe.ts <indexDir> <questions.json>`.
// Opens the index as the server would (checksums included), asks every question through
// engine.pipeline.ask (retrieval + extractive answer) and prints one JSON line:
// { loadSeconds, queryP50Ms, queryP95Ms, maxRssMB }.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../config/config.js';
import { createLocalEmbedder, LOCAL_EMBEDDER_ID } from '../embed/local.js';
import { hnswRecall } from '../eval/hnsw-recall.js';
import { FILES } from '../index/format.js';
import { loadIndex } from '../index/store.js';
import { VectorIndex } from '../index/vectors.js';
import { probeEngine } from './probe.js';
import type { ProbeResult } from './bench-scale.js';

/** Queries for the recall check: each is a brute-force pass over every vector. */
const RECALL_QUERIES = 50;

const [indexDir, questionsFile] = process.argv.slice(2);
if (!indexDir || !questionsFile) {
  process.stderr.write('사용법: bench-scale-probe.ts <색인 폴더> <질문 JSON 파일>\n');
  process.exit(2);
}
const questions = z.array(z.string()).parse(JSON.parse(await readFile(questionsFile, 'utf8')));

const result: ProbeResult = await probeEngine({ ...loadConfig(), indexDir, indexBackend: 'local' }, questions);
// After the figures above (its brute-force pass would inflate the peak RSS): how much of
// the exact top 10 the HNSW search finds with the index's parameters.
const index = await loadIndex(indexDir, LOCAL_EMBEDDER_ID, { verify: false });
for (const efSearch of [64, 128, 256]) {
  const vectors = await VectorIndex.load(join(index.dir, FILES.vectors), index.manifest.embedder.dimension, {
    ...index.manifest.hnsw,
    efSearch,
  });
  const { recall, searchMs } = await hnswRecall(vectors, createLocalEmbedder(), questions.slice(0, RECALL_QUERIES));
  process.stderr.write(
    `HNSW recall@10 (M ${index.manifest.hnsw.m}, efConstruction ${index.manifest.hnsw.efConstruction}, efSearch ${efSearch}, ${Math.min(RECALL_QUERIES, questions.length)}개 질문): ${recall.toFixed(4)}, 검색 ${searchMs.toFixed(2)}ms\n`,
  );
}
process.stdout.write(`${JSON.stringify(result)}\n`);
