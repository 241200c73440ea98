import { describe, expect, it } from 'vitest';
import {
  createMonthTermResolver,
  headlineNamesOtherTime,
  headlineNamesTime,
  FINAL_ROUND,
  impliedRoundUnits,
  monthTermsOf,
  timeUnitTerms,
} from '../../src/text/time-terms.js';
import { analyze } from '../../src/text/tokens.js';
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
    // The particle follows the last syllable: 까지 and 주 take 는.
    ['지난 11일부터 13일까지 비가 왔다.', '2026-07-14', true, '(기사 날짜 기준 ‘지난 11일부터 13일까지’는 2026년 7월 11일~13일)'],
    ['공사는 지난주 끝났다.', '2026-07-14', true, '(기사 날짜 기준 ‘지난주’는 2026년 7월 6일~12일)'],
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

describe('headline times', () => {
  const units = (question: string) => timeUnitTerms(analyze(question, { query: true }));

  it('reads the time units a question names', () => {
    expect(units('6월 외국인 관광객은 몇 명이야?')).toEqual(['6월']);
    expect(units('해담은행 1분기 순이자마진은?')).toEqual(['1분기']);
    expect(units('결승 2차전 결과는?')).toEqual(['2차전']);
    expect(units('외국인 관광객은 몇 명이야?')).toEqual([]);
    // A year has four digits; "1년에", "3년 전" count years.
    expect(units('2024년 7월 매출은?')).toEqual(['2024년', '7월']);
    expect(units('니켈을 1년에 몇 톤씩 준대요?')).toEqual([]);
    expect(units('3년 전에는 몇 명이었어?')).toEqual([]);
  });

  it.each<[string, string, boolean, boolean]>([
    // question, headline, names the question's time, names another time of its unit
    ['6월 외국인 관광객은?', '5월 방한 외국인 관광객 162만 명', false, true],
    ['6월 외국인 관광객은?', '6월 외국인 관광객 171만 명', true, false],
    ['1분기 순이자마진은?', '해담은행 2분기 순이익 9340억 원…상반기 최대', false, true],
    ['3라운드 결과 알려줘', '김나래, 2라운드 코스레코드 63타', false, true],
    // A headline without a time of that unit says nothing either way.
    ['6월 외국인 관광객은?', '외국인 관광객 크루즈 입국 늘어', false, false],
    // Another unit is another question: a month against a quarter's headline.
    ['6월 순이익은?', '해담은행 2분기 순이익', false, false],
    // A year in a headline names a subject, not a report: "1987년 대통령 선거" tells of 1988 too.
    ['1988년 취임한 대통령은?', '1987년 대한민국 대통령 선거', false, false],
    // A question naming two months accepts either.
    ['5월과 6월 관광객은?', '6월 외국인 관광객 171만 명', true, false],
  ])('%s / %s', (question, headline, names, other) => {
    const headlineTerms = analyze(headline);
    expect(headlineNamesTime(units(question), headlineTerms)).toBe(names);
    expect(headlineNamesOtherTime(units(question), headlineTerms)).toBe(other);
  });

  it.each<[string, string[]]>([
    ['김나래는 첫날 몇 타 쳤어?', ['1라운드']],
    ['둘째 날 선두는 누구야?', ['2라운드']],
    ['이튿날 스코어는?', ['2라운드']],
    ['사흘째 순위 알려줘', ['3라운드']],
    ['김나래 스코어 알려줘', []],
    ['최종 라운드 우승자는 누구야?', [FINAL_ROUND]],
    ['마지막 날 스코어는?', [FINAL_ROUND]],
  ])('reads a tournament day as its round: %s', (question, rounds) => {
    expect(impliedRoundUnits(question)).toEqual(rounds);
  });

  it('tells a round report from a look-alike by the day a question names, and leaves other headlines alone', () => {
    const asked = impliedRoundUnits('김나래는 첫날 몇 타 쳤어?');
    expect(headlineNamesOtherTime(asked, analyze('김나래, 2라운드 코스레코드 63타…역전 선두'))).toBe(true);
    expect(headlineNamesTime(asked, analyze('서하윤, 챔피언십 1라운드 7언더파 단독 선두'))).toBe(true);
    // The final round is no numbered round unless the headline says it is the last.
    const final = impliedRoundUnits('최종 라운드 우승자는 누구야?');
    expect(headlineNamesOtherTime(final, analyze('김나래, 2라운드 코스레코드 63타…역전 선두'))).toBe(true);
    expect(headlineNamesOtherTime(final, analyze('김나래, 최종 3라운드 버디 6개로 첫 우승'))).toBe(false);
    expect(headlineNamesTime(final, analyze('김나래, 최종 3라운드 버디 6개로 첫 우승'))).toBe(true);
    // Headline terms given once, as an iterator, are read for both the round and the 최종.
    expect(headlineNamesOtherTime(final, analyze('김나래, 최종 3라운드 버디 6개로 첫 우승').values())).toBe(false);
    // A festival's first day names no round.
    expect(headlineNamesOtherTime(asked, analyze('해령 불꽃축제 첫날 관람객 12만 명'))).toBe(false);
  });
});
