// A news report rounds a figure in its lead and states it exactly below: asked how much or how many,
// the answer opens with the exact figure of the same quantity. Short reports written for this test.
import { describe, expect, it } from 'vitest';
import { chooseOpening, rankSentences, type Lexicon } from '../../src/answer/extractive.js';
import type { Article } from '../../src/domain/types.js';
import { hitOf } from './fixtures.js';

const lexicon: Lexicon = { documentCount: 20, documentFrequency: () => 2 };

function report(id: string, sentences: string[], date: string | undefined = '2026-08-02'): Article {
  return { id, title: '한울군 집중호우…이틀간 피해 잇따라', ...(date ? { date } : {}), origin: `test/${id}.md`, text: sentences.join(' ') };
}

function opening(article: Article, question: string): string | undefined {
  const hits = [hitOf(article, 0, 0, article.text.length)];
  return chooseOpening(question, rankSentences(question, hits, lexicon), lexicon)?.first.text;
}

const RAIN = [
  '한울군에 이틀 동안 300mm가 넘는 폭우가 쏟아져 주민 60여 명이 대피했다.',
  '군에 따르면 1일 새벽부터 2일 밤까지 한울읍에 내린 누적 강수량은 327mm였다.',
  '대피한 주민은 모두 64명으로 집계됐다.',
  '군은 하천 제방 3곳을 긴급 보수했다.',
];

describe('an exact figure over the rounded one in the lead', () => {
  it('answers how much rain with 327mm, not "300mm가 넘는"', () => {
    expect(opening(report('rain', RAIN), '한울군에 비 얼마나 왔어? 이틀 동안 쏟아졌다며')).toContain('327mm');
  });

  it('answers how many people with 64명, not "60여 명"', () => {
    expect(opening(report('rain', RAIN), '한울군 폭우로 주민 몇 명 대피했어?')).toContain('64명');
  });

  it('reads a count in two parts: "12만 8천 마리" restates "12만여 마리"', () => {
    const farm = report('farm', [
      '한울군의 한 산란계 농장에서 조류인플루엔자가 확인돼 닭 12만여 마리를 살처분하기로 했다.',
      '이 농장에서 기르던 닭은 12만 8천 마리로 모두 살처분 대상이다.',
    ]);
    expect(opening(farm, '한울군 조류인플루엔자 농장 닭 몇 마리 살처분해?')).toContain('12만 8천 마리');
  });

  it('reads one multiplier on another: "1,037억원" restates "1천억원을 넘어섰다"', () => {
    const earnings = report('earnings', [
      '한울식품이 사상 처음으로 분기 영업이익 1천억원을 넘어섰다.',
      '한울식품의 3분기 매출은 1조 2,480억원으로 늘었다.',
      '영업이익은 1,037억원으로 21.3% 증가했다.',
    ]);
    expect(opening(earnings, '한울식품 3분기 영업이익 얼마 냈어?')).toContain('1,037억원');
  });

  it('keeps the lead when the other figure is another quantity (9,300여 명 is not 1,120명)', () => {
    const bus = report('bus', ['시범 운행 넉 달 동안 주민 9,300여 명이 호출 버스를 이용했다.', '기존 노선버스 승객은 하루 1,120명이었다.']);
    expect(opening(bus, '호출 버스 시범 운행 때 이용한 사람은 몇 명이야?')).toContain('9,300여 명');
  });

  it('leaves a help page to the ranking: it has no lead to round', () => {
    const page = report('page', ['바구니에는 음식을 1kg 넘게 담지 마세요.', '최대 용량은 1.2kg입니다.'], undefined);
    expect(opening(page, '바구니에 음식 얼마나 담아도 돼요?')).toContain('1kg 넘게');
  });
});

describe('the count a change comes to', () => {
  const buses = report('buses', [
    '시는 다음 달부터 자율주행 버스 4대를 유료로 운행한다고 밝혔다.',
    '버스마다 카메라 11대가 달려 있다.',
    '시는 2028년까지 자율주행 버스를 12대로 늘릴 계획이다.',
  ]);

  it('answers "몇 대까지 늘린대?" with the sentence that changes the count to one (12대로 늘릴)', () => {
    expect(opening(buses, '자율주행 버스 나중엔 몇 대까지 늘린대?')).toContain('12대로 늘릴');
  });

  it('keeps the opening when no sentence changes a count to one (줄이려고 학급을 늘려 … 280명을 뽑는다)', () => {
    const classes = report('classes', [
      '중학교 한 반 학생 수 상한은 내년부터 26명이 된다.',
      '중학교 한 반 학생 수를 줄이려고 학급을 늘려 교사 280명을 새로 뽑는다.',
    ]);
    expect(opening(classes, '중학교 한 반 학생 몇 명까지로 줄인대?')).toContain('26명');
  });
});

describe('a rate asked by its noun', () => {
  const recall = report('recall', [
    '한울시장 주민소환추진위원회는 투표권자의 15%를 넘는 5만 명의 서명을 받아 한울시장 소환투표를 청구했다.',
    '한울시 선관위는 지난 24일 실시된 주민소환투표에서 최종 투표율 22.4%를 기록했다고 밝혔다.',
    '투표율이 기준에 못 미쳐 개표는 하지 않았다.',
  ]);

  it('opens with the sentence that states that rate (투표율 22.4%), not another percentage', () => {
    expect(opening(recall, '한울시장 소환투표 투표율 몇 프로 나왔어?')).toContain('22.4%');
  });

  it('keeps the opening when no sentence states the rate by its name: another rate (투표율) is not it', () => {
    const votes = report('votes', ['김한울 후보가 52.4%를 얻어 당선됐다.', '이번 선거의 투표율은 71.3%였다.']);
    expect(opening(votes, '김한울 후보 득표율 몇 퍼였어?')).toContain('52.4%');
  });
});
