// Codes a question names: an error code (E-502), a model (HK-170), a flight (KE123), a
// specification (512GB). A code is exact: a passage that holds another code of the same kind
// (E-203, 256GB) does not answer for it.

/** A letter and a digit (E6, 4E): a code only where a help page lists or names one, below. */
const SHORT = '(?:[A-Za-z]\\d|\\d[A-Za-z])';

/** Latin letters then digits, joined or by a hyphen: "E-502", "HK-170", "KE123"; letters around a
 *  digit: "V2H", "B2B"; a specification, digits with a Latin unit: "512GB", "120Hz"; two characters an
 *  appliance shows ("OE 떠요", "4E라고 나와요", "dE 오류"), known as a code by the words after them; and
 *  a letter and a digit where a help page lists codes: alone in a table cell ("| E6 | 내솥 미장착 |"),
 *  opening a heading ("## 4E: 급수 이상"), or before the words for a code shown, after an adverb or in a
 *  list ("E3가 계속 뜨면", "1E, 2E, 4E 코드가"). A bare "F1" or "A4" in running text stays a word. */
const CODE = new RegExp(
  '(?<![A-Za-z0-9])(' +
    [
      '[A-Za-z]{1,5}-?\\d{2,}(?![0-9])',
      '[A-Za-z]{1,5}\\d[A-Za-z]{1,4}(?![A-Za-z0-9])',
      '\\d{2,}[A-Za-z]{2,4}(?![A-Za-z])',
      '(?=[0-9]?[A-Za-z])[A-Za-z0-9]{2}(?![A-Za-z0-9])(?=\\s*(이라고|라고|이라는|라는|이|가)?\\s*(떠|뜨|떴|나와|나오|나왔|표시|오류|에러))',
      `(?<=\\|[ \\t]*)${SHORT}(?=[ \\t]*\\|)`,
      `(?<=(?:^|\\n)#{1,6}[ \\t]+)${SHORT}(?![A-Za-z0-9])`,
      `${SHORT}(?![A-Za-z0-9])(?=(\\s*[,·]\\s*[A-Za-z0-9]{2})*\\s*(이라고|라고|이라는|라는|이|가)?\\s*((계속|자꾸|다시|또)\\s*)?(떠|뜨|떴|나와|나오|나왔|표시|오류|에러|코드))`,
    ].join('|') +
    ')',
  'g',
);

/** What a code shown on a display is followed by: "E03이라고 떠요", "E-502 에러 나와요". */
const SHOWN_AFTER =
  /^\s*(이라고|라고|이라는|라는|이|가)?\s*((오류|에러)\s*(코드)?\s*(가|이|라고|이라고)?\s*)?(떠|뜨|떴|나와|나오|나왔|표시)/;

/** Whether `text` holds every code the question says its device shows ("F720 화면에 E03이라고 떠요" →
 *  E03, not the model F720); false when it names no shown code. */
export function holdsShownCodes(question: string, text: string): boolean {
  const shown = shownCodes(question);
  if (shown.length === 0) return false;
  const held = codesIn(text);
  return shown.every((code) => held.includes(code));
}

/** The codes the question says its device shows, normalized ("E03이라고 떠요" → e03). */
export function shownCodes(question: string): string[] {
  return [...question.matchAll(CODE)]
    .filter((match) => SHOWN_AFTER.test(question.slice(match.index + match[0].length)))
    .map((match) => normalize(match[0]));
}

/** Whether `text` is the table row of one of `codes`: its first cell is the code ("| E3 | 필터 미장착 | …"). */
export function isRowOf(text: string, codes: readonly string[]): boolean {
  const cell = /^\|\s*([^|]+?)\s*\|/.exec(text)?.[1];
  return cell !== undefined && codes.includes(normalize(cell));
}

/** A code as passages may write it: upper or lower case, with or without its hyphen. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/[-‐–\s]/g, '');
}

/** The codes in a text, normalized. */
export function codesIn(text: string): string[] {
  return [...new Set([...text.matchAll(CODE)].map((match) => normalize(match[0])))];
}

/** True when every code the question names is in one of the texts. The texts are read only when
 *  the question names a code (most do not), each once. */
export function textsHoldCodes(question: string, texts: Iterable<string>): boolean {
  const codes = codesIn(question);
  if (codes.length === 0) return true;
  const normalized = [...new Set(texts)].map(normalize);
  return codes.every((code) => normalized.some((text) => text.includes(code)));
}
