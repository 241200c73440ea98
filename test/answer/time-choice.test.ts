import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/domain/types.js';
import { rankSentences, selectSentences, type Lexicon } from '../../src/answer/extractive.js';
import { isOtherTimeLookalike, preferByTime, preferEventTime, preferLimit, preferReportYear } from '../../src/answer/time-choice.js';

const lexicon: Lexicon = { documentCount: 20, documentFrequency: () => 2 };

const hit = (id: string, title: string, date: string, text: string, score: number): Hit => ({
  chunk: { id: `${id}#0`, articleId: id, index: 0, start: 0, end: text.length, text },
  article: { id, title, origin: id, date },
  score,
});

const JUNE = hit(
  'june',
  '6월 외국인 관광객 171만 명 방문',
  '2025-07-30',
  '지난달 외국인 관광객이 171만2000명으로 집계됐다. 관광수입은 19억 달러였다.',
  2,
);
const JULY = hit(
  'july',
  '7월 외국인 관광객 185만 명 방문',
  '2025-08-29',
  '지난달 외국인 관광객이 185만3000명으로 집계됐다. 지난달 일본인 관광객은 31만2000명이었다.',
  1.9,
);
const BANK = hit('bank', '해담은행 3분기 순이익 7680억 원', '2025-10-24', '해담은행의 3분기 순이익은 7680억 원이다.', 1);

describe('isOtherTimeLookalike', () => {
  const candidates = rankSentences('6월 외국인 관광객은 몇 명이야?', [JUNE, JULY, BANK], lexicon);
  const of = (id: string) => candidates.find((candidate) => candidate.hit.article.id === id)!;
  it('is true for a sentence of the same statistic in another month, false for the same article or another subject', () => {
    expect(isOtherTimeLookalike(of('july'), of('june'))).toBe(true);
    const sameArticle = candidates.filter((candidate) => candidate.hit.article.id === 'june');
    expect(isOtherTimeLookalike(sameArticle[1]!, sameArticle[0]!)).toBe(false);
    expect(isOtherTimeLookalike(of('bank'), of('june'))).toBe(false);
  });

  it('keeps an answer to one month: no second sentence from the other month’s article', () => {
    // July's 일본인 sentence adds a question word the June sentence lacks, but it is July's.
    const question = '6월 외국인 관광객과 일본인 관광객은 몇 명이야?';
    const chosen = selectSentences(question, rankSentences(question, [JUNE, JULY, BANK], lexicon), lexicon);
    expect(chosen[0]?.hit.article.id).toBe('june');
    expect(chosen.map((sentence) => sentence.hit.article.id).filter((id) => id !== 'june')).toEqual([]);
  });
});

describe('a sentence’s relative dates as its own terms', () => {
  it('gives "지난달" in an article of 2025-07-30 the term 6월, and only to that sentence', () => {
    const [withMonth, without] = rankSentences('6월 외국인 관광객은 몇 명이야?', [JUNE], lexicon).sort((a, b) => a.start - b.start);
    expect(withMonth?.terms.has('6월')).toBe(true);
    expect(without?.terms.has('6월')).toBe(false);
    // The passage as a whole still names the month for every sentence's context.
    expect(without?.context.has('6월')).toBe(true);
  });
});

describe('a headline that reports another time', () => {
  const MAY = hit(
    'may',
    '5월 방한 외국인 관광객 162만 명',
    '2025-06-28',
    '지난달 외국인 관광객이 162만4000명으로 집계됐다. 6월 외국인 관광객 통계는 다음 달 나온다.',
    3,
  );

  it('never answers a question naming the time another look-alike reports, though its text names it', () => {
    const question = '6월 외국인 관광객은 몇 명이야?';
    const chosen = selectSentences(question, rankSentences(question, [MAY, JUNE], lexicon), lexicon);
    expect(chosen.map((sentence) => sentence.hit.article.id)).toEqual(['june']);
  });

  it('refuses when only look-alikes of other months are retrieved, though one looks ahead to the asked month', () => {
    const july = hit(
      'july',
      '7월 외국인 관광객 185만 명 방문',
      '2025-08-29',
      '지난달 외국인 관광객이 185만3000명으로 집계됐다. 8월 외국인 관광객은 태풍으로 줄 수 있다.',
      3,
    );
    const question = '8월 외국인 관광객은 몇 명이야?';
    expect(selectSentences(question, rankSentences(question, [july, MAY, JUNE], lexicon), lexicon)).toEqual([]);
  });
});

describe('a figure asked with no year', () => {
  const EARNINGS = hit(
    'earnings',
    '청솔식품 3분기 최대 실적',
    '2025-10-14',
    '지난해 같은 기간 해외 매출 비중은 31%였다. 3분기 해외 매출은 전체 매출의 42.4%를 차지했다. 매출은 지난해 같은 기간보다 18% 늘었다.',
    3,
  );
  const sentences = rankSentences('3분기 해외 비중이 몇 %야?', [EARNINGS], lexicon).sort((a, b) => a.start - b.start);
  const [lastYear, own, compared] = sentences;

  it('is the report’s own figure, not last year’s for the same period', () => {
    expect(preferReportYear('3분기 해외 비중이 몇 %야?', { kind: 'rate' }, lastYear!, sentences)).toBe(own);
  });

  it('keeps the opening when the question names last year, asks no figure, or the opening compares', () => {
    expect(preferReportYear('지난해 3분기 해외 비중은 몇 %였어?', { kind: 'rate' }, lastYear!, sentences)).toBe(lastYear);
    expect(preferReportYear('해외 비중이 언제 올랐어?', { kind: 'time' }, lastYear!, sentences)).toBe(lastYear);
    expect(preferReportYear('매출은 얼마나 늘었어?', { kind: 'rate' }, compared!, sentences)).toBe(compared);
  });
});

describe('a sentence that names another quarter', () => {
  it('does not open an answer about the quarter the question names', () => {
    const report = hit(
      'report',
      '청솔식품 실적 발표',
      '2025-10-14',
      '4분기 해외 매출 비중 목표는 45%다. 3분기에는 수출이 늘어 42.4%를 차지했다.',
      3,
    );
    const question = '3분기 해외 매출 비중이 몇 %야?';
    const chosen = selectSentences(question, rankSentences(question, [report], lexicon), lexicon);
    expect(chosen[0]?.text).toContain('42.4%');
  });
});

describe('a month a sentence only compares with', () => {
  it('is not the month it reports: "10월보다 15% 줄었다" still answers November', () => {
    const report = hit(
      'housing',
      '청람시 아파트값 석 달째 하락',
      '2025-12-09',
      '청람시 아파트값이 지난달 0.8% 떨어졌다. 매매 거래량은 1천 870건으로 10월보다 15% 줄었다. 전세 계약은 2천 건 가까이 됐다.',
      3,
    );
    const question = '11월 청람 아파트 매매 몇 건 거래됐대?';
    const chosen = selectSentences(question, rankSentences(question, [report], lexicon), lexicon);
    expect(chosen[0]?.text).toContain('1천 870건');
  });
});

describe('a cap asked with 최대', () => {
  const RENT = hit(
    'rent',
    '해담시 청년 월세 지원 조례 통과',
    '2025-10-02',
    '반대한 의원은 매년 수십억원이 든다고 지적했다. 지원 대상은 월 최대 20만원을 최장 12개월 동안 받는다.',
    3,
  );
  const sentences = rankSentences('월세 지원 최대 얼마까지 받아?', [RENT], lexicon).sort((a, b) => a.start - b.start);
  const [other, cap] = sentences;

  it('is answered by the sentence that states the figure with 최대', () => {
    expect(preferLimit('월세 지원 최대 얼마까지 받아?', { kind: 'amount' }, other!, sentences)).toBe(cap);
  });

  it('keeps the opening when the question asks no limit', () => {
    expect(preferLimit('월세 지원 얼마나 들어?', { kind: 'amount' }, other!, sentences)).toBe(other);
  });
});

describe('preferByTime', () => {
  const FIRST = hit(
    'first',
    '한솔시 상수도관 파열로 4천 가구 단수',
    '2026-01-09',
    '한솔시 상수도관이 8일 오후 3시 40분께 파열됐다. 주변 도로 300m가 물에 잠겼다.',
    2,
  );
  const UPDATE = hit(
    'update',
    '한솔시 상수도관 파열 단수 6천 가구로 늘어',
    '2026-01-12',
    '상수도관 파열로 단수된 가구는 6천 가구로 늘었다. 급수는 10일 오전 6시 20분에야 재개됐다.',
    1.9,
  );
  const question = '상수도관 파열된 거 몇 시쯤이었어?';
  const candidates = rankSentences(question, [FIRST, UPDATE], lexicon);
  const sentence = (start: string) => candidates.find((candidate) => candidate.text.startsWith(start))!;

  it('takes the newer report’s sentence when it answers about as well (a correction beats the first report)', () => {
    const [best, update] = [sentence('한솔시 상수도관이'), sentence('상수도관 파열로')];
    update.score = best.score - 0.5;
    expect(preferByTime(question, best, [best, update])).toBe(update);
  });

  it('keeps the first report over a newer sentence that shares none of the question’s words', () => {
    const [best, resumed] = [sentence('한솔시 상수도관이'), sentence('급수는')];
    expect(resumed.coverage).toBe(0);
    resumed.score = best.score - 0.5;
    expect(preferByTime(question, best, [best, resumed])).toBe(best);
  });
});

describe('preferByTime with a question word said as a related word', () => {
  const FIRST = hit('pileup', '가람고속도로 안개 속 연쇄 추돌', '2026-01-07', '이 사고로 운전자 등 15명이 다쳐 병원으로 옮겨졌다.', 2);
  const UPDATE = hit('pileup-update', '가람고속도로 연쇄 추돌 차량 31대로 늘어', '2026-01-09', '부상자도 15명에서 19명으로 늘었다.', 1.9);
  const question = '추돌 사고 다친 사람 결국 몇명이야?';
  const candidates = rankSentences(question, [FIRST, UPDATE], lexicon);
  const sentence = (start: string) => candidates.find((candidate) => candidate.text.startsWith(start))!;

  it('takes the update that says 부상자 for the question’s 다친 사람', () => {
    const [best, update] = [sentence('이 사고로'), sentence('부상자도')];
    expect(update.coverage).toBe(0);
    update.score = best.score - 0.5;
    expect(preferByTime(question, best, [best, update])).toBe(update);
  });
});

describe('preferEventTime', () => {
  const ORDINANCE = hit(
    'ordinance',
    '서하시의회, 킥보드 주차 조례 가결',
    '2026-01-12',
    '지난해 접수된 킥보드 민원은 2400건으로 늘었다. 조례는 오는 3월 1일부터 시행된다. 시는 다음 달 설명회를 연다.',
    2,
  );
  const question = '킥보드 조례 언제부터 시행돼?';
  const candidates = rankSentences(question, [ORDINANCE], lexicon);
  const sentence = (start: string) => candidates.find((candidate) => candidate.text.startsWith(start))!;
  const type = { kind: 'time', bound: '부터' } as const;

  it('answers with the time of the asked event, not another time of the article', () => {
    const [other, event] = [sentence('지난해'), sentence('조례는')];
    event.score = other.score - 3;
    expect(preferEventTime(question, type, other, candidates, 4)).toBe(event);
  });

  it('reads the event from the topic before 언제 as well', () => {
    const election = hit(
      'election',
      '노르베아 대선, 세빈 후보 당선',
      '2026-01-26',
      '개표는 25일 모두 끝났다. 세빈 당선인의 취임식은 오는 2월 14일 열린다.',
      2,
    );
    const asked = '세빈 후보 취임은 언제해?';
    const ranked = rankSentences(asked, [election], lexicon);
    const [count, inauguration] = [ranked.find((c) => c.text.startsWith('개표'))!, ranked.find((c) => c.text.startsWith('세빈'))!];
    inauguration.score = count.score - 2;
    expect(preferEventTime(asked, { kind: 'time' }, count, ranked, 4)).toBe(inauguration);
  });

  it('keeps the opening beyond the margin, for a question without 언제 + event, and for an opening that names it', () => {
    const [other, event] = [sentence('지난해'), sentence('조례는')];
    event.score = other.score - 5;
    expect(preferEventTime(question, type, other, candidates, 4)).toBe(other);
    event.score = other.score - 1;
    expect(preferEventTime('킥보드 조례 언제야?', { kind: 'time' }, other, candidates, 4)).toBe(other);
    expect(preferEventTime(question, type, event, candidates, 4)).toBe(event);
  });

  describe('the year a 언제 question names', () => {
    const festival = hit(
      'festival',
      '하람 연극제 폐막…관객 역대 최다',
      '2026-10-27',
      '올해로 9회째를 맞은 하람 연극제가 막을 내렸다. 재단은 다음 연극제를 2027년 10월 8일부터 열 계획이다. 내년에는 야외 무대도 늘린다.',
      2,
    );
    const ranked = (asked: string) => rankSentences(asked, [festival], lexicon);
    const starting = (all: ReturnType<typeof ranked>, start: string) => all.find((candidate) => candidate.text.startsWith(start))!;

    it('opens with a sentence in that year (its number counts: 내년 of a 2026 report is 2027년), not this year', () => {
      const asked = '하람 연극제 내년엔 언제 열려?';
      const all = ranked(asked);
      const [thisYear, nextYear] = [starting(all, '올해로'), starting(all, '재단은')];
      nextYear.score = thisYear.score - 2;
      expect(preferEventTime(asked, { kind: 'time' }, thisYear, all, 4)).toBe(nextYear);
    });

    it('counts 작년 and 지난해 as one year, and keeps an opening already in the asked year', () => {
      const asked = '하람 연극제 작년엔 언제 열렸어?';
      const all = ranked(asked);
      const thisYear = starting(all, '올해로');
      expect(preferEventTime(asked, { kind: 'time' }, thisYear, all, 4)).toBe(thisYear);
      const lastYear = { ...thisYear, text: '지난해 연극제는 10월 3일 열렸다.' };
      expect(preferEventTime('하람 연극제 지난해엔 언제 열렸어?', { kind: 'time' }, lastYear, all, 4)).toBe(lastYear);
    });
  });
});
