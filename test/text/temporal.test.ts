import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTimeExpressions, formatKoreanDate, resolvedTerms, timeIntent, type TimeExpression } from '../../src/text/temporal.js';
import {
  DAY_COUNT_WORDS,
  RELATIVE_DAYS,
  RELATIVE_MONTHS,
  RELATIVE_QUARTERS,
  RELATIVE_WEEKS,
  RELATIVE_YEARS,
} from '../../src/text/temporal-tables.js';

type Kind = TimeExpression['kind'];

/** The one expression of a text (fails when there is none or more than one). */
function only(text: string, reference?: string): TimeExpression {
  const found = findTimeExpressions(text, reference);
  expect(found.map((expression) => expression.text)).toHaveLength(1);
  return found[0]!;
}

describe('findTimeExpressions: expressions, terms and resolution', () => {
  // [text, reference date, expected span, kind, term, from, to] — from/to '' when no range.
  it.each<[string, string, string, Kind, string, string, string]>([
    // Full dates
    ['2025년 6월 18일 착공식을 열었다', '2025-06-19', '2025년 6월 18일', 'date', '6월 18일', '2025-06-18', '2025-06-18'],
    ['2025.6.18 기준 집계', '2025-07-01', '2025.6.18', 'date', '6월 18일', '2025-06-18', '2025-06-18'],
    ['발표일은 2025-06-18이다', '2025-07-01', '2025-06-18', 'date', '6월 18일', '2025-06-18', '2025-06-18'],
    ['2025. 6. 18 개정', '2025-07-01', '2025. 6. 18', 'date', '6월 18일', '2025-06-18', '2025-06-18'],
    ['6월 18일 개막한다', '2025-06-10', '6월 18일', 'date', '6월 18일', '2025-06-18', '2025-06-18'],
    ['6/18 개막', '2025-06-10', '6/18', 'date', '6월 18일', '2025-06-18', '2025-06-18'],
    ['지난 6월 18일 공개됐다', '2025-09-01', '지난 6월 18일', 'date', '6월 18일', '2025-06-18', '2025-06-18'],
    ['지난달 18일 접수했다', '2025-01-05', '지난달 18일', 'date', '18일', '2024-12-18', '2024-12-18'],
    ['다음 달 5일 시행된다', '2025-12-20', '다음 달 5일', 'date', '5일', '2026-01-05', '2026-01-05'],
    ['이달 25일 마감', '2025-06-19', '이달 25일', 'date', '25일', '2025-06-25', '2025-06-25'],
    ['작년 12월 3일 처음 보고됐다', '2025-04-01', '작년 12월 3일', 'date', '12월 3일', '2024-12-03', '2024-12-03'],
    // Months
    ['6월 수출 증가율', '2025-07-01', '6월', 'month', '6월', '2025-06-01', '2025-06-30'],
    ['10월 통계가 나왔다', '2025-11-05', '10월', 'month', '10월', '2025-10-01', '2025-10-31'],
    ['2025년 6월 반도체', '2026-03-01', '2025년 6월', 'month', '6월', '2025-06-01', '2025-06-30'],
    ['올해 6월 개장', '2025-02-01', '올해 6월', 'month', '6월', '2025-06-01', '2025-06-30'],
    ['작년 10월 착공', '2025-02-01', '작년 10월', 'month', '10월', '2024-10-01', '2024-10-31'],
    ['지난 10월 열렸다', '2026-03-02', '지난 10월', 'month', '10월', '2025-10-01', '2025-10-31'],
    ['오는 3월 문을 연다', '2025-11-01', '오는 3월', 'month', '3월', '2026-03-01', '2026-03-31'],
    ['올 3월 개통', '2025-01-10', '올 3월', 'month', '3월', '2025-03-01', '2025-03-31'],
    // a later month in a past-tense clause is last year's; an earlier month in a future clause is next year's
    ['12월 판매량은 크게 늘었다', '2026-02-10', '12월', 'month', '12월', '2025-12-01', '2025-12-31'],
    ['3월 개장할 예정이다', '2025-11-20', '3월', 'month', '3월', '2026-03-01', '2026-03-31'],
    // a month named as a target ignores the tense of "미뤄졌다"; a distant month does not move back
    ['출시가 10월로 미뤄졌다', '2025-07-09', '10월', 'month', '10월', '2025-10-01', '2025-10-31'],
    ['10월 출시를 발표했다', '2025-07-09', '10월', 'month', '10월', '2025-10-01', '2025-10-31'],
    ['3분기 영업이익은 늘었다', '2025-02-05', '3분기', 'quarter', '3분기', '2024-07-01', '2024-09-30'],
    ['6~8월 관광객', '2025-09-01', '6~8월', 'month', '6~8월', '2025-06-01', '2025-08-31'],
    ['10월 중순께 열린다', '2025-09-01', '10월 중순', 'month', '10월 중순', '2025-10-11', '2025-10-20'],
    ['6월 말까지 신청', '2025-06-01', '6월 말', 'month', '6월 말', '2025-06-21', '2025-06-30'],
    ['2월 하순', '2024-01-05', '2월 하순', 'month', '2월 하순', '2024-02-21', '2024-02-29'],
    // Quarters and halves
    ['2분기 영업이익', '2025-07-25', '2분기', 'quarter', '2분기', '2025-04-01', '2025-06-30'],
    ['4분기 영업이익은 줄었다', '2026-01-28', '4분기', 'quarter', '4분기', '2025-10-01', '2025-12-31'],
    ['1·4분기 실적', '2025-05-01', '1·4분기', 'quarter', '1분기', '2025-01-01', '2025-03-31'],
    ['1/4분기 매출', '2025-05-01', '1/4분기', 'quarter', '1분기', '2025-01-01', '2025-03-31'],
    ['4Q 실적 발표', '2025-12-01', '4Q', 'quarter', '4분기', '2025-10-01', '2025-12-31'],
    ['4Q24 매출', '2025-02-01', '4Q24', 'quarter', '4분기', '2024-10-01', '2024-12-31'],
    ['2024년 3분기 순이익', '2025-06-01', '2024년 3분기', 'quarter', '3분기', '2024-07-01', '2024-09-30'],
    ['지난 분기보다 늘었다', '2025-05-15', '지난 분기', 'quarter', '지난분기', '2025-01-01', '2025-03-31'],
    ['상반기 판매', '2025-09-01', '상반기', 'half', '상반기', '2025-01-01', '2025-06-30'],
    ['하반기 채용', '2025-03-01', '하반기', 'half', '하반기', '2025-07-01', '2025-12-31'],
    ['올 상반기 수출', '2025-08-01', '올 상반기', 'half', '상반기', '2025-01-01', '2025-06-30'],
    ['지난해 하반기 적자', '2025-03-01', '지난해 하반기', 'half', '하반기', '2024-07-01', '2024-12-31'],
    // Years
    ['2013∼2014년으로 미뤘다', '2012-05-01', '2013∼2014년', 'year', '2013~2014년', '2013-01-01', '2014-12-31'],
    ['2013년~2014년 사이', '2012-05-01', '2013년~2014년', 'year', '2013~2014년', '2013-01-01', '2014-12-31'],
    ['2025년 예산', '2024-10-01', '2025년', 'year', '2025년', '2025-01-01', '2025-12-31'],
    ['2025년도 예산안', '2024-10-01', '2025년도', 'year', '2025년', '2025-01-01', '2025-12-31'],
    ['올해 목표', '2025-03-01', '올해', 'year', '올해', '2025-01-01', '2025-12-31'],
    ['금년 매출', '2025-03-01', '금년', 'year', '올해', '2025-01-01', '2025-12-31'],
    ['작년보다 늘었다', '2025-03-01', '작년', 'year', '작년', '2024-01-01', '2024-12-31'],
    ['지난해 같은 기간', '2025-03-01', '지난해', 'year', '작년', '2024-01-01', '2024-12-31'],
    ['지난 해 실적', '2025-03-01', '지난 해', 'year', '작년', '2024-01-01', '2024-12-31'],
    ['내년 상반기까지', '2025-03-01', '내년 상반기', 'half', '상반기', '2026-01-01', '2026-06-30'],
    ['내년에는', '2025-03-01', '내년', 'year', '내년', '2026-01-01', '2026-12-31'],
    ['내후년 완공', '2025-03-01', '내후년', 'year', '내후년', '2027-01-01', '2027-12-31'],
    ['전년 동기 대비', '2025-03-01', '전년', 'year', '전년', '2024-01-01', '2024-12-31'],
    ['재작년 수준', '2025-03-01', '재작년', 'year', '재작년', '2023-01-01', '2023-12-31'],
    // Days without a month: the latest such day on or before the article's date
    ['18일 발표했다', '2025-06-19', '18일', 'day', '18일', '2025-06-18', '2025-06-18'],
    ['지난 18일 발표', '2025-06-19', '지난 18일', 'day', '18일', '2025-06-18', '2025-06-18'],
    ['20일 발표했다', '2025-06-19', '20일', 'day', '20일', '2025-05-20', '2025-05-20'],
    ['31일 집계했다', '2025-07-15', '31일', 'day', '31일', '2025-05-31', '2025-05-31'],
    ['지난 31일', '2025-03-10', '지난 31일', 'day', '31일', '2025-01-31', '2025-01-31'],
    ['18일(현지시간) 밝혔다', '2025-06-19', '18일', 'day', '18일', '2025-06-18', '2025-06-18'],
    ['18일께 나온다', '2025-06-20', '18일', 'day', '18일', '2025-06-18', '2025-06-18'],
    ['오는 25일 열린다', '2025-06-19', '오는 25일', 'day', '25일', '2025-06-25', '2025-06-25'],
    ['오는 5일 개막', '2025-06-19', '오는 5일', 'day', '5일', '2025-07-05', '2025-07-05'],
    ['20일 발표할 예정이다', '2025-06-19', '20일', 'day', '20일', '2025-06-20', '2025-06-20'],
    ['20일 개막식을 연다', '2025-06-19', '20일', 'day', '20일', '2025-06-20', '2025-06-20'],
    // Day ranges
    ['1~10일 접수', '2025-06-19', '1~10일', 'day', '1~10일', '2025-06-01', '2025-06-10'],
    ['1일~10일 접수', '2025-06-19', '1일~10일', 'day', '1~10일', '2025-06-01', '2025-06-10'],
    ['6월 1~10일 집계', '2025-07-01', '6월 1~10일', 'date', '6월 1~10일', '2025-06-01', '2025-06-10'],
    ['6월 1일부터 10일까지 열린다', '2025-05-01', '6월 1일부터 10일까지', 'date', '6월 1~10일', '2025-06-01', '2025-06-10'],
    ['1일부터 10일까지 진행됐다', '2025-06-19', '1일부터 10일까지', 'day', '1~10일', '2025-06-01', '2025-06-10'],
    ['19일부터 10월 26일까지 연다', '2025-07-18', '19일부터 10월 26일까지', 'date', '19일~10월 26일', '2025-07-19', '2025-10-26'],
    ['6월 28일~7월 2일 열린다', '2025-06-01', '6월 28일~7월 2일', 'date', '6월 28일~7월 2일', '2025-06-28', '2025-07-02'],
    // Relative days, weeks and months
    ['오늘 발표', '2025-06-19', '오늘', 'relative', '오늘', '2025-06-19', '2025-06-19'],
    ['금일 공시', '2025-06-19', '금일', 'relative', '오늘', '2025-06-19', '2025-06-19'],
    ['이날 열린 회의', '2025-06-19', '이날', 'relative', '이날', '2025-06-19', '2025-06-19'],
    ['어제 밝혔다', '2025-03-01', '어제', 'relative', '어제', '2025-02-28', '2025-02-28'],
    ['그제 발생한 사고', '2025-01-01', '그제', 'relative', '그제', '2024-12-30', '2024-12-30'],
    ['그저께 열린', '2025-06-19', '그저께', 'relative', '그제', '2025-06-17', '2025-06-17'],
    ['내일 개막한다', '2025-12-31', '내일', 'relative', '내일', '2026-01-01', '2026-01-01'],
    ['모레 결정된다', '2025-06-19', '모레', 'relative', '모레', '2025-06-21', '2025-06-21'],
    ['지난주 발표된', '2025-06-19', '지난주', 'week', '지난주', '2025-06-09', '2025-06-15'],
    ['이번 주 안에', '2025-06-19', '이번 주', 'week', '이번주', '2025-06-16', '2025-06-22'],
    ['다음 주부터', '2025-06-19', '다음 주', 'week', '다음주', '2025-06-23', '2025-06-29'],
    ['지난 주말 열린', '2025-06-19', '지난 주말', 'week', '지난주말', '2025-06-14', '2025-06-15'],
    ['지난달 판매량', '2025-01-10', '지난달', 'relative', '지난달', '2024-12-01', '2024-12-31'],
    ['전월 대비 증가', '2025-03-10', '전월', 'relative', '지난달', '2025-02-01', '2025-02-28'],
    ['이달 중 발표', '2025-06-19', '이달', 'relative', '이달', '2025-06-01', '2025-06-30'],
    ['이번 달 출시', '2025-06-19', '이번 달', 'relative', '이달', '2025-06-01', '2025-06-30'],
    ['다음 달 출시', '2025-12-19', '다음 달', 'relative', '다음달', '2026-01-01', '2026-01-31'],
    ['내달 출시', '2025-06-19', '내달', 'relative', '다음달', '2025-07-01', '2025-07-31'],
    ['이달 초순 착공', '2025-06-19', '이달 초순', 'relative', '이달 초순', '2025-06-01', '2025-06-10'],
    ['이달 중순', '2025-06-19', '이달 중순', 'relative', '이달 중순', '2025-06-11', '2025-06-20'],
    ['이달 하순', '2025-06-19', '이달 하순', 'relative', '이달 하순', '2025-06-21', '2025-06-30'],
    ['이달 말 완공', '2025-02-03', '이달 말', 'relative', '이달 말', '2025-02-21', '2025-02-28'],
    ['지난달 하순', '2025-03-05', '지난달 하순', 'relative', '지난달 하순', '2025-02-21', '2025-02-28'],
    ['3일 전 발생', '2025-06-19', '3일 전', 'relative', '3일 전', '2025-06-16', '2025-06-16'],
    ['2주 후 재개', '2025-06-19', '2주 후', 'relative', '2주 후', '2025-07-03', '2025-07-03'],
    ['3개월 전 계약', '2025-02-10', '3개월 전', 'relative', '3개월 전', '2024-11-01', '2024-11-30'],
    ['5000년 전의 유물', '2025-02-10', '5000년 전', 'relative', '5000년 전', '', ''],
    ['1969년 전까지', '2025-02-10', '1969년', 'year', '1969년', '1969-01-01', '1969-12-31'],
    ['100일 전 시작', '2025-06-19', '100일 전', 'relative', '100일 전', '2025-03-11', '2025-03-11'],
    ['2년 전 문을 열었다', '2025-02-10', '2년 전', 'relative', '2년 전', '2023-01-01', '2023-12-31'],
    // Ordinal events: no range
    ['1차전에서 이겼다', '2025-06-19', '1차전', 'ordinal', '1차전', '', ''],
    ['2차전 결과', '2025-06-19', '2차전', 'ordinal', '2차전', '', ''],
    ['3회 대회', '2025-06-19', '3회', 'ordinal', '3회', '', ''],
    ['제3회 영화제', '2025-06-19', '제3회', 'ordinal', '3회', '', ''],
    ['2라운드 진출', '2025-06-19', '2라운드', 'ordinal', '2라운드', '', ''],
    ['4강에 올랐다', '2025-06-19', '4강', 'ordinal', '4강', '', ''],
    ['8강전에서', '2025-06-19', '8강전', 'ordinal', '8강', '', ''],
    ['9회말 역전', '2025-06-19', '9회', 'ordinal', '9회', '', ''],
    ['3차 협상', '2025-06-19', '3차', 'ordinal', '3차', '', ''],
    ['2회차 공연', '2025-06-19', '2회차', 'ordinal', '2회차', '', ''],
    ['세 번째가 아니라 3번째 시도', '2025-06-19', '3번째', 'ordinal', '3번째', '', ''],
    ['2쿼터 득점', '2025-06-19', '2쿼터', 'ordinal', '2쿼터', '', ''],
    ['대회 2일차 일정', '2025-06-19', '2일차', 'ordinal', '2일차', '', ''],
    // Durations: kind period, no range
    ['3주 걸렸다', '2025-06-19', '3주', 'period', '3주간', '', ''],
    ['5일간 열린다', '2025-06-19', '5일간', 'period', '5일간', '', ''],
    ['15일간 이어졌다', '2025-06-19', '15일간', 'period', '15일간', '', ''],
    ['3일 연속 하락', '2025-06-19', '3일 연속', 'period', '3일간', '', ''],
    ['4일 동안 멈췄다', '2025-06-19', '4일 동안', 'period', '4일간', '', ''],
    ['두 달 만에', '2025-06-19', '두 달 만에', 'period', '2개월간', '', ''],
    ['한 해 동안', '2025-06-19', '한 해 동안', 'period', '1년간', '', ''],
    ['6개월 연장', '2025-06-19', '6개월', 'period', '6개월간', '', ''],
    ['3년 만에 재개', '2025-06-19', '3년 만에', 'period', '3년간', '', ''],
    ['징역 3년을 선고', '2025-06-19', '3년', 'period', '3년간', '', ''],
    ['이틀간 휴장', '2025-06-19', '이틀간', 'period', '2일간', '', ''],
    ['보름 넘게', '2025-06-19', '보름 넘게', 'period', '15일간', '', ''],
    ['하루 만에 복구', '2025-06-19', '하루 만에', 'period', '1일간', '', ''],
    ['주 5일제 시행', '2025-06-19', '5일제', 'period', '5일간', '', ''],
    ['45일 걸린다', '2025-06-19', '45일', 'period', '45일간', '', ''],
    ['창립 58년 만의 첫 여성 행장', '2025-06-19', '58년 만의', 'period', '58년간', '', ''],
    ['2시간 넘게 걸렸다', '2025-06-19', '2시간 넘게', 'period', '2시간', '', ''],
    ['3분기 연속 흑자', '2025-06-19', '3분기 연속', 'period', '3분기간', '', ''],
  ])('%s (기준 %s) → %s', (text, reference, span, kind, term, from, to) => {
    const expression = only(text, reference);
    expect(expression.text).toBe(span);
    expect(text.slice(expression.start, expression.end)).toBe(span);
    expect(expression.kind).toBe(kind);
    expect(expression.term).toBe(term);
    expect(expression.range).toEqual(from ? { from, to } : undefined);
  });

  it('finds every word of the tables on its own, whatever follows', () => {
    const words = [RELATIVE_DAYS, RELATIVE_YEARS, RELATIVE_MONTHS, RELATIVE_WEEKS, RELATIVE_QUARTERS, DAY_COUNT_WORDS].flatMap((table) =>
      Object.keys(table),
    );
    for (const word of words) {
      for (const after of ['', '에', ' 발표']) {
        expect(
          findTimeExpressions(`${word}${after}`, '2025-06-19').map((expression) => expression.text),
          `${word}${after}`,
        ).toEqual([word]);
      }
    }
  });

  it('gives ordinals their number and unit', () => {
    expect(only('2차전').ordinal).toEqual({ n: 2, unit: '차전' });
    expect(only('3라운드').ordinal).toEqual({ n: 3, unit: '라운드' });
    expect(only('16강 진출').ordinal).toEqual({ n: 16, unit: '강' });
  });

  it('finds several expressions in order and does not join unrelated ones', () => {
    const found = findTimeExpressions('지난달 18일 1차전에 이어 이날 2차전이 열렸고, 6월과 18일은 휴장했다.', '2025-07-20');
    expect(found.map((expression) => [expression.text, expression.kind])).toEqual([
      ['지난달 18일', 'date'],
      ['1차전', 'ordinal'],
      ['이날', 'relative'],
      ['2차전', 'ordinal'],
      ['6월', 'month'],
      ['18일', 'day'],
    ]);
    expect(found[0]!.range).toEqual({ from: '2025-06-18', to: '2025-06-18' });
  });

  it('keeps a month and a day apart when words stand between them', () => {
    const found = findTimeExpressions('6월 수출은 18일 발표됐다', '2025-07-20');
    expect(found.map((expression) => expression.term)).toEqual(['6월', '18일']);
  });

  it('resolves absolute expressions without a reference date, and nothing relative', () => {
    expect(only('2025년 6월 18일').range).toEqual({ from: '2025-06-18', to: '2025-06-18' });
    expect(only('2024년 4분기').range).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    for (const text of ['오늘', '지난달', '18일', '6월', '올해', '2분기']) expect(only(text).range).toBeUndefined();
    expect(only('6월', 'not-a-date').range).toBeUndefined();
  });

  it('leaves an impossible date unresolved', () => {
    expect(only('2월 30일', '2025-03-01').range).toBeUndefined();
  });
});

describe('findTimeExpressions: what is not time', () => {
  it.each([
    ['6이닝 무실점', 'a counter that is not a time unit'],
    ['3층 건물', 'floors'],
    ['5-3으로 이겼다', 'a score'],
    ['일을 했다', '일 as a word'],
    ['하루하루 버텼다', 'not 하루 the duration'],
    ['2025년형 모델', 'a model year'],
    ['1990년대 음악', 'a decade'],
    ['6월드컵', '월드컵 is not a month'],
    ['2차전지 공장', 'a secondary battery'],
    ['3차원 영상', 'a dimension'],
    ['3강 체제', 'not a knockout round'],
    ['오늘날의 기술', 'nowadays'],
    ['그제서야 알았다', 'only then'],
    ['한 달러에 팔았다', 'a dollar, not a month'],
    ['한 해외 법인', 'overseas, not a year'],
    ['수해 복구', 'flood damage'],
    ['수달 보호', 'an otter'],
    ['100주를 매입', 'shares'],
    ['3주년 기념', 'an anniversary'],
    ['의견을 전달했다', 'delivered'],
    ['내달렸다', 'ran'],
    ['보름달이 떴다', 'the full moon'],
    ['하루아침에 바뀌었다', 'overnight'],
    ['다음 주요 일정', '주요 is not a week'],
    ['지난 주가 상승', 'stock price'],
    ['13월의 월급', 'no 13th month'],
    ['3/4 지점', 'a fraction'],
    ['1.5일치 분량', 'a decimal'],
    ['24시간대 운영', 'not a duration'],
    ['결승에 올랐다', 'a final is not an ordinal'],
    ['이번 일은 어제오늘 일이 아니다', 'an idiom'],
    ['그 사람은 하루살이처럼', 'a mayfly'],
  ])('%s: nothing (%s)', (text) => {
    expect(findTimeExpressions(text, '2025-06-19')).toEqual([]);
  });

  it.each([
    ['연구원 1일차', 'ordinal'],
    ['15일간 열렸다', 'period'],
    ['3일 연속 올랐다', 'period'],
    ['18일만 휴장', 'day'],
  ])('%s is read as %s, not as a date', (text, kind) => {
    expect(findTimeExpressions(text, '2025-06-19').map((expression) => expression.kind)).toEqual([kind]);
  });
});

// Dates from 2000-01-01 to 2039-12-31 as ISO strings.
const isoDate = fc.integer({ min: 0, max: 14_609 }).map((days) => new Date(Date.UTC(2000, 0, 1 + days)).toISOString().slice(0, 10));
const filler = fc.constantFrom('', '정부는 ', '회사 측은 ', '서울에서 ', '“', '(');
const ending = fc.constantFrom('', ' 발표했다.', ' 열린 회의에서', '에 밝혔다', '는 휴장', ' 기준');

describe('findTimeExpressions: invariants', () => {
  it('오늘 / 이날 resolve to a range that contains the reference date', () => {
    fc.assert(
      fc.property(isoDate, filler, fc.constantFrom('오늘', '이날', '금일'), ending, (reference, before, word, after) => {
        const expression = findTimeExpressions(`${before}${word}${after}`, reference).find((found) => found.kind === 'relative');
        expect(expression?.range).toBeDefined();
        expect(expression!.range!.from <= reference && reference <= expression!.range!.to).toBe(true);
      }),
    );
  });

  it('지난 N일 resolves to the N-th on or before the reference date, within two months', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 31 }), ending, (reference, day, after) => {
        const expression = only(`지난 ${day}일${after}`, reference);
        const from = expression.range!.from;
        expect(from <= reference).toBe(true);
        expect(Number(from.slice(8))).toBe(day);
        expect(Date.parse(reference) - Date.parse(from)).toBeLessThan(62 * 86_400_000);
      }),
    );
  });

  it('오는 N일 resolves to the N-th on or after the reference date', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 31 }), (reference, day) => {
        const from = only(`오는 ${day}일 열린다`, reference).range!.from;
        expect(from >= reference).toBe(true);
        expect(Number(from.slice(8))).toBe(day);
      }),
    );
  });

  it('a month with no year and no tense takes the reference year', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 12 }), (reference, month) => {
        const expression = only(`${month}월 통계`, reference);
        expect(expression.range!.from).toBe(`${reference.slice(0, 4)}-${String(month).padStart(2, '0')}-01`);
      }),
    );
  });

  it('spans are exact slices, in order, without overlap, and ranges are well formed', () => {
    const piece = fc.constantFrom(
      '2025년',
      ' ',
      '6월',
      '18일',
      '지난',
      '오는 ',
      '이날',
      '오늘날',
      '1~10일',
      '부터 ',
      '까지',
      '2차전',
      '3일',
      ' 연속',
      '간',
      '상반기',
      '4Q',
      '1·4분기',
      '이달',
      ' 하순',
      '두 달',
      '한 달러',
      '.',
      '12',
      '/',
      '~',
      '2025.6.18',
      '수출은',
      '했다',
      '할 예정',
      '5000년',
      ' 전',
      '100일',
      '31일',
      '2월',
      '9999년',
      '0월',
      '4강',
      '제',
      '2013~',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), isoDate, (pieces, reference) => {
        const text = pieces.join('');
        let previousEnd = 0;
        for (const expression of findTimeExpressions(text, reference)) {
          expect(text.slice(expression.start, expression.end)).toBe(expression.text);
          expect(expression.start).toBeGreaterThanOrEqual(previousEnd);
          expect(expression.end).toBeGreaterThan(expression.start);
          previousEnd = expression.end;
          if (expression.range) {
            expect(expression.range.from <= expression.range.to).toBe(true);
            // A span of several years ("2013~2025년") has no index key by design.
            if (expression.range.from.slice(0, 4) === expression.range.to.slice(0, 4))
              expect(resolvedTerms(expression.range).length).toBeGreaterThan(0);
            expect(formatKoreanDate(expression.range)).toMatch(/^\d{4}년/);
          }
        }
      }),
    );
  });
});

describe('resolvedTerms', () => {
  it.each([
    [{ from: '2025-06-18', to: '2025-06-18' }, ['@2025-06-18', '@2025-06', '@2025-Q2', '@2025-H1', '@2025']],
    [{ from: '2025-06-01', to: '2025-06-30' }, ['@2025-06', '@2025-Q2', '@2025-H1', '@2025']],
    [{ from: '2025-04-01', to: '2025-06-30' }, ['@2025-Q2', '@2025-H1', '@2025']],
    [{ from: '2025-07-01', to: '2025-12-31' }, ['@2025-H2', '@2025']],
    [{ from: '2025-01-01', to: '2025-12-31' }, ['@2025']],
    [{ from: '2025-06-01', to: '2025-06-03' }, ['@2025-06-01', '@2025-06-02', '@2025-06-03', '@2025-06', '@2025-Q2', '@2025-H1', '@2025']],
    [
      { from: '2025-06-30', to: '2025-07-01' },
      ['@2025-06-30', '@2025-07-01', '@2025-06', '@2025-07', '@2025-Q2', '@2025-Q3', '@2025-H1', '@2025-H2', '@2025'],
    ],
    [
      { from: '2024-12-29', to: '2025-01-04' },
      [
        '@2024-12-29',
        '@2024-12-30',
        '@2024-12-31',
        '@2025-01-01',
        '@2025-01-02',
        '@2025-01-03',
        '@2025-01-04',
        '@2024-12',
        '@2025-01',
        '@2024-Q4',
        '@2025-Q1',
        '@2024-H2',
        '@2025-H1',
        '@2024',
        '@2025',
      ],
    ],
    [{ from: '2025-06-01', to: '2025-08-31' }, ['@2025-Q2', '@2025-Q3', '@2025-H1', '@2025-H2', '@2025']],
    [{ from: '2024-01-01', to: '2025-12-31' }, []],
  ])('%o → %o', (value, terms) => {
    expect(resolvedTerms(value)).toEqual(terms);
  });

  it('rejects a malformed range', () => {
    expect(() => resolvedTerms({ from: '2025-06-30', to: '2025-06-01' })).toThrow(RangeError);
    expect(() => resolvedTerms({ from: '2025-6-1', to: '2025-06-01' })).toThrow(RangeError);
  });
});

describe('formatKoreanDate', () => {
  it.each([
    ['2025-06-18', '2025-06-18', '2025년 6월 18일'],
    ['2025-06-01', '2025-06-30', '2025년 6월'],
    ['2024-02-01', '2024-02-29', '2024년 2월'],
    ['2025-04-01', '2025-06-30', '2025년 2분기'],
    ['2025-01-01', '2025-06-30', '2025년 상반기'],
    ['2025-07-01', '2025-12-31', '2025년 하반기'],
    ['2025-01-01', '2025-12-31', '2025년'],
    ['2024-01-01', '2025-12-31', '2024년~2025년'],
    ['2025-06-01', '2025-08-31', '2025년 6월~8월'],
    ['2024-11-01', '2025-02-28', '2024년 11월~2025년 2월'],
    ['2025-06-01', '2025-06-10', '2025년 6월 1일~10일'],
    ['2025-06-28', '2025-07-02', '2025년 6월 28일~7월 2일'],
    ['2024-12-29', '2025-01-04', '2024년 12월 29일~2025년 1월 4일'],
  ])('%s..%s → %s', (from, to, text) => {
    expect(formatKoreanDate({ from, to })).toBe(text);
  });

  it('states the date of a resolved "18일" in full', () => {
    expect(formatKoreanDate(only('18일 착공했다', '2025-06-19').range!)).toBe('2025년 6월 18일');
  });
});

describe('timeIntent', () => {
  it.each([
    ['최근 수출 증가율은?', 'latest'],
    ['현재 직책이 뭐야?', 'latest'],
    ['지금 몇 명이야?', 'latest'],
    ['최종 사망자 수는?', 'latest'],
    ['가장 최근 발표는 언제야?', 'latest'],
    ['요즘 관광객은 얼마나 와?', 'latest'],
    // How it ended: the last report of a story.
    ['간호사들 월급은 결국 몇 % 올리기로 했어?', 'latest'],
    ['파업은 마침내 끝났어?', 'latest'],
    ['처음 발표된 피해 규모는?', 'earliest'],
    ['당초 계획은 무엇이었어?', 'earliest'],
    ['원래는 언제 출시하려고 했어?', 'earliest'],
    ['최초 보고된 인원은?', 'earliest'],
    ['6월 수출 증가율은?', undefined],
    ['공장은 어디에 지어?', undefined],
    ['처음 발표와 최종 집계는 어떻게 달라?', undefined],
  ] as const)('%s → %s', (question, intent) => {
    expect(timeIntent(question)).toBe(intent);
  });
});
