import { describe, expect, it } from 'vitest';
import { isMeasure } from '../../src/answer/counters.js';

describe('isMeasure', () => {
  it.each<[string, boolean]>([
    ['g', true],
    ['kg', true],
    ['㎜', true],
    ['도', true],
    ['GB', true],
    ['톤', true],
    ['년', true],
    // Counters of things, people and times are no measures.
    ['명', false],
    ['대', false],
    ['곳', false],
    ['번째', false],
  ])('%s → %s', (counter, measure) => {
    expect(isMeasure(counter)).toBe(measure);
  });
});
