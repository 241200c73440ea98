// Words users type that pages spell otherwise. Clipped words: 비번 is a page's 비밀번호 (or, of Wi-Fi, its
// 암호), 블박 its 블랙박스. A question's clipped word also searches and ranks as the full word (one way only:
// a page that writes 비밀번호 is never read as 비번). Facts of Korean usage, kept in a table with tests. 폰
// alone is left out: read as 휴대폰 and 스마트폰 it lost three development answers for one.
// prettier-ignore
const CLIPPED: Readonly<Record<string, readonly string[]>> = {
  비번: ['비밀번호', '암호'],
  블박: ['블랙박스'],
  카톡: ['카카오톡'],
  엘베: ['엘리베이터'],
  와이프: ['아내'],
  핸폰: ['휴대폰'],
  핸드폰: ['휴대폰'],
  어플: ['앱'],
  컴: ['컴퓨터'],
  알바: ['아르바이트'],
  셀카: ['셀프 카메라'],
  인강: ['인터넷 강의'],
  공홈: ['공식 홈페이지'],
  폰번호: ['휴대폰 번호', '전화번호'],
};

/** The full words of a clipped word (particles already stripped), or none. */
export function fullWords(word: string): readonly string[] {
  return Object.hasOwn(CLIPPED, word) ? (CLIPPED[word] ?? []) : [];
}

/** A question about Wi-Fi, where users call the 5GHz band "5G" (the analyzer's GHz note). */
export function aboutWifi(text: string): boolean {
  return /와이파이|wi-?fi|공유기|무선\s*랜|라우터/i.test(text);
}
