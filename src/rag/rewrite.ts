// How a follow-up question becomes a standalone one, in one place: the model's rewrite first
// (LLM modes), and when there is no model or it gives nothing (an error, the request's budget
// spent, an empty or overlong reply), the word rewrite (follow-up/word-rewrite.ts), whose
// pointers may look into the passages the last question retrieved.
import { HumanMessage } from '@langchain/core/messages';
import type { ChatTurn } from '../domain/types.js';
import { LIMITS } from '../domain/limits.js';
import { callSignal, untilAborted } from '../errors/abort.js';
import type { ChatModelFor } from '../answer/chat-model.js';
import { stripMarkers } from '../answer/grounding.js';
import { neutraliseTags, renderPrompt, type Prompts } from '../answer/prompts.js';
import { explainRewrite, lastQuestion, rewriteFollowUp } from './follow-up/word-rewrite.js';

/** A model's standalone version of a follow-up, or null when it has none. */
export type ModelRewrite = (question: string, history: ChatTurn[], signal?: AbortSignal) => Promise<string | null>;

/** Turns kept in the rewrite prompt, and characters kept per turn: the last exchanges carry the referent. */
const REWRITE_TURNS = 6;
const REWRITE_TURN_CHARS = 400;

function formatHistory(history: ChatTurn[]): string {
  return history
    .slice(-REWRITE_TURNS)
    .map((turn) => {
      const content = stripMarkers(turn.content).replace(/\s+/g, ' ').slice(0, REWRITE_TURN_CHARS);
      return `${turn.role === 'user' ? '사용자' : '도우미'}: ${neutraliseTags(content, 'history')}`;
    })
    .join('\n');
}

/** The question in the model's reply: its first line without a label or quotes; null when empty or longer than a question may be. */
function questionOfReply(reply: string): string | null {
  const line = reply
    .split('\n')
    .map((part) => part.trim())
    .find((part) => part.length > 0);
  if (!line) return null;
  const cleaned = line
    .replace(/^(바꾼 질문|독립 질문|질문)\s*[:：]\s*/, '')
    .replace(/^["'“‘「]+|["'”’」]+$/g, '')
    .trim();
  // Longer than a question may be: the model answered instead of rewriting.
  return cleaned.length > 0 && cleaned.length <= LIMITS.questionChars ? cleaned : null;
}

/**
 * Asks the model for a standalone version of a follow-up, under the request's signal. Returns
 * null on an error, an abort or an empty reply, so the caller uses the word rewrite.
 */
export async function rewriteQuestion(options: {
  model: ChatModelFor;
  prompts: Prompts;
  history: ChatTurn[];
  question: string;
  signal?: AbortSignal;
}): Promise<string | null> {
  const { model, prompts, history, question } = options;
  const prompt = renderPrompt(prompts.rewrite, {
    history: formatHistory(history),
    question: neutraliseTags(question, 'question'),
  });
  const { signal, end } = callSignal(options.signal);
  try {
    signal.throwIfAborted();
    const reply = await untilAborted(model(signal).invoke([new HumanMessage(prompt)], { signal }), signal);
    return questionOfReply(reply.text);
  } catch {
    return null;
  } finally {
    end(); // stops a request the client library left running after the abort
  }
}

/** The model rewrite of a chat model with the project's prompts. */
export function modelRewrite(model: ChatModelFor, prompts: Prompts): ModelRewrite {
  return (question, history, signal) => rewriteQuestion({ model, prompts, history, question, signal });
}

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
  const question = request.question.trim();
  if (!request.history?.length) return question;
  if (ways.model) {
    const rewritten = await ways.model(question, request.history, request.signal).catch(() => null);
    if (rewritten?.trim()) return rewritten.trim();
  }
  return resolveFollowUp(question, request.history, ways.readPrevious);
}
