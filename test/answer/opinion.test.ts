import { describe, expect, it } from 'vitest';
import { isOpinionQuestion, OPINION_FORMS } from '../../src/answer/opinion.js';

describe('isOpinionQuestion', () => {
  it.each(OPINION_FORMS.map((row) => [row.example]))('table example %s is an opinion question', (question) => {
    expect(isOpinionQuestion(question)).toBe(true);
  });

  it.each([
    ['다온식품 주식 지금 사도 괜찮을까?', true],
    ['톡브릿지 2 살까, 아니면 그냥 스마트폰 통역 기능 쓰는 게 나을까?', true],
    ['그 선수 이적 어떻게 생각해?', true],
    ['해령시 집값 앞으로 오를까?', true],
    ['지금 그 은행 주식 사도 될까?', true],
    ['전문가들의 집값 전망은 어때?', true],
    // A forecast asked with words between: "앞으로 더 오를까", "전망 좀 해줘".
    ['해령시 아파트값 앞으로 더 오를까? 전망 좀 해줘', true],
    ['금리 전망 좀 해 줘', true],
    ['그 회사 주가 앞으로 계속 떨어질까?', true],
    // A guess asked of the bot.
    ['해온FC 결승에서 이길까?', true],
    ['그 후보 당선될까?', true],
    // Fact questions, some with the same words.
    ['다온식품 주가는 얼마야?', false],
    ['애널리스트는 실적을 어떻게 전망했어?', false],
    ['정부는 예산이 얼마나 들 것으로 예상했어?', false],
    ['몇 명이 투자했어?', false],
    ['앞으로 5년 동안 얼마를 투자해?', false],
    ['감독은 언제 끝날 것 같다고 했어?', false],
    // The user's own impression, told, not asked: a complaint the pages may answer.
    ['밤 11시쯤 탔더니 평소보다 비싸게 나온 것 같아요', false],
    ['요금이 두 번 나간 것 같아', false],
    ['이번 주말에 비 올 것 같아요?', true],
    // Permission and safety asked of a help page, not advice: 되나요, 괜찮나요.
    ['와이프랑 각자 계정 써도 되나요?', false],
    ['시계 차고 찜질방 들어가도 괜찮나요?', false],
    ['중학생인데 가입해도 되나요?', false],
    ['지금 그 적금 가입해도 될까?', true],
    ['그 팀이 이길 것 같나요', true],
    ['챔피언결정전은 언제 열려?', false],
    ['기상청은 비가 얼마나 올 것으로 전망했어?', false],
    ['새 공장은 언제 가동돼?', false],
    ['노조는 무엇을 요구했어?', false],
  ])('%s → %s', (question, expected) => {
    expect(isOpinionQuestion(question)).toBe(expected);
  });
});
