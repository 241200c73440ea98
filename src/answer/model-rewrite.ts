// The model's rewrite of a follow-up into a standalone question (LLM modes). rag/rewrite.ts
// decides when it is used and falls back to the word rewrite when it gives nothing.
import { HumanMessage } from '@langchain/core/messages';
import type { ChatTurn } from '../domain/types.js';
import { LIMITS } from '../domain/limits.js';
import { callSignal, untilAborted } from '../errors/abort.js';
import type { ChatModelFor } from './chat-model.js';
import { stripMarkers } from './grounding.js';
import { neutraliseTags, renderPrompt, type Prompts } from './prompts.js';

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
