import { describe, expect, it } from 'vitest';
import { findQuantities, quantitySupports, type Quantity } from '../../src/text/quantity.js';

const brief = (text: string) => findQuantities(text).map((q) => [q.text, q.value, q.unit, q.approx ?? '']);
const one = (text: string): Quantity => {
  const found = findQuantities(text);
  expect(found, text).toHaveLength(1);
  return found[0]!;
};

describe('findQuantities', () => {
  it.each([
    ['Arabic digits with separators', '투자 규모는 1,200억 원이다', [['1,200억 원', 120_000_000_000, '원', '']]],
    ['no space before the unit', '1200억원', [['1200억원', 120_000_000_000, '원', '']]],
    ['big and small magnitudes', '매출은 1조 4천억 원', [['1조 4천억 원', 1_400_000_000_000, '원', '']]],
    ['a number split by a magnitude', '36만 905명이 동참', [['36만 905명', 360_905, '명', '']]],
    ['만 and 천 groups', '관객 7만 2천 명', [['7만 2천 명', 72_000, '명', '']]],
    ['a decimal percentage', '7.8% 증가', [['7.8%', 7.8, '%', '']]],
    ['percentage points', '0.5%p 올랐다', [['0.5%p', 0.5, '%p', '']]],
    [
      'km and 킬로미터 are one unit',
      '10km와 25킬로미터',
      [
        ['10km', 10, 'km', ''],
        ['25킬로미터', 25, 'km', ''],
      ],
    ],
    [
      '㎢ and 제곱킬로미터',
      '3㎢, 3제곱킬로미터',
      [
        ['3㎢', 3, 'km2', ''],
        ['3제곱킬로미터', 3, 'km2', ''],
      ],
    ],
    ['㎡ with a magnitude and 정도', '3천㎡ 정도가 탔다', [['3천㎡ 정도', 3000, 'm2', 'about']]],
    ['약 before the number', '약 540억 원이 든다', [['약 540억 원', 54_000_000_000, '원', 'about']]],
    ['여 between number and counter', '인력 160여 명', [['160여 명', 160, '명', 'about']]],
    ['가량 after the unit', '1시간가량 이어졌다', [['1시간가량', 1, '시간', 'about']]],
    ['이상 is a lower bound', '90% 이상 유지', [['90% 이상', 90, '%', 'over']]],
    ['아래 is an upper bound', '90% 아래로', [['90% 아래', 90, '%', 'under']]],
    ['최대 is an upper bound', '최대 20만 원', [['최대 20만 원', 200_000, '원', 'under']]],
    ['분기 is not 분', '3분기 영업이익', [['3분기', 3, '분기', '']]],
    [
      '개월 and 달 are one counter',
      '12개월에서 넉 달로',
      [
        ['12개월', 12, '개월', ''],
        ['넉 달', 4, '개월', ''],
      ],
    ],
    ['a native numeral before a counter', '직원 한 명이 다쳤다', [['한 명', 1, '명', '']]],
    ['a native numeral before a non-counter is no number', '두 장관은 만났다', []],
    [
      'day words',
      '닷새 동안, 사흘간',
      [
        ['닷새', 5, '일', ''],
        ['사흘', 3, '일', ''],
      ],
    ],
    [
      'bare Hangul numbers',
      '천 명, 수백 명',
      [
        ['천 명', 1000, '명', ''],
        ['수백 명', 100, '명', 'about'],
      ],
    ],
    [
      'a range takes the unit of its end',
      '1970~1980년대',
      [
        ['1970', 1970, '년대', ''],
        ['1980년대', 1980, '년대', ''],
      ],
    ],
    ['numbers glued to Latin letters are names', 'S6 엣지와 G20', []],
    ['a duration in years is not a date', '징역 4년', [['4년', 4, '년', '']]],
  ])('%s', (_name, text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it.each([
    ['1989년 4월', { year: 1989, month: 4 }],
    ['2018년 2월 19일', { year: 2018, month: 2, day: 19 }],
    ['10월 5일부터', { month: 10, day: 5 }],
    ['1967년에 지어졌다', { year: 1967 }],
    ['2025. 8. 30. 열렸다', { year: 2025, month: 8, day: 30 }],
  ])('reads %j as one whole date', (text, date) => {
    const quantity = one(text);
    expect(quantity.unit).toBe('date');
    expect(quantity.date).toEqual(date);
  });

  it('keeps exact offsets into the text', () => {
    const text = '교체에는 국비와 시비를 합쳐 약 540억 원이 들어간다.';
    for (const quantity of findQuantities(text)) expect(text.slice(quantity.start, quantity.end)).toBe(quantity.text);
  });
});

describe('quantitySupports(source, claim)', () => {
  it.each([
    ['the same amount spelled differently', '약 3,000㎡', '3천㎡ 정도', true],
    ['a native numeral and digits', '1명', '한 명', true],
    ['4개월 and 넉 달', '4개월', '넉 달', true],
    ['an approximate claim within 10%', '312명', '약 300명', true],
    ['an exact claim that is off', '312명', '300명', false],
    ['a different unit', '3층', '3명', false],
    ['2층 is not 3층', '2층', '3층', false],
    ['contradicting bounds', '90% 이상', '90% 아래', false],
    ['a month inside a fuller date', '1986년 4월', '4월', true],
    ['a whole date with another year', '1986년 4월', '1989년 4월', false],
    ['4월 is not 11월', '2025년 4월', '2025년 11월', false],
    ['a claim more precise than its source', '2018년 2월', '2018년 2월 19일', false],
    ['닷새 is not 나흘', '닷새', '나흘', false],
  ])('%s', (_name, source, claim, expected) => {
    expect(quantitySupports(one(source), one(claim))).toBe(expected);
  });
});
