import { describe, expect, it } from 'vitest';
import type { ChatTurn } from '../../src/domain/types.js';
import type { Category } from '../../src/rag/follow-up/korean-tables.js';
import { nounPhrases } from '../../src/rag/follow-up/noun-phrases.js';
import { isFollowUp } from '../../src/rag/follow-up/question.js';
import { menuPathIn } from '../../src/rag/follow-up/noun-phrases.js';
import { shiftTime } from '../../src/rag/follow-up/time.js';
import { explainRewrite, lastQuestion, rewriteFollowUp, type RewriteMethod } from '../../src/rag/follow-up/word-rewrite.js';
import { findCategory } from '../../src/rag/follow-up/referents.js';
import { ownWords } from '../../src/rag/rewrite.js';
import { categoryOfWord, fitParticle, isNameWithSsi, isPersonName, splitParticle, stripMarkers } from '../../src/rag/follow-up/words.js';

/** A conversation from alternating user / assistant texts. */
const talk = (...texts: string[]): ChatTurn[] => texts.map((content, i) => ({ role: i % 2 === 0 ? 'user' : 'assistant', content }));

// The seed article's first turn, as the extractive answerer quotes it (with its citation markers).
const LG_GOAL = 'LG AI연구원이 발표한 목표는 뭐야?';
const LG_VENUE_ANSWER =
  "이 원장은 30일 경북 경주 예술의전당에서 열린 '아시아태평양경제협력체(APEC) 최고경영자(CEO) 서밋' 무대에 올라 '지속 가능한 혁신을 위한 차세대 AI로드맵' 세션의 토론자로 참석해 이처럼 밝혔다. [1] '국가대표 인공지능(AI)'으로 선정된 LG AI연구원의 수장인 이홍락 원장이 앞으로 LG를 AI로 운영되는 기업으로 전환시키겠다는 목표를 밝혔다. [2]";
const LG = talk(LG_GOAL, LG_VENUE_ANSWER);
const FESTIVAL = talk('푸른강 축제는 언제 열려?', '제7회 푸른강 축제가 10월 11일부터 사흘 동안 강변공원에서 열린다. [1]');
const HANBIT = talk('한빛전자는 세종시에 무엇을 세워?', '한빛전자가 세종시에 배터리 연구소를 세운다. 협력사인 가온화학도 참여한다. [1]');

describe('isFollowUp', () => {
  it.each([
    ['그 행사는 어디서 열렸어?'],
    ['그는 어디서 발언했어?'],
    ['그녀는 몇 골을 넣었어?'],
    ['거기 날씨는 어땠어?'],
    ['그곳에서 무엇을 전시해?'],
    ['그건 어떤 캐릭터야?'],
    ['그거 언제 나와?'],
    ['이것은 누가 만들었어?'],
    ['그때 관객은 몇 명이었어?'],
    ['당시 시장은 누구였어?'],
    ['이 회사의 매출은 얼마야?'],
    ['해당 사업은 언제 끝나?'],
    ['그 사람은 누구야?'],
    ['그 전달에는 몇 명이었어?'],
    ['Writer에서도 그렇게 할 수 있어?'],
    ['그럼 투자 규모는?'],
    ['그럼 3분기는?'],
    ['2차전은?'],
    ['부산은 어때?'],
    ['왜?'],
    ['언제?'],
    ['예산은?'],
  ])('%s leans on earlier turns', (question) => {
    expect(isFollowUp(question)).toBe(true);
  });

  // 이/그 as the start of a word (이번, 그린벨트, 이홍락, 그림책) points at nothing.
  it.each([
    ['한빛전자는 세종시에 무엇을 세워?'],
    ['푸른강 축제는 언제 열려?'],
    ['LG AI연구원의 원장은 누구야?'],
    ['가온시 수소버스 충전소는 어디에 있어?'],
    ['그린벨트 해제 면적은 얼마야?'],
    ['그림책 2만 권을 기증한 단체는 어디야?'],
    ['언제 한빛전자가 세종시에 연구소를 세워?'],
    ['이번 APEC CEO 서밋은 어디서 열렸어?'],
    ['이홍락 원장은 어디서 열린 행사에 참석했어?'],
    ['이재명 정부의 1호 국정 과제는 뭐야?'],
  ])('%s stands alone', (question) => {
    expect(isFollowUp(question)).toBe(false);
  });
});

describe('rewriteFollowUp on conversations', () => {
  // [name, follow-up, conversation, expected standalone question, how it was made]
  it.each<[string, string, ChatTurn[], string, RewriteMethod]>([
    // Determiner + noun: the noun's category picks the phrase (행사 → an event name).
    ['the event of the last answer', '그 행사는 어디서 열렸어?', LG, 'APEC CEO 서밋 행사는 어디서 열렸어?', 'substituted'],
    ['the event of the last question', '그 행사는 어디서 열렸어?', FESTIVAL, '푸른강 축제 행사는 어디서 열렸어?', 'substituted'],
    [
      'a plain answer naming the event',
      '그 행사에 참석한 사람은 모두 몇 명이야?',
      talk('이홍락 원장이 참석한 행사는 뭐야?', 'APEC CEO 서밋입니다[1].'),
      'APEC CEO 서밋 행사에 참석한 사람은 모두 몇 명이야?',
      'substituted',
    ],
    [
      '그 회사 → a company, not the lab it builds',
      '그 회사 주가는 어떻게 됐어?',
      talk('배터리 연구소를 짓는 곳은 어디야?', '한빛전자가 세종시에 배터리 연구소를 짓는다. [1]'),
      '한빛전자 주가는 어떻게 됐어?',
      'substituted',
    ],
    [
      '이 회사 with the particle refitted',
      '이 회사의 영업이익은?',
      talk('한빛전자의 3분기 매출은 얼마야?', '한빛전자는 3분기 매출 5조 원을 기록했다. [1]'),
      '한빛전자의 영업이익은?',
      'substituted',
    ],
    ['the topic company, not the partner named later', '그 회사의 매출은?', HANBIT, '한빛전자의 매출은?', 'substituted'],
    [
      '그 사람 → the name with its title',
      '그 사람은 파운데이션 모델 만드는 걸 뭐에 비유했어?',
      talk('LG AI연구원 원장이 누구야?', '이홍락 원장입니다[1].'),
      '이홍락 원장은 파운데이션 모델 만드는 걸 뭐에 비유했어?',
      'substituted',
    ],
    [
      '그 선수 → a player',
      '그 선수는 몇 살이야?',
      talk('결승골은 누가 넣었어?', '후반 40분 박지우 선수가 결승골을 넣었다. [1]'),
      '박지우 선수는 몇 살이야?',
      'substituted',
    ],
    [
      'a Latin name is a person too',
      '그 사람의 국적은?',
      talk('Emacs는 누가 만들었어?', 'Emacs는 Richard Stallman이 처음 설계했다. [1]'),
      'Richard Stallman의 국적은?',
      'substituted',
    ],
    [
      '이 + title resolves to that titled person',
      '이 원장은 어디서 발언했어?',
      talk('LG AI연구원의 원장은 누구야?', '이홍락 원장이 이끈다. [1]'),
      '이홍락 원장은 어디서 발언했어?',
      'substituted',
    ],
    [
      '해당 + a noun the quoted name carries',
      '해당 모델은 언제 공개돼?',
      talk('한빛전자가 발표한 AI 모델은 뭐야?', "한빛전자는 '빛나래 3' 모델을 발표했다. [1]"),
      '빛나래 3 모델은 언제 공개돼?',
      'substituted',
    ],
    [
      'the same head, from the question',
      '그 프로젝트의 목표는 뭐야?',
      talk('K-AI 프로젝트 최종 사업자는 어디야?', 'LG 컨소시엄, 네이버클라우드, NC AI, SK텔레콤, 업스테이지 등 5곳이다. [1]'),
      'K-AI 프로젝트의 목표는 뭐야?',
      'substituted',
    ],
    [
      'a quoted name beats the question’s phrase',
      '그 프로젝트의 목표는 뭐야?',
      talk('이 원장이 언급한 정부 프로젝트 이름이 뭐야?', "'독자 AI 파운데이션 모델(K-AI) 개발 프로젝트'입니다[1]."),
      '독자 AI 파운데이션 모델 K-AI 개발 프로젝트의 목표는 뭐야?',
      'substituted',
    ],
    // Pronouns: 그는, 그녀는, 거기, 그곳에서, 그건, 그걸, 이것은.
    ['그는 → the person of the answer', '그는 어디서 발언했어?', LG, '이홍락 원장은 어디서 발언했어?', 'substituted'],
    [
      '그녀는 → the person, particle refitted',
      '그녀는 몇 골을 넣었어?',
      talk('여자 축구 대표팀 주장은 누구야?', '대표팀 주장은 김하늘 선수다. [1]'),
      '김하늘 선수는 몇 골을 넣었어?',
      'substituted',
    ],
    ['거기 → the place the answer names', '거기 날씨는 어땠어?', LG, '경북 경주 예술의전당 날씨는 어땠어?', 'substituted'],
    [
      '거기 → the place of a one-word answer',
      '거기 날씨는 어땠어?',
      talk('한빛전자 연구소는 어디에 세워?', '세종시입니다. [1]'),
      '세종시 날씨는 어땠어?',
      'substituted',
    ],
    [
      '거기 before a title → the team the last question named, not a place of the answer',
      '거기 감독은 누구야?',
      talk('해솔 블루스 결승 이겼어?', '네, 해솔체육관에서 열린 결승에서 3대 1로 이겼습니다. [1]'),
      '해솔 블루스 결승 감독은 누구야?',
      'substituted',
    ],
    [
      '그 집들 → the houses the answer named in a related word (주택 ~ 집), plural dropped',
      '그럼 그 집들은 언제까지 지어준대?',
      talk('수해로 집 잃은 사람들은 어디서 지내?', '가온군이 임시 조립주택 30동을 지어주기로 했어요. [1]'),
      '임시 조립주택은 언제까지 지어준대?',
      'substituted',
    ],
    [
      'a bare question after a yes → the thing the yes named',
      '얼마예요?',
      talk('한 달 동안 타는 정기권 같은 거 있어요?', '네, 월간 패스가 있습니다. [1]'),
      '월간 패스 얼마예요?',
      'topic',
    ],
    [
      'a bare 왜 after a yes still asks about the last question',
      '왜?',
      talk('가온시가 새 버스 들여왔어?', '네, 수소버스를 들여왔습니다. [1]'),
      '가온시 버스 들여왔어 — 왜?',
      'carried',
    ],
    [
      '그 사람 → a person with a title ending in 대장',
      '그 사람이 팬들한테 뭘 조심하라고 했어?',
      talk('사기 사건 맡은 경찰 책임자가 누구야?', '서해경찰청의 김선우 사이버수사대장이에요. [1]'),
      '김선우 사이버수사대장이 팬들한테 뭘 조심하라고 했어?',
      'substituted',
    ],
    [
      '그 사람 → a player with a rank in dan after the name',
      '그 사람 몇 살이야?',
      talk('이번 명인전 결승 누가 이겼어?', '윤재하 4단이 서민혁 9단을 3승 2패로 꺾고 우승했습니다. [1]'),
      '윤재하 4단 몇 살이야?',
      'substituted',
    ],
    [
      '그건 → the topic, while 그런 거 (such a thing) stays',
      '그건 왜 그런 거야?',
      talk('쌀값 요즘 얼마나 떨어졌어?', '산지 쌀값이 1년 전보다 16% 떨어졌어요. [1]'),
      '쌀값은 왜 그런 거야?',
      'substituted',
    ],
    [
      '거기 → the company a which-company question was answered with',
      '거기 대표는 누구야?',
      talk('드라마 만든 제작사가 어디야?', '스튜디오 누리결이라는 제작사예요. [1]'),
      '스튜디오 누리결 대표는 누구야?',
      'substituted',
    ],
    [
      '거기 → the whole place of a road accident, up to 인근',
      '거기 안개주의보 내려져 있었어?',
      talk(
        '가람고속도로 추돌사고 언제 났어?',
        '7일 오전 7시 10분께 청운군 가람고속도로 하행선 솔재터널 출구 인근에서 연쇄 추돌이 일어났습니다. [1]',
      ),
      '청운군 가람고속도로 하행선 솔재터널 출구 인근 안개주의보 내려져 있었어?',
      'substituted',
    ],
    [
      '거기 → the institution the answer names, when it names no place',
      '거기랑 같이 연구한 회사는 어디야?',
      talk('미역 배터리 연구 누가 했어?', '한빛과학기술대학교 신소재공학과 정하은 교수 연구팀이 개발했습니다. [1]'),
      '한빛과학기술대학교랑 같이 연구한 회사는 어디야?',
      'substituted',
    ],
    [
      '거기서 → the screen a menu path ends at, not a verb before it',
      '거기서 글씨체도 바꿀 수 있어요?',
      talk('전자책 글씨가 너무 작아요', '책을 읽다가 화면 가운데를 누르고 [보기 설정] > [글자 크기]에서 단계를 고르면 돼요. [1]'),
      '[글자 크기]에서 글씨체도 바꿀 수 있어요?',
      'substituted',
    ],
    [
      '거기엔 → the end of a plain menu path, its particle off',
      '거기엔 얼마나 예전 것까지 남아?',
      talk('지난 알림 다시 볼 수 있어?', '구독은 설정 > 알림 > 알림 기록으로 가면 볼 수 있습니다. [1]'),
      '알림 기록엔 얼마나 예전 것까지 남아?',
      'substituted',
    ],
    [
      '거기서 → a bold path ends where the bold does, and a button that does something (발급하기) is on the screen before it',
      '거기서 발급하면 돈 들어요?',
      talk('모바일 카드 발급 어디서 해요?', '한결패스 앱에서 **전체 메뉴 > 모바일 카드 > 발급하기**를 누릅니다. [1]'),
      '모바일 카드에서 발급하면 돈 들어요?',
      'substituted',
    ],
    [
      '거기서 → the end of a bold path, not the verb after it',
      '거기서 몇 번까지 바꿀 수 있어요?',
      talk('자동충전 금액 어디서 바꿔요?', '**전체 메뉴 > 충전 > 자동충전 설정**에서 바꿉니다. [1]'),
      '자동충전 설정에서 몇 번까지 바꿀 수 있어요?',
      'substituted',
    ],
    [
      '그곳에서 → the venue, not the city in the name',
      '그곳에서 무엇을 전시해?',
      talk('가온시 과학축전은 어디서 열려?', '가온시 과학축전은 가온 컨벤션센터에서 열린다. [1]'),
      '가온 컨벤션센터에서 무엇을 전시해?',
      'substituted',
    ],
    [
      '그건 → the value given for the attribute asked',
      '그건 어떤 캐릭터야?',
      talk('데비안 10의 코드명이 뭐였지?', '데비안 10의 코드명은 버스터(buster)이다. [1]'),
      '버스터는 어떤 캐릭터야?',
      'substituted',
    ],
    ['그건 → the topic and attribute asked about', '그건 언제 이룰 계획이야?', LG, 'LG AI연구원 목표는 언제 이룰 계획이야?', 'substituted'],
    [
      '그걸 → what the short answer named',
      '왜 그걸 만드는 거야?',
      talk('이 원장은 데이터 관련해서 뭘 만들고 있대?', '자동 데이터 생성 플랫폼을 구축하고 있습니다[1].'),
      '왜 자동 데이터 생성 플랫폼을 만드는 거야?',
      'substituted',
    ],
    [
      '그건 → after a yes-or-no answer, the thing the question asked about, not a phrase of the answer',
      '그건 언제부터 시행돼요?',
      talk('청람시 청년 월세 지원 조례 통과됐다며?', '네, 시의회 본회의에서 가결됐고 월 최대 20만 원까지 지원해요.'),
      '청람시 청년 월세 지원 조례는 언제부터 시행돼요?',
      'substituted',
    ],
    [
      '그걸로 → after a where question, its topic, not the place answered',
      '그걸로 결제하면 혜택 있어요?',
      talk('바로페이는 어디서 충전해요?', '[마이페이지] > [바로페이]에서 충전할 수 있어요. [1]'),
      '바로페이로 결제하면 혜택 있어요?',
      'substituted',
    ],
    [
      '그거 → after a how question, the thing it asked how to do, not the menu answered',
      '그거 나중에 고칠 수 있어요?',
      talk('리뷰는 어떻게 써요?', '[주문내역]에서 주문을 고른 뒤 [리뷰 쓰기]를 누르세요. [1]'),
      '리뷰 나중에 고칠 수 있어요?',
      'substituted',
    ],
    [
      '그거 → after a where question, its one-word topic as the answer names it in full (탄산 → 탄산 세기)',
      '그거 바꾸는 건 언제까지 해야 돼요?',
      talk('탄산을 더 세게 하고 싶은데 어디서 바꿔요?', '설정 > 탄산 세기에서 약/중/강 중에 고를 수 있어요. [1]'),
      '탄산 세기 바꾸는 건 언제까지 해야 돼요?',
      'substituted',
    ],
    [
      '그거 → after a how-many question, its topic, not the number answered',
      '그거 전자책이랑 합쳐서 세요?',
      talk('오디오북은 몇 권 빌릴 수 있어요?', '1인당 최대 3권까지 빌릴 수 있어요. [1]'),
      '오디오북 전자책이랑 합쳐서 세요?',
      'substituted',
    ],
    [
      '이것은 → a Latin name in the answer',
      '이것은 누가 만들었어?',
      talk('GNU 프로젝트의 컴파일러는 뭐야?', 'GNU 프로젝트의 컴파일러는 GCC이다. [1]'),
      'GCC는 누가 만들었어?',
      'substituted',
    ],
    // A side of a dispute stands in for the other (노조 ↔ 사측); a doctor is named with 전문의.
    [
      '사측은? → the union question asked of management',
      '사측은?',
      talk('가람시 버스 파업 때 노조는 임금 얼마나 올려달라고 했어?', '노조는 기본급 8.2% 인상을 요구했어요.'),
      '가람시 버스 파업 때 사측은 임금 얼마나 올려달라고 했어?',
      'sibling',
    ],
    [
      '그분 → the doctor the answer named',
      '그분은 왜 거기로 가기로 한 거래?',
      talk('청람군립병원에 새로 온 소아과 의사 누구야?', '수도권 대학병원에서 20년 가까이 근무한 서은채 전문의예요.'),
      '서은채 전문의는 왜 청람군립병원으로 가기로 한 거래?',
      'substituted',
    ],
    // A thing done (그거 하면) is the action the last question asked how to do, not a noun of the steps.
    [
      '그거 하면 → the action asked about',
      '그거 하면 설정 다 날아가?',
      talk('공장초기화 어떻게 해?', '전원이 켜진 상태에서 뒷면의 RESET 버튼을 클립 끝으로 10초 동안 누릅니다. [1]'),
      '공장초기화 하면 설정 다 날아가?',
      'substituted',
    ],
    // 걔 and 그날 together: the person the answer named (a position and 신인 before the name), not
    // the last question with its time swapped in.
    [
      '걔 그날 → the player the answer named, on that day',
      '걔 그날 몇 타수 몇 안타였어?',
      talk('해룡스 어제 끝내기 누가 쳤어?', '신인 외야수 류도현이 9회말 1사 1, 2루에서 끝내기 2루타를 쳤습니다.'),
      '해룡스 — 신인 외야수 류도현 어제 몇 타수 몇 안타였어?',
      'substituted',
    ],
    [
      '그거 → the name the answer quotes, before any other new phrase',
      '그거 얼마야?',
      talk('가온전자가 새로 낸 로봇 뭐야?', "가온전자가 집안일을 돕는 가정용 로봇 '하루봇'을 내놨습니다. [1]"),
      '하루봇 얼마야?',
      'substituted',
    ],
    [
      '그 칩 → the name quoted right after the noun in the answer',
      '그 칩으로 뭘 할 수 있어?',
      talk('가온전자 새 노트북에 들어간 칩 이름 뭐야?', "자체 개발한 AI 칩 '하늘코어'가 들어갔어요. [1]"),
      '하늘코어 칩으로 뭘 할 수 있어?',
      'substituted',
    ],
    [
      'a round of a contest → its sibling in the last question (예선 ↔ 본선)',
      '본선은?',
      talk('가온컵 바둑 예선 1위 누구야?', '예선 1위는 김하람 5단이다. [1]'),
      '가온컵 바둑 본선 1위 누구야?',
      'sibling',
    ],
    // Time: 그때 takes the time said; 그 전달 / 그 전해 shift it.
    [
      '그 전달 → the month before, in the last question',
      '그 전달에는 몇 명이었어?',
      talk('8월 관광객은 몇 명이야?', '8월 관광객은 12만 명이다. [1]'),
      '7월 관광객은 몇 명이야?',
      'sibling',
    ],
    [
      '그 전해 → the year before',
      '그 전해에는?',
      talk('2024년 관광객은 몇 명이야?', '2024년 관광객은 120만 명이었다. [1]'),
      '2023년 관광객은 몇 명이야?',
      'sibling',
    ],
    [
      '그 사람, asked for a position → the name alone: the title said then is what is asked',
      '그 사람 지금은 무슨 자리에 있어?',
      talk('1분기 콘퍼런스콜에서 누가 말했어?', '윤서진 해담은행 재무담당 부행장(CFO)이 콘퍼런스콜에서 발언했다. [1]'),
      '윤서진 지금은 무슨 자리에 있어?',
      'substituted',
    ],
    [
      '그 사람 after a department (응급의학과 교수: 과 is no "and"), asked what they do now → the name alone',
      '그 사람 지금은 뭐 하고 있어?',
      talk('폭염 기사에서 응급의학과 교수 누가 얘기했어?', '정하윤 다온대병원 응급의학과 교수는 "열사병은 응급 상황"이라고 말했다. [1]'),
      '정하윤 지금은 뭐 하고 있어?',
      'substituted',
    ],
    [
      '그 사람 → a name with its title, the English gloss after the title dropped',
      '그 사람은 뭐라고 말했어?',
      talk('1분기 콘퍼런스콜에서 누가 말했어?', '윤서진 해담은행 재무담당 부행장(CFO)이 콘퍼런스콜에서 발언했다. [1]'),
      '윤서진 해담은행 재무담당 부행장은 뭐라고 말했어?',
      'substituted',
    ],
    [
      '그 선수 → a foreign name after a position (공격수 하파엘 모타)',
      '그 선수는 어느 나라 출신이야?',
      talk('리그컵 결승골 누가 넣었어?', '연장 후반 8분 교체 투입된 공격수 하파엘 모타가 결승골을 터뜨렸다. [1]'),
      '공격수 하파엘 모타 선수는 어느 나라 출신이야?',
      'substituted',
    ],
    [
      '그 시장 → the name before a title that ends a place (윤혜린 청운시장), after another person with 와',
      '그 시장은 뭘 해주겠대?',
      talk('착공식에 누가 왔어?', '서민호 한빛세미콘 대표와 윤혜린 청운시장, 협력사 관계자 등 300여 명이 참석했다. [1]'),
      '윤혜린 청운시장은 뭘 해주겠대?',
      'substituted',
    ],
    [
      '그 선수 → a name after a team role (주포 강도윤), not the team the question named',
      '그 선수 몇 점 냈어?',
      talk('해령 블루웨이브 어제 경기 누가 제일 잘했어?', '승리의 주역은 주포 강도윤이었다. [1]'),
      '주포 강도윤 선수 몇 점 냈어?',
      'substituted',
    ],
    [
      'a category noun ending the question asks the last attribute of another of that kind',
      '해령에서 열린 대회는?',
      talk('청솔마라톤 우승 기록 알려줘', '이병찬이 청솔마라톤 남자부에서 2시간9분31초로 우승했다. [1]'),
      '마라톤 우승 기록 — 해령에서 열린 대회는?',
      'carried',
    ],
    [
      '그 다음 달 (spaced) → the month after',
      '그 다음 달은?',
      talk('8월 서울 아파트값 상승률은?', '8월 서울 아파트값은 0.45% 올랐다. [1]'),
      '9월 서울 아파트값 상승률은?',
      'sibling',
    ],
    [
      '그 전 분기 → the quarter before, across the year',
      '그 전 분기에는?',
      talk('1분기 순이익은 얼마야?', '1분기 순이익은 8120억 원이다. [1]'),
      '4분기 순이익은 얼마야?',
      'sibling',
    ],
    [
      "a subjectless follow-up with its own time (지금은) carries the topic, not the last question's 처음",
      '지금은 몇 명으로 늘었어?',
      talk('새별군 여객선 사고 처음에 몇 명 다쳤다고 했어?', '여객선이 방파제에 부딪혀 승객 8명이 다쳤다. [1]'),
      '새별군 여객선 사고 다쳤다고 했어 — 지금은 몇 명으로 늘었어?',
      'carried',
    ],
    [
      '그달 → the month said, with the topic carried',
      '그달 관광수입은 얼마였어?',
      talk('7월 관광객 몇 명이야?', '7월 관광객은 185만 명이다. [1]'),
      '관광객 — 7월 관광수입은 얼마였어?',
      'carried',
    ],
    [
      '그때 → the date, with the topic carried',
      '그때 관객은 몇 명이었어?',
      talk('푸른강 축제는 언제 열렸어?', '제7회 푸른강 축제는 2024년 10월 11일에 열렸다. [1]'),
      '푸른강 축제 — 2024년 10월 11일 관객은 몇 명이었어?',
      'carried',
    ],
    // Fragments: a sibling of a word in the last question replaces it; otherwise the topic is added.
    [
      '그럼 3분기는? → the quarter swapped',
      '그럼 3분기는?',
      talk('한빛전자의 2분기 매출은 얼마야?', '한빛전자의 2분기 매출은 3조 원이다. [1]'),
      '한빛전자의 3분기 매출은 얼마야?',
      'sibling',
    ],
    [
      '그럼 작년엔? → the last question at that time',
      '그럼 작년엔?',
      talk('청솔시 온열질환자 올해 몇 명이야?', '5월 20일부터 147명이 신고됐어요. [1]'),
      '청솔시 온열질환자 작년 몇 명이야?',
      'sibling',
    ],
    [
      '그럼 1E는요? 이것도…? → 이것 is the code just named, and it replaces the last code (IC)',
      '그럼 1E는요? 이것도 제가 고칠 수 있는 거예요?',
      talk('디스플레이에 IC라고 떠요 뭐예요?', 'IC는 제빙기 이상입니다. [1]'),
      '디스플레이 떠요 — 1E는요? 이것도 제가 고칠 수 있는 거예요?',
      'carried',
    ],
    [
      '2차전은? → the round swapped',
      '2차전은?',
      talk('1차전에서 누가 이겼어?', '한국이 일본을 2대 1로 이겼다. [1]'),
      '2차전에서 누가 이겼어?',
      'sibling',
    ],
    [
      '그럼 하반기는? → a closed set',
      '그럼 하반기는?',
      talk('한빛전자의 상반기 영업이익은 얼마야?', '상반기 영업이익은 2조 원이다. [1]'),
      '한빛전자의 하반기 영업이익은 얼마야?',
      'sibling',
    ],
    [
      '부산은 어때? → one place for another',
      '부산은 어때?',
      talk('서울의 11월 평균 기온은 몇 도야?', '서울의 11월 평균 기온은 7.2도였다. [1]'),
      '부산의 11월 평균 기온은 몇 도야?',
      'sibling',
    ],
    ['a new attribute gets the topic', '예산은?', FESTIVAL, '푸른강 축제 예산은?', 'topic'],
    [
      'X는요? takes the place of the last question’s topic',
      '그럼 압축기는요?',
      talk('인버터 모터는 보증 얼마나 돼요?', '인버터 모터는 구입일부터 10년 동안 보증돼요.'),
      '압축기는 보증 얼마나 돼요?',
      'sibling',
    ],
    [
      'X는요? takes the place of the first of the nouns a question without a topic opens with',
      '라이트는요?',
      talk('스탠다드 요금제 얼마예요?', '스탠다드는 월 16,900원이에요.'),
      '라이트 요금제 얼마예요?',
      'sibling',
    ],
    [
      'X는요? takes the place of the thing pronoun a question opens with',
      '그럼 충전기는요?',
      talk('이거 보증 몇 년이에요?', '본체의 보증 기간은 구입일로부터 1년입니다. [1]'),
      '충전기는 보증 몇 년이에요?',
      'sibling',
    ],
    [
      'nouns joined by 랑 and closed by 은요 are one fragment in the topic slot',
      '그럼 충전기랑 선은요?',
      talk('이거 보증 몇 년이에요?', '본체의 보증 기간은 구입일로부터 1년입니다. [1]'),
      '충전기랑 선은 보증 몇 년이에요?',
      'sibling',
    ],
    [
      'an adverb with 는요 asks the last question again at another time, swapping no topic',
      '그럼 밤늦게는요?',
      talk('환승 시간 얼마나 줘요?', '하차 태그 후 30분 이내에 다음 교통수단에 승차해야 환승으로 인정됩니다. [1]'),
      '환승 시간 줘요 — 밤늦게는요?',
      'carried',
    ],
    ['a bare question word carries the whole question', '왜?', HANBIT, '한빛전자 세종시 세워 — 왜?', 'carried'],
    [
      '그렇게 carries the question, less the slot it fills',
      'Writer에서도 그렇게 할 수 있어?',
      talk('Impress에서 슬라이드 번호를 넣으려면 어떻게 해?', '삽입 메뉴에서 슬라이드 번호를 고르면 된다. [1]'),
      '슬라이드 번호 넣으려면 — Writer에서도 그렇게 할 수 있어?',
      'carried',
    ],
    [
      '그중 carries the set it picks from',
      '그중에 LG 말고는 어디가 뽑혔어?',
      talk('K-AI 프로젝트 최종 사업자는 몇 곳이야?', 'LG 컨소시엄을 포함해 5곳입니다[1].'),
      'K-AI 프로젝트 최종 사업자 — 그중에 LG 말고는 어디가 뽑혔어?',
      'carried',
    ],
    // The whole conversation: a refusal is skipped, and an earlier follow-up is resolved first.
    [
      'skips a refusal and reads the turn before',
      '그는 왜 사임했어?',
      talk(
        '가온시 시장은 누구야?',
        '제공된 기사에서는 이 질문에 대한 답을 찾을 수 없습니다.',
        '가온시장 이름이 뭐야?',
        '최민호 가온시장이 10일 기자회견을 열었다. [1]',
      ),
      '최민호 가온시장은 왜 사임했어?',
      'substituted',
    ],
    [
      'a bare condition asks the last question again under it',
      '가게에서 이미 접수했으면요?',
      talk('주문 취소는 어떻게 해요?', '가게가 접수하기 전이면 [주문 취소]를 누르면 됩니다. [1]'),
      '주문 취소 — 가게에서 이미 접수했으면요?',
      'topic',
    ],
    [
      'a how question carries its setting and the thing handled, not the setting alone',
      '분자가 a+c처럼 여러 항이면?',
      talk('수식 편집기에서 분수는 어떻게 써?', '두 개의 자리 표시자와 분수를 삽입합니다. [1]'),
      '수식 편집기 분수 — 분자가 a+c처럼 여러 항이면?',
      'topic',
    ],
    [
      'resolves the previous follow-up first',
      '영업이익은?',
      talk('한빛전자 매출은 얼마야?', '3조 원이다. [1]', '그 회사의 올해 투자 계획은?', '한빛전자는 올해 2조 원을 투자한다. [1]'),
      '한빛전자 영업이익은?',
      'topic',
    ],
  ])('%s', (_name, question, history, expected, method) => {
    expect(explainRewrite(question, history)).toEqual({ question: expected, method });
    expect(rewriteFollowUp(question, history)).toBe(expected);
  });

  it('answers "그 행사" with the event of the last answer, and keeps what the new question asks', () => {
    const standalone = rewriteFollowUp('그 행사는 어디서 열렸어?', LG);
    expect(standalone).toContain('APEC');
    expect(standalone).toContain('서밋');
    expect(standalone).toContain('어디서 열렸어?');
    // The last question's attribute (목표) is not carried into a question about the venue.
    expect(standalone).not.toContain('목표');
  });

  it('reads a cited title line when the page adds one to the answer', () => {
    const history = talk(
      LG_GOAL,
      "'국가대표 인공지능(AI)'으로 선정된 LG AI연구원의 수장인 이홍락 원장이 목표를 밝혔다. [1]\n출처: LG AI연구원 이홍락 원장, APEC CEO 서밋서 'AI 오퍼레이팅 컴퍼니' 전환 목표 밝혀",
    );
    expect(rewriteFollowUp('그 행사는 어디서 열렸어?', history)).toBe('APEC CEO 서밋 행사는 어디서 열렸어?');
  });

  const GOAL_ONLY = talk(LG_GOAL, 'LG를 AI로 운영되는 기업으로 전환시키겠다는 목표를 밝혔다. [1]');

  it('resolves 그 회사 to the company the answer says it is, not one it passes on the way', () => {
    const history = talk('가람강에 기름 유출 사고 낸 회사가 어디야?', '청솔산업단지에 있는 윤성케미칼이에요. [1]');
    expect(rewriteFollowUp('그 회사 대표는 뭐라고 했어?', history)).toBe('윤성케미칼 대표는 뭐라고 했어?');
  });

  it('resolves 그 회사 to a company the answer names inside a longer phrase', () => {
    const history = talk('산단 공장 불 언제 났었지?', '6일 오후 2시쯤 대명케미칼 공장 2층 배합실에서 불이 났어요. [1]');
    expect(rewriteFollowUp('그 회사 사람 중에 입건된 사람 있어?', history)).toBe('대명케미칼 사람 중에 입건된 사람 있어?');
  });

  it('resolves 그 사람 to a name with its organisation and title, the name kept', () => {
    const history = talk('뇌졸중 신약 연구 누가 이끌었어?', '문혜린 한빛대병원 신경과 교수가 연구책임자예요. [1]');
    expect(rewriteFollowUp('그 사람이 조심해야 할 점도 얘기했어?', history)).toBe(
      '문혜린 한빛대병원 신경과 교수가 조심해야 할 점도 얘기했어?',
    );
  });

  it('resolves 그 사람 to a person the news names by age and sex, as a guess (no name)', () => {
    const history = talk('폭우 때 실종된 사람 있었어?', '네, 하천변에서 70대 남성 1명이 불어난 물에 휩쓸려 실종됐어요. [1]');
    expect(explainRewrite('그 사람 찾았대?', history)).toEqual({ question: '70대 남성 찾았대?', method: 'substituted', guessed: true });
  });

  it('falls back to the topic of the last question when no phrase fits the noun, and says it guessed', () => {
    expect(explainRewrite('그 행사는 어디서 열렸어?', GOAL_ONLY)).toEqual({
      question: 'LG AI연구원 행사는 어디서 열렸어?',
      method: 'substituted',
      guessed: true,
    });
    expect(explainRewrite('그 행사는 어디서 열렸어?', LG).guessed).toBeUndefined();
  });

  it('resolves a guessed pointer from background texts (the passage the last answer came from)', () => {
    const background = ["LG AI연구원 이홍락 원장, APEC CEO 서밋서 'AI 오퍼레이팅 컴퍼니' 전환 목표 밝혀", LG_VENUE_ANSWER];
    expect(rewriteFollowUp('그 행사는 어디서 열렸어?', GOAL_ONLY, background)).toBe('APEC CEO 서밋 행사는 어디서 열렸어?');
    expect(rewriteFollowUp('그는 어디서 발언했어?', GOAL_ONLY, background)).toBe('이홍락 원장은 어디서 발언했어?');
    // The conversation wins over the background when it names something that fits.
    expect(rewriteFollowUp('그 행사는 어디서 열렸어?', FESTIVAL, background)).toBe('푸른강 축제 행사는 어디서 열렸어?');
    // Background never turns a standalone question into a follow-up.
    expect(rewriteFollowUp('푸른강 축제는 언제 열려?', GOAL_ONLY, background)).toBe('푸른강 축제는 언제 열려?');
  });

  it('gives the last question, made standalone, for the caller to retrieve background with', () => {
    expect(lastQuestion(LG)).toBe(LG_GOAL);
    expect(lastQuestion(talk('한빛전자 매출은 얼마야?', '3조 원이다. [1]', '그 회사의 영업이익은?', '5천억 원이다. [1]'))).toBe(
      '한빛전자의 영업이익은?',
    );
    expect(lastQuestion([])).toBeUndefined();
    expect(lastQuestion(undefined)).toBeUndefined();
  });
});

describe('rewriteFollowUp leaves standalone questions alone', () => {
  it.each<[string, ChatTurn[] | undefined]>([
    ['이번 APEC CEO 서밋은 어디서 열렸어?', FESTIVAL],
    ['이번 축제는 어디서 열려?', FESTIVAL],
    ['그린벨트 해제 면적은 얼마야?', LG],
    ['그림책 2만 권을 기증한 단체는 어디야?', LG],
    ['이홍락 원장은 어디서 열린 행사에 참석했어?', FESTIVAL],
    ['이홍락 원장이 말한 목표는?', FESTIVAL],
    ['한빛전자는 세종시에 무엇을 세워?', FESTIVAL],
    // 이 before a title with nobody of that title said before: a surname, not "this".
    ['이 원장은 어디서 발언했어?', FESTIVAL],
    // Pointers with nothing to point at.
    ['그 행사는 어디서 열렸어?', undefined],
    ['그 행사는 어디서 열렸어?', []],
    ['그 행사는 어디서 열렸어?', [{ role: 'assistant', content: '푸른강 축제는 강변공원에서 열립니다.' }]],
    ['그는 누구야?', [{ role: 'user', content: '누구야?' }]],
  ])('%s', (question, history) => {
    expect(rewriteFollowUp(question, history)).toBe(question);
  });

  it('returns a standalone question exactly as asked, spaces and all', () => {
    expect(rewriteFollowUp('  푸른강 축제는 언제 열려?  ', LG)).toBe('  푸른강 축제는 언제 열려?  ');
  });

  it('trims a follow-up it rewrites', () => {
    expect(rewriteFollowUp('  언제?  ', [{ role: 'user', content: '한빛전자 배터리 연구소' }])).toBe('한빛전자 배터리 연구소 — 언제?');
  });
});

describe('Korean tables behind the rewrite', () => {
  it.each([
    ['이홍락 원장', '는', '은'],
    ['한빛전자', '은', '는'],
    ['세종시', '이', '가'],
    ['경북 경주 예술의전당', '를', '을'],
    ['서울', '으로', '로'],
    ['가온 컨벤션센터', '으로', '로'],
    ['예술의전당', '로', '으로'],
    ['APEC CEO 서밋', '와', '과'],
    ['GCC', '은', '는'],
    ['CEO', '이', '가'],
    ['APEL', '으로', '로'],
    ['Google', '는', '은'],
    ['Writer', '은', '는'],
    ['2024년 10월 11일', '는', '은'],
    ['7', '로', '로'],
    ['3', '로', '으로'],
    ['한빛전자', '의', '의'],
    ['한빛전자', '에서', '에서'],
  ])('fitParticle(%s, %s) = %s', (word, particle, expected) => {
    expect(fitParticle(word, particle)).toBe(expected);
  });

  it.each([
    ['AI연구원이', ['AI연구원', '이']],
    ['CEO로', ['CEO', '로']],
    ['K-AI', ['K-AI', '']],
    ['예술의전당에서', ['예술의전당', '에서']],
    ['버스터이다', ['버스터', '이다']],
    ['선수다', ['선수', '다']],
    ['서밋서', ['서밋', '서']],
    ['명이야', ['명', '이야']],
    ['이홍락', ['이홍락', '']],
    ['빠르다', ['빠르다', '']],
    // A one-syllable noun with a particle of two syllables; nouns that end like a short one stay whole.
    ['칩으로', ['칩', '으로']],
    ['폰에서', ['폰', '에서']],
    ['신인', ['신인', '']],
    ['사과', ['사과', '']],
    // Spoken contractions of 에는 and 에서는.
    ['작년엔', ['작년', '엔']],
    ['서울에선', ['서울', '에선']],
    // 로 of a road is no particle, unless one follows it.
    ['가람고속도로', ['가람고속도로', '']],
    ['고속도로로', ['고속도로', '로']],
  ])('splitParticle(%s)', (word, expected) => {
    expect(splitParticle(word)).toEqual(expected);
  });

  it.each<[string, Category | undefined]>([
    ['APEC CEO 서밋'.split(' ').pop()!, 'event'],
    ['봄꽃축제', 'event'],
    ['박람회', 'event'],
    ['한빛전자', 'org'],
    ['SK텔레콤', 'org'],
    ['AI연구원', 'org'],
    ['과학기술정보통신부', 'org'],
    ['AI연구원장', 'person'],
    ['선수', 'person'],
    ['예술의전당', 'place'],
    ['강변공원', 'place'],
    ['세종시', 'place'],
    ['경주', 'place'],
    ['당시', undefined],
    ['일부', undefined],
    ['목표', undefined],
    ['경기', undefined],
    // A conditional verb ends like a township (…면) but is no place.
    ['청계면', 'place'],
    ['줄이려면', undefined],
    ['누르면', undefined],
    // Common nouns that end compounds in a place suffix's syllable.
    ['가래울리', 'place'],
    ['가온역', 'place'],
    ['배터리', undefined],
    ['충전속도', undefined],
    ['결제한도', undefined],
    ['주의사항', undefined],
    ['블루투스연동', undefined],
    ['가람고속도로', 'place'],
    ['솔재터널', 'place'],
  ])('categoryOfWord(%s) = %s', (word, expected) => {
    expect(categoryOfWord(word)).toBe(expected);
  });

  it('finds no place in a bound noun with its particle (5년 안에) nor in a loanword ending in 리 (배터리)', () => {
    expect(findCategory(['정 교수는 "5년 안에 전기자전거용 배터리부터 상용화하는 것이 목표"라고 말했다.'], 'place')).toBeUndefined();
    expect(findCategory(['사고는 가온역 안에서 났다.'], 'place')?.text).toBe('가온역');
  });

  it.each([
    ['이홍락', true],
    ['김하늘', true],
    ['남궁민수', true],
    ['목표', false],
    ['이름', false],
    ['이홍', false],
    ['APEC', false],
    ['예술의전당', false],
  ])('isPersonName(%s) = %s', (word, expected) => {
    expect(isPersonName(word)).toBe(expected);
  });

  // News names a resident "김덕수(72)씨", or "김모(72)씨" when the name is withheld: a person either way.
  it.each([
    ['김덕수씨', true],
    ['김모씨', true],
    ['박모씨', true],
    ['아저씨', false],
    ['솜씨', false],
    ['날씨', false],
    ['모씨', false],
  ])('isNameWithSsi(%s) = %s', (word, expected) => {
    expect(isNameWithSsi(word)).toBe(expected);
    expect(categoryOfWord(word) === 'person').toBe(expected);
  });

  it('resolves 그 사람 to a resident named with his age and 씨, searched by the name alone', () => {
    const history = talk('가온군 산사태 때 다친 사람 있어?', '뒷산을 살피러 나갔던 주민 박모(68)씨가 무너진 흙에 다리를 다쳤어요 [1]');
    expect(rewriteFollowUp('그 사람 지금 어느 병원에 있대?', history)).toBe('주민 박모 지금 어느 병원에 있대?');
  });

  it.each<[Parameters<typeof shiftTime>[0], Parameters<typeof shiftTime>[1], string | undefined]>([
    [{ text: '8월', month: 8 }, { unit: 'month', by: -1 }, '7월'],
    [{ text: '2025년 1월', year: 2025, month: 1 }, { unit: 'month', by: -1 }, '2024년 12월'],
    [{ text: '12월', month: 12 }, { unit: 'month', by: 1 }, '1월'],
    [{ text: '2024년', year: 2024 }, { unit: 'year', by: -1 }, '2023년'],
    [{ text: '10월 11일', month: 10, day: 11 }, { unit: 'day', by: 1 }, '10월 12일'],
    [{ text: '지난해' }, { unit: 'year', by: -1 }, undefined],
  ])('shiftTime(%o, %o) = %s', (reference, shift, expected) => {
    expect(shiftTime(reference, shift)).toBe(expected);
  });

  it('reads noun phrases: quoted names whole, acronyms for spelled-out names, verbs and amounts out', () => {
    const phrases = nounPhrases(LG_VENUE_ANSWER).map((phrase) => phrase.words.join(' '));
    expect(phrases).toContain('경북 경주 예술의전당');
    expect(phrases).toContain('APEC CEO 서밋');
    expect(phrases).toContain('이홍락 원장');
    expect(phrases).toContain('LG AI연구원');
    expect(phrases.some((phrase) => /열린|30일|밝혔다/.test(phrase))).toBe(false);
  });

  it('reads a ㄴ/ㄹ word before a dependent noun, and a 는 word before 법 or 거, as a verb (넣을 수, 가 본 적, 바꾸는 법)', () => {
    const phrases = (text: string) => nounPhrases(text).map((phrase) => phrase.words.join(' '));
    expect(phrases('사진에 워터마크 넣을 수 있어?')).toEqual(['사진', '워터마크']);
    expect(phrases('그 식당 가 본 적 있어?')).not.toContain('본');
    // 서울 and 결론 end in ㄹ and ㄴ but are nouns before a particle.
    expect(phrases('서울 결론은 나왔어?')).toEqual(['서울 결론']);
    // 만든 modifies the noun after it, whose object came before without its particle.
    expect(phrases('새별 1호 만든 대학이 어디야?')).toEqual(['새별 1호', '대학']);
    // A name before a title stays a name, though 아 also ends verbs.
    expect(phrases('윤채아 감독의 데뷔작이 상을 받았다.')).toContain('윤채아 감독');
    // 는 before a way or a thing ends a verb, not a topic: 바꾸 is no noun.
    expect(phrases('와이파이 비번 바꾸는 법 알려줘')).toEqual(['와이파이 비번']);
    expect(phrases('밤에 자는 동안 꺼져?')).not.toContain('자');
    expect(phrases('그 가수는 데뷔가 언제야?')).toEqual(['가수', '데뷔']);
  });

  it('strips citation markers', () => {
    expect(stripMarkers('세종시입니다. [1] 연구소를 세운다. [12]')).toBe('세종시입니다. 연구소를 세운다.');
  });
});

describe('rewriteFollowUp carries the topic a follow-up leaves out (Korean subject ellipsis)', () => {
  const TRANSFER = talk('박시온 라인펠스 이적료 얼마야?', '이적료는 630만 유로(약 95억 원) 수준으로 알려졌다. [1]');
  const GOLF = talk('솔뫼레이크 챔피언십 1라운드 선두가 누구야?', '서하윤이 1라운드에서 7언더파 65타를 쳐 단독 선두에 나섰다. [1]');
  const BLUR = talk('포토앱에서 배경 흐림 효과를 쓸 수 있어?', '인물 사진 모드에서는 배경을 흐리게 하고 흐림 강도도 바꿀 수 있습니다. [1]');
  const WATERMARK = talk('사진에 워터마크 넣을 수 있어?', '[편집] > [워터마크]에서 문구를 넣을 수 있습니다. [1]');
  it.each<[string, ChatTurn[], string]>([
    // 이적설 goes on from 이적료: the player is still the subject.
    ['처음 이적설 나왔을 때는 얼마로 거론됐어?', TRANSFER, '박시온 라인펠스 이적료 — 처음 이적설 나왔을 때는 얼마로 거론됐어?'],
    // 처음, 원래 frame a time and name no subject: "at first, how much?" still asks about the damage.
    [
      '원래는 얼마로 봤었는데?',
      talk('가온군 산불 피해 면적 지금 얼마야?', '피해 면적은 312ha로 늘었어요 [1]'),
      '가온군 산불 피해 면적 — 원래는 얼마로 봤었는데?',
    ],
    // 2라운드 takes the place of 1라운드, which is not carried.
    ['다음 날 2라운드 끝나고는 누가 1위였어?', GOLF, '솔뫼레이크 챔피언십 선두 — 다음 날 2라운드 끝나고는 누가 1위였어?'],
    // Nothing in common with the conversation, or its own subject named: left alone.
    ['김치찌개 맛있게 끓이는 법 알려줘', GOLF, '김치찌개 맛있게 끓이는 법 알려줘'],
    ['박시온은 어느 팀 출신이야?', TRANSFER, '박시온은 어느 팀 출신이야?'],
    // A phrase with 에서 or 에 is where; the topic is the thing after it.
    ['강도는 어디서 조절해?', BLUR, '포토앱 배경 흐림 효과 — 강도는 어디서 조절해?'],
    // 도 with 같이 adds a thing to the last question's, even with no word in common.
    ['날짜도 같이 찍을 수 있어?', WATERMARK, '사진 워터마크 — 날짜도 같이 찍을 수 있어?'],
    ['날짜도 찍을 수 있어?', WATERMARK, '날짜도 찍을 수 있어?'],
    // A verb the last turn used goes on from it as a shared noun does.
    ['왜 내린 거래?', talk('한결중앙은행 이번에 금리 내렸어?', '네, 연 2.75%에서 2.50%로 내렸어요. [1]'), '한결중앙은행 — 왜 내린 거래?'],
    // One of the things the last turn named, picked by a quality: the topic it was named under.
    [
      '비싼 쪽은 한 달에 얼마예요?',
      talk('유료 관리 서비스 종류가 어떻게 돼요?', '베이직과 프리미엄 두 가지가 있어요. [1]'),
      '유료 관리 서비스 종류 — 비싼 쪽은 한 달에 얼마예요?',
    ],
    // A fragment with 도 asks the whole last question again for another thing, the way (바꾸는 법) and
    // the thing asked (단축키) included.
    [
      '폰으로도 돼?',
      talk('와이파이 비번 바꾸는 법 알려줘', '관리자 페이지에서 암호를 바꿀 수 있습니다. [1]'),
      '와이파이 비번 바꾸는 법 — 폰으로도 돼?',
    ],
    ['모바일에서도 돼?', talk('체크리스트 넣는 단축키 있어?', '네, Ctrl+Shift+C입니다. [1]'), '체크리스트 넣는 단축키 — 모바일에서도 돼?'],
    // Polite 돼요, 되나요 say no more than 돼: the model asks the last question again in its sibling's place.
    [
      '520W도 돼요?',
      talk('720W로 복사할 때 크기 줄여서 할 수 있어요?', '네, [복사]에서 배율을 정하면 됩니다. [1]'),
      '520W로 복사할 때 크기 줄여서 할 수 있어요?',
    ],
    [
      '모바일에서도 되나요?',
      talk('체크리스트 넣는 단축키 있어?', '네, Ctrl+Shift+C입니다. [1]'),
      '체크리스트 넣는 단축키 — 모바일에서도 되나요?',
    ],
  ])('%s', (question, history, expected) => {
    expect(rewriteFollowUp(question, history)).toBe(expected);
  });
});

describe('menuPathIn', () => {
  it.each<[string, string | undefined]>([
    ['화면 가운데를 누르고 [보기 설정] > [글자 크기]에서 고르세요.', '[보기 설정] > [글자 크기]'],
    ['구독은 **설정 > 계정 > 요금제 > 구독 해지**에서 해지할 수 있습니다.', '설정 > 계정 > 요금제 > 구독 해지'],
    ['고급 설정 > 무선 > 게스트 네트워크로 이동합니다.', '고급 설정 > 무선 > 게스트 네트워크'],
    ['편집 → 실행 취소를 고릅니다.', '편집 → 실행 취소'],
    // A comparison is no path, and a sentence without one has none.
    ['x > 0 이면 양수입니다.', undefined],
    ['가온시 과학관에서 열렸어요.', undefined],
  ])('%s → %s', (text, path) => {
    expect(menuPathIn([text])).toBe(path);
  });
});

describe('ownWords', () => {
  it("finds the user's own words after the words a rewrite carried from the last question", () => {
    const history = talk(
      '가람군 청년 월세 지원 조례 통과됐어?',
      '네, 가람군의회가 14일 본회의에서 찬성 7명, 반대 2명으로 조례안을 가결했습니다. [1]',
    );
    const standalone = rewriteFollowUp('반대한 의원들은 왜 반대했대?', history);
    expect(standalone).not.toBe('반대한 의원들은 왜 반대했대?');
    expect(ownWords(standalone)).toBe('반대한 의원들은 왜 반대했대?');
  });

  it('finds none when nothing was carried', () => {
    expect(ownWords('가람군 조례에 반대한 의원들은 왜 반대했대?')).toBeUndefined();
  });
});
