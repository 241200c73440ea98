// The RAG pipeline: rewrite the question (follow-ups) → retrieve → answer, with timings.
import type { ChatResponse } from '../domain/types.js';
import type { Answerer } from '../answer/answerer.js';
import { requestSignal } from '../errors/abort.js';
import type { Retriever } from '../retrieve/retriever.js';
import type { Lexicon } from '../answer/candidates.js';
import type { AskRequest, ChatEvent, RagPipeline } from './pipeline.js';
import type { ModelRewrite } from '../answer/model-rewrite.js';
import { ownWords, standaloneQuestion } from './rewrite.js';
import { withoutAside } from '../text/asides.js';

/** Builds a pipeline over a retriever and the corpus term statistics its answers weigh; `wrap`
 *  lets a backend act around the answerer (PostgreSQL releases its snapshot before answering). */
export type AnsweringFactory = (retriever: Retriever, lexicon: Lexicon, wrap?: (answerer: Answerer) => Answerer) => RagPipeline;

export interface PipelineDeps {
  retriever: Retriever;
  answerer: Answerer;
  /** A model-based rewrite (LLM modes); null or a throw falls back to the word carry-over. */
  rewrite?: ModelRewrite;
  /** Passages retrieved when the request gives no topK. */
  defaultTopK?: number;
  /**
   * The model's time budget per request (LLM_TIMEOUT_MS), one for the rewrite and the answer
   * together: a hung model costs one budget before the extractive fallback, not two. None in
   * extractive mode.
   */
  modelTimeoutMs?: number;
}

export function createPipeline(deps: PipelineDeps): RagPipeline {
  const defaultTopK = deps.defaultTopK ?? 5;

  /** The passages the last question retrieves: where a pointer the conversation cannot fill may look. */
  const readPrevious = (request: AskRequest) => async (previous: string) =>
    (await deps.retriever.search(previous, { k: 1, filters: request.filters })).flatMap((hit) => [hit.article.title, hit.chunk.text]);

  async function* askStream(request: AskRequest): AsyncIterable<ChatEvent> {
    const started = performance.now();
    const signal = requestSignal(request.signal, deps.modelTimeoutMs);
    const question = await standaloneQuestion({ ...request, signal }, { model: deps.rewrite, readPrevious: readPrevious(request) });
    // Retrieval and the answer read the question without a trailing aside (text/asides.ts).
    const asked = withoutAside(question);
    const hits = await deps.retriever.search(asked, { k: request.topK ?? defaultTopK, filters: request.filters });
    const retrieved = performance.now();
    const own = ownWords(asked);
    for await (const event of deps.answerer.answer({ question: asked, hits, signal, ...(own ? { ownWords: own } : {}) })) {
      if (event.type === 'token') {
        yield event;
        continue;
      }
      const finished = performance.now();
      const { result } = event;
      yield { type: 'citations', citations: result.citations };
      const response: ChatResponse = {
        answer: result.answer,
        citations: result.citations,
        refused: result.refused,
        mode: result.mode,
        question,
        ...(result.grounding ? { grounding: result.grounding } : {}),
        timings: {
          retrievalMs: Math.round((retrieved - started) * 10) / 10,
          generationMs: Math.round((finished - retrieved) * 10) / 10,
          totalMs: Math.round((finished - started) * 10) / 10,
        },
      };
      yield { type: 'done', response };
      return;
    }
    throw new Error('answerer ended without a result');
  }

  return {
    askStream,
    async ask(request) {
      for await (const event of askStream(request)) if (event.type === 'done') return event.response;
      throw new Error('pipeline ended without a response');
    },
  };
}
