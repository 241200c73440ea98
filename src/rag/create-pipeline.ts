// The RAG pipeline: rewrite the question (follow-ups) → retrieve → answer, with timings.
import type { ChatResponse, ChatTurn, Citation } from '../domain/types.js';
import type { Answerer } from '../answer/answerer.js';
import type { Retriever } from '../retrieve/retriever.js';
import type { AskRequest, ChatEvent, RagPipeline } from './pipeline.js';
import { resolveFollowUp } from './rewrite.js';

export interface PipelineDeps {
  retriever: Retriever;
  answerer: Answerer;
  /** A model-based rewrite (LLM modes); null or a throw falls back to the word carry-over. */
  rewrite?: (question: string, history: ChatTurn[], signal?: AbortSignal) => Promise<string | null>;
  /** Passages retrieved when the request gives no topK. */
  defaultTopK?: number;
}

export function createPipeline(deps: PipelineDeps): RagPipeline {
  const defaultTopK = deps.defaultTopK ?? 5;

  async function standalone(request: AskRequest): Promise<string> {
    const question = request.question.trim();
    if (!request.history?.length) return question;
    if (deps.rewrite) {
      const rewritten = await deps.rewrite(question, request.history, request.signal).catch(() => null);
      if (rewritten?.trim()) return rewritten.trim();
    }
    return resolveFollowUp(question, request.history, async (previous) =>
      (await deps.retriever.search(previous, { k: 1, filters: request.filters })).flatMap((hit) => [hit.article.title, hit.chunk.text]),
    );
  }

  async function* askStream(request: AskRequest): AsyncIterable<ChatEvent> {
    const started = performance.now();
    const question = await standalone(request);
    const hits = await deps.retriever.search(question, { k: request.topK ?? defaultTopK, filters: request.filters });
    const retrieved = performance.now();
    let citations: Citation[] = [];
    for await (const event of deps.answerer.answer({ question, hits, signal: request.signal })) {
      if (event.type === 'token') {
        yield event;
        continue;
      }
      const finished = performance.now();
      const result = event.result;
      citations = result.citations;
      yield { type: 'citations', citations };
      const response: ChatResponse = {
        answer: result.answer,
        citations,
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
