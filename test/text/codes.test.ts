import { describe, expect, it } from 'vitest';
import { codesIn, holdsShownCodes, isRowOf, shownCodes, textsHoldCodes } from '../../src/text/codes.js';

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
    // A letter and a digit where a help page lists codes: a table cell, a heading, before 코드 or after an adverb.
    ['| E6 | 내솥 미장착 | 내솥을 바르게 넣어 주세요. |', ['e6']],
    ['### E3 – 증기가 잘 빠지지 않아요', ['e3']],
    ['## 4E: 급수 이상', ['4e']],
    ['1E, 2E, 4E 코드가 표시되는 동안 비상 운전합니다.', ['1e', '2e', '4e']],
    ['커버를 닫았는데도 E3가 계속 뜨면 필터를 확인하세요.', ['e3']],
    // …and nowhere else: running text, a cell with more in it, two letters before 코드.
    ['F1 그랑프리에서 우승했다', []],
    ['A4 용지에 인쇄합니다', []],
    ['| A4 용지 | 지원 |', []],
    ['QR 코드로 연결하세요', []],
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

  it('reads a code the device shows in a table row that lists it', () => {
    const row = '| E6 | 내솥 미장착 | 내솥을 본체에 바르게 넣어 주세요. |';
    expect(holdsShownCodes('취사 누르니까 삐삐 하면서 E6 나와요', row)).toBe(true);
    expect(holdsShownCodes('E6 나와요', '| E61 | 통신 이상 | 전원을 다시 켜 주세요. |')).toBe(false);
    expect(holdsShownCodes('E6 나와요', '| E5 | 뚜껑 잠김 불량 | 레버를 확인하세요. |')).toBe(false);
  });

  it('tells the codes a device shows and the table row of a code', () => {
    expect(shownCodes('F720 화면에 E03이라고 떠요')).toEqual(['e03']);
    expect(shownCodes('E02 오류 — 청소했는데도 또 뜨면요?')).toEqual([]);
    expect(isRowOf('| E-102 | 개통 처리 중 | 2시간 대기 |', ['e102'])).toBe(true);
    expect(isRowOf('| 개통 처리 중 | E-102 |', ['e102'])).toBe(false);
    expect(isRowOf('E-102는 회선 등록이 끝나지 않았다는 뜻입니다.', ['e102'])).toBe(false);
  });
});
