import { describe, expect, it } from 'vitest';
import { roundTo } from '../../src/eval/round.js';

describe('roundTo', () => {
  it.each([
    [0.93541, 4, 0.9354],
    [0.88055, 4, 0.8806],
    [12.345, 2, 12.35],
    [16.349, 1, 16.3],
    [2 / 3, 4, 0.6667],
    [0, 2, 0],
    [-1.25, 1, -1.2],
  ])('roundTo(%s, %s) → %s', (value, digits, expected) => {
    expect(roundTo(value, digits)).toBe(expected);
  });
});
