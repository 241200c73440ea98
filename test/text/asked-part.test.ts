// The tail a user adds after a question to explain it is dropped; a tail that still asks is kept.
import { describe, expect, it } from 'vitest';
import { askedPart } from '../../src/text/asked-part.js';
import { standaloneQuestion } from '../../src/rag/rewrite.js';

describe('askedPart', () => {
  it.each([
    ['카메라 한 계정에 몇대까지 연결돼요? 쌍둥이라 방이 두개에요', '카메라 한 계정에 몇대까지 연결돼요?'],
    ['어제 구독 결제했는데 환불되나요? 영상은 한번도 안봤어요', '어제 구독 결제했는데 환불되나요?'],
    ['탈수할 때 소음이 몇 데시벨 정도예요? 아파트라 신경 쓰여서요', '탈수할 때 소음이 몇 데시벨 정도예요?'],
    ['그거 몇 명까지 돼요? 저 무료로 쓰고 있거든요', '그거 몇 명까지 돼요?'],
    ['예약해놓고 안가면 불이익 있어요? 벌써 두번 못갔는데ㅠ', '예약해놓고 안가면 불이익 있어요?'],
  ])('%s → %s', (question, asked) => {
    expect(askedPart(question)).toBe(asked);
  });

  it.each([
    '그거 타이머 되나요? 몇분짜리 있어요', // a question without its mark
    '일본 일주일 가는데 데이터 얼마까지 써져? 가격도 알려줘', // a request
    '솔섬 가는 배 운항 재개 언제로 바뀌었어? 최근 소식 기준으로', // the time the answer is wanted for
    '서하 늘봄마을 실제로 짓는 건설사 어디야? 브랜드 아파트임?',
    '정전 났을 때 차 배터리로 집에 전기 끌어다 쓰는 거 돼요? V2H 같은 거',
    '아파트라 신경 쓰여서요', // no question before it
  ])('%s stays', (question) => {
    expect(askedPart(question)).toBe(question);
  });

  it('is what the pipeline answers', async () => {
    const question = await standaloneQuestion({ question: '환불되나요? 영상은 한번도 안봤어요' }, { readPrevious: async () => [] });
    expect(question).toBe('환불되나요?');
  });
});
