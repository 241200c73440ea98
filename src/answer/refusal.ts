// The one sentence every answerer uses when the articles do not answer the question.
// Prompts embed it (as {{refusal}}), so the model can be asked to reply with it exactly.

export const REFUSAL_TEXT = '제공된 기사에서는 이 질문에 대한 답을 찾을 수 없습니다.';

const normalise = (text: string) =>
  text
    .replace(/\[\s*\d+(?:\s*[,，]\s*\d+)*\s*\]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.。!]+$/, '')
    .trim();

const REFUSAL_NORMALISED = normalise(REFUSAL_TEXT);

/** True when `text` is the refusal sentence, ignoring whitespace, markers and the final period. */
export function isRefusalText(text: string): boolean {
  return normalise(text) === REFUSAL_NORMALISED;
}
