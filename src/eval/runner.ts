// Runs eval sets through the same path users hit: the server's pipeline in process, or
// `POST <url>/api/chat` against a running server. Cases run one at a time so the
// latencies are those of an idle server.
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChatTurn } from '../domain/types.js';
import { errorMessage } from '../errors/app-error.js';
import type { Engine } from '../rag/engine.js';
import { loadEvalSets, type EvalSet } from './eval-sets.js';
import { failedCase, scoreCase, summarize, type CaseResult, type EvalCase, type EvalReport, type ScoredResponse } from './metrics.js';

interface RunEvalOptions {
  /** Set files: `*.jsonl` or `*.korquad.json`. */
  sets: string[];
  /**
   * The engine for a set: one over the set's fixture corpus (`set.corpusDir`), the
   * default index for a corpus set without one, one built over the dataset's paragraphs
   * for KorQuAD sets. Called at most once per corpus / dataset, and not at all with `url`.
   */
  getEngine(set: EvalSet): Promise<Engine>;
  /** Told when a set is skipped (its fixture corpus is not there), with a Korean reason. */
  onSkip?(set: string, reason: string): void;
  /** Base URL of a running server; cases then go through HTTP. */
  url?: string;
  /** Sent as `Authorization: Bearer …` with `url` (the server's API_KEY). */
  apiKey?: string;
  /** Where relative dataset paths in KorQuAD specs resolve; default: the cwd. */
  rootDir?: string;
  fetch?: typeof fetch;
  /** Called after each case, e.g. for a progress line. */
  onCase?(progress: { set: string; done: number; total: number; result: CaseResult }): void;
}

/** Answers questions and serves article texts (to check quotes) for one set. */
interface CaseTarget {
  ask(question: string, history: ChatTurn[] | undefined): Promise<ScoredResponse>;
  articleText(articleId: string): Promise<string | undefined>;
}

function engineTarget(engine: Engine): CaseTarget {
  return {
    ask: (question, history) => engine.pipeline.ask({ question, history }),
    articleText: async (articleId) => (await engine.getArticle(articleId))?.text,
  };
}

function httpTarget(baseUrl: string, apiKey: string | undefined, fetchImpl: typeof fetch): CaseTarget {
  const base = baseUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  const texts = new Map<string, Promise<string | undefined>>();
  return {
    async ask(question, history) {
      const response = await fetchImpl(`${base}/api/chat`, {
        method: 'POST',
        headers,
        body: JSON.stringify(history ? { question, history } : { question }),
      });
      const body = (await response.json().catch(() => undefined)) as
        (ScoredResponse & { error?: { code?: string; message?: string } }) | undefined;
      if (!response.ok || !body) {
        const reason = body?.error ? `${body.error.code ?? ''} ${body.error.message ?? ''}`.trim() : response.statusText;
        throw new Error(`HTTP ${response.status} ${reason}`);
      }
      return body;
    },
    articleText(articleId) {
      let text = texts.get(articleId);
      if (!text) {
        text = fetchImpl(`${base}/api/articles/${encodeURIComponent(articleId)}`, { headers })
          .then(async (response) => {
            if (!response.ok) return undefined;
            const body: unknown = await response.json();
            return typeof body === 'object' && body !== null && 'text' in body && typeof body.text === 'string' ? body.text : undefined;
          })
          .catch(() => undefined);
        texts.set(articleId, text);
      }
      return text;
    },
  };
}

/** True when `dir` exists and is a folder (a fixture corpus may not be fetched yet). */
export const isDirectory = (dir: string) =>
  stat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  );

async function runCase(target: CaseTarget, testCase: EvalCase): Promise<CaseResult> {
  const started = performance.now();
  let response: ScoredResponse;
  try {
    response = await target.ask(testCase.question, testCase.history);
  } catch (error) {
    return failedCase(testCase, errorMessage(error), performance.now() - started);
  }
  const latencyMs = performance.now() - started;
  // Fetch cited articles first so scoring stays synchronous and pure.
  const texts = new Map<string, string | undefined>();
  for (const citation of response.citations ?? []) {
    if (!texts.has(citation.articleId)) texts.set(citation.articleId, await target.articleText(citation.articleId));
  }
  return scoreCase(testCase, { ...response, citations: response.citations ?? [] }, (id) => texts.get(id), latencyMs);
}

/** Loads every set (all problems reported at once, see EvalSetError), then runs them in order. */
export async function runEval(options: RunEvalOptions): Promise<EvalReport> {
  const sets = await loadEvalSets(options.sets, { rootDir: options.rootDir });
  const fetchImpl = options.fetch ?? fetch;
  const engines = new Map<string, Promise<Engine>>();
  const targetFor = async (set: EvalSet): Promise<CaseTarget> => {
    if (options.url) return httpTarget(options.url, options.apiKey, fetchImpl);
    const key = set.kind === 'korquad' ? `korquad:${set.dataset}` : `corpus:${set.corpusDir ?? ''}`;
    let engine = engines.get(key);
    if (!engine) {
      engine = options.getEngine(set);
      engines.set(key, engine);
    }
    return engineTarget(await engine);
  };

  const report: EvalReport = { sets: [] };
  for (const set of sets) {
    if (!options.url && set.corpusDir && !(await isDirectory(set.corpusDir))) {
      options.onSkip?.(set.name, `코퍼스 폴더가 없습니다: ${relative(options.rootDir ?? process.cwd(), set.corpusDir)}`);
      continue;
    }
    const target = await targetFor(set);
    const results: CaseResult[] = [];
    for (const testCase of set.cases) {
      const result = await runCase(target, testCase);
      results.push(result);
      options.onCase?.({ set: set.name, done: results.length, total: set.cases.length, result });
    }
    const summary = summarize(set.name, results);
    report.sets.push({ ...summary, kind: set.kind, ...(set.attribution ? { attribution: set.attribution } : {}) });
  }
  return report;
}
