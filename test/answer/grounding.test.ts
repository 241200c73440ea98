import { describe, expect, it } from 'vitest';
import {
  appendMarker,
  bestSupportingSpan,
  checkSentence,
  markerNumbers,
  rewriteMarkers,
  splitAnswerSentences,
  stripMarkers,
} from '../../src/answer/grounding.js';
import { splitSentences } from '../../src/text/sentences.js';
import { LAB } from './fixtures.js';

describe('splitAnswerSentences', () => {
  it.each([
    [
      'marker before the period',
      'LG는 목표를 밝혔다 [1]. 또 공장을 짓는다 [2]',
      ['LG는 목표를 밝혔다 [1].', '또 공장을 짓는다 [2]'],
      [[1], [2]],
    ],
    [
      'marker after the period',
      'LG는 목표를 밝혔다. [1] 또 공장을 짓는다. [2]',
      ['LG는 목표를 밝혔다. [1]', '또 공장을 짓는다. [2]'],
      [[1], [2]],
    ],
    ['markers glued to the period', '목표를 밝혔다.[1][3] 또 짓는다.[2]', ['목표를 밝혔다.[1][3]', '또 짓는다.[2]'], [[1, 3], [2]]],
    ['a list inside one marker', '두 회사가 협력한다 [1, 2].', ['두 회사가 협력한다 [1, 2].'], [[1, 2]]],
    [
      'decimals and dotted dates stay whole',
      '성장률은 3.5%였다 [1]. 행사는 2025. 8. 30. 열렸다 [2].',
      ['성장률은 3.5%였다 [1].', '행사는 2025. 8. 30. 열렸다 [2].'],
      [[1], [2]],
    ],
    [
      'a question mark and a closing quote',
      '그는 "가능할까?"라고 물었다 [1]. 답은 없었다 [1]!',
      ['그는 "가능할까?"라고 물었다 [1].', '답은 없었다 [1]!'],
      [[1], [1]],
    ],
    ['line breaks end sentences', '첫 문장 [1]\n둘째 문장 [2]', ['첫 문장 [1]', '둘째 문장 [2]'], [[1], [2]]],
    ['a domain name is not a sentence end', 'example.com에 공지했다 [1].', ['example.com에 공지했다 [1].'], [[1]]],
    ['an unfinished marker stays with its sentence', '공장을 짓는다. [1', ['공장을 짓는다. [1'], [[]]],
    ['no marker at all', '근거 없는 문장이다.', ['근거 없는 문장이다.'], [[]]],
  ])('%s', (_name, text, sentences, markers) => {
    const result = splitAnswerSentences(text);
    expect(result.map((sentence) => sentence.text)).toEqual(sentences);
    expect(result.map((sentence) => sentence.markers)).toEqual(markers);
    for (const sentence of result) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('decides a sentence only once the next one starts, so streamed prefixes agree', () => {
    const text = '연구소는 3.5% 늘었다 [1]. 2025. 8. 30. 문을 연다. [2] 끝이다 [1].';
    const whole = splitAnswerSentences(text).map((sentence) => sentence.text);
    for (let cut = 1; cut < text.length; cut++) {
      const settled = splitAnswerSentences(text.slice(0, cut))
        .slice(0, -1)
        .map((sentence) => sentence.text);
      expect(whole.slice(0, settled.length)).toEqual(settled);
    }
  });
});

describe('markers', () => {
  it.each([
    ['밝혔다 [1][7].', [1, 7]],
    ['밝혔다 [2, 3].', [2, 3]],
    ['[속보] 밝혔다.', []],
  ])('markerNumbers(%j)', (text, numbers) => expect(markerNumbers(text)).toEqual(numbers));

  it.each([
    ['밝혔다 [7].', '밝혔다.'],
    ['밝혔다. [7]', '밝혔다.'],
    ['밝혔다 [1][7].', '밝혔다 [3].'],
    ['밝혔다 [7, 1].', '밝혔다 [3].'],
    ['A사 [2]와 B사 [1]가 협력했다.', 'A사 [4]와 B사 [3]가 협력했다.'],
  ])('rewriteMarkers(%j) with 1→3, 2→4, others dropped', (text, expected) => {
    const map = new Map([
      [1, 3],
      [2, 4],
    ]);
    expect(rewriteMarkers(text, (n) => map.get(n))).toBe(expected);
  });

  it('stripMarkers removes every marker', () => expect(stripMarkers('밝혔다 [1][2]. [3]')).toBe('밝혔다.'));

  it.each([
    ['밝혔다.', '밝혔다 [2].'],
    ['그는 "가능할까?"', '그는 "가능할까?" [2]'],
    ['끝나지 않은 문장', '끝나지 않은 문장 [2]'],
  ])('appendMarker(%j, 2) = %j', (sentence, expected) => expect(appendMarker(sentence, 2)).toBe(expected));
});

const PASSAGE = LAB.text;

describe('checkSentence', () => {
  it.each([
    ['a close paraphrase', '한빛전자는 세종시에 차세대 배터리 연구소를 세운다 [1].'],
    ['inflected verbs ("개발하고" vs "개발해")', '회사는 LG와 공동 연구를 검토한다 [1].'],
    ['polite endings', '한빛전자는 세종시에 배터리 연구소를 세웁니다. 연구원 300명이 일하게 됩니다.'],
    ['numbers with separators and units', '투자 규모는 1,200억 원이다 [1].'],
    ['a number written without its separator', '투자 규모는 1200억 원이다.'],
    ['dates', '연구소는 내년 3월 문을 연다 [1].'],
    ['Latin words in any case', '회사는 lg와 공동 연구를 검토한다.'],
    ['a quotation found verbatim', '김서연 사장은 "전고체 배터리를 2028년까지 상용화하겠다"고 말했다.'],
    ['a name before a title found in the passage', '김서연 사장이 상용화 목표를 밝혔다.'],
    ['fillers and reporting verbs do not count', '또한 기사에 따르면 한빛전자는 연구소를 세운다고 밝혔다.'],
  ])('supports %s', (_name, sentence) => {
    const check = checkSentence(sentence, [PASSAGE]);
    expect(check, JSON.stringify(check)).toMatchObject({ supported: true, missing: [] });
  });

  it.each([
    ['an invented number (a whole date: 5월 is not 3월)', '연구소는 내년 5월 문을 연다.', ['5월']],
    ['a number that is only part of one in the passage', '연구원 30명이 일한다.', ['30명']],
    ['an invented Latin name', '한빛전자는 SK와 공동 연구를 검토한다.', ['SK']],
    ['an invented person before a title', '박민준 대표가 연구소를 이끈다.', ['박민준']],
    [
      'an altered quotation',
      '김서연 사장은 "전고체 배터리를 2030년까지 양산하겠다"고 말했다.',
      ['2030년', '"전고체 배터리를 2030년까지 양산하겠다"'],
    ],
  ])('rejects %s', (_name, sentence, missing) => {
    const check = checkSentence(sentence, [PASSAGE]);
    expect(check.supported).toBe(false);
    expect(check.missing).toEqual(missing);
  });

  it.each([
    ['a claim about something else', '정부는 반도체 공장 건설을 중단하기로 결정했다.'],
    ['an invented Hangul place and partner', '한빛전자는 부산에서 대한조선과 함께 선박 엔진을 만든다.'],
  ])('rejects %s through content coverage', (_name, sentence) => {
    const check = checkSentence(sentence, [PASSAGE]);
    expect(check.coverage).toBeLessThan(0.6);
    expect(check.supported).toBe(false);
  });

  it('checks against the union of the cited passages', () => {
    const sentence = '연구소는 3월 문을 열고 축제는 10월에 열린다.';
    expect(checkSentence(sentence, [PASSAGE]).supported).toBe(false);
    expect(checkSentence(sentence, [PASSAGE, '푸른강 축제는 10월에 열린다.']).supported).toBe(true);
  });

  it('ignores its own markers when matching numbers', () => {
    expect(checkSentence('투자 규모는 1,200억 원이다 [9].', [PASSAGE]).supported).toBe(true);
  });
});

describe('bestSupportingSpan', () => {
  it('picks the passage sentence sharing the most terms with the claims', () => {
    const spans = splitSentences(PASSAGE);
    const span = bestSupportingSpan(PASSAGE, spans, ['투자 규모는 1,200억 원이다 [1].']);
    expect(PASSAGE.slice(span!.start, span!.end)).toBe('투자 규모는 1,200억 원이다.');
  });

  it('takes the earliest sentence on a tie', () => {
    const spans = splitSentences(PASSAGE);
    const span = bestSupportingSpan(PASSAGE, spans, ['관계없는 말']);
    expect(span).toEqual(spans[0]);
  });
});
