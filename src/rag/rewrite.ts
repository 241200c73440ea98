// Follow-up questions ("그 행사는 어디서 열렸어?") name nothing to search for: the
// extractive pipeline carries the previous turn's key words into them. LLM modes ask
// the model first and fall back to this.
import type { ChatTurn } from '../domain/types.js';
import { contentWords } from '../text/tokens.js';

// Words that point back at something said before.
const ANAPHORA = /(^|\s)(그|그녀|그들|그의|그곳|거기|이곳|여기|저곳|해당|당시|그때|이때|이들|이것|그것|저것|이\s|저\s|같은\s|앞서|위의|방금)/;
// Follow-ups that only ask "and what about …?".
const SHORT_FOLLOW_UP = /^(그럼|그러면|그리고|또|그래서|왜|어째서|언제|어디|누가|몇)/;

/** True when the question leans on earlier turns. */
export function isFollowUp(question: string): boolean {
  const words = contentWords(question);
  return ANAPHORA.test(` ${question}`) || SHORT_FOLLOW_UP.test(question.trim()) || words.length <= 1;
}

/**
 * Standalone form of a follow-up: the previous user question's content words (those the
 * new question lacks) put before it. Returns the question unchanged when it stands alone.
 */
export function rewriteFollowUp(question: string, history: ChatTurn[] | undefined): string {
  const previous = [...(history ?? [])].reverse().find((turn) => turn.role === 'user');
  if (!previous || !isFollowUp(question)) return question;
  const present = new Set(contentWords(question).map((word) => word.text));
  const carried: string[] = [];
  for (const word of contentWords(previous.content)) {
    if (word.text.length < 2 && word.kind === 'hangul') continue;
    if (!present.has(word.text) && !carried.includes(word.text)) carried.push(word.text);
  }
  return carried.length ? `${carried.join(' ')} — ${question.trim()}` : question;
}
