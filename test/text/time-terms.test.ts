import { describe, expect, it } from 'vitest';
import { createMonthTermResolver, monthTermsOf } from '../../src/text/time-terms.js';
import { dateNote } from '../../src/answer/extractive.js';

describe('monthTermsOf and a month-term resolver', () => {
  const resolvedMonthTerms = createMonthTermResolver(2);

  it.each<[string, string, string[]]>([
    ['지난달 수출이 12% 늘었다.', '2025-07-15', ['6월']],
    ['이날 발표했다.', '2025-07-15', ['7월']],
    ['18일 착공식을 열었다.', '2025-06-19', ['6월']],
    // A day after the article's day in the same month goes back a month ("지난 25일" on 7-15 → 6-25).
    ['지난 25일 문을 열었다.', '2025-07-15', ['6월']],
    // A month the text names itself adds nothing: the analyzer indexes "6월" already.
    ['6월 수출이 늘었다.', '2025-07-15', []],
    ['올해 상반기 실적이다.', '2025-07-15', []],
  ])('%s (기사 %s) → %j', (text, date, terms) => {
    expect(monthTermsOf(text, date)).toEqual(terms);
    // The resolver remembers two passages: asked twice (the second time from memory), it agrees.
    expect(resolvedMonthTerms(text, date)).toEqual(terms);
    expect(resolvedMonthTerms(text, date)).toEqual(terms);
  });

  it('adds nothing without an article date', () => {
    expect(monthTermsOf('지난달 수출이 늘었다.', undefined)).toEqual([]);
    expect(resolvedMonthTerms('지난달 수출이 늘었다.', undefined)).toEqual([]);
  });

  it('keys its memory by the article date as well as the text', () => {
    const resolve = createMonthTermResolver();
    expect(resolve('지난달 수출이 늘었다.', '2025-07-15')).toEqual(['6월']);
    expect(resolve('지난달 수출이 늘었다.', '2025-03-02')).toEqual(['2월']);
  });
});

describe('dateNote', () => {
  it.each<[string, string, boolean, string | undefined]>([
    ['해담은행은 24일 실적을 발표했다.', '2025-07-25', false, '(기사 날짜 기준 ‘24일’은 2025년 7월 24일)'],
    ['해령FC는 지난달 30일 원정경기에서 비겼다.', '2025-12-01', true, '(기사 날짜 기준 ‘지난달 30일’은 2025년 11월 30일)'],
    ['발표는 이날 오전에 나왔다.', '2025-03-17', false, '(기사 날짜 기준 ‘이날’은 2025년 3월 17일)'],
    // A full date needs no note; a month and day gets its year only for a time question.
    ['2025년 6월 18일 착공했다.', '2025-06-19', true, undefined],
    ['6월 18일 착공했다.', '2025-06-19', true, '(기사 날짜 기준 ‘6월 18일’은 2025년 6월 18일)'],
    ['6월 18일 착공했다.', '2025-06-19', false, undefined],
    // Durations are not dates.
    ['공사는 3주 동안 이어졌다.', '2025-06-19', true, undefined],
  ])('%s (%s, time question %s)', (quote, date, timeQuestion, note) => {
    expect(dateNote(quote, date, timeQuestion)).toBe(note);
  });
});
