// The LLM answerer: prompts a chat model with numbered, fenced passages, checks the
// streamed answer sentence by sentence, and releases only grounded, cited sentences.
// When nothing usable comes out (an error, a timeout, no valid citation) before the
// first sentence is released, the fallback answerer (extractive) answers instead.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatTurn, Citation, Grounding, Hit } from '../domain/types.js';
import { AppError } from '../errors/app-error.js';
import { splitSentences } from '../text/sentences.js';
import type { AnswerEvent, AnswerInput, AnswerResult, Answerer } from './answerer.js';
import { bestSupportingSpan, checkSentence, rewriteMarkers, splitAnswerSentences, stripMarkers, type AnswerSentence } from './grounding.js';
import { renderPrompt, type Prompts } from './prompts.js';
import { REFUSAL_TEXT, isRefusalText } from './refusal.js';

/** Passages given to the model. Six ~500-character chunks keep the prompt near 2k tokens,
 *  small enough for 8k-context local models, and retrieval rarely has more to add past six. */
export const DEFAULT_MAX_PASSAGES = 6;

export type FallbackReason = 'error' | 'timeout' | 'unsupported';

export interface LlmAnswererOptions {
  mode: 'ollama' | 'openai';
  model: BaseChatModel;
  prompts: Prompts;
  /** Upper bound on the whole model call, first byte to last. */
  timeoutMs: number;
  /** Answers when the model cannot (its result keeps its own mode, 'extractive'). */
  fallback: Answerer;
  maxPassages?: number;
  /** Told why the fallback answered, for logs. */
  onFallback?: (reason: FallbackReason, error?: unknown) => void;
}

// Keeps text from closing or opening the fence it is placed in.
const neutraliseTags = (text: string, tag: string) => text.replace(new RegExp(`<\\s*(/?)\\s*${tag}`, 'gi'), '[$1' + tag);
const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\s+/g, ' ');

/** Passages as numbered <passage> blocks; text inside can neither close a block nor open one. */
export function formatPassages(hits: Hit[]): string {
  return hits
    .map((hit, index) => {
      const attributes = [`n="${index + 1}"`, `title="${attribute(hit.article.title)}"`];
      if (hit.article.date) attributes.push(`date="${attribute(hit.article.date)}"`);
      if (hit.article.source) attributes.push(`source="${attribute(hit.article.source)}"`);
      return `<passage ${attributes.join(' ')}>\n${neutraliseTags(hit.chunk.text, 'passage')}\n</passage>`;
    })
    .join('\n\n');
}

export function buildAnswerMessages(prompts: Prompts, question: string, hits: Hit[]): BaseMessage[] {
  return [
    new SystemMessage(renderPrompt(prompts.system, { refusal: REFUSAL_TEXT })),
    new HumanMessage(
      renderPrompt(prompts.answer, {
        passages: formatPassages(hits),
        question: neutraliseTags(question, 'question'),
        refusal: REFUSAL_TEXT,
      }),
    ),
  ];
}

/** Resolves like `promise`, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** An AbortController that fires on the caller's signal or after `timeoutMs`; `dispose` stops both. */
function deadline(timeoutMs: number, outer?: AbortSignal) {
  const controller = new AbortController();
  const timeout = new AppError('UPSTREAM_TIMEOUT', `LLM이 ${timeoutMs}ms 안에 답하지 않았습니다`);
  const timer = setTimeout(() => controller.abort(timeout), timeoutMs);
  const onOuterAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  if (outer?.aborted) onOuterAbort();
  return {
    signal: controller.signal,
    timedOut: () => controller.signal.reason === timeout,
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
      // Stops the upstream request when the consumer leaves early.
      controller.abort();
    },
  };
}

/** Streams a chat model's text deltas; every wait gives up when `signal` aborts. */
async function* streamText(model: BaseChatModel, messages: BaseMessage[], signal: AbortSignal): AsyncGenerator<string> {
  const stream = await untilAborted(model.stream(messages, { signal }), signal);
  const iterator = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      const step = await untilAborted(iterator.next(), signal);
      if (step.done) return;
      if (step.value.text) yield step.value.text;
    }
  } finally {
    // Not awaited: with a read still pending, return() would wait for it.
    iterator.return?.().catch(() => {});
  }
}

/**
 * Collects the checked sentences of one answer: drops unsupported ones, renumbers
 * markers 1..k in order of first use, and builds the citations.
 */
class GroundedAnswer {
  private readonly renumber = new Map<number, number>(); // passage number → marker number
  private readonly claims = new Map<number, string[]>(); // passage number → kept sentences citing it
  private answer = '';
  private checked = 0;
  private kept = 0;
  sawRefusal = false;

  constructor(private readonly hits: Hit[]) {}

  get released(): boolean {
    return this.kept > 0;
  }

  /** Checks a complete sentence; returns the text to release, or undefined when dropped. */
  accept(sentence: AnswerSentence): string | undefined {
    const body = stripMarkers(sentence.text);
    if (isRefusalText(body)) {
      this.sawRefusal = true;
      return undefined;
    }
    if (!/\p{L}/u.test(body)) return undefined; // stray markers or list numbering ("1."), not a claim
    this.checked++;
    const cited = [...new Set(sentence.markers)].filter((n) => n >= 1 && n <= this.hits.length);
    if (cited.length === 0) return undefined;
    if (!checkSentence(body, cited.map((n) => this.hits[n - 1]!.chunk.text)).supported) return undefined;

    for (const n of cited) {
      if (!this.renumber.has(n)) this.renumber.set(n, this.renumber.size + 1);
      this.claims.set(n, [...(this.claims.get(n) ?? []), body]);
    }
    const text = (this.kept > 0 ? ' ' : '') + rewriteMarkers(sentence.text, (n) => this.renumber.get(n));
    this.kept++;
    this.answer += text;
    return text;
  }

  grounding(): Grounding {
    return { sentences: this.checked, supported: this.kept, dropped: this.checked - this.kept };
  }

  result(mode: 'ollama' | 'openai'): AnswerResult {
    const citations: Citation[] = [...this.renumber].map(([passage, n]) => citationFor(this.hits[passage - 1]!, n, this.claims.get(passage) ?? []));
    return { answer: this.answer, citations, refused: false, mode, grounding: this.grounding() };
  }
}

/** Quotes the chunk sentence that best supports the claims, in article offsets. */
function citationFor(hit: Hit, n: number, claims: string[]): Citation {
  const { chunk, article } = hit;
  const span = bestSupportingSpan(chunk.text, splitSentences(chunk.text), claims) ?? { start: 0, end: chunk.text.length };
  const citation: Citation = {
    n,
    articleId: article.id,
    title: article.title,
    chunkId: chunk.id,
    quote: chunk.text.slice(span.start, span.end),
    start: chunk.start + span.start,
    end: chunk.start + span.end,
  };
  if (article.date) citation.date = article.date;
  if (article.source) citation.source = article.source;
  if (article.url) citation.url = article.url;
  return citation;
}

export function createLlmAnswerer(options: LlmAnswererOptions): Answerer {
  const { mode, model, prompts, timeoutMs, fallback, onFallback } = options;
  const maxPassages = options.maxPassages ?? DEFAULT_MAX_PASSAGES;

  const refusal = (grounding: Grounding): AnswerEvent[] => [
    { type: 'token', text: REFUSAL_TEXT },
    { type: 'result', result: { answer: REFUSAL_TEXT, citations: [], refused: true, mode, grounding } },
  ];

  return {
    mode,
    async *answer(input: AnswerInput): AsyncIterable<AnswerEvent> {
      input.signal?.throwIfAborted();
      const hits = input.hits.slice(0, maxPassages);
      if (hits.length === 0) {
        yield* refusal({ sentences: 0, supported: 0, dropped: 0 });
        return;
      }

      const answer = new GroundedAnswer(hits);
      function* release(sentences: AnswerSentence[]): Generator<AnswerEvent> {
        for (const sentence of sentences) {
          const text = answer.accept(sentence);
          if (text !== undefined) yield { type: 'token', text };
        }
      }
      const limit = deadline(timeoutMs, input.signal);
      let failure: unknown;
      try {
        let pending = '';
        for await (const delta of streamText(model, buildAnswerMessages(prompts, input.question, hits), limit.signal)) {
          pending += delta;
          const sentences = splitAnswerSentences(pending);
          if (sentences.length < 2) continue;
          // The last sentence may still grow; the others are final.
          pending = pending.slice(sentences.at(-1)!.start);
          yield* release(sentences.slice(0, -1));
        }
        yield* release(splitAnswerSentences(pending));
      } catch (error) {
        // A sentence cut off by a broken stream is never checked: it may be truncated mid-claim.
        failure = error;
      } finally {
        limit.dispose();
      }

      if (answer.released) {
        yield { type: 'result', result: answer.result(mode) };
        return;
      }
      if (input.signal?.aborted) throw input.signal.reason;
      if (failure === undefined && answer.sawRefusal) {
        yield* refusal(answer.grounding());
        return;
      }
      onFallback?.(failure === undefined ? 'unsupported' : limit.timedOut() ? 'timeout' : 'error', failure);
      yield* fallback.answer(input);
    },
  };
}

export interface RewriteOptions {
  model: BaseChatModel;
  prompts: Prompts;
  history: ChatTurn[];
  question: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Turns kept in the rewrite prompt, and characters kept per turn: the last exchanges carry the referent. */
const REWRITE_TURNS = 6;
const REWRITE_TURN_CHARS = 400;
/** The API's own limit on a question. */
const MAX_QUESTION_CHARS = 2000;

function formatHistory(history: ChatTurn[]): string {
  return history
    .slice(-REWRITE_TURNS)
    .map((turn) => {
      const content = stripMarkers(turn.content).replace(/\s+/g, ' ').slice(0, REWRITE_TURN_CHARS);
      return `${turn.role === 'user' ? '사용자' : '도우미'}: ${neutraliseTags(content, 'history')}`;
    })
    .join('\n');
}

/**
 * Asks the model for a standalone version of a follow-up question. Returns null on an
 * error, a timeout or an empty reply, so the caller uses its own rewrite.
 */
export async function rewriteQuestion(options: RewriteOptions): Promise<string | null> {
  const { model, prompts, history, question, timeoutMs, signal } = options;
  const prompt = renderPrompt(prompts.rewrite, {
    history: formatHistory(history),
    question: neutraliseTags(question, 'question'),
  });
  const limit = deadline(timeoutMs, signal);
  try {
    const reply = await untilAborted(model.invoke([new HumanMessage(prompt)], { signal: limit.signal }), limit.signal);
    const line = reply.text
      .split('\n')
      .map((part) => part.trim())
      .find((part) => part.length > 0);
    if (!line) return null;
    const cleaned = line
      .replace(/^(바꾼 질문|독립 질문|질문)\s*[:：]\s*/, '')
      .replace(/^["'“‘「]+|["'”’」]+$/g, '')
      .trim();
    // Longer than a question may be: the model answered instead of rewriting.
    return cleaned.length > 0 && cleaned.length <= MAX_QUESTION_CHARS ? cleaned : null;
  } catch {
    return null;
  } finally {
    limit.dispose();
  }
}
