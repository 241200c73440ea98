import { describe, expect, it } from 'vitest';
import { COUNTRY_ANSWER } from '../../src/text/countries.js';

describe('COUNTRY_ANSWER', () => {
  it.each<[string, boolean]>([
    ['브라질 출신 공격수 하파엘 모타가 결승골을 넣었다.', true],
    ['인도네시아와 베트남에서 생산한다.', true],
    ['도미니카 공화국에서 왔다.', true],
    // A language, a people's word inside another, or no country at all.
    ['한국어 자막을 붙였다.', false],
    ['승부를 가른 건 외국인 공격수였다.', false],
    ['가온시 체육관에서 열렸다.', false],
  ])('%s → %s', (sentence, named) => {
    expect(COUNTRY_ANSWER.test(sentence)).toBe(named);
  });
});
