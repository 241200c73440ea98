import { describe, expect, it } from 'vitest';
import type { ChatTurn } from '../../src/domain/types.js';
import { isFollowUp, rewriteFollowUp } from '../../src/rag/rewrite.js';

describe('isFollowUp', () => {
  it.each([
    ['그 행사는 어디서 열렸어?'],
    ['그는 어디서 발언했어?'],
    ['거기 날씨는 어땠어?'],
    ['당시 시장은 누구였어?'],
    ['이 회사의 매출은 얼마야?'],
    ['해당 사업은 언제 끝나?'],
    ['그럼 투자 규모는?'],
    ['왜?'],
    ['언제?'],
    ['예산은?'],
  ])('%s leans on earlier turns', (question) => {
    expect(isFollowUp(question)).toBe(true);
  });

  it.each([
    ['한빛전자는 세종시에 무엇을 세워?'],
    ['푸른강 축제는 언제 열려?'],
    ['LG AI연구원의 원장은 누구야?'],
    ['가온시 수소버스 충전소는 어디에 있어?'],
  ])('%s stands alone', (question) => {
    expect(isFollowUp(question)).toBe(false);
  });

  // Regression: ANAPHORA once matched 그 at the start of any word (그린벨트, 그림책) and any
  // question opening with 언제/누가/어디/몇 counted as a follow-up.
  it.each([['그린벨트 해제 면적은 얼마야?'], ['그림책 2만 권을 기증한 단체는 어디야?'], ['언제 한빛전자가 세종시에 연구소를 세워?']])('%s stands alone', (question) => {
    expect(isFollowUp(question)).toBe(false);
  });
});

const FESTIVAL_TURNS: ChatTurn[] = [
  { role: 'user', content: '푸른강 축제는 언제 열려?' },
  { role: 'assistant', content: '제7회 푸른강 축제가 10월 11일부터 사흘 동안 강변공원에서 열린다. [1]' },
];

describe('rewriteFollowUp', () => {
  it.each<[string, string, ChatTurn[] | undefined, string]>([
    ['carries the previous question’s words', '그 행사는 어디서 열렸어?', FESTIVAL_TURNS, '푸른강 축제 열려 — 그 행사는 어디서 열렸어?'],
    ['skips words the follow-up already has', '그 축제는 어디서 열렸어?', FESTIVAL_TURNS, '푸른강 열려 — 그 축제는 어디서 열렸어?'],
    ['trims the follow-up', '  언제?  ', [{ role: 'user', content: '한빛전자 배터리 연구소' }], '한빛전자 배터리 연구소 — 언제?'],
    [
      'uses the last user turn, not the assistant’s answer',
      '거기 날씨는 어땠어?',
      [...FESTIVAL_TURNS, { role: 'user', content: '한빛전자 연구소는 어디에 세워?' }, { role: 'assistant', content: '세종시입니다. [1]' }],
      '한빛전자 연구소 세워 — 거기 날씨는 어땠어?',
    ],
    ['leaves a standalone question alone', '한빛전자는 세종시에 무엇을 세워?', FESTIVAL_TURNS, '한빛전자는 세종시에 무엇을 세워?'],
    ['leaves it alone without history', '그 행사는 어디서 열렸어?', undefined, '그 행사는 어디서 열렸어?'],
    ['leaves it alone with empty history', '그 행사는 어디서 열렸어?', [], '그 행사는 어디서 열렸어?'],
    ['leaves it alone without a user turn', '그 행사는 어디서 열렸어?', [{ role: 'assistant', content: '푸른강 축제는 강변공원에서 열립니다.' }], '그 행사는 어디서 열렸어?'],
    ['leaves it alone when the previous turn has no content word', '그는 누구야?', [{ role: 'user', content: '누구야?' }], '그는 누구야?'],
  ])('%s', (_name, question, history, expected) => {
    expect(rewriteFollowUp(question, history)).toBe(expected);
  });
});
