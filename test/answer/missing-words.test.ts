import { describe, expect, it } from 'vitest';
import { rankSentences, selectSentences, type Lexicon } from '../../src/answer/extractive.js';
import { holdsWord, isYesNoQuestion, propositionNouns, missingShare, questionContentWords } from '../../src/answer/missing-words.js';
import { analyze } from '../../src/text/tokens.js';

const termsOf = (text: string) => new Set(analyze(text));

describe('questionContentWords', () => {
  it.each<[string, string[]]>([
    // The attribute and the entity stay; the question word and the closing predicate go.
    ['문채원 책임연구원은 어느 대학을 나왔어?', ['문채원', '책임연구원', '대학']],
    ['한지석 의원은 어느 정당 소속이야?', ['한지석', '의원', '정당']],
    // Adverbs and time deixis name no topic (stems as the analyzer strips them: 외국인 → 외국).
    ['다온식품은 왜 이익이 그렇게 많이 늘었대?', ['다온식품', '이익']],
    ['가장 최근 통계에서 외국인 관광객은 몇 명 왔어?', ['통계', '외국', '관광객']],
    ['새솔초 식중독 원인 음식 — 그날 급식 메뉴는 뭐였어?', ['새솔초', '식중독', '원인', '음식', '급식', '메뉴']],
    // Bound nouns with their particle (명이, 돈은) and category nouns (이름) go.
    ['다누렌주 임상 3상엔 환자 몇 명이 참여했어?', ['다누렌주', '임상', '환자']],
    ['미리내 복구에 돈이 얼마나 들어가?', ['미리내', '복구']],
    // …but a two-syllable noun that ends like a particle stays (습도, 주가, 도로, 회의).
    ['습도 제일 낮게 하면 몇 %까지 맞출 수 있어요?', ['습도', '낮게', '맞출']],
    ['누리텔레콤 장애로 주가 얼마나 빠졌어?', ['누리텔레콤', '장애', '주가']],
    ['도담시 도로 어디쯤이야?', ['도담시', '도로']],
    ['회의 언제 열려?', ['회의', '열려']],
    ['물가 얼마나 올랐어?', []],
    // 하다 and 되다 alone name no topic.
    ['E-32 떴어요 어떻게 하면 돼요?', []],
    ['필터 다 쓰면 어떻게 하면 되나요?', ['필터', '쓰면']],
    ['컴퓨터에 있는 인증서 폰으로 옮길 수 있어?', ['컴퓨터', '인증서', '옮길']],
    // The counter after 몇 belongs to the question word, whatever its particle.
    ['산불 이재민이 몇 명이라고 했어?', ['산불', '이재민']],
    // A particle glued to a code, pronouns, and a verb's ㄹ까 form name no topic.
    ['앱에 E05라고 뜨는데 이거 뭐예요?', []],
    ['누가 그걸로 우리 현관 열까 봐 무서워요', ['현관']],
    ['새솔초 교장 이름이 뭐야?', ['새솔초', '교장']],
    // Inflected verbs (…려면, …면서, …는데) are spelled differently in every passage.
    ['그룹으로 묶은 도형 하나만 고치려면 그룹을 풀어야 돼?', ['그룹', '도형']],
    ['공동인증서 기간 끝나가는데 연장해요 — 갱신할 때 돈 내야 돼요?', ['공동인증서', '갱신', '내야']],
    ['로그아웃 되던데 몇 분 지나면 그래요?', ['로그아웃', '지나면']],
    // A verb's -어 form before an auxiliary (놓다, 두다, 버리다) is a verb; a noun before the number 두 stays.
    ['E12 떴는데 그냥 계속 틀어 놔도 되나요?', []],
    // A verb's -더니 form is a verb.
    ['E7 뜨더니 멈췄어요 어떻게 해야 돼요?', []],
    ['사진 지워 버렸는데 살릴 수 있어?', ['사진', '살릴']],
    ['고등어 두 마리 값은 얼마야?', ['고등어', '마리']],
    // The spoken contractions of 에는 and 에서는 are particles.
    ['쿠폰함엔 쿠폰이 있는데 결제할 때 목록에 안 떠요', ['쿠폰함', '쿠폰', '결제', '목록']],
    ['서울에선 몇 명이 왔어?', ['서울']],
    // A question typed without spaces is one run-on word, which no passage spells.
    ['이홍락원장이패널로나선세션주제는?', []],
    ['청년주거안정특별법은 언제 시행돼?', ['청년주거안정특별법']],
    // The plural suffix 들 goes after two syllables; a two-syllable word keeps it.
    ['7월에 외국인들이 쓰고 간 관광수입은 얼마였어?', ['외국인', '쓰고', '관광수입']],
    ['선수들 부상 상황은 어때?', ['선수', '부상', '상황']],
    // A question that ends on a noun keeps it: that is what it asks about.
    ['김프에서 방금 한 작업 되돌리는 단축키?', ['김프', '작업', '되돌리', '단축키']],
    ['2라운드 결과는?', ['라운드', '결과']],
    // A one-word question keeps its word: there is no predicate to drop.
    ['주차장', ['주차장']],
  ])('%s → %j', (question, words) => {
    expect(questionContentWords(question)).toEqual(words);
  });
});

describe('holdsWord', () => {
  const passage = termsOf('그는 국회 국토교통위원회 소속으로 법안을 처음 냈다. 사고로 인한 사망자는 3명이다.');
  it.each<[string, boolean]>([
    ['국회', true],
    ['국토교통위원회', true],
    ['정당', false],
    ['대학', false],
    // Through the related-words table: 희생자 and 사망자 are one group (a word the passage lacks, found through it).
    ['희생자', true],
  ])('%s → %s', (word, held) => {
    expect(holdsWord(passage, word)).toBe(held);
  });

  it('finds a related word only whole, a phrase word by word', () => {
    // Writer's related 라이터 shares one bigram with 슬라이드: no mention of Writer.
    expect(holdsWord(termsOf('슬라이드 번호를 입력합니다.'), 'Writer')).toBe(false);
    expect(holdsWord(termsOf('라이터에서 쪽 번호를 넣습니다.'), 'Writer')).toBe(true);
    // 논문 ~ 연구 결과: both words of the phrase, wherever they stand.
    expect(holdsWord(termsOf('연구팀은 이번 결과를 학술지에 냈다.'), '논문')).toBe(true);
    expect(holdsWord(termsOf('연구팀은 학술지에 냈다.'), '논문')).toBe(false);
    // 알약 ~ 먹는 치료제: a pill is how a user says an oral drug.
    expect(holdsWord(termsOf('먹는 치료제가 허가를 받았다.'), '알약')).toBe(true);
  });

  it('finds a clipped word by its full word', () => {
    expect(holdsWord(termsOf('팀은 다음 달 제주에서 동계 전지훈련을 한다.'), '전훈')).toBe(true);
    expect(holdsWord(termsOf('팀은 다음 달 제주에서 시즌을 준비한다.'), '전훈')).toBe(false);
  });
});

describe('missingShare', () => {
  const passage = termsOf('한지석 의원은 표결 직후 기자들과 만났다.');
  it('weighs the missing words by the given weight', () => {
    const weight = (word: string) => (word === '정당' ? 3 : 1);
    expect(missingShare(['한지석', '의원', '정당'], passage, weight)).toBeCloseTo(3 / 5);
    expect(missingShare(['한지석', '의원'], passage, weight)).toBe(0);
  });
  it('is 0 for a question with no content words', () => {
    expect(missingShare([], passage, () => 1)).toBe(0);
  });
});

describe('propositionNouns', () => {
  it.each<[string, string[]]>([
    // The nouns stay: an article without 방수 cannot confirm "방수 기능이 있어?".
    ['톡브릿지 2는 방수 기능이 있어?', ['톡브릿지', '방수', '기능']],
    // Verb forms go: a help page says "연결되지 않아도" for "끊겨도", "가져올 수" for "옮겨올 수".
    ['인터넷 끊겨도 노트 쓸 수 있어?', ['인터넷', '노트']],
    ['에버노트에 쓰던 노트들 하루노트로 옮겨올 수 있어요?', ['에버노트', '노트', '하루노트']],
    // …and so does a verb's ㄹ form before 수 (고칠 수도, 돌릴 수).
    ['노트 링크로 보내주면 받은 사람이 고칠 수도 있어?', ['노트', '링크']],
    // A counter after a number is the condition asked about ("12시간째에도"), not the topic.
    ['계좌 개설 밤 12시간째에도 돼요?', ['계좌', '개설']],
    // A clause closed by a connective (별로인데, 나니까, 연결하려니까, 그런지) is a predicate, not a noun.
    ['업데이트하고 나니까 별로인데 전 버전으로 다시 돌릴 수 있어요?', ['버전']],
    ['카페 와이파이에 연결하려니까 그런지 안 붙어요', ['카페', '와이파이']],
    // -어서 is a verb's connective; a noun with the copula's 라서, or its 라 before 그런지, is the noun.
    ['동영상이랑 사진 합쳐서 세는 거예요?', ['동영상', '사진']],
    ['공용 와이파이라 그런지 안 붙어요', ['공용', '와이파이']],
    // 이라 after a final consonant is the copula's connective; an adjective's -ㄴ데 form is a predicate.
    ['겨울이라 건조한데 이걸로 가습도 같이 돼요?', ['겨울', '가습']],
    ['중학생이라서 가입 못 해?', ['중학생', '가입']],
    ['카메라 렌즈 닦아도 돼?', ['카메라', '렌즈']],
    // A passive verb's modifier (만들어진) is a predicate; 대상 relates the noun before it and need not be said.
    ['새로 만들어진 선풍기도 교환 대상에 포함돼?', ['선풍기', '교환']],
    // 한참 is an adverb of time, and a verb's -더니 form a predicate.
    ['재설정 문자 받고 한참 뒤에 눌렀더니 링크가 안 열려요', ['재설정', '문자', '링크']],
    // A verb's -아/어 form before 있다 is a state ("내려져 있었어?"), no noun.
    ['그때 안개주의보 내려져 있었어?', ['안개주의보']],
    ['거실 조명 켜져 있어요?', ['거실', '조명']],
    // …or run on with it ("남아있는"): an adnominal of 있다/없다.
    ['카메라 사진 서버에 계속 남아있는거예요?', ['카메라', '사진', '서버']],
    // A verb's -게 form is a predicate (들어가게); 옷가게 is a noun.
    ['애들이 특정 사이트 못 들어가게 막을 수 있어?', ['애들', '특정', '사이트']],
    ['옷가게 저울 쓸 수 있어?', ['옷가게', '저울']],
    // A verb's -지 form before a negation, and the ending -거든요, are predicates; 이미지 is a noun.
    ['빨간불이 깜빡이지 않고 계속 켜져있는건요?', ['빨간불']],
    ['와이파이가 두 개 뜨거든요 이미지 안 보여요?', ['와이파이', '이미지']],
    // …and so are its contraction with 는 (깜빡이진 않고), a concessive (비웠는데도), -서 after 가다, 나다 and 르 verbs
    // (찾아가서, 나서, 눌러서), 두다 run on (예약해둔) and a polite ending mid-question (꺼져버려요, 바꿔놔요).
    ['링에 빨간불이 들어와 있어요. 깜빡이진 않고 켜져 있는데 고장난 건가요?', ['빨간불', '고장난']],
    ['물통 비웠는데도 표시등이 깜빡거려요', ['물통', '표시등']],
    ['집에 못 찾아가서 멈췄어요', []],
    ['위성 쏘고 나서 교신은 됐어?', ['위성', '교신']],
    ['예약해둔 밥 안 나오나요?', []],
    ['자꾸 꺼져버려요 좀 오래 켜둘 수 없어요?', ['자꾸']],
    ['애기가 버튼 눌러서 모드를 바꿔놔요 잠금 있어요?', ['애기', '버튼', '모드', '잠금']],
    // 때문 says why; a noun quoted with (이)라고, or with a particle and 만, is the noun.
    ['식중독 계란 때문이었다며? 맞아?', ['식중독', '계란']],
    ['앱에 공청기가 오프라인이라고만 떠요', ['공청기', '오프라인']],
    ['시거잭에만 꽂으면 주차 녹화 안 돼요?', ['시거잭', '주차', '녹화']],
    // A noun ending in 요 (필요) stays.
    ['필요한 서류 있어요?', ['필요', '서류']],
  ])('%s → %j', (question, expected) => {
    expect(propositionNouns(question)).toEqual(expected);
  });
});

describe('isYesNoQuestion', () => {
  it.each<[string, boolean]>([
    ['톡브릿지 2는 방수 기능이 있어?', true],
    ['청년주거안정특별법에 대통령이 거부권을 행사했어?', true],
    ['작년에도 급식 식중독 사고가 있었나요?', true],
    // A question word, even a colloquial one (뭘 = 뭐를), asks for something else.
    ['그 사람은 중남미 시장에서는 뭘 하겠다고 했어?', false],
    ['국립온누리미술관은 무슨 요일에 쉬어?', false],
    ['해온 동점골은 누가 넣었어?', false],
    // Ending on a topic, not a predicate: a question about that topic ("…은?").
    ['이홍락원장이패널로나선세션주제는?', false],
    ['1989년 노벨 평화상을 받은 사람은?', false],
    // Asking for a kind of answer, however it ends: a method, a key.
    ['사진 여러 장 PNG로 한꺼번에 바꾸는 방법 있어요?', false],
    ['새 이름으로 따로 저장하는 단축키 알려 주세요', false],
    ['레이어를 반쯤 비치게 하려면요?', false],
    // A topic or a condition with the polite 요 asks "and X?" or "what if …?".
    ['회전판 다 청소했는데도 계속 그러면요?', false],
    ['그럼 충전기랑 선은요?', false],
    ['주말에도요?', false],
    // …while the interrogative -ㄴ가요 and the copula's 예요 close on a predicate.
    ['이 모델도 방수 기능이 있는가요?', true],
    ['수동으로 주면 예약은 취소되는 거예요?', true],
  ])('%s → %s', (question, yesNo) => {
    expect(isYesNoQuestion(question)).toBe(yesNo);
  });
});

describe('a yes/no question in the extractive answerer', () => {
  const hit = (text: string) => ({
    chunk: { id: 'a#0', articleId: 'a', index: 0, start: 0, end: text.length, text },
    article: { id: 'a', title: '비토랩스 통역 이어폰 톡브릿지 2 공개', origin: 'a', date: '2025-09-24' },
    score: 1,
  });
  const lexicon: Lexicon = { documentCount: 20, documentFrequency: () => 2 };
  const passage = hit('톡브릿지 2는 모두 38개 언어를 지원한다. 배터리는 케이스까지 합치면 24시간 간다.');
  const answer = (question: string) => selectSentences(question, rankSentences(question, [passage], lexicon), lexicon);

  it('is refused when the article never states one of its content words (방수)', () => {
    expect(answer('톡브릿지 2는 방수 기능이 있어?')).toEqual([]);
  });

  it('is answered when the article states them all', () => {
    expect(answer('톡브릿지 2는 38개 언어를 지원해?').map((sentence) => sentence.text)).toEqual([
      '톡브릿지 2는 모두 38개 언어를 지원한다.',
    ]);
  });

  // A help page names the user's world in its own words: only names must be found there.
  const page = {
    chunk: { id: 'p#0', articleId: 'p', index: 0, start: 0, end: 0, text: '' },
    article: { id: 'p', title: '층별 지도', origin: 'p' },
    score: 1,
  };
  const helpText = '로봇청소기는 최대 3개 층의 지도를 따로 저장할 수 있습니다. 층을 바꾸면 그 층의 지도를 불러옵니다.';
  const help = { ...page, chunk: { ...page.chunk, end: helpText.length, text: helpText } };
  const ask = (question: string) => selectSentences(question, rankSentences(question, [help], lexicon), lexicon);

  it('on a help page, is answered though the user says 복층 and 위층 where the page says 층', () => {
    expect(ask('복층 집인데 위층 아래층 청소기 지도 따로 저장할 수 있어요?').map((sentence) => sentence.text)).toEqual([
      '로봇청소기는 최대 3개 층의 지도를 따로 저장할 수 있습니다.',
    ]);
  });

  it('on a help page, is refused when it names another product the page never does (Latin or a long loanword)', () => {
    expect(ask('청소기 지도를 SmartThings 앱에 저장할 수 있어요?')).toEqual([]);
    expect(ask('청소기 지도를 스마트싱스에 저장할 수 있어요?')).toEqual([]);
  });

  // A long word must be there whole, as a related word or as a compound the page spaces.
  const appText = '스마트폰 앱에서 청소 지도를 저장할 수 있습니다. 무선 충전기에 올려도 로봇청소기는 충전되지 않습니다.';
  const app = { ...page, chunk: { ...page.chunk, end: appText.length, text: appText } };
  const askApp = (question: string) => selectSentences(question, rankSentences(question, [app], lexicon), lexicon);

  it('on a help page, is refused for a loanword that only shares a part with the page (스마트싱스 ~ 스마트폰)', () => {
    expect(askApp('청소 지도를 스마트싱스 앱에 저장할 수 있어요?')).toEqual([]);
  });

  it('on a help page, is answered for a compound the page writes with a space (무선충전기 ~ 무선 충전기)', () => {
    expect(askApp('로봇청소기 무선충전기에 올려도 충전돼요?').map((sentence) => sentence.text)).toEqual([
      '무선 충전기에 올려도 로봇청소기는 충전되지 않습니다.',
    ]);
  });
});
