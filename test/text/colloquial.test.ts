// Chat-style question endings read as plain ones, both ways.
import { describe, expect, it } from 'vitest';
import { plainEndings } from '../../src/text/colloquial.js';
import { standaloneQuestion } from '../../src/rag/rewrite.js';

describe('plainEndings', () => {
  it.each([
    ['예약취소 진료 직전에도 앱으로 되나여', '예약취소 진료 직전에도 앱으로 되나요'],
    ['선생님 몇 명 뽑아여?', '선생님 몇 명 뽑아요?'],
    ['최민재 작년에 몇승했음?', '최민재 작년에 몇승했어?'],
    ['경기장 어디였음?', '경기장 어디였어?'],
    ['주차장 있음?', '주차장 있어?'],
    ['견인비 얼마임', '견인비 얼마야'],
    ['치료받은 주민 최종 몇명임?', '치료받은 주민 최종 몇명이야?'],
    ['처음 발의한 의원 누구임?', '처음 발의한 의원 누구야?'],
    // The rate suffix by the rule: 율 after a vowel or ㄴ, 률 after any other final.
    ['8일 원달러 환률 얼마로 마감했어?', '8일 원달러 환율 얼마로 마감했어?'],
    ['당첨 확율이 얼마야', '당첨 확률이 얼마야'],
    ['드라마 시청율은?', '드라마 시청률은?'],
  ])('%s → %s', (question, plain) => {
    expect(plainEndings(question)).toBe(plain);
  });

  it.each([
    '환율 얼마야',
    '법률 상담',
    '선율이 좋다',
    '김율하 선수 기록',
    '자전거 대여 방법',
    '동호회 모임 장소',
    '온라인 게임',
    '참여 방법 알려줘',
    '여름 휴가',
    '이 사람이 누구임을 밝혔다',
  ])('%s stays', (text) => {
    expect(plainEndings(text)).toBe(text);
  });

  it('is what the pipeline answers', async () => {
    const question = await standaloneQuestion({ question: '견인비 얼마임' }, { readPrevious: async () => [] });
    expect(question).toBe('견인비 얼마야');
  });
});
