import { describe, expect, it } from 'vitest';
import { canAnswerType, expectedAnswerType, type AnswerType } from '../../src/answer/answer-type.js';

const MONEY: AnswerType = { kind: 'money' };
const AMOUNT: AnswerType = { kind: 'amount' };
const AGE: AnswerType = { kind: 'age' };
const TIME: AnswerType = { kind: 'time' };
const count = (counter: string): AnswerType => ({ kind: 'count', counter });

describe('expectedAnswerType', () => {
  it.each<[string, AnswerType | undefined]>([
    // 얼마 alone asks for an amount; a money noun before it asks for money.
    ['얼마야?', AMOUNT],
    ['투자 규모는 얼마야?', AMOUNT],
    ['매출은 얼마야?', MONEY],
    ['가격이 얼마야?', MONEY],
    ['예산은 총 얼마야?', MONEY],
    ['주가는 얼마야?', MONEY],
    ['입장료는 몇 원이야?', MONEY],
    // "정몽주가" ends in 주가 (stock price) but is a name.
    ['정몽주가 얼마나 유명해?', AMOUNT],
    ['정몽주가 누구야?', undefined],
    // 몇 + counter asks for a count of that counter.
    ['연구원은 몇 명이야?', count('명')],
    ['몇 개의 나라가 참가했어?', count('개')],
    ['몇 가지 제품을 선보였어?', count('가지')],
    ['몇 개국이 참여했어?', count('개국')],
    ['몇 번째 우승이야?', count('번째')],
    // Age.
    ['그는 몇 살이야?', AGE],
    ['회장의 나이는?', AGE],
    // Time: 언제, or 몇 + a time unit.
    ['축제는 언제 열려?', TIME],
    ['몇 년에 설립됐어?', TIME],
    ['몇 월에 개통해?', TIME],
    ['며칠 동안 열려?', TIME],
    // A plain "what" asks for nothing countable.
    ['무엇을 발표했어?', undefined],
    ['새 연구소의 이름은 무엇이야?', undefined],
  ])('%s → %j', (question, expected) => {
    expect(expectedAnswerType(question)).toEqual(expected);
  });

  // Regression: COUNT_QUESTION once took "몇 세" first, so "몇 세기" was an age count.
  it('몇 세기에 지어졌어? → time (TIME_QUESTION lists 몇 세기, but COUNT_QUESTION takes 몇 세 first)', () => {
    expect(expectedAnswerType('이 절은 몇 세기에 지어졌어?')).toEqual(TIME);
  });
});

describe('canAnswerType', () => {
  it.each<[string, AnswerType, boolean]>([
    // money: a number followed by a currency, a percent or 배; 무료 counts.
    ['투자 규모는 1,200억 원이다.', MONEY, true],
    ['매출은 3조 원이다.', MONEY, true],
    ['영업이익률은 12.5%다.', MONEY, true],
    ['가격은 300달러로 정해졌다.', MONEY, true],
    ['입장료는 무료다.', MONEY, true],
    ['연구원 300명이 일한다.', MONEY, false],
    // Sino-Korean numerals are not numbers here: "연구원" is not 9 won.
    ['LG AI연구원의 연구원들이 모였다.', MONEY, false],
    ['건립 비용은 구 예산으로 충당했다.', MONEY, false],
    // amount: any number.
    ['수소버스 40대를 투입한다.', AMOUNT, true],
    ['주차장을 두 배로 넓힌다.', AMOUNT, true],
    ['연구원이 크게 늘었다.', AMOUNT, false],
    // count: the asked counter or one of its class (명/인, 개/가지/곳).
    ['연구원 300명이 일한다.', count('명'), true],
    ['3인 가족이 입주했다.', count('명'), true],
    ['700여명이 참석했다.', count('명'), true],
    ['수백 명이 모였다.', count('명'), true],
    ['열 명이 합격했다.', count('명'), true],
    ['300개 기업이 참가했다.', count('명'), false],
    ['9가지 제품을 선보였다.', count('개'), true],
    ['전국 5곳에 문을 연다.', count('개'), true],
    ['신제품 3개를 내놓았다.', count('가지'), true],
    ['첫 번째 우승이다.', count('번째'), true],
    // "몇" is not a number of people.
    ['몇 명인지는 밝히지 않았다.', count('명'), false],
    ['사람들이 많이 왔다.', count('명'), false],
    // age: N살 / N세, not 세기 or 세대.
    ['그는 올해 42세다.', AGE, true],
    ['7살 어린이가 구조됐다.', AGE, true],
    ['30대 초반의 남성이다.', AGE, true],
    ['15세기에 지어졌다.', AGE, false],
    ['20세대가 입주했다.', AGE, false],
    ['나이는 밝히지 않았다.', AGE, false],
    // time: digits, or words such as 올해 and 지난해.
    ['2025년 3월 개통한다.', TIME, true],
    ['올해 문을 연다.', TIME, true],
    ['지난해 완공됐다.', TIME, true],
    ['다리를 환하게 밝힌다.', TIME, false],
  ])('%s as %j → %s', (sentence, type, expected) => {
    expect(canAnswerType(sentence, type)).toBe(expected);
  });

  // Regression: MONEY_ANSWER once allowed only one place unit before the currency.
  it.each([['투자금은 5천만 원이다.'], ['매출은 3조 2천억 원이다.'], ['예산 2백만 달러가 배정됐다.']])('%s holds money (compound unit)', (sentence) => {
    expect(canAnswerType(sentence, MONEY)).toBe(true);
  });

  // Regression: TIME_ANSWER once accepted the syllable 때 anywhere (때문에).
  it('예산 부족 때문에 연기됐다. holds no time (때문 is not 때)', () => {
    expect(canAnswerType('예산 부족 때문에 연기됐다.', TIME)).toBe(false);
  });

  // Regression: weekdays and 주말/매주 were not times.
  it('매주 토요일에 열린다. holds a time', () => {
    expect(canAnswerType('낭독 수업은 매주 토요일에 열린다.', TIME)).toBe(true);
  });
});
