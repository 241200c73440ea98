import { describe, expect, it } from 'vitest';
import { askedEnds, askedSides, CONTRAST_SETS, namesOtherEnd, namesOtherSide } from '../../src/text/contrast-words.js';
import { analyze } from '../../src/text/tokens.js';

const sidesOf = (question: string) => askedSides(new Set(analyze(question, { query: true })));
const terms = (text: string) => new Set(analyze(text));

describe('contrast words', () => {
  it('keeps every word on one side of one set', () => {
    const words = CONTRAST_SETS.flat(2);
    expect(new Set(words).size).toBe(words.length);
    for (const set of CONTRAST_SETS) expect(set.length).toBeGreaterThanOrEqual(2);
  });

  it.each<[string, string, boolean]>([
    // question, an article's text, names only another side
    ['청솔마라톤 여자부 우승자는 누구야?', '청솔마라톤 남자부에서 이병찬이 2시간9분31초로 우승했다.', true],
    ['청솔마라톤 여자부 우승자는 누구야?', '남자부는 이병찬, 여자부는 김하늘이 우승했다.', false],
    ['하반기 매출은 얼마야?', '상반기 매출은 3조 원으로 집계됐다.', true],
    ['후반에 골 넣은 선수는?', '전반 26분 선제골이 나왔다.', true],
    ['오후 몇 시에 문을 열어?', '매장은 오전 10시에 문을 연다.', true],
    ['가온시 지하철 3월 이용객은 몇 명이야?', '가온시 시내버스 이용객이 842만 명으로 집계됐다.', true],
    ['가온시 지하철 이용객은 몇 명이야?', '버스와 지하철 이용객이 모두 늘었다.', false],
    // An article that names no side says nothing either way.
    ['청솔마라톤 여자부 우승자는 누구야?', '청솔마라톤에서 이병찬이 우승했다.', false],
    // A question naming both sides contrasts nothing.
    ['상반기와 하반기 매출은?', '상반기 매출은 3조 원이다.', false],
    // A question naming no side.
    ['청솔마라톤 우승자는 누구야?', '남자부에서 이병찬이 우승했다.', false],
  ])('%s / %s → %s', (question, text, other) => {
    expect(namesOtherSide(sidesOf(question), terms(text))).toBe(other);
  });
});

describe('sentence contrasts', () => {
  it.each<[string, string, boolean]>([
    // question, a sentence, the sentence names only the other end
    ['누리에어 마지막 비행기 몇 시야?', '첫 출발편은 다온공항에서 오전 7시 10분에 떠난다.', true],
    ['막차는 몇 시에 끊겨?', '첫차는 오전 5시 30분에 출발한다.', true],
    ['첫차는 몇 시에 다녀?', '마지막 버스는 밤 11시에 떠난다.', true],
    ['마지막 비행기 몇 시야?', '첫 편은 7시, 마지막 편은 오후 8시에 뜬다.', false],
    ['미술관은 무슨 요일에 쉬어?', '미술관은 매주 수요일에는 오후 9시까지 문을 연다.', true],
    ['도서관 휴관일이 언제야?', '도서관은 평일 오전 9시에 개관한다.', true],
    ['미술관은 무슨 요일에 쉬어?', '미술관은 매주 월요일에 휴관한다.', false],
    ['미술관은 몇 시에 문을 열어?', '미술관은 매주 월요일 문을 닫는다.', true],
    ['영화제 폐막작 감독은 누구야?', "개막작은 신예 감독 한별의 데뷔작 '봄 정류장'이다.", true],
    ['영화제 폐막작 감독은 누구야?', "폐막작은 '작은 섬'이며 감독은 오세린이다.", false],
    ['검찰은 벌금 얼마 구형했어?', '법원은 회사에 벌금 5,000만 원을 선고했다.', true],
    ['검찰은 벌금 얼마 구형했어?', '검찰은 벌금 7,000만 원을 구형했지만 법원은 5,000만 원을 선고했다.', false],
    // What a convict got is the sentence, not the demand.
    ['보이스피싱 총책 몇 년 받았어?', '검찰은 앞서 류씨에게 징역 20년을 구형했다.', true],
    ['보이스피싱 총책 몇 년 받았어?', '법원은 류씨에게 징역 15년을 선고했다.', false],
    // A question naming neither end.
    ['비행기 몇 시에 떠?', '첫 출발편은 오전 7시 10분에 떠난다.', false],
    // A sentence naming neither end.
    ['마지막 비행기 몇 시야?', '누리에어는 하루 4회 왕복 운항한다.', false],
  ])('%s / %s → %s', (question, sentence, other) => {
    expect(namesOtherEnd(askedEnds(question), sentence)).toBe(other);
  });
});
