import { describe, expect, it } from 'vitest';
import { fullWords } from '../../src/text/clipped-words.js';
import { analyze } from '../../src/text/tokens.js';

describe('clipped words', () => {
  it.each<[string, readonly string[]]>([
    ['비번', ['비밀번호', '암호']],
    ['블박', ['블랙박스']],
    ['카톡', ['카카오톡']],
    ['식세기', ['식기세척기']],
    ['업뎃', ['업데이트']],
    ['리모콘', ['리모컨']],
    ['전기세', ['전기요금']],
    ['전훈', ['전지훈련']],
    // Full words and words that only look clipped are no keys; 폰 alone is left out (measured).
    ['비밀번호', []],
    ['번호', []],
    ['폰', []],
    ['constructor', []],
  ])('%s → %j', (word, full) => {
    expect(fullWords(word)).toEqual(full);
  });

  it('lets a question search for the page’s full word, particle and all', () => {
    expect(analyze('비번 까먹었어요', { query: true })).toEqual(expect.arrayContaining(['w:비밀번호', '비밀', '번호', 'w:암호']));
    expect(analyze('블박이 안 켜져요', { query: true })).toContain('w:블랙박스');
    expect(analyze('컴에서 돼요?', { query: true })).toContain('w:컴퓨터');
    expect(analyze('사료통 식세기에 돌려도 돼요?', { query: true })).toEqual(expect.arrayContaining(['w:식기세척기', '세척']));
    expect(analyze('업뎃 중에는 불이 무슨 색이에요?', { query: true })).toContain('w:업데이트');
  });

  it('leaves pages as written', () => {
    expect(analyze('비번은 8자리입니다.')).not.toContain('w:비밀번호');
  });
});
