import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/domain/types.js';
import {
  containsPhrase,
  isCitationValid,
  normalizeForMatch,
  percentile,
  scoreCase,
  summarize,
  type CaseExpect,
  type CaseResult,
  type ScoredResponse,
} from '../../src/eval/metrics.js';

const ARTICLE_ID = 'a1';
const ARTICLE =
  '이 원장은 "AI를 회사의 핵심 운영 구조로 통합하는 \'AI 오퍼레이팅 컴퍼니\'로 전환하는 것이 목표"라고 소개했다. 정부는 지난 8월 5곳을 최종 사업자로 선정했다.';
const QUOTE = '정부는 지난 8월 5곳을 최종 사업자로 선정했다.';
const QUOTE_START = ARTICLE.indexOf(QUOTE);
const texts: Record<string, string> = { [ARTICLE_ID]: ARTICLE };
const getText = (id: string) => texts[id];

function citation(overrides: Partial<Citation> = {}): Citation {
  return { n: 1, articleId: ARTICLE_ID, title: '제목', chunkId: `${ARTICLE_ID}#0`, quote: QUOTE, ...overrides };
}

const answered = (answer: string, citations: Citation[] = [citation()]): ScoredResponse => ({ answer, citations, refused: false });
const refusal: ScoredResponse = { answer: '기사에서 답을 찾을 수 없습니다.', citations: [], refused: true };

describe('normalizeForMatch', () => {
  it.each([
    ['AI 오퍼레이팅 컴퍼니', 'ai오퍼레이팅컴퍼니'],
    ["'AI 오퍼레이팅 컴퍼니'로", 'ai오퍼레이팅컴퍼니로'],
    ['ＡＩ　３대　강국', 'ai3대강국'], // full-width letters, digits and ideographic space
    ['R&D·소재', 'rd소재'],
    ['파인-튜닝', '파인튜닝'],
    ['“기업의 두뇌”가', '기업의두뇌가'],
    ['한국'.normalize('NFD'), '한국'], // decomposed jamo (macOS) compose back
    ['5곳\n을', '5곳을'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeForMatch(input)).toBe(expected);
  });
});

describe('containsPhrase', () => {
  it.each([
    ['AI오퍼레이팅컴퍼니', 'AI 오퍼레이팅 컴퍼니', true],
    ["'AI 오퍼레이팅 컴퍼니'로 전환", 'AI 오퍼레이팅 컴퍼니', true], // particle after the phrase
    ['경북 경주 예술의전당에서', '경주예술의전당', true],
    ['최고 경영자(CEO) 서밋(Summit)', 'CEO 서밋', true],
    ['에이전틱 AI 등', '에이전틱AI', true],
    ['지난 8월', '9월', false],
    ['5곳', '15곳', false],
    ['무엇이든', '...', false], // punctuation-only phrases never match
  ])('%j contains %j: %s', (text, phrase, expected) => {
    expect(containsPhrase(text, phrase)).toBe(expected);
  });
});

describe('isCitationValid', () => {
  it.each([
    ['verbatim quote', { quote: QUOTE }, ARTICLE, true],
    ['quote at its offsets', { quote: QUOTE, start: QUOTE_START, end: QUOTE_START + QUOTE.length }, ARTICLE, true],
    ['offsets pointing elsewhere', { quote: QUOTE, start: 0, end: QUOTE.length }, ARTICLE, false],
    ['only one offset', { quote: QUOTE, start: QUOTE_START }, ARTICLE, false],
    ['spacing changed', { quote: QUOTE.replace('지난 8월', '지난8월') }, ARTICLE, false],
    ['empty quote', { quote: '' }, ARTICLE, false],
    ['unknown article', { quote: QUOTE }, undefined, false],
  ])('%s → %s', (_label, value, text, expected) => {
    expect(isCitationValid(value, text)).toBe(expected);
  });
});

describe('scoreCase', () => {
  const answer = '정부는 지난 8월 5곳을 최종 사업자로 선정했다.[1]';
  it.each<[string, CaseExpect, ScoredResponse, Partial<CaseResult>]>([
    [
      'includes hold',
      { includes: ['8월', '5곳'] },
      answered(answer),
      { pass: true, answerCorrect: true, citationHit: null, citationValid: true },
    ],
    ['one include missing', { includes: ['8월', '6곳'] }, answered(answer), { pass: false, answerCorrect: false }],
    ['anyOf: one is enough', { anyOf: ['9월', '8월'] }, answered(answer), { pass: true, answerCorrect: true }],
    ['anyOf: none', { anyOf: ['9월', '10월'] }, answered(answer), { pass: false, answerCorrect: false }],
    ['marker between phrase parts is ignored', { includes: ['선정했다'] }, answered('5곳을 선정[1]했다.'), { answerCorrect: true }],
    ['article hit', { articles: [ARTICLE_ID] }, answered(answer), { pass: true, citationHit: true }],
    ['article miss', { articles: ['other'] }, answered(answer), { pass: false, answerCorrect: true, citationHit: false }],
    [
      'invalid quote fails the case',
      { includes: ['8월'] },
      answered(answer, [citation({ quote: '없는 문장.' })]),
      { pass: false, answerCorrect: true, citationValid: false },
    ],
    ['refusal expected and given', { refuse: true }, refusal, { pass: true, refusalExpected: true, refused: true, citationValid: null }],
    [
      'refusal expected, answered',
      { refuse: true },
      answered(answer),
      { pass: false, answerCorrect: false, refusalExpected: true, refused: false },
    ],
    ['refuse: false and refused', { refuse: false }, refusal, { pass: false, answerCorrect: false }],
    ['answer expected implicitly, refused', { articles: [ARTICLE_ID] }, refusal, { pass: false, answerCorrect: false, citationHit: false }],
  ])('%s', (_label, expectation, response, expected) => {
    const result = scoreCase({ id: 'c', question: '질문', expect: expectation }, response, getText);
    expect(result).toMatchObject(expected);
    expect(result.problems.length === 0).toBe(result.pass);
  });

  it('counts valid citations one by one', () => {
    const result = scoreCase(
      { id: 'c', question: '질문', expect: { includes: ['8월'] } },
      answered('8월[1] 목표[2]', [citation(), citation({ n: 2, quote: '지어낸 인용.' })]),
      getText,
    );
    expect(result).toMatchObject({ citationsTotal: 2, citationsValid: 1, citationValid: false });
    expect(result.problems.join()).toContain('[2]');
  });
});

function result(overrides: Partial<CaseResult>): CaseResult {
  return {
    id: 'c',
    question: '질문',
    expected: {},
    pass: true,
    answerCorrect: true,
    citationHit: null,
    citationsAllAllowed: null,
    citationValid: null,
    citationsTotal: 0,
    citationsValid: 0,
    refusalExpected: false,
    refused: false,
    answer: '',
    citedArticles: [],
    problems: [],
    latencyMs: 10,
    ...overrides,
  };
}

describe('summarize', () => {
  it('computes each rate over the cases it counts', () => {
    const report = summarize('seed', [
      result({ id: 'ok', citationHit: true, citationsTotal: 2, citationsValid: 2, latencyMs: 10 }),
      result({ id: 'miss', pass: false, answerCorrect: false, citationHit: false, citationsTotal: 1, citationsValid: 0, latencyMs: 20 }),
      result({ id: 'refused-right', refusalExpected: true, refused: true, latencyMs: 30 }),
      result({ id: 'refused-wrong', pass: false, answerCorrect: false, refused: true, latencyMs: 40 }),
      result({ id: 'answered-wrong', pass: false, answerCorrect: false, refusalExpected: true, latencyMs: 50 }),
    ]);
    expect(report).toMatchObject({
      name: 'seed',
      cases: 5,
      answerAccuracy: 2 / 5,
      citationHitRate: 1 / 2,
      refusalPrecision: 1 / 2,
      refusalRecall: 1 / 2,
      citationValidity: 2 / 3,
      p50Ms: 30,
      p95Ms: 50,
    });
    expect(report.failures.map((failure) => failure.id)).toEqual(['miss', 'refused-wrong', 'answered-wrong']);
    expect(report.failures[0]).toHaveProperty('got.answer');
  });

  it('rates answers whose every citation is from an allowed article, not just one', () => {
    const report = summarize('archive', [
      result({ id: 'all', citationHit: true, citationsAllAllowed: true }),
      result({ id: 'one-of-two', citationHit: true, citationsAllAllowed: false }),
      result({ id: 'no-articles-named' }),
    ]);
    expect(report.citationHitRate).toBe(1);
    expect(report.citationAllAllowedRate).toBe(1 / 2);
  });

  it('marks a case whose citations mix an allowed and another article', () => {
    const mixed = scoreCase(
      { id: 'c', question: '질문', expect: { articles: [ARTICLE_ID] } },
      answered('8월[1] 목표[2]', [citation(), citation({ n: 2, articleId: 'other' })]),
      getText,
    );
    expect(mixed).toMatchObject({ citationHit: true, citationsAllAllowed: false });
  });

  it.each([
    [
      'no cases at all',
      [],
      {
        cases: 0,
        answerAccuracy: null,
        citationHitRate: null,
        refusalPrecision: null,
        refusalRecall: null,
        citationValidity: null,
        p50Ms: null,
      },
    ],
    [
      'nothing refused, nothing to refuse, no citations',
      [result({})],
      { answerAccuracy: 1, refusalPrecision: null, refusalRecall: null, citationValidity: null, citationHitRate: null },
    ],
  ])('a rate with nothing to count is null: %s', (_label, results, expected) => {
    expect(summarize('s', results)).toMatchObject(expected);
  });
});

describe('percentile', () => {
  it.each([
    [[], 0.5, null],
    [[7], 0.95, 7],
    [[40, 10, 30, 20], 0.5, 20],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95, 10],
  ])('%j p%s → %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});
