import { describe, expect, it } from 'vitest';
import { withoutAside } from '../../src/text/asides.js';

describe('withoutAside', () => {
  it.each([
    // A reason, a purpose or a feeling after the question is dropped.
    ['서빈선 기차 언제부터 다시 다닌대? 출퇴근 때문에 미치겠네', '서빈선 기차 언제부터 다시 다닌대?'],
    ['지역 사람은 몇 프로 뽑는다고 했어? 동생이 취업 준비 중이라', '지역 사람은 몇 프로 뽑는다고 했어?'],
    ['케이블 길이가 몇 미터짜리예요? 주차 자리가 좀 멀어서요', '케이블 길이가 몇 미터짜리예요?'],
    ['그 거품은 어떻게 빼요? 주방세제를 좀 넣었거든요', '그 거품은 어떻게 빼요?'],
    ['신청하려면 어디로 가면 돼? 엄마 대신 해드리려고', '신청하려면 어디로 가면 돼?'],
    ['도로 꺼진 데 어디쯤이야? 출퇴근길이라 궁금해서', '도로 꺼진 데 어디쯤이야?'],
  ])('%s → %s', (question, asked) => {
    expect(withoutAside(question)).toBe(asked);
  });

  it.each([
    // A second question, with or without its question mark, stays.
    ['예약 여러개 걸어둬도 되나요? 몇개까지 돼요'],
    ['냉장고 냄새 잡는 필터 따로 파나요? 가격은요'],
    ['정전됐는데 냉동실 고기들 괜찮을까요? 몇시간이나 버텨요'],
    ['국화축제 작년엔 몇 명 왔어? 올해 목표는?'],
    // A statement that is no reason ("오늘 설치했어요") and a question with nothing after it stay too.
    ['새로 산 냉장고 언제부터 음식 넣어도 되나요? 오늘 설치했어요'],
    ['원룸이라 좁은데 벽에 붙여도 돼요?'],
    ['출퇴근 때문에 미치겠네'],
  ])('keeps %s', (question) => {
    expect(withoutAside(question)).toBe(question);
  });
});
