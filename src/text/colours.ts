// Colours a question names: a light, a screen or a product's colour is an exact attribute, as a
// code is ("보라색으로 깜빡여요" is not answered by the page's blue and red lights). Each colour in
// the ways Korean writes it: the noun (빨간색, 적색), the adjective (빨간, 빨갛게) and loans (핑크).
// 푸른 and 자주 are left out: they start names (푸른들식품) and mean "often".

// A loan colour (화이트, 블랙) counts before 색, 컬러 or a particle, at a sentence's end or before 말고 ("화이트 말고"):
// before another word it starts a name (블루 윙즈, 그린 힐) or is a verb (사랑을 그린 드라마); 블랙박스 names no colour.
// Loans only check the colours a question names: as index terms they would tag names.
const LOAN = '(?=\\s*(색|컬러|톤)|(이|가|은|는|을|를|도|만|로|으로|랑|이랑|와|과)(?![가-힣])|\\s+말고|\\s*[?？.,!]|$)';
const loans = (words: string) => new RegExp(`(?<![가-힣])(${words})${LOAN}`);

// prettier-ignore
const COLOURS: readonly [string, RegExp, RegExp?][] = [
  ['red', /(?<![가-힣])(빨간|빨갛|빨개|빨강|붉은|적색)/, loans('레드')],
  ['orange', /(?<![가-힣])(주황|오렌지색)/, loans('오렌지')],
  ['yellow', /(?<![가-힣])(노란|노랗|노래지|노랑|황색)/, loans('옐로|옐로우')],
  ['green', /(?<![가-힣])(초록|녹색|연두)/, loans('그린')],
  ['blue', /(?<![가-힣])(파란|파랗|파래|파랑|청색|하늘색)/, loans('블루|네이비')],
  ['purple', /(?<![가-힣])(보라|자주색|자색)/, loans('퍼플')],
  ['white', /(?<![가-힣])(흰|하얀|하얗|하얘|백색)/, loans('화이트')],
  ['black', /(?<![가-힣])(검은|검정|까만|까맣|흑색)/, loans('블랙')],
  ['grey', /(?<![가-힣])(회색|잿빛|은색)/, loans('그레이|실버')],
  ['pink', /(?<![가-힣])(분홍|핑크)/],
];

/** The colours a text names; with `withLoans` false, only in Korean words. */
export function coloursIn(text: string, withLoans = true): string[] {
  return COLOURS.filter(([, native, loan]) => native.test(text) || (withLoans && loan?.test(text))).map(([colour]) => colour);
}

/** True when every colour the question names is named in one of the texts. */
export function textsHoldColours(question: string, texts: Iterable<string>): boolean {
  const asked = coloursIn(question);
  if (asked.length === 0) return true;
  const held = new Set<string>();
  for (const text of texts) for (const colour of coloursIn(text)) held.add(colour);
  return asked.every((colour) => held.has(colour));
}

/** Index terms of the colours a word names: "주황불" (an orange light) meets "주황색", "파란 불" meets "Wi-Fi(파란색)". */
export function colourTerms(word: string): string[] {
  return coloursIn(word, false).map((colour) => `h:${colour}`);
}
