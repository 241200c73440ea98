import { describe, expect, it } from 'vitest';
import { createRecentCache } from '../../src/text/recent-cache.js';
import { analyzeSentences, createSentenceAnalyzer } from '../../src/text/sentence-terms.js';

/** A cache of `capacity` whose computations are counted by key. */
function countingCache(capacity: number) {
  const cache = createRecentCache<string[]>(capacity);
  const computed: string[] = [];
  const get = (key: string) => cache.get(key, () => (computed.push(key), [key.toUpperCase()]));
  return { get, computed };
}

describe('createRecentCache', () => {
  it.each<[string, string[], string[]]>([
    ['computes each key once while it fits', ['가', '나', '가', '나'], ['가', '나']],
    ['drops the least recently used key first', ['가', '나', '다', '가'], ['가', '나', '다', '가']],
    ['a key used again is kept over an older one', ['가', '나', '가', '다', '가', '나'], ['가', '나', '다', '나']],
  ])('%s', (_name, keys, computed) => {
    const cache = countingCache(2);
    for (const key of keys) cache.get(key);
    expect(cache.computed).toEqual(computed);
  });

  it('returns the remembered value itself', () => {
    const cache = countingCache(1);
    expect(cache.get('기사')).toBe(cache.get('기사'));
  });
});

describe('createSentenceAnalyzer', () => {
  const passage = '해담은행은 24일 실적을 발표했다. 순이익은 1조 원이다.';

  it('gives what analyzeSentences gives, the same array for the same passage', () => {
    const analyzer = createSentenceAnalyzer(4);
    const first = analyzer(passage);
    expect(first).toEqual(analyzeSentences(passage));
    expect(analyzer(passage)).toBe(first);
    expect(first.map(({ start, end }) => passage.slice(start, end))).toEqual(['해담은행은 24일 실적을 발표했다.', '순이익은 1조 원이다.']);
  });

  it('does not share its memory with another analyser', () => {
    expect(createSentenceAnalyzer()(passage)).not.toBe(createSentenceAnalyzer()(passage));
  });
});
