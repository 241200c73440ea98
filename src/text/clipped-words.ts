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
  전번: ['전화번호'],
  식세기: ['식기세척기'],
  공청기: ['공기청정기'],
  업뎃: ['업데이트'],
  블투: ['블루투스'],
  스샷: ['스크린샷'],
  로긴: ['로그인'],
  셋탑: ['셋톱박스'],
  렌지: ['전자레인지'],
  주민번호: ['주민등록번호'],
  건보: ['건강보험'],
  자소서: ['자기소개서'],
  전훈: ['전지훈련'],
  지자체: ['지방자치단체'],
  초딩: ['초등학생'],
  중딩: ['중학생'],
  고딩: ['고등학생'],
  대딩: ['대학생'],
  남친: ['남자친구'],
  여친: ['여자친구'],
  인스타: ['인스타그램'],
  페북: ['페이스북'],
  넷플: ['넷플릭스'],
  // Spellings users type against the standard one.
  리모콘: ['리모컨'],
  메세지: ['메시지'],
  컨텐츠: ['콘텐츠'],
  밧데리: ['배터리'],
  베터리: ['배터리'],
  악세사리: ['액세서리'],
  전자렌지: ['전자레인지'],
  셋탑박스: ['셋톱박스'],
  // The 세 of everyday speech for a utility's 요금.
  전기세: ['전기요금'],
  수도세: ['수도요금'],
};

/** The full words of a clipped word (particles already stripped), or none. */
export function fullWords(word: string): readonly string[] {
  return Object.hasOwn(CLIPPED, word) ? (CLIPPED[word] ?? []) : [];
}

/** A question about Wi-Fi, where users call the 5GHz band "5G" (the analyzer's GHz note). */
export function aboutWifi(text: string): boolean {
  return /와이파이|wi-?fi|공유기|무선\s*랜|라우터/i.test(text);
}
