// The LLM answerer: prompts a chat model with numbered, fenced passages, checks the
// streamed answer sentence by sentence, and releases only grounded, cited sentences.
// When nothing usable comes out (an error, a timeout, no valid citation) before the
// first sentence is released, the fallback answerer (extractive) answers instead.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import type { Grounding, Hit } from '../domain/types.js';
import { callSignal, isTimeout, untilAborted } from '../errors/abort.js';
import { splitSentences } from '../text/sentences.js';
import type { AnswerEvent, AnswerInput, AnswerResult, Answerer } from './answerer.js';
import type { ChatModelFor } from './chat-model.js';
import { citationOf } from './citation.js';
import { AnswerSentenceStream, appendMarker, bestSupportingSpan, rewriteMarkers, stripMarkers, type AnswerSentence } from './grounding.js';
import type { TermStatistics } from './grounding/check.js';
import { groundSentence, type GroundingPassage } from './grounding/ground.js';
import { neutraliseTags, renderPrompt, type Prompts } from './prompts.js';
import { REFUSAL_TEXT, isRefusalText } from './refusal.js';

/**
 * Longest answer read from the model, in characters. Grounded answers are a few cited
 * sentences (the prompt asks for two to four); past this the model is rambling or looping,
 * so the stream is cut there and the sentences already checked are kept.
 */
export const DEFAULT_MAX_ANSWER_CHARS = 2_000;

/** Longest sentence checked; a longer one cannot be a single grounded claim and is dropped. */
const MAX_SENTENCE_CHARS = 1_000;

export type FallbackReason = 'error' | 'timeout' | 'unsupported' | 'too-long';

/** The sentence-level check of one answer, as reported in the response's `grounding`. */
interface AnswerGrounding extends Grounding {
  /** Sentences kept but moved to another given passage that supports them (counted in `supported`); absent when none. */
  recited?: number;
  /** True when the model's answer ran past the maximum length and was cut there. */
  truncated?: boolean;
}

interface LlmAnswererOptions {
  mode: 'ollama' | 'openai';
  /** The model is called under the answer input's signal, which bounds its time (see requestSignal). */
  model: ChatModelFor;
  prompts: Prompts;
  /** Answers when the model cannot (its result keeps its own mode, 'extractive'). */
  fallback: Answerer;
  /** Longest answer read from the model (default DEFAULT_MAX_ANSWER_CHARS). */
  maxAnswerChars?: number;
  /** Corpus statistics (the BM25 index) that weigh words by IDF in the grounding check. */
  terms?: TermStatistics;
  /** Told why the fallback answered, for logs. */
  onFallback?: (reason: FallbackReason, error?: unknown) => void;
}

// A value for a double-quoted attribute: escaped, on one line.
const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\s+/g, ' ');

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

/** Streams a chat model's text deltas; every wait gives up when `signal` aborts. */
async function* streamText(model: BaseChatModel, messages: BaseMessage[], signal: AbortSignal): AsyncGenerator<string> {
  signal.throwIfAborted(); // the request's budget may be spent already (by the follow-up rewrite)
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
 * Collects the checked sentences of one answer: drops unsupported ones, re-cites those
 * another given passage supports, renumbers markers 1..k in order of first use, and
 * builds the citations.
 */
class GroundedAnswer {
  private readonly renumber = new Map<number, number>(); // passage number → marker number
  private readonly claims = new Map<number, string[]>(); // passage number → kept sentences citing it
  private readonly passages: GroundingPassage[];
  private answer = '';
  private checked = 0;
  private kept = 0;
  private recited = 0;
  truncated = false;
  sawRefusal = false;

  constructor(
    private readonly hits: Hit[],
    private readonly terms: TermStatistics | undefined,
  ) {
    this.passages = hits.map((hit, index) => ({
      n: index + 1,
      title: hit.article.title,
      text: hit.chunk.text,
      article: hit.article.id,
      ...(hit.article.date ? { date: hit.article.date } : {}),
    }));
  }

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
    if (body.length > MAX_SENTENCE_CHARS) return undefined;
    const outcome = groundSentence(body, sentence.markers, this.passages, this.terms ? { terms: this.terms } : {});
    if (outcome.status === 'dropped') return undefined;

    const cited = outcome.status === 'recited' ? [outcome.recitedTo] : outcome.cited;
    for (const n of cited) {
      this.markerOf(n);
      this.claims.set(n, [...(this.claims.get(n) ?? []), body]);
    }
    let text: string;
    if (outcome.status === 'recited') {
      this.recited++;
      text = appendMarker(stripMarkers(sentence.text), this.markerOf(outcome.recitedTo));
    } else text = rewriteMarkers(sentence.text, (n) => (cited.includes(n) ? this.renumber.get(n) : undefined));
    text = (this.kept > 0 ? ' ' : '') + text;
    this.kept++;
    this.answer += text;
    return text;
  }

  /** The marker of passage `n`: markers are numbered 1..k in order of first use. */
  private markerOf(n: number): number {
    const known = this.renumber.get(n);
    if (known !== undefined) return known;
    const next = this.renumber.size + 1;
    this.renumber.set(n, next);
    return next;
  }

  grounding(): AnswerGrounding {
    return {
      sentences: this.checked,
      supported: this.kept,
      dropped: this.checked - this.kept,
      ...(this.recited > 0 ? { recited: this.recited } : {}),
      ...(this.truncated ? { truncated: true } : {}),
    };
  }

  result(mode: 'ollama' | 'openai'): AnswerResult {
    const citations = [...this.renumber].flatMap(([passage, n]) => {
      const hit = this.hits[passage - 1];
      return hit ? [citationFor(hit, n, this.claims.get(passage) ?? [])] : [];
    });
    return { answer: this.answer, citations, refused: false, mode, grounding: this.grounding() };
  }
}

/** Lets other requests (and /healthz) run between streamed chunks. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Cites the chunk sentence that best supports the claims (the whole chunk when none does). */
function citationFor(hit: Hit, n: number, claims: string[]) {
  const { chunk } = hit;
  const span = bestSupportingSpan(chunk.text, splitSentences(chunk.text), claims) ?? { start: 0, end: chunk.text.length };
  return citationOf(hit, n, { start: chunk.start + span.start, end: chunk.start + span.end });
}

export function createLlmAnswerer(options: LlmAnswererOptions): Answerer {
  const { mode, model, prompts, fallback, onFallback, terms } = options;
  const maxAnswerChars = options.maxAnswerChars ?? DEFAULT_MAX_ANSWER_CHARS;

  const refusal = (grounding: AnswerGrounding): AnswerEvent[] => [
    { type: 'token', text: REFUSAL_TEXT },
    { type: 'result', result: { answer: REFUSAL_TEXT, citations: [], refused: true, mode, grounding } },
  ];

  return {
    mode,
    async *answer(input: AnswerInput): AsyncIterable<AnswerEvent> {
      // The client left: stop. The budget ran out (in the rewrite): the fallback still answers.
      if (input.signal?.aborted && !isTimeout(input.signal.reason)) throw input.signal.reason;
      // Every retrieved passage goes into the prompt (a request's topK means what it says): the
      // default five ~500-character chunks keep it near 2k tokens, within an 8k-context model.
      const hits = input.hits;
      if (hits.length === 0) {
        yield* refusal({ sentences: 0, supported: 0, dropped: 0 });
        return;
      }

      const answer = new GroundedAnswer(hits, terms);
      function* release(sentences: AnswerSentence[]): Generator<AnswerEvent> {
        for (const sentence of sentences) {
          const text = answer.accept(sentence);
          if (text !== undefined) yield { type: 'token', text };
        }
      }
      const call = callSignal(input.signal);
      let failure: unknown;
      let timedOut = false;
      try {
        const sentences = new AnswerSentenceStream();
        for await (const delta of streamText(model(call.signal), buildAnswerMessages(prompts, input.question, hits), call.signal)) {
          const room = maxAnswerChars - sentences.length;
          yield* release(sentences.push(delta.slice(0, room)));
          if (delta.length > room) {
            // Past the maximum length: stop reading; the unfinished sentence is cut mid-claim and never checked.
            answer.truncated = true;
            break;
          }
          await yieldToEventLoop();
        }
        if (!answer.truncated) yield* release(sentences.flush());
      } catch (error) {
        // A sentence cut off by a broken stream is never checked: it may be truncated mid-claim.
        failure = error;
        timedOut = isTimeout(call.signal.reason);
      } finally {
        // Stops the upstream request when the consumer leaves early or the answer was cut.
        call.end();
      }

      if (answer.released) {
        yield { type: 'result', result: answer.result(mode) };
        return;
      }
      if (input.signal?.aborted && !isTimeout(input.signal.reason)) throw input.signal.reason;
      if (failure === undefined && answer.sawRefusal) {
        yield* refusal(answer.grounding());
        return;
      }
      onFallback?.(failure !== undefined ? (timedOut ? 'timeout' : 'error') : answer.truncated ? 'too-long' : 'unsupported', failure);
      yield* fallback.answer(input);
    },
  };
}
