// The Answerer seam: turns a question and retrieved passages into a cited Korean answer.
// Answers stream: zero or more `token` events whose texts concatenate to the final
// `answer`, then exactly one `result`.
import type { AnswerMode, Citation, Grounding, Hit } from '../domain/types.js';

export interface AnswerInput {
  /** The standalone question (follow-ups already rewritten). */
  question: string;
  /** The user's own words within `question`, when a follow-up's rewrite carried earlier words before them. */
  ownWords?: string;
  /** Retrieved passages, best first. Citations quote these chunks' text. */
  hits: Hit[];
  /**
   * The request's signal (see requestSignal): aborted when the client goes away (stop upstream
   * work and throw its reason) or when the model's budget runs out (its reason then passes
   * isTimeout: an LLM answerer falls back instead of failing).
   */
  signal?: AbortSignal;
}

export interface AnswerResult {
  answer: string;
  citations: Citation[];
  refused: boolean;
  mode: AnswerMode;
  grounding?: Grounding;
}

export type AnswerEvent = { type: 'token'; text: string } | { type: 'result'; result: AnswerResult };

export interface Answerer {
  readonly mode: AnswerMode;
  answer(input: AnswerInput): AsyncIterable<AnswerEvent>;
}
