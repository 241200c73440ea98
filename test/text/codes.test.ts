import { describe, expect, it } from 'vitest';
import { codesIn, textsHoldCodes } from '../../src/text/codes.js';

describe('codes', () => {
  it.each<[string, string[]]>([
    ['E-502 오류 코드가 떠요', ['e502']],
    ['누리링크 AX1500 모델도 돼?', ['ax1500']],
    ['hk-170이랑 HK-180 차이', ['hk170', 'hk180']],
    // Keys, plain numbers and words are no codes.
    ['Ctrl+Shift+F 누르면 돼?', []],
    ['2025년 3월에 1,500원', []],
    ['Wi-Fi 비번', []],
    // A specification: digits with a Latin unit.
    ['비온 X7 512GB 모델은 얼마야?', ['512gb']],
    ['5G 와이파이로 연결해도 돼요?', []],
    // Letters around a digit.
    ['정전 때 V2H 같은 거 돼요?', ['v2h']],
    // Two characters an appliance shows, known by the words after them; not a bare acronym.
    ['물이 안 빠지고 OE 떠요', ['oe']],
    ['돌리다가 dE 뜨면서 멈췄어요', ['de']],
    ['물이 안 들어오고 4E라고 떠요', ['4e']],
    ['AI 모델이 떠요', []],
    ['TV 화면에 표시돼요', []],
  ])('%s → %j', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });

  it.each<[string, string[], boolean]>([
    ['E-502 오류는 뭐야?', ['E-203은 이체 한도 초과 오류입니다.', 'E-105는 인증서 오류입니다.'], false],
    ['E-203 오류는 뭐야?', ['E-203은 이체 한도 초과 오류입니다.'], true],
    // Written with or without the hyphen, in either case.
    ['ax1500도 돼?', ['누리링크 AX-1500은 지원합니다.'], true],
    ['자녀 보호 기능 있어?', ['누리링크 AX3000은 지원합니다.'], true],
    ['512GB 모델은 얼마야?', ['출고가는 256GB 모델 기준 139만 원이다.'], false],
    ['V2H 돼요?', ['정전이 되면 충전을 멈춥니다.'], false],
  ])('%s in %j → %s', (question, texts, held) => {
    expect(textsHoldCodes(question, texts)).toBe(held);
  });
});
