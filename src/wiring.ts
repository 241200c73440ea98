// Wiring: turns Config into the concrete embedder, index, retriever, answerers and
// pipeline. The CLI, the server start-up, the eval and the benchmarks all build the
// engine here, so they run the same retrieval and answer code.
import type { Article, CorpusItem } from './domain/types.js';
import type { Config } from './config/config.js';
import type { Embedder } from './embed/embedder.js';
import { createLocalEmbedder } from './embed/local.js';
import { createOllamaEmbedder } from './embed/ollama.js';
import { createOpenAIEmbedder } from './embed/openai.js';
import { ingest, type IngestOptions, type IngestSummary } from './ingest/ingest.js';
import { loadIndex } from './index/store.js';
import { createHybridRetriever } from './retrieve/hybrid.js';
import { createExtractiveAnswerer } from './answer/extractive.js';
import { createChatModel } from './answer/chat-model.js';
import { createLlmAnswerer } from './answer/llm.js';
import { loadPrompts } from './answer/prompts.js';
import { createPipeline } from './rag/create-pipeline.js';
import type { Engine } from './rag/engine.js';
import type { AnsweringFactory } from './rag/create-pipeline.js';
import type { Answerer } from './answer/answerer.js';
import { modelRewrite } from './answer/model-rewrite.js';
import { readCorpus } from './corpus/read-corpus.js';
import { articleOf } from './index/format.js';

export function createEmbedder(config: Config): Embedder {
  switch (config.embeddingsProvider) {
    case 'ollama':
      return createOllamaEmbedder({ host: config.ollama.host, model: config.ollama.embedModel });
    case 'openai':
      return createOpenAIEmbedder({ apiKey: config.openai.apiKey, baseUrl: config.openai.baseUrl, model: config.openai.embedModel });
    default:
      return createLocalEmbedder();
  }
}

interface OpenEngineOptions {
  indexDir?: string;
  /** Check file checksums at load (default true). */
  verify?: boolean;
  /** Told why an LLM answer fell back to extractive, for logs. */
  onFallback?: (reason: string, error?: unknown) => void;
}

/** The answering side of the engine (extractive, or an LLM with the extractive fallback), for any index backend. */
async function createAnswering(config: Config, onFallback?: OpenEngineOptions['onFallback']): Promise<AnsweringFactory> {
  const same = (answerer: Answerer) => answerer;
  if (config.llmProvider === 'extractive') {
    return (retriever, lexicon, wrap = same) => createPipeline({ retriever, answerer: wrap(createExtractiveAnswerer(lexicon)) });
  }
  const mode = config.llmProvider;
  const model =
    mode === 'ollama'
      ? createChatModel({ provider: 'ollama', host: config.ollama.host, model: config.ollama.chatModel })
      : createChatModel({
          provider: 'openai',
          baseUrl: config.openai.baseUrl,
          apiKey: config.openai.apiKey,
          model: config.openai.chatModel,
        });
  const prompts = await loadPrompts();
  return (retriever, lexicon, wrap = same) => {
    const extractive = createExtractiveAnswerer(lexicon);
    const answerer = wrap(createLlmAnswerer({ mode, model, prompts, fallback: extractive, onFallback, terms: lexicon }));
    // One LLM_TIMEOUT_MS per request, for the follow-up rewrite and the answer together.
    return createPipeline({ retriever, answerer, rewrite: modelRewrite(model, prompts), modelTimeoutMs: config.llmTimeoutMs });
  };
}

/** Opens the engine on the configured backend: the index at `indexDir` (default
 *  config.indexDir), or the PostgreSQL index at DATABASE_URL. */
export async function openEngine(config: Config, options: OpenEngineOptions = {}): Promise<Engine> {
  if (config.indexBackend === 'postgres') {
    const { openPostgresEngine } = await import('./postgres/engine.js');
    return openPostgresEngine(config, { embedder: createEmbedder(config), answering: await createAnswering(config, options.onFallback) });
  }
  const embedder = createEmbedder(config);
  const index = await loadIndex(options.indexDir ?? config.indexDir, embedder.id, { verify: options.verify });
  const retriever = createHybridRetriever(index, embedder);
  const pipeline = (await createAnswering(config, options.onFallback))(retriever, index.lexical);
  const byId = new Map(index.articles.map((article) => [article.id, article]));
  return {
    pipeline,
    search: (query, searchOptions) => retriever.search(query, searchOptions),
    getArticle: async (id) => {
      const stored = byId.get(id);
      return stored && articleOf(stored);
    },
    stats: () => ({ articles: index.articles.length, chunks: index.chunks.article.length }),
    headlines: () => index.articles.map(({ title, date }) => (date ? { title, date } : { title })),
  };
}

interface IngestCorpusOptions extends Partial<Pick<IngestOptions, 'rebuild' | 'strict' | 'onProgress' | 'onNotice'>> {
  corpusDir?: string;
  indexDir?: string;
  /** Articles made in memory (benchmarks) instead of reading `corpusDir`. */
  source?: AsyncIterable<CorpusItem> | Iterable<CorpusItem>;
}

export function ingestCorpus(config: Config, options: IngestCorpusOptions = {}): Promise<IngestSummary> {
  const corpusDir = options.corpusDir ?? config.corpusDir;
  const run = (sink?: IngestOptions['sink']) =>
    ingest({
      indexDir: options.indexDir ?? config.indexDir,
      sink,
      source: options.source ?? readCorpus(corpusDir),
      corpusDir: options.source ? undefined : corpusDir,
      embedder: createEmbedder(config),
      rebuild: options.rebuild,
      strict: options.strict,
      onProgress: options.onProgress,
      onNotice: options.onNotice,
    });
  if (config.indexBackend === 'postgres') {
    return import('./index/postgres/commands.js').then(({ withPostgresSink }) => withPostgresSink(config, run));
  }
  return run();
}

/** Indexes articles made in memory (KorQuAD, benchmarks) into `indexDir` from scratch and
 *  opens the engine on it. */
export async function buildEngine(config: Config, articles: Article[], indexDir: string): Promise<Engine> {
  // On local files whatever INDEX_BACKEND says: a benchmark never replaces the index in DATABASE_URL.
  const scoped = { ...config, indexDir, indexBackend: 'local' as const };
  await ingestCorpus(scoped, { source: articles.map((article) => ({ article })), rebuild: true });
  return openEngine(scoped);
}

/** Retrieval and the corpus lexicon over articles made in memory, for fitting the answer
 *  model on exactly what the answerer sees (`npm run fit:answer`). */
export async function buildRetrieval(config: Config, articles: Article[], indexDir: string, topK = 5) {
  await ingestCorpus({ ...config, indexDir, indexBackend: 'local' }, { source: articles.map((article) => ({ article })), rebuild: true });
  const embedder = createEmbedder(config);
  const index = await loadIndex(indexDir, embedder.id);
  const retriever = createHybridRetriever(index, embedder);
  return { search: (question: string, k = topK) => retriever.search(question, { k }), lexicon: index.lexical };
}

/** Where `npm run eval` keeps the index of a set's fixture corpus: apart from INDEX_DIR. */
export const EVAL_INDEX_ROOT = 'data/eval/index';

/** Brings the index of a fixture corpus up to date (incremental: unchanged articles are not
 *  re-embedded) in `indexDir` and opens the engine on it. */
export async function openCorpusEngine(config: Config, corpusDir: string, indexDir: string): Promise<Engine> {
  // Always on local files: a fixture corpus must never replace the index in DATABASE_URL.
  const scoped = { ...config, corpusDir, indexDir, indexBackend: 'local' as const };
  await ingestCorpus(scoped);
  return openEngine(scoped);
}
