import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareToBaseline, mergeBaseline, readBaseline } from '../../src/eval/baseline.js';
import type { SetReport } from '../../src/eval/metrics.js';

const set = (name: string, rates: Partial<SetReport> = {}): SetReport => ({
  name,
  cases: 10,
  answerAccuracy: 0.9,
  citationHitRate: 0.9,
  refusalPrecision: 1,
  refusalRecall: 1,
  citationValidity: 1,
  p50Ms: 10,
  p95Ms: 20,
  failures: [],
  ...rates,
});

describe('compareToBaseline', () => {
  it.each<[string, Partial<SetReport>, Partial<SetReport>, string[]]>([
    ['same figures', {}, {}, []],
    ['a drop of exactly the tolerance passes', { answerAccuracy: 0.9 }, { answerAccuracy: 0.88 }, []],
    ['a drop beyond the tolerance fails', { answerAccuracy: 0.9 }, { answerAccuracy: 0.87 }, ['seed.answerAccuracy']],
    [
      'several metrics',
      { refusalRecall: 1, citationValidity: 1 },
      { refusalRecall: 0.5, citationValidity: 0.9 },
      ['seed.refusalRecall', 'seed.citationValidity'],
    ],
    ['a rise is fine', { citationHitRate: 0.5 }, { citationHitRate: 0.9 }, []],
    ['null now is not compared', { refusalPrecision: 1 }, { refusalPrecision: null }, []],
    ['null in the baseline is not compared', { refusalPrecision: null }, { refusalPrecision: 0 }, []],
    ['latencies are never gated', { p50Ms: 1, p95Ms: 2 }, { p50Ms: 1000, p95Ms: 5000 }, []],
  ])('%s', (_label, before, now, expected) => {
    const comparison = compareToBaseline({ sets: [set('seed', now)] }, { sets: [set('seed', before)] });
    expect(comparison.regressions.map((regression) => `${regression.set}.${regression.metric}`)).toEqual(expected);
  });

  it('reports a set missing from the baseline as new, not as a regression', () => {
    const comparison = compareToBaseline(
      { sets: [set('seed'), set('fresh', { answerAccuracy: 0 })] },
      { sets: [set('seed'), set('gone')] },
    );
    expect(comparison).toEqual({ regressions: [], newSets: ['fresh'] });
  });

  it('takes a custom tolerance', () => {
    const comparison = compareToBaseline({ sets: [set('seed', { answerAccuracy: 0.85 })] }, { sets: [set('seed')] }, 0.1);
    expect(comparison.regressions).toEqual([]);
  });
});

describe('mergeBaseline', () => {
  const failure = {
    id: 'q1',
    question: '한국은행은 기준금리를 어떻게 했나?',
    expected: { includes: ['동결'] },
    got: { answer: '', refused: true, articles: [], problems: ['답해야 하는데 거절했습니다'] },
  };

  it('drops failures: the committed baseline keeps figures only', () => {
    const merged = mergeBaseline('missing', { sets: [set('seed', { failures: [failure] })] });
    expect(merged).toEqual({ sets: [set('seed')] });
  });

  it('replaces the sets run now, keeps the others in their order, and appends new ones', () => {
    const previous = {
      sets: [
        { name: 'news', answerAccuracy: 0.5 },
        { name: 'seed', answerAccuracy: 0.1 },
      ],
    };
    const merged = mergeBaseline(previous, { sets: [set('fresh'), set('seed', { answerAccuracy: 0.95 })] });
    expect(merged.sets.map((entry) => [entry.name, entry.answerAccuracy])).toEqual([
      ['news', 0.5],
      ['seed', 0.95],
      ['fresh', 0.9],
    ]);
  });
});

describe('readBaseline', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baseline-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a baseline, keeping fields it does not gate', async () => {
    const file = join(dir, 'good.json');
    await writeFile(file, JSON.stringify({ sets: [{ name: 'seed', answerAccuracy: 0.9, refusalRecall: null, p50Ms: 12 }] }));
    expect(await readBaseline(file)).toEqual({ sets: [{ name: 'seed', answerAccuracy: 0.9, refusalRecall: null, p50Ms: 12 }] });
  });

  it('says missing when there is no file', async () => {
    expect(await readBaseline(join(dir, 'none.json'))).toBe('missing');
  });

  it.each([
    ['not-json.json', '{ sets: ', '기준선 파일이 올바른 JSON이 아닙니다'],
    ['no-name.json', JSON.stringify({ sets: [{ answerAccuracy: 0.9 }] }), '기준선 파일 형식 오류'],
    ['bad-rate.json', JSON.stringify({ sets: [{ name: 'seed', answerAccuracy: '90%' }] }), '(sets.0.answerAccuracy)'],
  ])('rejects %s', async (name, text, message) => {
    const file = join(dir, name);
    await writeFile(file, text);
    await expect(readBaseline(file)).rejects.toThrow(message);
  });
});
