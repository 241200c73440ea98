import { describe, expect, it } from 'vitest';
import { isMarkdownHeading, lineAfter, lineAround } from '../../src/text/lines.js';

describe('isMarkdownHeading', () => {
  it.each<[string, boolean]>([
    ['# 문 열림 알림', true],
    ['## 신호 세기 확인하기', true],
    ['###### 참고', true],
    // A hashtag, a list item, a table row and C# are no headings.
    ['#해시태그', false],
    ['1. 앱을 엽니다.', false],
    ['| 표시 | 상태 |', false],
    ['C# 설정을 엽니다.', false],
    ['## ', false],
  ])('%s → %s', (line, expected) => {
    expect(isMarkdownHeading(line)).toBe(expected);
  });
});

describe('lines around a span', () => {
  const text = '첫 줄입니다.\n둘째 줄의 문장. 또 한 문장.\n셋째 줄';
  it('gives the line that holds a span and the line after it', () => {
    const start = text.indexOf('또');
    expect(lineAround(text, start, start + 3)).toBe('둘째 줄의 문장. 또 한 문장.');
    expect(lineAfter(text, start)).toBe('셋째 줄');
    expect(lineAfter(text, text.length - 1)).toBeUndefined();
  });
});
