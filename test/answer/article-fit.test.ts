import { describe, expect, it } from 'vitest';
import {
  askedDayMonth,
  askedEvent,
  asksLastSeason,
  asksYearsAgo,
  asksNextEvent,
  asksPast,
  daysOnlyInOtherMonths,
  onlyFutureTimes,
  onlyPastTimes,
  saysLastSeason,
  saysYearsAgo,
} from '../../src/answer/article-fit.js';

describe('a day of the month a question names', () => {
  it.each<[string, number | undefined]>([
    ['미래천 다음 정화 활동은 9월 며칠에 해?', 9],
    ['10월 몇 일에 열려?', 10],
    ['정화 활동은 며칠에 해?', undefined],
    // A length of days, not a day.
    ['9월에 며칠 동안 해?', undefined],
    ['9월에 몇 명이 왔어?', undefined],
  ])('%s → %s', (question, month) => {
    expect(askedDayMonth(question)).toBe(month);
  });

  it.each<[string, string, boolean]>([
    // A June report: "지난 7일" is June 7.
    ['미래천에서 지난 7일 정화 활동이 열렸다.', '2025-06-09', true],
    ['다음 정화 활동은 9월 13일에 열린다.', '2025-06-09', false],
    // A September report's "오는 13일".
    ['다음 정화 활동은 오는 13일에 열린다.', '2025-09-02', false],
    // No day named: the kind check decides.
    ['시는 오는 9월 한 차례 더 정화 활동을 연다.', '2025-06-09', false],
  ])('%s (%s) names only days of another month → %s', (sentence, date, other) => {
    expect(daysOnlyInOtherMonths(sentence, date, 9)).toBe(other);
  });
});

describe('the event a when question asks about', () => {
  it.each<[string, string | undefined]>([
    ['당진 두 번째 생산라인은 언제 완공돼요?', '완공'],
    ['특별재난지역으로 언제 선포됐어?', '선포'],
    ['V팩 2는 언제 출시했어?', '출시'],
    // A verb of taking effect says nothing of what happens.
    ['수도요금 인상 언제부터 적용돼요?', undefined],
    ['공사는 언제 시작해?', undefined],
    ['축제는 언제 열려?', undefined],
    // A question word run onto 하다 is no event.
    ['세빈 후보 취임은 언제해?', undefined],
  ])('%s → %s', (question, event) => {
    expect(askedEvent(question)).toBe(event);
  });
});

describe('a question about last year, or the year before', () => {
  it.each<[string, number]>([
    ['달빛독립영화제 작년엔 몇 편 상영했었어?', 1],
    ['해온식품 지난해 매출은 얼마였어?', 1],
    ['블루윙즈 재작년 정규시즌엔 몇 위 했어?', 2],
    // This year against the last, or both years: the report's own figures answer.
    ['요즘 사과 값 작년이랑 비교하면 얼마나 오른 거예요?', 0],
    ['작년보다 얼마나 늘었어?', 0],
    ['올해랑 작년 관객 수는?', 0],
    ['올해 몇 편 상영했어?', 0],
  ])('%s → %s', (question, years) => {
    expect(asksYearsAgo(question)).toBe(years);
  });

  it.each<[string, number, boolean]>([
    ['지난해 같은 기간에는 68명이었다.', 1, true],
    ['사과 값은 1년 전보다는 41% 올랐다.', 1, false],
    ['2024년 매출은 1조 원이었다.', 1, true],
    // A comparison tells this year's figure, and a sentence with no year tells the report's own.
    ['올해 출품작은 모두 1,460편으로 지난해보다 21% 늘었다.', 1, false],
    ['올해 영화제에서는 92편이 상영됐다.', 1, false],
    ['2025년 매출은 1조 원이었다.', 1, false],
    // Last year is not the year before.
    ['지난해 정규시즌 6위에 그쳤던 팀이다.', 2, false],
    ['재작년에는 9위였다.', 2, true],
    ['재작년에는 9위였다.', 1, false],
    ['2023년에는 9위였다.', 2, true],
    // A league's season is a year: 작년 asks of 지난 시즌.
    ['관중 4,120명은 지난 시즌 개막전(3,350명)보다 770명 많았다.', 1, true],
    ['지난 시즌 개막전 관중은 3,350명이었다.', 2, false],
  ])('%s says %s years back from a 2025 report → %s', (sentence, years, says) => {
    expect(saysYearsAgo(sentence, '2025-08-08', years)).toBe(says);
  });
});

describe('a question about last season', () => {
  it.each<[string, boolean]>([
    ['박서진 지난 시즌에 총 몇 점 냈어?', true],
    ['전 시즌 우승팀이 어디야?', true],
    // Compared with last season, the question asks this season's figure.
    ['관중은 지난 시즌보다 얼마나 늘었어?', false],
    ['이번 시즌 개막전 관중은 몇 명이야?', false],
  ])('%s → %s', (question, asks) => {
    expect(asksLastSeason(question)).toBe(asks);
  });

  it.each<[string, boolean]>([
    ['지난 시즌 신인상을 받은 박서진은 국가대표로 뽑혔다.', true],
    ['관중 4,120명은 지난 시즌 개막전(3,350명)보다 770명 많았다.', true],
    ['박서진은 양 팀 최다인 29득점을 올렸다.', false],
    ['관중이 지난 시즌보다 770명 많았다.', false],
  ])('%s says last season → %s', (sentence, says) => {
    expect(saysLastSeason(sentence)).toBe(says);
  });
});

describe('a past question and a plan', () => {
  it.each<[string, boolean]>([
    ['한별 3호 언제 쏘아 올렸어?', true],
    ['신제품 언제 출시됐어?', true],
    ['축제는 언제 열려?', false],
    ['다음 위성은 언제 쏴?', false],
    // 있다 and the 겠 of intent hold a ㅆ that is no tense; 있었어 is past.
    ['수리는 언제부터 받을 수 있어?', false],
    ['공사는 언제 하겠대?', false],
    ['그 행사 언제 있었어?', true],
  ])('%s asks the past → %s', (question, past) => {
    expect(asksPast(question)).toBe(past);
  });

  it.each<[string, boolean]>([
    ['회사는 오는 2027년까지 위성 8기를 더 쏘아 올릴 계획이다.', true],
    ['한별 3호는 지난 9일 오후 2시 40분 발사됐다.', false],
    // Both a past and a future time: it may tell the past one.
    ['지난 9일 발사된 위성은 오는 2027년까지 임무를 수행한다.', false],
    ['위성은 궤도에 안착했다.', false],
  ])('%s names only times after a 2025-09-10 report → %s', (sentence, future) => {
    expect(onlyFutureTimes(sentence, '2025-09-10')).toBe(future);
  });
});

describe('the next of a series and a report of the last', () => {
  it.each<[string, boolean]>([
    ['블루웨이브 다음 경기 언제 어디서 해?', true],
    ['다음 공판은 며칠이야?', true],
    ['다음 달 요금은 언제 나가?', false],
    ['경기는 언제 열렸어?', false],
  ])('%s asks the next event → %s', (question, next) => {
    expect(asksNextEvent(question)).toBe(next);
  });

  it.each<[string, boolean]>([
    ['블루웨이브는 지난 10일 해령실내체육관에서 열린 경기에서 이겼다.', true],
    // 이날 is the day of the report: a report of the game just played.
    ['이날 승리로 블루웨이브는 승점 38을 쌓았다.', true],
    ['블루웨이브는 오는 16일 청하체육관에서 다음 경기를 치른다.', false],
    ['감독은 다음 경기도 같은 자세로 준비하겠다고 말했다.', false],
  ])('%s names only times up to a 2026-01-11 report → %s', (sentence, past) => {
    expect(onlyPastTimes(sentence, '2026-01-11')).toBe(past);
  });
});
