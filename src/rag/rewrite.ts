// How a follow-up question becomes a standalone one, in one place: the model's rewrite first
// (LLM modes, answer/model-rewrite.ts), and when there is no model or it gives nothing (an
// error, the request's budget spent, an empty or overlong reply), the word rewrite
// (follow-up/word-rewrite.ts), whose pointers may look into the passages the last question retrieved.
import type { ChatTurn } from '../domain/types.js';
import type { ModelRewrite } from '../answer/model-rewrite.js';
import { askedPart } from '../text/asked-part.js';
import { plainEndings } from '../text/colloquial.js';
import { explainRewrite, lastQuestion, rewriteFollowUp } from './follow-up/word-rewrite.js';

/**
 * The word rewrite: the conversation first, and only when it names nothing that fits a pointer
 * ("그 행사" after an answer that names no event), the passages the last question retrieves
 * (`readPrevious`), where its answer came from.
 */
export async function resolveFollowUp(
  question: string,
  history: ChatTurn[],
  readPrevious: (previous: string) => Promise<string[]>,
): Promise<string> {
  const first = explainRewrite(question, history);
  if (!first.guessed) return first.question;
  const previous = lastQuestion(history);
  return rewriteFollowUp(question, history, previous ? await readPrevious(previous) : []);
}

/**
 * The standalone question of a request: the question itself without history; else the model's
 * rewrite when there is a model and it gives one; else the word rewrite.
 */
export async function standaloneQuestion(
  request: { question: string; history?: ChatTurn[] | undefined; signal?: AbortSignal | undefined },
  ways: { model?: ModelRewrite | undefined; readPrevious: (previous: string) => Promise<string[]> },
): Promise<string> {
  // Chat-style endings ("되나여", "얼마임") read as plain ones (text/colloquial.ts), without a tail that only
  // explains why the user asks (text/asked-part.ts), for every way below.
  const question = plainEndings(askedPart(request.question.trim()));
  if (!request.history?.length) return question;
  if (ways.model) {
    const rewritten = await ways.model(question, request.history, request.signal).catch(() => null);
    if (rewritten?.trim()) return rewritten.trim();
  }
  return resolveFollowUp(question, request.history, ways.readPrevious);
}

/** The user's own words in a word rewrite that carried the last question's words before them ("가람군 청년 월세
 *  지원 조례 — 반대한 의원들은 왜 반대했대?" → "반대한 의원들은 왜 반대했대?"); none when nothing was carried. */
export function ownWords(standalone: string): string | undefined {
  const mark = standalone.lastIndexOf(' — ');
  return mark >= 0 ? standalone.slice(mark + ' — '.length) : undefined;
}
