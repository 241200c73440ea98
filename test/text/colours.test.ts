import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/text/tokens.js';
import { colourTerms, coloursIn, textsHoldColours } from '../../src/text/colours.js';

describe('coloursIn', () => {
  it.each<[string, string[]]>([
    ['블박 LED가 보라색으로 깜빡여요', ['purple']],
    ['불이 하얗게 깜박이기만 해요', ['white']],
    ['| 빨간색 깜빡임 | 충격 녹화 중 |', ['red']],
    ['적색 표시등과 녹색 표시등', ['red', 'green']],
    ['까만 화면만 나와요', ['black']],
    // Loans, on their own or before 색, 컬러 or a particle.
    ['화이트 말고 블랙도 있어요?', ['white', 'black']],
    ['블랙 색상도 나오나요?', ['black']],
    ['네이비 색상도 나와요?', ['blue']],
    ['실버컬러는 품절이에요', ['grey']],
    ['블랙박스 영상은 어디서 봐요?', []],
    ['그린벨트 해제 지역', []],
    ['레드카드를 받았다', []],
    ['사랑을 그린 드라마', []],
    ['블루 윙즈 감독', []],
    // Names and words that only look like colours.
    ['푸른들식품이 납품했다', []],
    ['자주 묻는 질문', []],
    ['노래를 틀어 줘', []],
    ['하늘결 스튜디오', []],
  ])('%s → %j', (text, colours) => {
    expect(coloursIn(text)).toEqual(colours);
  });
});

describe('textsHoldColours', () => {
  const page = ['| 파란색 천천히 깜빡임 | 주차 녹화 대기 중 |', '| 빨간색 깜빡임 | 이벤트(충격) 녹화 중 |'];
  it('holds a colour the page names in any of its spellings', () => {
    expect(textsHoldColours('불이 파랗게 깜빡이는데 뭐예요?', page)).toBe(true);
    expect(textsHoldColours('빨간 불은 무슨 뜻이에요?', page)).toBe(true);
  });
  it('does not hold a colour no passage names', () => {
    expect(textsHoldColours('LED가 보라색으로 깜빡여요. 무슨 뜻이에요?', page)).toBe(false);
  });
  it('holds a question that names no colour', () => {
    expect(textsHoldColours('주차 녹화는 언제 돼요?', page)).toBe(true);
  });
});

describe('colour index terms', () => {
  it('meet across a light, a noun and an adjective: 주황불 ~ 주황색, 파란 불 ~ 파란색', () => {
    const hue = (text: string, query = false) => analyze(text, { query }).filter((term) => term.startsWith('h:'));
    expect(hue('주황불이 깜빡여요', true)).toEqual(['h:orange']);
    expect(hue('| 경고(주황색) | 깜빡임 | 용지 걸림 |')).toEqual(['h:orange']);
    expect(hue('파란 불이 천천히 깜빡여요', true)).toEqual(['h:blue']);
    expect(hue('Wi-Fi LED(파란색)')).toEqual(['h:blue']);
    // 황색 inside 주황색 is no yellow; a word that only holds a colour's spelling later names none.
    expect(hue('경고 LED(주황색)')).not.toContain('h:yellow');
    expect(hue('편집 화면')).toEqual([]);
    expect(colourTerms('초록불')).toEqual(['h:green']);
  });
});
