import { describe, expect, it } from 'vitest';
import { focusWords, passageHasWord, type FocusWord } from '../../src/answer/focus.js';
import { analyze } from '../../src/text/tokens.js';

const word = (text: string): FocusWord => ({ word: text, prefix: false, scope: 'passages' });
const prefix = (text: string): FocusWord => ({ word: text, prefix: true, scope: 'passages' });
const known = (text: string): FocusWord => ({ word: text, prefix: false, scope: 'corpus' });

describe('focusWords', () => {
  it.each<[string, FocusWord[]]>([
    // The attribute whose value is asked.
    ['매출은 얼마야?', [word('매출')]],
    ['날씨는 어땠어?', [word('날씨')]],
    // 어때 is 어떻다 in the present: "날씨 어때요?" asks the weather's value as 어땠어 does.
    ['내일 서울 날씨 어때요?', [word('날씨')]],
    ['요즘 분위기는 어떨까?', [word('분위기')]],
    ['한빛전자의 매출은 얼마야?', [word('매출')]],
    ['입학생이 몇 명이야?', [word('입학생')]],
    // Adverbs name no topic: 원래 before 언제 asks when the plan was.
    ['그럼 원래는 언제 출시하려고 했어?', [prefix('출시하려고')]],
    // The predicate after 언제, by its first two syllables.
    ['언제 설립됐어?', [prefix('설립')]],
    ['도서관은 언제 개관했어?', [word('도서관'), prefix('개관')]],
    // 오늘 is the user's day, not a word the page must hold.
    ['오늘은 못 갈 것 같은데 언제까지 넣으면 돼요?', []],
    // 스코어 names the kind asked (a score), which the answer states as "6대 5".
    ['결승 최종 스코어 몇 대 몇이었어?', []],
    // A long native verb is paraphrased (없어져요 ~ 만료됩니다): no focus.
    ['쿠폰 안 쓰면 언제 없어져요?', []],
    // The opening topic.
    ['삼성전자는 어떤 제품을 발표했어?', [word('삼성전자')]],
    ['관장은 누구야?', [word('관장')]],
    // "X는 누구/무엇/어디" inside the question asks for an instance of X: X need only be
    // known to the corpus, and a category noun such as 이름 not even that.
    ['한빛전자의 사장은 누구야?', [known('사장')]],
    ['한빛전자가 세운 연구소는 어디에 있어?', [known('연구소')]],
    ['새 연구소의 이름은 무엇이야?', []],
    // Names of a name, and a number with its counter, name no topic.
    ['해온방송의 약어는 무엇인가?', []],
    ['그 노래의 곡명은 무엇인가?', []],
    ['파열음의 갯수는 몇 개인가?', []],
    // A comparison's 대비 names no topic: the answer says "시세의 60%".
    ['청년주택 월세 시세 대비 몇프로야', []],
    // A product by its kind: the passage names the product itself.
    ['이전 모델은 몇 대나 팔렸어?', []],
    // Spoken Korean drops the particle before 얼마/몇; a time or an amount word is no topic.
    ['한결대 등록금 얼마야?', [word('등록금')]],
    ['지하철 이용객 몇 명이야?', [word('이용객')]],
    ['작년 몇 명 왔어?', []],
    // A connective verb form before 몇 is no attribute, and a rank is named by its counter.
    ['로그아웃 되던데 몇 분 지나면 그래요?', []],
    ['해룡스 이번에 이겨서 순위 몇 위 됐어?', []],
    // 게 after a verb's adnominal is 것이 run on; 대게 is a crab.
    ['처음 신고 들어온게 몇시쯤이야', []],
    ['영덕 대게 얼마야?', [word('대게')]],
    ['더위 때문에 숨진 사람 몇 명이에요?', [word('숨진')]],
    // A condition (…으면) modifies no noun.
    ['공장 다 지으면 사람 몇 명이나 뽑아?', []],
    // A plural is its noun; a one-syllable noun is too short to require.
    ['그 집들은 언제까지 다 지어준대?', []],
    ['출전한 선수들은 누구야?', [{ word: '선수', prefix: false, scope: 'corpus' }]],
    // A one-syllable verb (쉬다) proves nothing: the passage may say 쉼터.
    ['숲길에 쉬는 곳 몇 곳이나 있어?', []],
    ['평균 얼마 들어?', []],
    ['전기 끊긴 집이 몇 가구였어?', []],
    ['수돗물 값 톤당 얼마로 올라?', []],
    ['주요 전통은 분석철학과 나머지 한개는 무엇인가?', []],
    // "X는 뭐라고 했어?" asks what X said: X describes the speaker (할머니 for 김말순 씨), no thing to find.
    ['콜버스 타 본 솔개마을 할머니는 뭐라고 했어?', []],
    ['솔개마을 할머니는 뭐야?', [known('할머니')]],
    // A category noun names nothing: the verb that modifies it is what is asked.
    ['태풍과 관련해 입건된 사람은 몇 명이야?', [word('입건')]],
    ['태풍 때문에 다친 사람은 몇 명이야?', [word('다친')]],
    ['시범 운행에 참여한 인원은 몇 명이야?', [word('참여')]],
    // …only when it is asked for a value, and only the word right before the noun.
    ['입건된 사람은 누구야?', []],
    ['입건된 그 사람은 몇 명이야?', []],
    // A relational noun (결과, 이유, 일정) asks about the noun compounded before it.
    ['해령시장 재선거 재검표 결과 어떻게 됐어?', [word('재검표')]],
    ['콜버스 도입 이유가 뭐야?', [word('도입')]],
    // …not when that noun takes a particle of its own, nor without a question word after it.
    ['재선거의 결과 어떻게 됐어?', []],
    ['재검표 결과 나왔어?', []],
    ['재검표 결과 알려줘', [word('재검표')]],
    ['새솔초 교장 이름이 뭐야?', [word('교장')]],
    // Only a bare noun: no 의, no verb or determiner, no adverb.
    ['소가 누운 모양을 한 섬의 이름은 무엇인가?', []],
    ['처음 사용하려고 했던 이름은 무엇인가?', []],
    ['부활 장치의 다른 이름은 무엇인가?', []],
    ['유림아파트의 본래 이름은 무엇인가?', []],
    // No topic particle before the question word, no focus.
    ['한빛전자가 세운 연구소 위치를 알려줘', []],
  ])('%s → %j', (question, expected) => {
    expect(focusWords(question)).toEqual(expected);
  });

  it.each([
    ['장소는 어디야?'],
    ['행사 장소는 어디야?'],
    ['어느 기관이 발표했어?'],
    ['설립 년도는 몇 년이야?'],
    ['그의 나이는 몇 살이야?'],
    ['투자 규모는 얼마야?'],
    ['층수는 얼마야?'],
    ['인원은 몇 명이야?'],
    // A kind of company: the answer names the company, not its trade.
    ['LG 컨소시엄과 함께 선정된 통신사는 어디야?'],
    ['이 게임을 낸 배급사는 어디야?'],
    // A difference is stated by its value; a neighbourhood by its name.
    ['1등이랑 2등 표 차이가 얼마나 났어?'],
    ['제일 크게 당한 동네가 어디야?'],
    // An opponent is named ("가람 피닉스와 맞붙는다"), not called one.
    ['다음 경기 상대가 누구야?'],
    // A team is named (아미산군청, 청하시티), not called one.
    ['그 선수 소속팀이 어디야?'],
    ['우승 확정 지은 날 어느 팀이랑 붙었어?'],
    // Who leads or handles a thing is named with their own title ("한지수 교수 연구팀").
    ['그 연구팀 책임자가 누구야?'],
    ['환불 담당자는 누구예요?'],
    // A person called by sex is named with an age ("박모(56)씨").
    ['실종됐던 남자분은 누구야?'],
    ['다친 여성은 누구야?'],
    ['구조된 분은 누구예요?'],
    // A hedge says how exactly the user asks, not what about.
    ['세제 칸 꽉 채우면 대충 몇 번 돌려?'],
    ['거의 몇 명 왔어?'],
  ])('never requires a category noun: %s', (question) => {
    expect(focusWords(question)).toEqual([]);
  });

  it.each([['한빛전자가세종시에세운연구소는어디야?'], ['한빛전자가세종에세운연구소는 무엇이야?']])(
    'gives no topic for a run-on question without spaces: %s',
    (question) => {
      expect(focusWords(question)).toEqual([]);
    },
  );

  it('requires a topic that does not open the question only in the corpus', () => {
    expect(focusWords('  삼성전자는 무엇을 발표했어?')).toEqual([word('삼성전자')]);
    expect(focusWords('그래서 삼성전자는 무엇을 발표했어?')).toEqual([known('삼성전자')]);
  });

  // Regression: a short predicate after 언제 (열려 / 열린다) was required by two syllables.
  it('finds the 언제 predicate of "언제 열려?" in a passage that says 열린다', () => {
    const passage = new Set(analyze('가온 국화축제는 10월 11일 호수공원에서 열린다.'));
    for (const focus of focusWords('국화축제는 언제 열려?'))
      expect(passageHasWord(passage, focus.word, focus.prefix), focus.word).toBe(true);
  });
});

describe('passageHasWord', () => {
  const terms = (text: string) => new Set(analyze(text));

  it.each<[string, string, boolean, boolean]>([
    // The whole word, with any particle.
    ['삼성전자가 새 휴대폰을 발표했다.', '삼성전자', false, true],
    ['매출은 3조 원이다.', '매출', false, true],
    // Spaced differently: most of its bigrams.
    ['삼성 전자의 새 휴대폰', '삼성전자', false, true],
    ['경주 예술의전당에서 열렸다.', '예술의전당', false, true],
    // A Latin word split at its hyphen by the analyzer.
    ['Wi-Fi 암호를 바꿉니다.', 'Wi-Fi', false, true],
    ['Wi 버튼을 누릅니다.', 'Wi-Fi', false, false],
    // Absent.
    ['영업이익이 크게 늘었다.', '매출', false, false],
    ['전자 제품이 팔렸다.', '삼성전자', false, false],
    // Prefix: the first two syllables, in any inflection.
    ['회사는 1998년 설립되었다.', '설립', true, true],
    ['회사는 1998년 세워졌다.', '설립', true, false],
    // A verb in another form, by its stem: 다친 / 다쳤다, 숨진 / 숨졌다.
    ['주민 4명이 다쳤다.', '다친', false, true],
    ['2명이 숨졌고 3명이 다쳤다.', '숨진', false, true],
    ['주민 4명이 부상을 입었다.', '다친', false, false],
    // Latin words and numbers are matched whole (lower-cased by the analyzer).
    ['LG가 새 모델을 공개했다.', 'lg', false, true],
    ['LG가 새 모델을 공개했다.', 'sk', false, false],
    ['투자 규모는 1,200억 원이다.', '1,200', false, true],
  ])('%s has %s (prefix %s) → %s', (passage, focus, isPrefix, expected) => {
    expect(passageHasWord(terms(passage), focus, isPrefix)).toBe(expected);
  });
});
