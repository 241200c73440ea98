import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTRACTIVE, rankSentences, selectSentences, type Lexicon } from '../../src/answer/extractive.js';
import { answerThreshold, type SentenceModel } from '../../src/answer/sentence-model.js';
import { FITTED_SENTENCE_MODEL } from '../../src/answer/sentence-weights.js';
import type { Hit } from '../../src/domain/types.js';
import { weightsSource, type FitExample } from '../../src/eval/fit-answer-model.js';
import { pickSideThreshold, refitSideThreshold, thresholdFigures, type ThresholdRow } from '../../src/eval/fit-set-threshold.js';
import { LexicalIndexBuilder } from '../../src/index/lexical.js';
import { HITS } from '../answer/fixtures.js';

function lexiconOf(hits: Hit[]): Lexicon {
  const builder = new LexicalIndexBuilder();
  for (const hit of hits) builder.add(hit.chunk.text, hit.article.title);
  return builder.build();
}

const LEXICON = lexiconOf(HITS);

const row = (probability: number, refuse: boolean, rest: Partial<ThresholdRow> = {}): ThresholdRow => ({
  source: 'a',
  refuse,
  ruleRefused: false,
  dated: true,
  probability,
  rightIfAnswered: !refuse,
  ...rest,
});

describe('pickSideThreshold', () => {
  const general = (undated: number) => ({ dated: 0, undated });
  it('cuts between the likeliest refusal and the least likely answer', () => {
    const rows = [row(0.2, true), row(0.25, true), row(0.3, false), row(0.5, false), row(0.6, false)];
    expect(pickSideThreshold(rows, 'news', general(0.1))).toBe(0.275);
  });

  it('takes the middle of equally good cuts', () => {
    // An answerable case answered wrongly is wrong refused or not: it moves no cut.
    const rows = [
      row(0.2, true),
      row(0.3, false, { rightIfAnswered: false }),
      row(0.4, false, { rightIfAnswered: false }),
      row(0.5, false),
    ];
    // Cuts 0.25, 0.35 and 0.45 all get two of four right.
    expect(pickSideThreshold(rows, 'news', general(0.1))).toBe(0.35);
  });

  it('leaves rows the rules refused and undated openings to their own thresholds', () => {
    const rows = [row(0, true, { ruleRefused: true }), row(0.9, true, { dated: false }), row(0.3, false), row(0.2, true)];
    expect(pickSideThreshold(rows, 'news', general(0.1))).toBe(0.25);
  });

  it('fits the undated cut for pages, leaving dated openings to theirs', () => {
    const page = (probability: number, refuse: boolean) => row(probability, refuse, { dated: false });
    const rows = [page(0.05, true), page(0.12, false), page(0.15, false), row(0.12, true), page(0.4, false)];
    // Between the likeliest refusal and the least likely answer; the dated row keeps its cut of 0.2.
    expect(pickSideThreshold(rows, 'pages', { dated: 0.2, undated: 0.17 })).toBe(0.085);
  });
});

describe('thresholdFigures', () => {
  it('counts right answers, refusals of refusable cases and refusals of answerable ones', () => {
    const rows = [row(0.2, true), row(0.4, true), row(0.3, false), row(0.6, false), row(0, true, { ruleRefused: true })];
    expect(thresholdFigures(rows, { dated: 0.35, undated: 0.1 })).toEqual({
      accuracy: 0.6,
      refusalRecall: 0.6667,
      refusalRate: 0.5,
      cases: 5,
    });
    // An undated opening is judged by the general threshold.
    expect(thresholdFigures([row(0.2, true, { dated: false })], { dated: 0.35, undated: 0.1 }).accuracy).toBe(0);
  });
});

describe('answerThreshold', () => {
  const dated = { hit: { article: { date: '2025-09-02' } } };
  const undated = { hit: { article: {} } };
  it('takes the news threshold for a dated opening, the page threshold for an undated one, else the general one', () => {
    expect(answerThreshold({ weights: [], threshold: 0.17, newsThreshold: 0.25 }, dated)).toBe(0.25);
    expect(answerThreshold({ weights: [], threshold: 0.17, newsThreshold: 0.25 }, undated)).toBe(0.17);
    expect(answerThreshold({ weights: [], threshold: 0.17 }, dated)).toBe(0.17);
    expect(answerThreshold({ weights: [], threshold: 0.17, newsThreshold: 0.25, pageThreshold: 0.1 }, undated)).toBe(0.1);
    expect(answerThreshold({ weights: [], threshold: 0.17, pageThreshold: 0.1 }, dated)).toBe(0.17);
  });

  it('refuses a news opening under the news threshold while the general one would answer', () => {
    const question = '연구소에서 연구원 몇 명이 일해?';
    const candidates = rankSentences(question, HITS, LEXICON);
    const withNews = (newsThreshold: number): SentenceModel => ({
      ...FITTED_SENTENCE_MODEL,
      answerability: { ...FITTED_SENTENCE_MODEL.answerability!, threshold: 0, newsThreshold },
    });
    expect(selectSentences(question, candidates, LEXICON, { ...DEFAULT_EXTRACTIVE, model: withNews(0) }).length).toBeGreaterThan(0);
    expect(selectSentences(question, candidates, LEXICON, { ...DEFAULT_EXTRACTIVE, model: withNews(1.01) })).toEqual([]);
  });
});

describe('refitSideThreshold', () => {
  const QUESTIONS: Array<[string, string | undefined, string]> = [
    ['한빛전자 연구소는 언제 문을 열어?', '내년 3월', 'set-a'],
    ['연구소에서 연구원 몇 명이 일해?', '300명', 'set-a'],
    ['한빛전자 연구소 소장은 몇 살이야?', undefined, 'set-a'],
    ['푸른강 축제는 언제 열려?', '10월 11일', 'set-b'],
    ['축제 주최 측은 방문객을 몇 명 예상했어?', '5만 명', 'set-b'],
    ['푸른강 축제 입장료는 얼마야?', undefined, 'set-b'],
  ];
  const EXAMPLES: FitExample[] = QUESTIONS.map(([question, phrase, source], i) => {
    const candidates = rankSentences(question, HITS, LEXICON);
    return {
      question,
      source,
      groupKey: `${source}:${i}`,
      lexicon: LEXICON,
      candidates,
      labels: candidates.map((candidate) => phrase !== undefined && candidate.text.includes(phrase)),
      refuse: phrase === undefined,
      ...(phrase !== undefined ? { correct: (answer: string) => answer.includes(phrase) } : {}),
    };
  });

  // The same questions over undated copies of the passages: help pages, no news.
  const UNDATED: FitExample[] = EXAMPLES.map((example) => ({
    ...example,
    candidates: example.candidates.map((candidate) => {
      const { date: _date, ...article } = candidate.hit.article;
      return { ...candidate, hit: { ...candidate.hit, article } };
    }),
  }));

  it('fits only the news threshold, each set held out once, and writes it to the weights file', () => {
    const result = refitSideThreshold(EXAMPLES, FITTED_SENTENCE_MODEL, 'news');
    expect(result.model.weights).toEqual(FITTED_SENTENCE_MODEL.weights);
    expect(result.model.answerability!.weights).toEqual(FITTED_SENTENCE_MODEL.answerability!.weights);
    expect(result.model.answerability!.threshold).toBe(FITTED_SENTENCE_MODEL.answerability!.threshold);
    expect(result.model.answerability!.newsThreshold).toBe(result.threshold);
    expect(Object.keys(result.outOfFold)).toEqual(['set-a', 'set-b']);
    expect(result.outOfFold['set-a']!.fitted.cases).toBe(3);
    expect(result.model.fitted).toMatchObject({ newsThreshold: { sets: ['set-a', 'set-b'], cases: 6 } });
    expect(weightsSource(result.model)).toContain(`newsThreshold: ${result.threshold},`);
  });

  it('refuses a model without a refusal part', () => {
    const { answerability: _unused, ...ranker } = FITTED_SENTENCE_MODEL;
    expect(() => refitSideThreshold(EXAMPLES, ranker, 'news')).toThrow(/refusal/);
  });

  it('refuses to fit without a news case, rather than write a threshold of 0', () => {
    expect(() => refitSideThreshold(UNDATED, FITTED_SENTENCE_MODEL, 'news')).toThrow(/뉴스 임계값을 맞출 사례가 없습니다/);
  });

  it('fits the page threshold on undated sets only, and writes it beside the others', () => {
    const result = refitSideThreshold(UNDATED, FITTED_SENTENCE_MODEL, 'pages');
    expect(result.model.answerability!.threshold).toBe(FITTED_SENTENCE_MODEL.answerability!.threshold);
    expect(result.model.answerability!.newsThreshold).toBe(FITTED_SENTENCE_MODEL.answerability!.newsThreshold);
    expect(result.model.answerability!.pageThreshold).toBe(result.threshold);
    expect(result.model.fitted).toMatchObject({ pageThreshold: { sets: ['set-a', 'set-b'], cases: 6 } });
    expect(weightsSource(result.model)).toContain(`pageThreshold: ${result.threshold},`);
  });

  it('refuses to fit pages on news sets, rather than write a threshold of 0', () => {
    expect(() => refitSideThreshold(EXAMPLES, FITTED_SENTENCE_MODEL, 'pages')).toThrow(/문서 임계값을 맞출 사례가 없습니다/);
  });
});

describe('fit:answer options', () => {
  it('refuses two fits at once before reading any data, naming both', async () => {
    const { fitAnswerCommand } = await import('../../src/commands/eval.js');
    const both = { data: 'does-not-exist.json', write: 'never-written.ts', dryRun: true, newsThreshold: true, pageThreshold: true };
    await expect(fitAnswerCommand(both)).rejects.toThrow('--news-threshold, --page-threshold 중 하나만 쓸 수 있습니다.');
    await expect(fitAnswerCommand({ ...both, newsThreshold: false, thresholdOnly: true })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
