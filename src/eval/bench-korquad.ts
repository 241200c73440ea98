// `npm run bench:korquad`: every KorQuAD 1.0 dev paragraph becomes an article, every
// question goes through the engine the server uses, and MiniSearch with its default
// options runs on the same data as a peer baseline. Prints measured numbers only.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import type { Article } from '../domain/types.js';
import type { Engine } from '../rag/engine.js';
import { loadKorquad, type KorquadQuestion } from './korquad-data.js';
import { percentile } from './metrics.js';
import { roundTo } from './round.js';

export const DEFAULT_KORQUAD_FILE = '../shared/datasets/korquad/KorQuAD_v1.0_dev.json';

interface KorquadBenchResult {
  questions: number;
  hit1: number;
  hit5: number;
  hit10: number;
  mrr10: number;
  answerContainsGold: number;
  medianAnswerChars: number;
  citationValidity: number;
  refusalRate: number;
  /** Whole question → answer latency (retrieval and extractive answer). */
  p50Ms: number;
  p95Ms: number;
  /** Retrieval alone (hybrid search, top 10). */
  retrievalP50Ms: number;
  retrievalP95Ms: number;
  indexSeconds: number;
  baselines: { minisearch: { hit1: number; hit5: number } };
}

interface KorquadBenchDeps {
  /** Indexes the articles into `indexDir` and opens the engine on it. */
  build(articles: Article[], indexDir: string): Promise<Engine>;
  onProgress?(done: number, total: number): void;
}

/** MiniSearch 7 with default options over title + text: the reference "plain JS search" figure. */
function miniSearchBaseline(articles: Article[], questions: KorquadQuestion[]): { hit1: number; hit5: number } {
  const search = new MiniSearch<Article>({ fields: ['title', 'text'], storeFields: [] });
  search.addAll(articles);
  let hit1 = 0;
  let hit5 = 0;
  for (const question of questions) {
    const rank = search
      .search(question.question)
      .slice(0, 5)
      .findIndex((result) => result.id === question.articleId);
    if (rank === 0) hit1++;
    if (rank >= 0) hit5++;
  }
  return { hit1: roundTo(hit1 / questions.length, 4), hit5: roundTo(hit5 / questions.length, 4) };
}

export async function runKorquadBench(file: string, limit: number | undefined, deps: KorquadBenchDeps): Promise<KorquadBenchResult> {
  const data = await loadKorquad(file);
  const questions = limit ? data.questions.slice(0, limit) : data.questions;
  const indexDir = await mkdtemp(join(tmpdir(), 'korquad-index-'));
  try {
    const indexStarted = performance.now();
    const engine = await deps.build(data.articles, indexDir);
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    const texts = new Map(data.articles.map((article) => [article.id, article.text]));

    let hit1 = 0,
      hit5 = 0,
      hit10 = 0,
      reciprocal = 0,
      containsGold = 0,
      refused = 0,
      citations = 0,
      validCitations = 0;
    const answerChars: number[] = [];
    const latencies: number[] = [];
    const retrievalLatencies: number[] = [];
    for (const [i, question] of questions.entries()) {
      const searchStarted = performance.now();
      const hits = await engine.search(question.question, { k: 10 });
      retrievalLatencies.push(performance.now() - searchStarted);
      const rank = hits.findIndex((hit) => hit.article.id === question.articleId);
      if (rank === 0) hit1++;
      if (rank >= 0 && rank < 5) hit5++;
      if (rank >= 0) {
        hit10++;
        reciprocal += 1 / (rank + 1);
      }
      const askStarted = performance.now();
      const response = await engine.pipeline.ask({ question: question.question });
      latencies.push(performance.now() - askStarted);
      if (response.refused) refused++;
      if (question.answers.some((gold) => response.answer.includes(gold))) containsGold++;
      answerChars.push(response.answer.length);
      for (const citation of response.citations) {
        citations++;
        const text = texts.get(citation.articleId);
        if (text !== undefined && citation.start !== undefined && text.slice(citation.start, citation.end) === citation.quote)
          validCitations++;
      }
      deps.onProgress?.(i + 1, questions.length);
    }
    const n = questions.length;
    return {
      questions: n,
      hit1: roundTo(hit1 / n, 4),
      hit5: roundTo(hit5 / n, 4),
      hit10: roundTo(hit10 / n, 4),
      mrr10: roundTo(reciprocal / n, 4),
      answerContainsGold: roundTo(containsGold / n, 4),
      medianAnswerChars: percentile(answerChars, 0.5) ?? 0,
      citationValidity: citations ? roundTo(validCitations / citations, 4) : 1,
      refusalRate: roundTo(refused / n, 4),
      p50Ms: roundTo(percentile(latencies, 0.5) ?? 0, 2),
      p95Ms: roundTo(percentile(latencies, 0.95) ?? 0, 2),
      retrievalP50Ms: roundTo(percentile(retrievalLatencies, 0.5) ?? 0, 2),
      retrievalP95Ms: roundTo(percentile(retrievalLatencies, 0.95) ?? 0, 2),
      indexSeconds: roundTo(indexSeconds, 2),
      baselines: { minisearch: miniSearchBaseline(data.articles, questions) },
    };
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}
