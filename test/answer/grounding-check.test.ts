// The aligned grounding check, rule by rule, on a passage written for these tests.
import { describe, expect, it } from 'vitest';
import { checkClaim, type TermStatistics } from '../../src/answer/grounding/check.js';
import { groundSentence, type GroundingPassage } from '../../src/answer/grounding/ground.js';
import { isNegation, isOrganisationName, polesOf, titleOf } from '../../src/answer/grounding/lexicon.js';

// prettier-ignore
const BIKES = [
  '서해시는 올해 하반기부터 공공자전거 800대를 새로 배치한다고 3일 밝혔다.', '사업비는 약 24억 원이다.', '오은정 서해시장은 "출퇴근 교통난을 덜겠다"고 말했다.',
  '시의회는 예산안을 찬성 15명, 반대 4명으로 가결했다.', '자전거 대여소는 2026년 3월까지 60곳으로 늘어난다.', '그러나 택시조합은 승객 감소를 우려해 사업 철회를 요구했다.',
  '서해시는 택시조합에 협조를 요청했다.',
].join(' ');

const check = (claim: string, passages = [BIKES], context = {}) => checkClaim(claim, passages, context);

describe('checkClaim keeps faithful paraphrases', () => {
  it.each([
    ['a light rewording', '서해시는 하반기부터 공공자전거 800대를 새로 배치한다.'],
    ['an approximate amount', '사업비는 24억 원가량이다.'],
    ['a quotation turned into reported speech', '오은정 시장은 출퇴근 교통난을 덜겠다고 말했다.'],
    ['a synonym of the same pole (감소 ~ 줄어들)', '택시조합은 승객이 줄어들 것을 우려했다.'],
    ['a whole date and a count', '대여소는 2026년 3월까지 60곳으로 늘어난다.'],
    ['two facts joined from two sentences', '서해시가 배치하는 공공자전거 800대의 사업비는 약 24억 원이다.'],
    ['"밖에 … 않다" means only, not not', '사업비는 24억 원밖에 들지 않는다.'],
    ['the article date dates the event', '서해시는 3일 공공자전거 배치 계획을 밝혔다.'],
  ])('%s', (_name, claim) => {
    const result = check(claim);
    expect(result, JSON.stringify(result)).toMatchObject({ supported: true });
  });
});

describe('checkClaim catches typical model errors', () => {
  it.each([
    ['a wrong count', '서해시는 공공자전거 900대를 배치한다.', '수치'],
    ['a wrong month in a whole date', '대여소는 2026년 5월까지 60곳으로 늘어난다.', '수치'],
    ['a negated fact', '서해시는 공공자전거를 배치하지 않기로 했다.', '긍정·부정'],
    ['an antonym (가결 vs 부결)', '시의회는 예산안을 부결했다.', '반대되는'],
    ['an antonym verb (늘어난다 vs 줄어든다)', '자전거 대여소는 60곳으로 줄어든다.', '반대되는'],
    ['swapped actors', '택시조합은 서해시에 협조를 요청했다.', '뒤바뀌었'],
    ['an invented name before a title', '김은정 서해시장은 교통난을 덜겠다고 말했다.', '없습니다'],
    ['an invented organisation', '환경부는 공공자전거 800대를 배치한다.', '없습니다'],
    ["a name moved to another sentence's fact", '오은정 서해시장은 예산안을 가결했다.', '다른 문장'],
    ['an unsupported evaluation', '서해시는 역대 최대 규모로 공공자전거를 배치한다.', '평가'],
    ['an unsupported cause', '교통난 때문에 택시조합은 사업 철회를 요구했다.', '원인'],
    ['an altered quotation', '오은정 서해시장은 "교통난을 모두 없애겠다"고 말했다.', '인용문'],
  ])('%s', (_name, claim, reason) => {
    const result = check(claim);
    expect(result.supported, JSON.stringify(result)).toBe(false);
    expect(result.reason).toContain(reason);
  });
});

describe('corpus statistics', () => {
  const terms: TermStatistics = {
    documentCount: 1000,
    documentFrequency: (term) => ({ 'w:도심': 300, 'w:공공자전거': 4, 'w:서해시': 2 })[term] ?? 0,
  };

  it('fails a sentence on one unmatched rare word (a likely proper noun)', () => {
    const result = check('서해시는 해수욕장에 공공자전거 800대를 새로 배치한다.', [BIKES], { terms });
    expect(result.supported).toBe(false);
    expect(result.missing).toContain('해수욕장');
  });

  it('tolerates an unmatched common word', () => {
    expect(check('서해시는 도심에 공공자전거 800대를 새로 배치한다.', [BIKES], { terms }).supported).toBe(true);
  });
});

describe('Korean tokenising (the cases that failed faithful sentences before)', () => {
  const passage =
    '두 정상은 지난해 5월에 서울에서 만나 협력을 논의했다. 행사에는 1,000명이 참석했고 행렬은 12킬로미터에 이르렀다. 공사 기간은 4개월이다.';
  it.each([
    ['an irregular verb form (만나 → 만났고) and 월에', '두 정상은 지난해 5월 서울에서 만났고 협력을 논의했다.'],
    ['a Korean numeral (천 명 = 1,000명)', '행사에는 천 명이 참석했다.'],
    ['a unit spelled another way (km = 킬로미터)', '그의 행렬은 12km에 이르렀다.'],
    ['a native numeral and counter (넉 달 = 4개월)', '공사 기간은 넉 달이다.'],
  ])('%s', (_name, claim) => {
    const result = check(claim, [passage]);
    expect(result, JSON.stringify(result)).toMatchObject({ supported: true });
  });
});

describe('model names', () => {
  const phones = '한빛전자는 S6 엣지+를 8월에 내놓는다. 5G 모델도 함께 나온다.';
  it.each([
    ['the same name', '한빛전자는 S6 엣지+를 8월에 내놓는다.', true],
    ['another number in the name', '한빛전자는 S7 엣지+를 8월에 내놓는다.', false],
    ['the name without its plus', '한빛전자는 S6 엣지를 8월에 내놓는다.', false],
    ['digits before letters', '4G 모델도 함께 나온다.', false],
  ])('%s', (_name, claim, supported) => {
    expect(check(claim, [phones]).supported).toBe(supported);
  });
});

describe('names from the article title', () => {
  const chunk = '이 원장은 응급실 전문의를 10명으로 늘리겠다고 말했다.';
  it('accepts a full name given only in the title', () => {
    expect(
      check('김도현 원장은 응급실 전문의를 10명으로 늘리겠다고 말했다.', [chunk], { titles: ['한빛병원 김도현 원장, 응급실 확충'] })
        .supported,
    ).toBe(true);
  });
  it('rejects it without the title', () => {
    expect(check('김도현 원장은 응급실 전문의를 10명으로 늘리겠다고 말했다.', [chunk]).supported).toBe(false);
  });
});

describe('groundSentence', () => {
  const passages: GroundingPassage[] = [
    { n: 1, title: '서해시 공공자전거', text: BIKES },
    { n: 2, title: '푸른강 축제', text: '제7회 푸른강 축제가 10월 11일부터 사흘 동안 강변공원에서 열린다.' },
  ];

  it('keeps a supported sentence under its citation', () => {
    expect(groundSentence('사업비는 약 24억 원이다.', [1], passages)).toMatchObject({ status: 'kept', cited: [1] });
  });

  it('re-cites a sentence another given passage supports', () => {
    const outcome = groundSentence('푸른강 축제는 10월 11일부터 사흘 동안 열린다.', [1], passages);
    expect(outcome).toMatchObject({ status: 'recited', cited: [1], recitedTo: 2 });
  });

  it('drops a sentence no passage supports, with a reason', () => {
    const outcome = groundSentence('푸른강 축제는 11월에 열린다.', [2], passages);
    expect(outcome.status).toBe('dropped');
    expect(outcome).toHaveProperty('reason');
  });

  it('drops a sentence that cites only unknown passages', () => {
    expect(groundSentence('사업비는 약 24억 원이다.', [9], passages)).toMatchObject({ status: 'dropped', cited: [] });
  });
});

describe('Korean tables', () => {
  it.each([
    ['않았다', true],
    ['못했다', true],
    ['없는', true],
    ['아니다', true],
    ['바꾸지않았다', true],
    ['안', true],
    ['안에서', false],
    ['없애겠다', false],
    ['없어졌다', false],
    ['말했다', false],
  ])('isNegation(%j) = %s', (word, expected) => expect(isNegation(word)).toBe(expected));

  it.each([
    ['증가했다', 'increase', 1],
    ['줄어든', 'increase', -1],
    ['떨어졌다', 'increase', -1],
    ['찬성', 'support', 1],
    ['반대', 'support', -1],
    ['승리했다', 'win', 1],
    ['패배', 'win', -1],
    ['석방됐다', 'release', 1],
    ['구속했다', 'release', -1],
    ['흑자', 'surplus', 1],
    ['적자', 'surplus', -1],
    ['수락했다', 'accept', 1],
    ['거절했다', 'accept', -1],
    ['허용', 'permit', 1],
    ['금지', 'permit', -1],
    ['상승', 'increase', 1],
    ['하락', 'increase', -1],
  ])('polesOf(%j) has %s %s', (word, concept, pole) => expect(polesOf(word)).toContainEqual({ concept, pole }));

  it.each([
    ['원장', '원장'],
    ['해온시장', '시장'],
    ['교육문화비서관', '비서관'],
    ['연구', undefined],
  ])('titleOf(%j) = %j', (word, title) => expect(titleOf(word)).toBe(title));

  it.each([
    ['기획재정부', true],
    ['자유당', true],
    ['물리학과', true],
    ['부산지법', true],
    ['부', false],
    ['사업', false],
  ])('isOrganisationName(%j) = %s', (word, expected) => expect(isOrganisationName(word)).toBe(expected));
});
