import { describe, expect, it } from 'vitest';
import { canAnswerType } from '../../src/answer/answer-forms.js';
import { expectedAnswerType, isHardType } from '../../src/answer/answer-type.js';
import { INSTANCE_KINDS, namesInstance } from '../../src/answer/instance-nouns.js';

describe('instance questions (어느 정당, 무슨 요일)', () => {
  it.each([
    ['한지석 의원은 어느 정당 소속이야?', '정당'],
    ['김 교수는 어느 대학을 나왔어?', '대학'],
    ['그는 어떤 대학교에 입학했나?', '대학교'],
    ['미술관은 무슨 요일에 쉬어?', '요일'],
    ['3월엔 어느 노선이 제일 붐볐어?', '노선'],
    ['이회창은 무슨당으로 출마했나?', '당'],
    ['방시혁은 어느 학교 시절에 밴드를 했나?', '학교'],
  ])('%s asks for an instance of %s', (question, noun) => {
    const type = expectedAnswerType(question);
    expect(type).toEqual({ kind: 'instance', noun });
    expect(isHardType(type!)).toBe(true);
  });

  it.each([
    // 당시, 당국, 요일제 are no kind nouns after 어느/무슨.
    '어느 당시 상황이었어?',
    '무슨 당국이 조사했어?',
    '그 정당은 언제 창당했어?',
  ])('%s is not an instance question', (question) => {
    expect(expectedAnswerType(question)?.kind).not.toBe('instance');
  });

  it.each([
    ['한 의원은 해온민주당 소속 재선 의원이다.', '정당', true],
    ['그는 무소속으로 출마했다.', '정당', true],
    ['그는 지역구 예산 담당 업무를 맡았다.', '정당', true], // 담당 reads as a party: only ranking suffers
    ['그는 3선 의원으로 상임위원장을 지냈다.', '정당', false],
    ['문 연구원은 한빛대학교에서 박사 학위를 받았다.', '대학', true],
    ['그는 서울대를 나와 연구소에 들어갔다.', '대학', true],
    ['연구팀은 최대 3배 강한 단백질을 찾았다.', '대학', false],
    ['미술관은 매주 월요일 문을 닫는다.', '요일', true],
    ['주말에는 오후 8시까지 연다.', '요일', true],
    ['관람 시간은 오전 10시부터 오후 6시까지다.', '요일', false],
    ['가장 붐빈 노선은 101번으로 하루 2만 명이 탔다.', '노선', true],
    ['지하철 2호선은 정상 운행했다.', '노선', true],
    ['이용객은 하루 27만 명이었다.', '노선', false],
    ['시내버스 노선 개편안을 내놓았다.', '노선', false],
    ['그는 퓨젯 사운드 대학교 로스쿨에 들어갔다.', '대학교', true],
    ['시립의료원으로 옮겨졌다.', '병원', true],
    ['환자는 집으로 돌아갔다.', '병원', false],
  ])('%s names an instance of %s: %s', (sentence, noun, expected) => {
    expect(namesInstance(sentence, noun)).toBe(expected);
    expect(canAnswerType(sentence, { kind: 'instance', noun })).toBe(expected);
  });

  it('every kind in the table names its own suffixed word', () => {
    for (const [noun, kind] of Object.entries(INSTANCE_KINDS)) {
      const suffix = kind.suffixes.split('|')[0]!;
      expect(namesInstance(`그곳은 해온${suffix}이다.`, noun)).toBe(true);
      expect(namesInstance('아무것도 정해지지 않았다.', noun)).toBe(false);
    }
  });
});
