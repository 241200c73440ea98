import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/domain/types.js';
import { orderByTime } from '../../src/retrieve/time-order.js';
import { sameSubject } from '../../src/text/title-subject.js';
import { analyze } from '../../src/text/tokens.js';

const hit = (id: string, title: string, date: string | undefined, score: number): Hit => ({
  chunk: { id: `${id}#0`, articleId: id, index: 0, start: 0, end: 1, text: '가' },
  article: { id, title, origin: id, ...(date ? { date } : {}) },
  score,
});

const MAY = hit('may', '5월 외국인 관광객 162만 명 방문', '2025-06-28', 3);
const JUNE = hit('june', '6월 외국인 관광객 171만 명 방문', '2025-07-30', 2);
const JULY = hit('july', '7월 외국인 관광객 185만 명 방문', '2025-08-29', 1.5);
const OTHER = hit('bank', '해담은행 3분기 순이익 7680억 원', '2025-10-24', 2.5);

const order = (question: string, hits: Hit[]) => orderByTime(question, hits).map((item) => `${item.article.id}:${item.score}`);

describe('orderByTime', () => {
  it('puts the newest look-alike in the group’s best place for 가장 최근, keeping the scores in place', () => {
    expect(order('가장 최근 외국인 관광객은 몇 명이야?', [MAY, OTHER, JUNE, JULY])).toEqual(['july:3', 'bank:2.5', 'june:2', 'may:1.5']);
  });

  it('puts the oldest first for 처음', () => {
    const hits = [
      { ...JULY, score: 3 },
      { ...MAY, score: 2 },
      { ...JUNE, score: 1 },
    ];
    expect(order('처음 집계된 외국인 관광객은?', hits)).toEqual(['may:3', 'june:2', 'july:1']);
  });

  it('puts the look-alike whose headline names the asked month first, in the group’s best place', () => {
    expect(order('6월 외국인 관광객은 몇 명이야?', [MAY, OTHER, JUNE, JULY])).toEqual(['june:3', 'bank:2.5', 'may:2', 'july:1.5']);
    // A month no headline names leaves the group as it was.
    const hits = [MAY, OTHER, JUNE, JULY];
    expect(orderByTime('8월 외국인 관광객은 몇 명이야?', hits)).toBe(hits);
  });

  it('names the time first, then the intent: the newest among those naming it', () => {
    const leg1 = hit('leg1', '해령FC 결승 1차전 청솔시티에 역전승', '2025-11-23', 3);
    const leg2 = hit('leg2', '해령FC 결승 2차전 청솔시티와 무승부', '2025-12-01', 2);
    expect(order('결승 2차전 결과는?', [leg1, leg2])).toEqual(['leg2:3', 'leg1:2']);
  });

  it('changes nothing without a time, for undated articles, or for articles on other subjects', () => {
    const hits = [MAY, OTHER, JUNE, JULY];
    expect(orderByTime('외국인 관광객은 몇 명이야?', hits)).toBe(hits);
    const undated = [hit('a', '외국인 관광객 통계 발표', undefined, 2), hit('b', '외국인 관광객 통계 발표 정정', undefined, 1)];
    expect(order('최근 외국인 관광객 통계는?', undated)).toEqual(['a:2', 'b:1']);
    expect(order('최근 순이익은?', [OTHER, MAY])).toEqual(['bank:2.5', 'may:3']);
  });
});

describe('sameSubject', () => {
  const terms = (title: string) => analyze(title, { joinCompounds: false });
  it.each<[string, string, boolean]>([
    ['6월 외국인 관광객 171만 명 방문', '7월 외국인 관광객 185만 명 방문', true],
    ['해담은행 1분기 순이익 8120억 원', '해담은행 2분기 순이익 9340억 원', true],
    ['윤서진 해담은행장 취임', '해담은행 3분기 순이익 7680억 원', false],
    ['태풍 미리내 상륙', '해령국제마라톤 케냐 선수 우승', false],
    // One shared name with most of the spelling: a nominee and the same person taking office.
    ['해담은행 차기 행장에 윤서진 부행장…창립 후 첫 여성 행장', '윤서진 해담은행장 취임…"중소기업 금융 넓힐 것"', true],
    // Shared stock words of statistics headlines are not a subject.
    ['해담은행, 1분기 순이익 8120억 원…전년 동기 대비 6.3% 증가', '5월 방한 외국인 관광객 162만 명…전년 동월 대비 14.2% 증가', false],
    // An update words its figure anew: 부상 and 부상자 are one word to a headline.
    ['나루항 하역 크레인 붕괴…작업자 7명 부상·1명 실종', '나루항 크레인 사고 부상자 11명으로 늘어…부두 20일 재개', true],
    // Two words shared are the subject however long the update's headline runs: the place shortened
    // (가람시 → 가람) and the cause it adds do not make it another story.
    ['가람시 도심 도로에 땅꺼짐…승용차 2대 빠져 1명 부상', '가람 땅꺼짐 부상자 4명으로 늘어…원인은 하수관 공사 쪽으로 기울어', true],
  ])('%s / %s → %s', (left, right, same) => {
    expect(sameSubject(terms(left), terms(right))).toBe(same);
  });
});
