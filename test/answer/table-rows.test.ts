// A table row read with its header, for the kind of answer a question asks.
import { describe, expect, it } from 'vitest';
import { canAnswerType } from '../../src/answer/answer-forms.js';
import { chooseOpening, rankSentences, scoreCandidates, selectSentences, type Lexicon } from '../../src/answer/extractive.js';
import { FITTED_SENTENCE_MODEL } from '../../src/answer/sentence-weights.js';
import { isRowNamedBy, tableHeaderOf } from '../../src/answer/table-rows.js';
import type { Article } from '../../src/domain/types.js';
import { hitOf } from './fixtures.js';

const PLANS: Article = {
  id: 'plans',
  title: '클라우드 녹화 요금제',
  origin: 'test/plans.md',
  text: [
    '# 클라우드 녹화 요금제',
    '',
    '요금제는 네 가지입니다.',
    '',
    '| 요금제 | 월 요금 | 녹화 방식 |',
    '|---|---|---|',
    '| 무료 | 0원 | 녹화 없음 |',
    '| 플러스 | 6,900원 | 24시간 연속 녹화 |',
    '',
    '연간 결제는 15% 할인됩니다. 기본 요금은 카드사 수수료 500원이 붙습니다.',
  ].join('\n'),
};
const lexicon: Lexicon = { documentCount: 20, documentFrequency: () => 2 };
const hits = [hitOf(PLANS, 0, 0, PLANS.text.length)];

describe('tableHeaderOf', () => {
  const candidates = rankSentences('플러스 요금제 얼마야?', hits, lexicon);
  const row = (start: string) => candidates.find((candidate) => candidate.text.startsWith(start))!;

  it('finds the header above the delimiter for a body row, at any depth', () => {
    expect(tableHeaderOf(row('| 무료'))).toBe('| 요금제 | 월 요금 | 녹화 방식 |');
    expect(tableHeaderOf(row('| 플러스'))).toBe('| 요금제 | 월 요금 | 녹화 방식 |');
  });

  it('has none for a row after a blank line: an earlier table is another table', () => {
    const text = ['| 요금제 | 월 요금 |', '|---|---|', '| 무료 | 0원 |', '', '| 환불 | 7일 이내 |'].join('\n');
    const page: Article = { id: 'two-tables', title: '요금과 환불', origin: 'test/two-tables.md', text };
    const rows = rankSentences('환불 언제까지 돼?', [hitOf(page, 0, 0, text.length)], lexicon);
    expect(tableHeaderOf(rows.find((candidate) => candidate.text.startsWith('| 환불'))!)).toBeUndefined();
    expect(tableHeaderOf(rows.find((candidate) => candidate.text.startsWith('| 무료'))!)).toBe('| 요금제 | 월 요금 |');
  });

  it('has none for a sentence outside a table', () => {
    expect(tableHeaderOf(row('연간 결제는'))).toBeUndefined();
  });
});

describe('a price per month in a table', () => {
  it('is stated by a row under a 월 요금 header, and by 월 before a sum, not by a sum alone', () => {
    const perMonth = { kind: 'money', per: '달' } as const;
    expect(canAnswerType('| 플러스 | 6,900원 | 24시간 연속 녹화 |', perMonth)).toBe(false);
    expect(canAnswerType('| 요금제 | 월 요금 | 녹화 방식 |\n| 플러스 | 6,900원 | 24시간 연속 녹화 |', perMonth)).toBe(true);
    expect(canAnswerType('플러스는 월 6,900원입니다.', perMonth)).toBe(true);
  });

  it('opens the answer to a monthly price with the row', () => {
    const question = '24시간 연속 녹화 한달에 얼마에요?';
    expect(chooseOpening(question, rankSentences(question, hits, lexicon), lexicon)?.first.text).toContain('6,900원');
  });
});

const STYLES: Article = {
  id: 'styles',
  title: '맥주 만들기',
  origin: 'test/styles.md',
  text: [
    '# 맥주 만들기',
    '',
    '브루팩을 넣으면 스타일에 맞춰 발효 온도와 기간이 정해집니다.',
    '',
    '| 스타일 | 발효 온도 | 완성까지 | 도수 |',
    '|---|---|---|---|',
    '| 페일 에일 | 20℃ | 10일 | 5.2% |',
    '| 필스너 | 12℃ | 14일 | 4.6% |',
    '',
    '도수는 스타일마다 정해져 있어 바꿀 수 없습니다.',
  ].join('\n'),
};

describe('the row of a thing the question names', () => {
  const question = '라거 필스너 해보려는데 넣고 나서 언제 마실 수 있어요?';
  const rare: Lexicon = { documentCount: 400, documentFrequency: (term) => (term.includes('필스') ? 1 : 5) };
  const candidates = scoreCandidates(rankSentences(question, [hitOf(STYLES, 0, 0, STYLES.text.length)], rare), FITTED_SENTENCE_MODEL);
  const row = (start: string) => candidates.find((candidate) => candidate.text.startsWith(start))!;

  it('is a row whose first cell the question names, not another row nor prose', () => {
    expect(isRowNamedBy(question, row('| 필스너'))).toBe(true);
    expect(isRowNamedBy(question, row('| 페일 에일'))).toBe(false);
    expect(isRowNamedBy('필스너 도수는 바꿀 수 없어요?', row('도수는'))).toBe(false);
  });

  it('answers with the row when it holds the asked kind, though the question shares few of its words', () => {
    expect(selectSentences(question, candidates, rare)[0]?.text).toBe('| 필스너 | 12℃ | 14일 | 4.6% |');
  });
});
