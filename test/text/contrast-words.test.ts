import { describe, expect, it } from 'vitest';
import { askedSides, CONTRAST_SETS, namesOtherSide } from '../../src/text/contrast-words.js';
import { analyze } from '../../src/text/tokens.js';

const sidesOf = (question: string) => askedSides(new Set(analyze(question, { query: true })));
const terms = (text: string) => new Set(analyze(text));

describe('contrast words', () => {
  it('keeps every word on one side of one set', () => {
    const words = CONTRAST_SETS.flat(2);
    expect(new Set(words).size).toBe(words.length);
    for (const set of CONTRAST_SETS) expect(set.length).toBeGreaterThanOrEqual(2);
  });

  it.each<[string, string, boolean]>([
    // question, an article's text, names only another side
    ['청솔마라톤 여자부 우승자는 누구야?', '청솔마라톤 남자부에서 이병찬이 2시간9분31초로 우승했다.', true],
    ['청솔마라톤 여자부 우승자는 누구야?', '남자부는 이병찬, 여자부는 김하늘이 우승했다.', false],
    ['하반기 매출은 얼마야?', '상반기 매출은 3조 원으로 집계됐다.', true],
    ['후반에 골 넣은 선수는?', '전반 26분 선제골이 나왔다.', true],
    ['오후 몇 시에 문을 열어?', '매장은 오전 10시에 문을 연다.', true],
    // An article that names no side says nothing either way.
    ['청솔마라톤 여자부 우승자는 누구야?', '청솔마라톤에서 이병찬이 우승했다.', false],
    // A question naming both sides contrasts nothing.
    ['상반기와 하반기 매출은?', '상반기 매출은 3조 원이다.', false],
    // A question naming no side.
    ['청솔마라톤 우승자는 누구야?', '남자부에서 이병찬이 우승했다.', false],
  ])('%s / %s → %s', (question, text, other) => {
    expect(namesOtherSide(sidesOf(question), terms(text))).toBe(other);
  });
});
