// Follow-up questions ("그 행사는 어디서 열렸어?") name nothing to search for: the
// extractive pipeline carries the previous turn's key words into them. LLM modes ask
// the model first and fall back to this.
import type { ChatTurn } from '../domain/types.js';
import { contentWords } from '../text/tokens.js';

// Words that point back at something said before, as whole words ("그 행사", "그곳은"),
// never as the start of another word (그린벨트, 그림책).
const ANAPHORA = /(^|\s)(그|이|저|해당|같은)\s|(^|\s)그(는|가|를|의|에게|도|와|랑)(?![가-힣])|(^|\s)(그녀|그들|그의|그곳|그때|그중|그걸|그것|거기|이곳|여기|저곳|당시|이때|이들|이것|저것|앞서|방금)(?![가-힣])|(^|\s)(그녀|그들|그곳|그것|이것|저것|거기|여기|그중)[은는이가을를의에도]/;
// Openers that continue a conversation ("그럼 …", "그래서 …", "왜?").
const CONTINUATION = /^(그럼|그러면|그리고|그래서|왜|어째서)(?![가-힣])/;

/** True when the question leans on earlier turns. */
export function isFollowUp(question: string): boolean {
  const words = contentWords(question);
  return ANAPHORA.test(` ${question}`) || CONTINUATION.test(question.trim()) || words.length <= 1;
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
