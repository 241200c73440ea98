import { describe, expect, it } from 'vitest';
import { isMoneyNoun, moneyNouns, statesOtherSum, sumNouns } from '../../src/text/money-nouns.js';

describe('money nouns', () => {
  it.each<[string, boolean]>([
    ['통행료', true],
    ['배달팁', true],
    ['분양가', true],
    ['작가', false],
    ['과징금', true],
    ['공사비', true],
    ['예산', true],
    ['매출액', true],
    // Same endings, no sum.
    ['지금', false],
    ['준비', false],
    ['재료', false],
    ['무료', false],
    ['소금', false],
  ])('%s → %s', (word, money) => {
    expect(isMoneyNoun(word)).toBe(money);
  });

  it('finds the money nouns of a question, particles stripped', () => {
    expect(moneyNouns('해오름대교 통행료는 얼마야?')).toEqual(['통행료']);
    expect(moneyNouns('미리내 복구에 돈이 얼마나 들어가?')).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['공사비는 모두 2940억 원이 들었다.', ['공사비']],
    ['회사는 피해 회원 1인당 5만 원 상당의 적립금을 지급하기로 했다.', ['적립금']],
    ['관람료는 성인 5,000원, 청소년 3,000원이다.', ['관람료']],
    // A money noun far from any sum names none.
    ['위반 사실이 확인되면 과징금이 부과될 수 있다.', []],
  ])('%s → the sums it names: %j', (sentence, nouns) => {
    expect(sumNouns(sentence)).toEqual(nouns);
  });

  it.each<[string, string, boolean]>([
    // question, sentence, states only other named sums
    ['해오름대교 통행료 얼마야?', '공사비는 모두 2940억 원이 들었다.', true],
    ['온새미커머스 과징금 얼마 맞았어?', '회사는 피해 회원 1인당 5만 원 상당의 적립금을 지급하기로 했다.', true],
    ['해오름대교 통행료 얼마야?', '통행료는 승용차 기준 1,000원이다.', false],
    ['배달팁은 최대 얼마까지 붙어요?', '바로페이 잔액은 최대 2,000,000원까지 보관할 수 있습니다.', true],
    // Related words name the same sum (입장료 ~ 관람료, 공사비 ~ 사업비).
    ['청소년 입장료는 얼마인가요?', '관람료는 성인 5,000원, 청소년 3,000원이다.', false],
    ['3호선 연장 공사비 얼마 들었대?', '사업비는 국비와 시비를 합쳐 모두 4870억 원이 들었다.', false],
    // A budget a sum is only paid from is not the sum: the sum's own nouns and the noun the sentence is about are.
    ['소각장 공사비는 얼마나 드는 거야?', '이번 투표에는 약 21억원의 비용이 들었으며, 전액 시 예산으로 부담한다.', true],
    // A charge with 비 or 료 after the same stem is the same charge; another stem is not.
    ['킥보드 견인비 얼마임', '업체에는 견인료 4만 원이 부과된다.', false],
    ['킥보드 견인비 얼마임', '업체에는 보관료 2만 원이 부과된다.', true],
    // A compound names a kind of its last noun: 긴급생활안정지원금 is a 생활안정지원금.
    ['피해 주민들은 생활안정지원금 얼마씩 받아?', '피해 주민에게는 가구당 200만원의 긴급생활안정지원금이 지급된다.', false],
    ['피해 주민들은 생활안정지원금 얼마씩 받아?', '복구에는 모두 312억원의 복구비가 든다.', true],
    // A sum with no money noun, or a question naming none, says nothing either way.
    ['해오름대교 통행료 얼마야?', '승용차는 1,000원을 낸다.', false],
    ['복구에 돈이 얼마나 들어가?', '공사비는 모두 2940억 원이 들었다.', false],
  ])('%s / %s → %s', (question, sentence, other) => {
    expect(statesOtherSum(moneyNouns(question), sentence)).toBe(other);
  });
});
