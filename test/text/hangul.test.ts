import { describe, expect, it } from 'vitest';
import { compose, CONTRACTED_VOWELS, decompose, endsInNieunOrRieul, FINAL, VOWEL } from '../../src/text/hangul.js';

describe('Hangul syllables', () => {
  it('takes a syllable apart and puts it back', () => {
    for (const char of ['가', '힣', '꿨', '올', '요', '닭']) expect(compose(decompose(char)!)).toBe(char);
    expect(decompose('꿨')).toEqual({ initial: 1, vowel: VOWEL.wo, final: FINAL.ssangsios });
    expect(decompose('a')).toBeUndefined();
    expect(decompose('ㄱ')).toBeUndefined();
  });

  it.each<[string, string]>([
    // contracted syllable (the ending fused in), the stem's own syllable
    ['꿔', '꾸'],
    ['져', '지'],
    ['봐', '보'],
    ['돼', '되'],
    ['해', '하'],
  ])('undoes the contraction of %s to %s', (contracted, plain) => {
    const parts = decompose(contracted)!;
    expect(compose({ ...parts, vowel: CONTRACTED_VOWELS.get(parts.vowel)! })).toBe(plain);
  });
});

describe('endsInNieunOrRieul', () => {
  it.each<[string, boolean]>([
    ['갖춘', true],
    ['넣을', true],
    ['쓰는', true],
    ['터진', true],
    ['주식', false],
    ['바꾸', false],
    ['GHz', false],
    ['', false],
  ])('%s → %s', (word, expected) => {
    expect(endsInNieunOrRieul(word)).toBe(expected);
  });
});
