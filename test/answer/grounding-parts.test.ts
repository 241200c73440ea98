// The grounding check's parts, each on its own: words, matching, clauses, weights, and the
// checks of names, facts and polarity against an aligned span.
import { describe, expect, it } from 'vitest';
import { gatherEvidence } from '../../src/answer/grounding/evidence.js';
import { checkJudgements, checkQuantities, checkQuotations } from '../../src/answer/grounding/facts.js';
import { looseMatch } from '../../src/answer/grounding/match.js';
import { checkBoundWords, checkPlusNames, checkSpecificWords } from '../../src/answer/grounding/names.js';
import { polarityReason } from '../../src/answer/grounding/polarity.js';
import { tokenize } from '../../src/answer/grounding/tokenize.js';
import { analyzeUnit, clausesOf } from '../../src/answer/grounding/units.js';
import { weigh } from '../../src/answer/grounding/weigh.js';

describe('tokenize', () => {
  it.each([
    ['a particle after a Latin word belongs to it', '울림FC는 우승했다', 'FC', { stem: 'fc', particle: '는', latin: true }],
    ['a trailing plus names another product', '엣지+를 샀다', '엣지+', { stem: '엣지+' }],
    ['digits and letters glue into one model name', '5G망에서', '5G', { stem: '5g', latin: true }],
    ['a one-syllable noun loses its particle', '불은 꺼졌다', '불은', { stem: '불', particle: '은', nounLike: true }],
    ['a title is recognised', '김서연 사장이 밝혔다', '사장이', { stem: '사장', title: '사장' }],
    ['a polite ending comes off a predicate', '밝혔습니다', '밝혔습니다', { stem: '밝혔' }],
  ])('%s', (_name, text, surface, expected) => {
    expect(tokenize(text).find((token) => token.surface === surface)).toMatchObject(expected);
  });
});

describe('looseMatch', () => {
  it.each([
    ['만났', '만나', true],
    ['서울시', '서울특별시', true],
    ['증가', '늘었', true],
    ['엣지', '엣지+', false],
    ['감소', '증가', false],
    ['법원', '검찰', false],
  ])('%s ~ %s: %s', (stem, other, expected) => {
    expect(looseMatch(stem, other)).toBe(expected);
  });
});

describe('clausesOf', () => {
  it.each([
    ['a connective ending', '매출은 늘었지만 이익은 줄었다', ['매출은 늘었지만', ' 이익은 줄었다']],
    [
      'a sentence end inside a quotation',
      '그는 "회의를 열었다. 결론은 없었다"고 말했다',
      ['그는 "회의를 열었다', '. 결론은 없었다"고 말했다'],
    ],
    ['one clause', '시의회는 예산안을 가결했다', ['시의회는 예산안을 가결했다']],
  ])('%s', (_name, text, expected) => {
    expect(clausesOf(analyzeUnit(text, 0, text.length)).map((clause) => clause.text)).toEqual(expected);
  });
});

describe('weigh without corpus statistics', () => {
  it('makes names before titles, organisations and Latin words strict', () => {
    const weighted = weigh(tokenize('김서연 사장은 기획재정부 S6를 방문했다'), undefined);
    expect(weighted.map((entry) => [entry.token.stem, entry.strict])).toEqual([
      ['김서연', true],
      ['사장', false],
      ['기획재정부', true],
      ['s6', true],
      ['방문', false],
    ]);
  });
});

const CITY = '한빛시는 올해 버스 요금을 동결했다. 박지훈 한빛시 교통국장은 "시민 부담이 크다"고 말했다. 버스 승객은 지난해보다 10% 늘었다.';

describe('the checks against the aligned span', () => {
  const findingsOf = (claim: string, passage = CITY) => {
    const evidence = gatherEvidence(claim, [passage], {});
    return [
      ...checkQuantities(evidence),
      ...checkQuotations(evidence),
      ...checkSpecificWords(evidence),
      ...checkPlusNames(evidence),
      ...checkBoundWords(evidence),
      ...checkJudgements(evidence),
    ];
  };

  it.each([
    ['a faithful sentence', '박지훈 한빛시 교통국장은 "시민 부담이 크다"고 말했다.', CITY, []],
    ['a wrong amount', '버스 승객은 지난해보다 20% 늘었다.', CITY, ['근거 문장과 다른 수치: "20%"']],
    [
      'an altered quotation and an added judgement',
      '박지훈 교통국장은 "시민 부담이 매우 크다"고 말했다.',
      CITY,
      ['기사에 없는 인용문: "시민 부담이 매우 크다"', '기사에 없는 평가: "매우"'],
    ],
    ['an unstated cause', '요금 동결 때문에 버스 승객이 10% 늘었다.', CITY, ['기사는 원인이나 이유를 이렇게 말하지 않습니다']],
    [
      'an invented organisation',
      '행정안전부는 예산을 발표했다.',
      '기획재정부는 예산을 발표했다.',
      ['"행정안전부"이(가) 인용한 기사에 없습니다'],
    ],
    [
      'a bare name for a "+" product',
      '삼성은 갤럭시 S6 엣지를 내놓았다.',
      '삼성은 갤럭시 S6 엣지+를 내놓았다.',
      ['"엣지"은(는) 기사의 "엣지+"와 다른 이름입니다'],
    ],
    [
      'a wrong title bound to a name',
      '최민아 다온반도체 대표는 투자를 발표했다.',
      '최민아 다온반도체 부사장은 투자를 발표했다.',
      ['"다온반도체 대표"의 직함이 기사와 다릅니다'],
    ],
  ])('%s', (_name, claim, passage, reasons) => {
    expect(findingsOf(claim, passage).map((finding) => finding.reason)).toEqual(reasons);
  });

  it.each([
    ['the same polarity', '경찰은 용의자를 체포했다.', '경찰은 용의자를 체포했다.', undefined],
    ['swapped actors', '용의자는 경찰을 체포했다.', '경찰은 용의자를 체포했다.', '근거 문장과 주체와 대상이 뒤바뀌었습니다'],
    ['an antonym', '노조는 임금 협상안에 반대했다.', '노조는 임금 협상안에 찬성했다.', '근거 문장과 반대되는 내용입니다'],
    ['an antonym verb', '버스 승객은 지난해보다 10% 줄었다.', CITY, '근거 문장과 반대되는 내용입니다'],
    ['a negated fact', '한빛시는 올해 버스 요금을 동결하지 않았다.', CITY, '근거 문장과 긍정·부정이 반대입니다'],
  ])('polarity: %s', (_name, claim, passage, reason) => {
    expect(polarityReason(gatherEvidence(claim, [passage], {}))).toBe(reason);
  });
});
