// The run-on 수 of "-ㄹ 수 있다/없다", split both ways, and what the analyzer makes of it.
import { describe, expect, it } from 'vitest';
import { focusWords } from '../../src/answer/focus.js';
import { splitRunOn } from '../../src/text/spacing.js';
import { analyze, contentWords, splitWords } from '../../src/text/tokens.js';

const texts = (text: string) => splitWords(text).map((word) => word.text);

describe('splitRunOn', () => {
  it.each([
    ['등록할수 있나요', ['등록할', '수', '있나요']],
    ['바꿀수있어요', ['바꿀', '수', '있어요']],
    ['받을수없어', ['받을', '수', '없어']],
    ['볼수밖에 없었다', ['볼', '수', '밖에', '없었다']],
    ['잡을수 없대', ['잡을', '수', '없대']],
    ['예약 바꾸는거 몇 번까지 돼요', ['예약', '바꾸는', '거', '몇', '번까지', '돼요']],
    ['지금 받는게 맞아?', ['지금', '받는', '게', '맞아']],
    ['앱으로 하는건가요', ['앱으로', '하는', '건가요']],
    ['언제까지 내야돼요', ['언제까지', '내야', '돼요']],
    ['뭐 해야해?', ['뭐', '해야', '해']],
    ['다친사람 결국 몇명이야', ['다친', '사람', '결국', '몇명이야']],
    ['애 낳을때 어떻게 했대?', ['애', '낳을', '때', '어떻게', '했대']],
    ['주차하는곳은 어디야', ['주차하는', '곳은', '어디야']],
  ])('%s → %j', (text, words) => {
    expect(texts(text)).toEqual(words);
  });

  it.each([
    ['실수로 지운 노트', ['실수로', '지운', '노트']],
    ['탈수 중에 멈춰요', ['탈수', '중에', '멈춰요']],
    ['탈수할 때 소음', ['탈수할', '때', '소음']],
    ['할수록 좋다', ['할수록', '좋다']],
    ['말수 없는 사람', ['말수', '없는', '사람']], // 말수 is a noun: the next word is no 있다/없다 of 수
    ['하는수 있어', ['하는수', '있어']], // not a ㄹ form
    ['선거 결과', ['선거', '결과']],
    ['근거가 뭐야', ['근거가', '뭐야']],
    ['건물 철거', ['건물', '철거']],
    ['는거', ['는거']],
    ['야해요', ['야해요']],
    ['한때 유행했다', ['한때', '유행했다']], // one syllable before 때: the adverb 한때
    ['그곳은 어디야', ['그곳은', '어디야']],
    ['새사람이 됐다', ['새사람이', '됐다']],
  ])('%s stays %j', (text, words) => {
    expect(texts(text)).toEqual(words);
  });

  it('keeps offsets into the text', () => {
    const text = '예약 바꿀수있어요?';
    for (const word of splitWords(text)) expect(text.slice(word.start, word.end)).toBe(word.text);
  });

  it('leaves a word alone when the word after it is not next to it', () => {
    const word = { text: '등록할수', start: 0, end: 4 };
    expect(splitRunOn(word, { text: '있나요', start: 7, end: 10 })).toEqual([word]);
  });
});

describe('the analyzer reads a run-on 수 as the spaced form', () => {
  it('reads 바꾸는거 as 바꾸는 거', () => {
    expect(contentWords('예약 시간 바꾸는거 몇번까지 돼요').map((word) => word.text)).toEqual(
      contentWords('예약 시간 바꾸는 거 몇번까지 돼요').map((word) => word.text),
    );
  });

  it('finds no noun-made verb in 내야돼요', () => {
    expect(focusWords('결제 알림 왔는데 언제까지 내야돼요')).toEqual([]);
  });

  it('gives the verb its stem term', () => {
    expect(analyze('가족 몇명까지 등록할수 있나요', { query: true })).toContain('w:등록');
    expect(contentWords('등록할수 있나요').map((word) => word.text)).toEqual(contentWords('등록할 수 있나요').map((word) => word.text));
  });
});
