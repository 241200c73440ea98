// Superlative questions and the sentences that state one, both ways, and the opening they choose
// in a short basketball report written for this test.
import { describe, expect, it } from 'vitest';
import { chooseOpening, rankSentences, type Lexicon } from '../../src/answer/extractive.js';
import { askedSuperlative, statesSuperlative } from '../../src/answer/superlative.js';
import type { Article } from '../../src/domain/types.js';
import { hitOf } from './fixtures.js';

describe('askedSuperlative', () => {
  it.each([
    ['누가 제일 많이 득점했어?', 'most'],
    ['4월에 젤많이탄 버스노선 번호 뭐야', 'most'],
    ['가장 큰 피해를 본 곳은?', 'most'],
    ['리그 1위 팀은 어디야?', 'most'],
    ['제일 적게 낸 곳은?', 'least'],
    ['가장 낮은 금리는 얼마야?', 'least'],
    ['꼴찌 한 팀은?', 'least'],
  ])('%s → %s', (question, direction) => {
    expect(askedSuperlative(question)).toBe(direction);
  });

  it.each([
    '최대 몇 명까지 들어갈 수 있어?', // a limit, not a superlative
    '11위 팀은 어디야?',
    '젤리 공장은 어디에 있어?',
    '가장자리에 선을 넣으려면?',
    '제일은행은 언제 생겼어?',
    '누가 득점했어?',
    '가장 최근 통계에서 관광객은 몇 명이야?',
  ])('%s asks none', (question) => {
    expect(askedSuperlative(question)).toBeUndefined();
  });
});

describe('statesSuperlative', () => {
  it.each([
    ['로시는 양 팀 최다인 27득점을 올렸다.', 'most'],
    ['305번이 44만1000명으로 1위에 올랐다.', 'most'],
    ['강변구가 0.91%로 가장 많이 올랐다.', 'most'],
    ['남포구는 가장 적은 0.08% 오르는 데 그쳤다.', 'least'],
    ['청운은 최하위에 머물렀다.', 'least'],
  ] as const)('%s states the %s', (sentence, direction) => {
    expect(statesSuperlative(sentence, direction)).toBe(true);
  });

  it.each([
    ['청운은 15승 13패로 11위에 머물렀다.', 'most'],
    ['서민호 최고경영자는 착공식에 참석했다.', 'most'],
    ['남포구는 가장 적은 0.08% 오르는 데 그쳤다.', 'most'],
    ['강변구가 0.91%로 가장 많이 올랐다.', 'least'],
    ['도로 가장자리에 차를 세웠다.', 'most'],
  ] as const)('%s states no %s', (sentence, direction) => {
    expect(statesSuperlative(sentence, direction)).toBe(false);
  });
});

describe('a superlative question opens with the sentence that states it', () => {
  const game: Article = {
    id: 'hawks-win',
    title: '스카이호크스, 블루웨일즈 꺾고 5연승',
    date: '2026-01-11',
    origin: 'test/hawks-win.md',
    text: [
      '프로농구 스카이호크스가 10일 홈경기에서 블루웨일즈를 82-78로 꺾고 5연승을 달렸다.',
      '가드 이도윤이 경기 막판 연속 3점슛으로 흐름을 뒤집으며 팀의 승리를 이끌었다.',
      '관중석에는 4200명이 들어찼다.',
      '포워드 한서진은 3점슛 4개를 포함해 28득점으로 양 팀 최다 득점을 기록했다.',
    ].join(' '),
  };
  const lexicon: Lexicon = { documentCount: 20, documentFrequency: () => 2 };
  const hits = [hitOf(game, 0, 0, game.text.length)];
  const opening = (question: string) => chooseOpening(question, rankSentences(question, hits, lexicon), lexicon)?.first.text;

  it('names the top scorer, not the player the lead praises', () => {
    expect(opening('스카이호크스 경기에서 제일 많이 득점한 선수 누구야?')).toContain('최다 득점');
  });

  it('leaves a question that asks no superlative to the ranking', () => {
    expect(opening('스카이호크스 경기에서 흐름을 뒤집은 선수 누구야?')).toContain('이도윤');
  });
});

describe('in a news article, the record the question asks for may share none of its words', () => {
  const payout: Article = {
    id: 'nuri-pay',
    title: '누리시 민생지원금, 동네 상권 매출 끌어올려',
    date: '2026-07-09',
    origin: 'test/nuri-pay.md',
    text: [
      '누리시는 지난 3월 시민 모두에게 10만 원씩을 지역화폐 누리페이로 나눠줬다.',
      '지급액의 95%가 두 달 안에 쓰였다.',
      '업종별로는 분식집과 식당에서 결제된 금액이 40%로 가장 많았고, 학원이 뒤를 이었다.',
    ].join(' '),
  };
  const lexicon: Lexicon = { documentCount: 20, documentFrequency: () => 2 };
  const hits = [hitOf(payout, 0, 0, payout.text.length)];

  it('opens with the breakdown that states the most, not the lead that names the payout', () => {
    const question = '누리페이는 어떤 가게에서 제일 많이 썼어?';
    expect(chooseOpening(question, rankSentences(question, hits, lexicon), lexicon)?.first.text).toContain('분식집');
  });
});
