import { describe, expect, it } from 'vitest';
import { canAnswerType, namesCause, namesUiPlace } from '../../src/answer/answer-forms.js';
import { expectedAnswerType, isHardType, type AnswerType } from '../../src/answer/answer-type.js';

const MONEY: AnswerType = { kind: 'money' };
const AMOUNT: AnswerType = { kind: 'amount' };
const AGE: AnswerType = { kind: 'age' };
const TIME: AnswerType = { kind: 'time' };
const count = (counter: string): AnswerType => ({ kind: 'count', counter });

describe('isHardType', () => {
  it('holds a reason to its visible form only in the news', () => {
    expect(isHardType({ kind: 'reason' }, true)).toBe(true);
    expect(isHardType({ kind: 'reason' })).toBe(false);
    expect(isHardType({ kind: 'person' }, true)).toBe(true);
    expect(isHardType({ kind: 'person' })).toBe(false);
    expect(isHardType({ kind: 'name' }, true)).toBe(true);
    expect(isHardType({ kind: 'name' })).toBe(false);
    expect(isHardType({ kind: 'org' }, true)).toBe(true);
    expect(isHardType({ kind: 'org' })).toBe(false);
    expect(isHardType({ kind: 'count', counter: '명' })).toBe(true);
  });
});

describe('expectedAnswerType', () => {
  it.each<[string, AnswerType | undefined]>([
    // 얼마 alone asks for an amount; a money noun before it asks for money.
    ['얼마야?', AMOUNT],
    ['사업 규모는 얼마야?', AMOUNT],
    ['매출은 얼마야?', MONEY],
    // An investment's 규모 is its sum in won ("3,200억원 규모의 투자협약"), not a plant's 4만t; a project's may be either.
    ['배터리 소재 공장, 투자 규모가 얼마나 돼?', MONEY],
    ['사업 규모가 얼마나 돼?', { kind: 'amount' }],
    ['가격이 얼마야?', MONEY],
    ['예산은 총 얼마야?', MONEY],
    ['주가는 얼마야?', MONEY],
    ['누리글래스 2 얼마에 팔아요?', MONEY],
    // 얼마에 나와 asks the price it comes out at; 얼마에 한 번 asks how often.
    ['통역 이어폰 얼마에 나와?', MONEY],
    ['영양제는 얼마에 한 번씩 넣으면 돼요?', AMOUNT],
    ['배달팁은 최대 얼마까지 붙어요?', MONEY],
    ['1단지 분양가 평당 얼마로 정해졌어?', MONEY],
    ['검찰이 대표한테 벌금은 얼마 구형했어?', MONEY],
    ['버스 요금 얼마야?', MONEY],
    ['공급 계약은 금액이 몇 억 원이야?', MONEY],
    ['몇천 달러 들었어?', MONEY],
    ['입장할 때 얼마 내야 돼?', MONEY],
    ['그 그림은 얼마에 낙찰됐어?', MONEY],
    ['그 중에 화학회사는 얼마 내놨어?', MONEY],
    // Verbs that take a sum: 받다, 들이다, 주다, 내다.
    ['달빛 세탁소 남미에 얼마 받고 판 거야?', MONEY],
    ['새 공장 짓는 데 얼마 들였어?', MONEY],
    ['그 선수한테 얼마 줬어?', MONEY],
    // Buying before 얼마 asks a price; a duration after it does not.
    ['충전기 본체만 사면 얼마예요?', MONEY],
    // 값 alone, after a model's name, is its price.
    ['클린봇 X9 값 얼마예요?', MONEY],
    ['필터 구매하면 얼마나 걸려요?', { kind: 'duration' }],
    // 들어오다 is coming in, no cost.
    ['관객이 얼마나 들어왔어?', { kind: 'amount' }],
    ['드라마 만든 제작사가 어디야?', { kind: 'org' }],
    ['겨울 등대의 목록 어느 출판사에서 나온 책이야?', { kind: 'org' }],
    // An exchange rate is a price in won, neither a rate nor a change.
    ['8일 원달러 환율 얼마로 마감했어?', MONEY],
    // A score asked, or who scored it.
    ['2라운드 스코어 알려줘', { kind: 'score' }],
    ['한가람 경기에서 점수 제일 많이 낸 선수 누구야?', { kind: 'person' }],
    // A price per unit: the unit is kept; 얼마나 asks a quantity.
    ['미그렌타정 한 알에 얼마야?', { kind: 'money', per: '알' }],
    // A measure asked by its noun is answered in its units; 몇 before a counter keeps the counter.
    ['염소희 선수 키가 몇이야?', { kind: 'count', counter: 'cm' }],
    // An adverb may stand between 이름 and 뭐.
    ['위성 3기 이름이 각각 뭐야?', { kind: 'name' }],
    ['에베레스트 높이는 얼마야?', { kind: 'count', counter: 'm' }],
    ['높이가 몇 층이야?', { kind: 'count', counter: '층' }],
    ['프로 요금제 한 달에 얼마예요?', { kind: 'money', per: '달' }],
    ['수돗물 값 톤당 얼마로 오르는 거야?', { kind: 'money', per: '톤' }],
    // The unit may stand bare a word or two before 얼마; a word that starts with 한 is no unit.
    ['학교 급식 한 끼 내년엔 얼마로 올라?', { kind: 'money', per: '끼' }],
    ['해조류 비닐 만드는 비용 1키로에 얼마야?', { kind: 'money', per: '키로' }],
    ['한국 수출 얼마야?', { kind: 'amount' }],
    ['정사각형 한 변의 길이는 얼마야?', { kind: 'count', counter: 'm' }],
    ['회담을 한 후 얼마만에 발표했어?', { kind: 'amount' }],
    ['시간당 얼마나 쏟아졌어?', { kind: 'amount' }],
    ['입장료는 몇 원이야?', MONEY],
    // Compensation is paid in money.
    ['해킹 피해 보상 얼마해줌?', MONEY],
    // "정몽주가" ends in 주가 (stock price) but is a name.
    ['정몽주가 얼마나 유명해?', AMOUNT],
    ['정몽주가 누구야?', { kind: 'person' }],
    // 몇 + counter asks for a count of that counter.
    ['연구원은 몇 명이야?', count('명')],
    ['니켈을 1년에 몇 톤씩 준대요?', count('톤')],
    // A change asked of a sum is answered by a percentage; a sum by a currency.
    ['가격이 얼마나 올랐어?', { kind: 'money', change: true }],
    ['수입이 얼마나 늘었어?', { kind: 'money', change: true }],
    // 언제부터 / 언제까지 ask for the start or the end.
    ['수도요금 인상 언제부터 적용돼요?', { kind: 'time', bound: '부터' }],
    ['신청은 언제까지 해야 돼?', { kind: 'time', bound: '까지' }],
    ['신혼부부 물량 몇 세대예요?', count('세대')],
    // "몇 대 몇" asks for a match score, not a number of vehicles.
    ['농구 경기 몇 대 몇으로 끝났어?', { kind: 'score' }],
    ['버스 몇 대 들어갔어?', count('대')],
    ['몇 가구가 입주해?', count('가구')],
    ['몇 개의 나라가 참가했어?', count('개')],
    ['몇 가지 제품을 선보였어?', count('가지')],
    ['몇 개국이 참여했어?', count('개국')],
    // 선 counts terms won in office; 선수 and 선거 are no counter.
    ['그 군수는 몇 선째야?', count('선')],
    // A distance is a length, in its units.
    ['탐사선은 얼마나 멀리 날아가?', count('m')],
    ['역까지 거리가 얼마야?', count('m')],
    // A country is asked by 어느 나라 or 국적: any place will not do.
    ['그 선수는 어느 나라 출신이야?', { kind: 'place', country: true }],
    // 주년 is an anniversary, not a week; "몇 분의 몇" is a fraction, not minutes.
    ['수교 몇 주년이었어?', count('주년')],
    ['그 곡은 몇분의 몇 박자야?', undefined],
    // 누가 in a condition is "someone"; the question asks how.
    ['누가 쳐다보면 비번 누르기 찝찝한데 안 보이게 하는 방법 없어요?', { kind: 'method' }],
    // A question word inside an embedded question (…는지, …인지) is the main clause's object: the main
    // clause asks its own question, or yes or no, unless it asks to be told.
    ['예약한 책 몇 번째 순서인지 어디서 봐요?', { kind: 'place' }],
    ['누가 몇 시에 드나들었는지 파일로 뽑을 수 있어요?', undefined],
    ['어떻게 하는지 알려줘', { kind: 'method' }],
    ['언제 열리는지 알아?', { kind: 'time' }],
    ['몇 번째 우승이야?', count('번째')],
    ['몇 도에서 가장 잘 자라?', count('도')],
    // A key or a shortcut, asked of help pages; a person's 키 is a height.
    ['노트 전체에서 검색하는 단축키 뭐야?', { kind: 'key' }],
    ['쇼를 시작하는 키는?', { kind: 'key' }],
    // A telephone number.
    ['AS 센터 전화번호 좀 알려주세요', { kind: 'phone' }],
    ['고객센터 번호 뭐예요?', { kind: 'phone' }],
    ['판매처 연락처 있어요?', { kind: 'phone' }],
    ['다음 빈칸으로 넘어가는 키가 뭐야?', { kind: 'key' }],
    ['창을 오가려면 어떤 키를 눌러?', { kind: 'key' }],
    // A person's 키 is a height, asked in centimetres, not a key on a keyboard.
    ['그 선수 키는 몇이야?', { kind: 'count', counter: 'cm' }],
    // 걸러 (filters) is no 걸려 (takes): how much a filter removes is an amount, not a length of time.
    ['필터로 미세플라스틱 얼마나 걸러져?', { kind: 'amount' }],
    ['수리는 얼마나 걸려?', { kind: 'duration' }],
    // Whether something costs, asked yes or no; 얼마 asks for a sum, and 자료 is no charge.
    ['eSIM으로 개통하면 돈 따로 들어요?', { kind: 'cost' }],
    ['번호 옮겨 오는데 수수료 있어요?', { kind: 'cost' }],
    ['못 찾은 동안에도 보관료 붙어요?', { kind: 'cost' }],
    ['옹기 전시 돈 내고 봐야 돼?', { kind: 'cost' }],
    ['수수료 얼마야?', { kind: 'money' }],
    // Property damage is counted in won; damage alone may be counted in homes.
    ['폭우 재산피해 최종적으로 얼마로 잡혔어?', { kind: 'money' }],
    ['재산 피해는 얼마야?', { kind: 'money' }],
    ['회의 자료 있어요?', undefined],
    // A question that asks 왜 asks for a reason, whatever time it names.
    ['며칠 지나면 안 먹혀요. 왜 그래요?', { kind: 'reason' }],
    ['물류센터 화재는 뭐 때문에 난 거래?', { kind: 'reason' }],
    ['관객이 늘어난 게 뭐 덕분이래?', { kind: 'reason' }],
    // A cause put to be confirmed asks for the cause; a clause of going somewhere does not.
    ['서문동 수도관 낡아서 터진 거래?', { kind: 'reason' }],
    ['비가 많이 와서 취소된 거야?', { kind: 'reason' }],
    ['학교 가서 뭐 한 거야?', undefined],
    // 며칠 asks for a day of the month (며칠 동안 is a length, 며칠에 발표했어 the report's date).
    ['쌍둥이는 며칠에 태어났어?', { kind: 'time', day: true }],
    ['첫 경기 며칠이야?', { kind: 'time', day: true }],
    ['소행성이 지구에 제일 가까워지는 날 언제야?', { kind: 'time', day: true }],
    ['현대미술관 쉬는 날은 언제야?', { kind: 'time', day: true }],
    // How many more days: a length.
    ['다 못 읽었는데 며칠 더 볼 수 있어요?', { kind: 'duration', days: true }],
    ['고기를 대 준 학교가 몇 군데였어?', { kind: 'count', counter: '군데' }],
    ['며칠 동안 입원했어?', { kind: 'duration', days: true }],
    // 몇 시 asks for the hour; 몇 시즌 counts seasons.
    ['사고는 몇 시쯤 났어?', { kind: 'time', clock: true }],
    ['그는 몇 시즌을 뛰었어?', count('시즌')],
    // Steps counted in 보; a word that starts with 보 is no counter.
    ['하루에 몇 보는 걸어야 당뇨 예방에 좋대?', count('보')],
    // A score: strokes, points or a match result.
    ['김나래 2라운드 스코어 알려줘', { kind: 'score' }],
    ['김나래는 첫날 몇 타 쳤어?', { kind: 'score' }],
    // Money nouns ending in a fee or sum suffix, and compounds of 수입/이익.
    ['박시온 이적료는 최종적으로 얼마였어?', MONEY],
    ['관광수입은 얼마였어?', MONEY],
    ['요즘 아파트값 얼마나 올라?', { kind: 'money', change: true }],
    ['공사비는 얼마야?', MONEY],
    ['미리내 복구에 돈이 얼마나 들어가?', MONEY],
    ['지금 얼마야?', AMOUNT],
    // Age.
    ['그는 몇 살이야?', AGE],
    ['회장의 나이는?', AGE],
    // An age band asked with 어디 is an age, not a place.
    ['우리 애가 초등학생인데 독감 제일 많이 걸리는 나이대가 어디야?', AGE],
    ['어느 연령층에서 제일 많이 샀어?', AGE],
    // A unit asked in Hangul is read in its symbol, and a run of wins in games.
    ['구멍 깊이가 몇 미터나 돼?', { kind: 'count', counter: 'm' }],
    // 키로 is said of a kilometre and a kilogram alike; 킬로미터 and 킬로그램 say which.
    ['온새선 2단계 구간 총 몇 키로야?', { kind: 'count', counter: '키로' }],
    ['무게 몇 킬로예요?', { kind: 'count', counter: '키로' }],
    ['거기까지 몇 킬로미터야?', { kind: 'count', counter: 'km' }],
    ['이 충전기 최대 몇 킬로와트까지 나와요?', { kind: 'count', counter: 'kW' }],
    ['터널은 몇 킬로미터야?', { kind: 'count', counter: 'km' }],
    ['한 병에 몇 밀리리터 들어 있어?', { kind: 'count', counter: 'ml' }],
    ['몇 센티 자랐어?', { kind: 'count', counter: 'cm' }],
    ['메모리 카드 몇 기가까지 꽂을 수 있어요?', { kind: 'count', counter: 'GB' }],
    ['외장 하드 몇 테라짜리 써요?', { kind: 'count', counter: 'TB' }],
    ['스톰즈 요즘 몇 경기째 연속으로 이기고 있어?', { kind: 'count', counter: '경기' }],
    ['몇 연승 했어?', { kind: 'count', counter: '경기' }],
    // A count per unit or an average.
    ['한도윤 이번 시즌 경기당 평균 득점 몇 점이야?', { kind: 'count', counter: '점', per: '경기' }],
    ['하루 평균 몇 명 와?', { kind: 'count', counter: '명', per: '평균' }],
    // 정당 and 식당 are nouns, no unit with 당.
    ['정당 몇 곳이 후보를 냈어?', { kind: 'count', counter: '곳' }],
    ['근처 식당 몇 군데 문 닫았어?', { kind: 'count', counter: '군데' }],
    // Time: 언제, or 몇 + a time unit.
    ['축제는 언제 열려?', TIME],
    // A question about when something was announced takes a statement's date as its answer.
    ['실적은 언제 발표했어?', { kind: 'time', ofReport: true }],
    ['몇 년에 설립됐어?', TIME],
    ['몇 월에 개통해?', TIME],
    ['며칠 동안 열려?', { kind: 'duration', days: true }],
    // A count of people from "X 수" after a noun of persons; a percent is an amount with its sign.
    ['청솔마라톤 참가자 수는?', count('명')],
    ['외국인 관광객 수 알려줘', count('명')],
    ['입원 환자 숫자가 늘었어?', count('명')],
    // …and from 얼마나 asked of people coming; 얼마나 of anything else is an amount.
    ['인형극제에 사람 얼마나 왔어?', count('명')],
    ['관객 얼마나 몰렸대?', count('명')],
    ['지원금 얼마나 받았어?', { kind: 'money' }],
    ['올해 사과 수확량은?', undefined],
    ['순이자마진은 몇 %였어?', { kind: 'rate' }],
    ['만족도는 몇 퍼센트 나왔어?', { kind: 'rate' }],
    // Spoken: 몇 프로, 몇 퍼; a project is no percent.
    ['매출 몇 퍼 올랐대?', { kind: 'rate' }],
    ['정확도 몇 프로 나와?', { kind: 'rate' }],
    ['몇 프로젝트에 참여했어?', undefined],
    // A noun in 률/율 asks for a rate.
    ['9월 서울 아파트값 상승률은?', { kind: 'rate' }],
    ['김도윤 최종 득표율은 얼마야?', { kind: 'rate' }],
    ['투표율 알려줘', { kind: 'rate' }],
    ['법률은 누가 만들어?', { kind: 'person' }],
    // 누가 before "…까 봐" is someone, in a yes/no question.
    ['누가 가져갈까봐요 찜해둘 수 있어요?', undefined],
    ['누가 먼저 가져갈까 봐 걱정돼요. 예약돼요?', undefined],
    // 법률 is a law, not a rate.
    ['북한이 금강산을 보호하는 법률은?', undefined],
    ['강정호가 2군에서 거둔 타율은?', { kind: 'rate' }],
    // Waiting and resting are lengths of time.
    ['콜버스 부르면 얼마나 기다려야 했어?', { kind: 'duration' }],
    ['그 선수는 얼마나 쉬어야 돼?', { kind: 'duration' }],
    // Speed is asked as a length of time: "얼마나 빨라?" → 0.4초.
    ['통역이 얼마나 빨라?', { kind: 'duration' }],
    // A plain "what" asks for nothing countable.
    ['무엇을 발표했어?', undefined],
    ['새 연구소의 이름은 무엇이야?', { kind: 'name' }],
    // 언제나 is "always"; 시기 and 날짜 ask for a time only as what is asked.
    ['심판이 언제나 볼 수 있어야 하는 것은?', undefined],
    ['티베트 고원이 생성되기 시작한 시기는?', { kind: 'time' }],
    ['데뷔 날짜 알려줘', { kind: 'time' }],
    ['3당합당이 이루어지던 시기의 대통령은?', undefined],
    // 몇인가 asks "what number", not a number of persons (인).
    ['배터리 용량은 몇인가?', undefined],
    ['날짜 차이를 없애기 위해 사용된 방법은?', { kind: 'method' }],
    // Spoken forms of asking how: 어떡해 (어떻게 해), "-는 법", a bare "-려면?".
    ['관리자 비번 까먹었는데 어떡해요?', { kind: 'method' }],
    ['내가 쓴 리뷰 지우는 법 알려줘', { kind: 'method' }],
    ['비번 6자리 까먹었어요 새로 만들려면?', { kind: 'method' }],
    // 법 as law, and 려면 inside the question, ask no method.
    ['그 법은 언제 통과됐어?', { kind: 'time' }],
    ['새로 만들려면 얼마가 들어?', { kind: 'amount' }],
  ])('%s → %j', (question, expected) => {
    expect(expectedAnswerType(question)).toEqual(expected);
  });

  // Every question form of issue 10 has a row: 언제, 며칠, 몇 + counter, 얼마, 누구, 어디, 왜, 어떻게; 무엇/어떤 ask for no kind.
  it.each<[string, AnswerType['kind'] | undefined]>([
    ['언제 출시됐어?', 'time'],
    ['며칠에 개막해?', 'time'],
    ['며칠 만에 복구됐어?', 'duration'],
    ['공사는 얼마나 걸려?', 'duration'],
    ['몇 주 동안 열려?', 'duration'],
    // A prison term is a length of time, not a year.
    ['보이스피싱 총책 몇 년 받았어?', 'duration'],
    ['몇 년에 지어졌어?', 'time'],
    ['부상자는 몇 명이야?', 'count'],
    ['수익은 얼마야?', 'money'],
    ['규모가 얼마나 돼?', 'amount'],
    ['연구원장은 누구야?', 'person'],
    ['누가 우승했어?', 'person'],
    ['연구원을 이끄는 사람의 이름은?', 'person'],
    ['새 모델의 이름은?', undefined],
    ['행사는 어디서 열렸어?', 'place'],
    ['어느 나라에 수출해?', 'place'],
    ['왜 연기됐어?', 'reason'],
    ['연기된 이유는 뭐야?', 'reason'],
    ['슬라이드 번호는 어떻게 넣어?', 'method'],
    ['레이어를 합치는 방법 알려줘', 'method'],
    ['어떤 제품을 선보였어?', undefined],
    ['준우승한 감독은 경기 끝나고 뭐라고 했어?', 'quote'],
    ['할머니는 뭐라고 말했어?', 'quote'],
    ['우승 소감은?', 'quote'],
    // A reason asked with the hearsay 뭐래 is a reason.
    ['보청기를 잘 안 쓰는 이유가 뭐래?', 'reason'],
    ['원인이 뭐래?', 'reason'],
    ['비토랩스가 만든 칩 이름이 뭐야?', 'name'],
    ['남극 세균 이름은 무엇이야?', 'name'],
    // A work's title is its name: news quotes it ('겨울 정류장').
    ['영화제 개막작 제목 뭐야?', 'name'],
    ['이번 앨범 타이틀곡 곡명이 뭐야?', 'name'],
    ['제목을 바꾸려면 어떻게 해?', 'method'],
    ['무엇을 발표했어?', undefined],
  ])('%s → %s', (question, kind) => {
    expect(expectedAnswerType(question)?.kind).toBe(kind);
  });

  // Regression: COUNT_QUESTION once took "몇 세" first, so "몇 세기" was an age count.
  it('몇 세기에 지어졌어? → time (TIME_QUESTION lists 몇 세기, but COUNT_QUESTION takes 몇 세 first)', () => {
    expect(expectedAnswerType('이 절은 몇 세기에 지어졌어?')).toEqual(TIME);
  });
});

describe('canAnswerType', () => {
  it.each<[string, AnswerType, boolean]>([
    // quote: quoted or reported speech; name: a quoted or Latin-lettered name.
    ['김 감독은 "집중력이 부족했다"며 아쉬워했다.', { kind: 'quote' }, true],
    ['구단은 재활이 필요하다고 2일 밝혔다.', { kind: 'quote' }, true],
    ['준우승팀은 상금 2억 원을 받는다.', { kind: 'quote' }, false],
    ["이 회사는 전용 칩 '비토 N1'을 만들었다.", { kind: 'name' }, true],
    ['연구팀은 새 세균을 찾았다.', { kind: 'name' }, false],
    // A measure needs its unit: a bare large number weighs nothing; a count of people may drop 명.
    ['무게는 5.2g에 불과하다.', { kind: 'count', counter: 'g' }, true],
    ['첫해 판매 목표를 30만 대로 잡았다.', { kind: 'count', counter: 'g' }, false],
    ['관객은 12만으로 집계됐다.', { kind: 'count', counter: '명' }, true],
    // …but a large number before another counter counts that: 1만 2천여 명 are no books.
    ['주민 1만 2천여 명이 서명했다.', { kind: 'count', counter: '권' }, false],
    ['장서 8만 권을 갖췄다.', { kind: 'count', counter: '권' }, true],
    // money: a number followed by a currency; a percent or 배 only for a change or a rate; 무료 counts.
    ['투자 규모는 1,200억 원이다.', MONEY, true],
    ['매출은 3조 원이다.', MONEY, true],
    ['영업이익률은 12.5%다.', MONEY, false],
    ['영업이익률은 12.5%다.', { kind: 'money', change: true }, true],
    ['가격은 300달러로 정해졌다.', MONEY, true],
    ['입장료는 무료다.', MONEY, true],
    // 번: "한 번의 주문" (a single order) and "한 번에" (at once) count no times; "한 번만" does.
    ['한 번의 주문에는 쿠폰 1장까지 쓸 수 있다.', { kind: 'count', counter: '번' }, false],
    ['여러 장을 한 번에 고칠 수 있다.', { kind: 'count', counter: '번' }, false],
    ['리뷰는 한 번만 고칠 수 있다.', { kind: 'count', counter: '번' }, true],
    ['고기를 납품받은 학교는 32곳이다.', { kind: 'count', counter: '군데' }, true],
    // A large round sum stands for money without its currency.
    ['그해 수입은 50억을 넘었다.', MONEY, true],
    ['연구원 300명이 일한다.', MONEY, false],
    // Sino-Korean numerals are not numbers here: "연구원" is not 9 won.
    ['LG AI연구원의 연구원들이 모였다.', MONEY, false],
    ['건립 비용은 구 예산으로 충당했다.', MONEY, false],
    // score: strokes, par-relative scores, a match result.
    ['김나래는 9언더파 63타를 쳤다.', { kind: 'score' }, true],
    ['두 팀은 1-1로 비겼다.', { kind: 'score' }, true],
    ['김나래는 버디 9개를 잡았다.', { kind: 'score' }, false],
    ['평균 리뷰 점수는 95.4%였다.', { kind: 'score' }, true],
    // rate: a percentage or a multiple, not a bare number.
    ['매매가격이 전월보다 0.58% 올랐다.', { kind: 'rate' }, true],
    ['수출이 두 배로 늘었다.', { kind: 'rate' }, true],
    ['거래는 6840건으로 집계됐다.', { kind: 'rate' }, false],
    ['강정호는 2군에서 타율 0.322를 기록했다.', { kind: 'rate' }, true],
    ['토양 유실량은 세계의 1/4을 차지한다.', { kind: 'rate' }, true],
    // A competition ratio is said "N대 1".
    ['평균 48대 1의 경쟁률을 기록했다.', { kind: 'rate' }, true],
    ['1순위 청약에 1만 9천776명이 몰렸다.', { kind: 'rate' }, false],
    // Tonnes by either spelling; years of a term need their unit.
    ['유출량은 약 23t으로 최종 집계됐다.', { kind: 'count', counter: '톤' }, true],
    ['피해 신고는 지난해 1천240건이었다.', { kind: 'count', counter: '년' }, false],
    // time: the date of a statement ("…했다고 9일 밝혔다") tells when the news was told, not when
    // the thing happened; a question about the announcement accepts it.
    ['연구팀은 남극에서 채집한 세균을 확인했다고 9일 밝혔다.', TIME, false],
    ['연구팀은 2021년 겨울 퇴적물을 떠 올렸다.', TIME, true],
    ['해담은행은 24일 실적을 발표했다.', { kind: 'time', ofReport: true }, true],
    ['식약처는 8일 허가 조건을 바꿨다.', TIME, true],
    // count of degrees.
    ['이 세균은 영하 2도에서 가장 잘 자란다.', count('도'), true],
    ['이 세균은 남극 바다에서 자란다.', count('도'), false],
    ["기온은 영하 40'C까지 떨어진다.", count('도'), true],
    // amount: any number.
    ['수소버스 40대를 투입한다.', AMOUNT, true],
    ['주차장을 두 배로 넓힌다.', AMOUNT, true],
    ['연구원이 크게 늘었다.', AMOUNT, false],
    // A date is no amount: "11일" answers 언제, not 얼마; a native numeral needs its counter.
    ['박시온은 11일 팀 훈련을 마쳤다.', AMOUNT, false],
    ['2025년 6월 계약을 맺었다.', AMOUNT, false],
    ['한국 기업도 영향권에 들었다.', AMOUNT, false],
    ['이적료는 800만 유로다.', AMOUNT, true],
    ['수백 명이 모였다.', AMOUNT, true],
    ['3년 동안 연구했다.', AMOUNT, true],
    // A length in years may answer 얼마나; a four-digit year does not.
    ['헤이그는 나토에서 5년을 보냈다.', AMOUNT, true],
    // count: the asked counter or one of its class (명/인, 개/가지/곳).
    ['연구원 300명이 일한다.', count('명'), true],
    ['3인 가족이 입주했다.', count('명'), true],
    ['700여명이 참석했다.', count('명'), true],
    ['수백 명이 모였다.', count('명'), true],
    ['열 명이 합격했다.', count('명'), true],
    ['300개 기업이 참가했다.', count('명'), false],
    // A large round number stands for a count without its counter, but not before a currency.
    ['지구에는 870만 종의 생물이 산다.', count('명'), true],
    ['이번 연구에는 4년 동안 모두 27억 원이 들었다.', count('명'), false],
    ['새 집을 받으려면 평균 2억 1천만 원을 더 내야 한다.', count('세대'), false],
    // A price per unit is a sum for that unit, however the sentence writes it.
    ['하루에 한 알씩 먹으면 되고, 한 알에 3,000원이다.', { kind: 'money', per: '알' }, true],
    ['프로 플랜은 월 4,900원입니다.', { kind: 'money', per: '달' }, true],
    // A bound or an average may come between the unit and the sum.
    ['청년은 월 최대 20만 원의 월세를 지원받는다.', { kind: 'money', per: '달' }, true],
    ['가구당 연 평균 35만 원을 아꼈다.', { kind: 'money', per: '해' }, true],
    ['요금이 1t당 720원에서 810원으로 오른다.', { kind: 'money', per: '톤' }, true],
    ['신약 개발에 9년 동안 약 1,300억 원을 들였다.', { kind: 'money', per: '알' }, false],
    // 한 사람당 is 1인당; 가구당 is 세대당.
    ['회사는 원고들에게 1인당 300만원씩, 모두 6,900만원을 지급하라고 판결했다.', { kind: 'money', per: '사람' }, true],
    ['피해 주민에게는 세대당 200만원이 지급된다.', { kind: 'money', per: '가구' }, true],
    ['라이더들은 모두 6,900만원을 받는다.', { kind: 'money', per: '사람' }, false],
    // An order counted in 건 is a time it is done ("한 번 시키면 얼마?").
    ['주민이 내는 배송비는 1건에 1천 원이다.', { kind: 'money', per: '번' }, true],
    ['드론 배송은 하루 30건을 넘지 않는다. 사업비는 4억 원이다.', { kind: 'money', per: '번' }, false],
    // 키로 is a kilogram however the page writes it, and "1㎏을 만드는 데" prices one.
    ['현재 필름 1㎏을 만드는 데 약 9천 원이 든다.', { kind: 'money', per: '키로' }, true],
    ['사과는 1kg당 5,000원이다.', { kind: 'money', per: '키로' }, true],
    ['필름 생산에 모두 9천만 원이 든다.', { kind: 'money', per: '키로' }, false],
    ['2단계 구간은 길이 7.4km에 정거장 6곳이 들어선다.', count('키로'), true],
    ['본체 무게는 약 21kg입니다.', count('키로'), true],
    ['정거장 6곳이 들어선다.', count('키로'), false],
    ['최대 출력은 7kW입니다.', count('kW'), true],
    ['공유기와 충전기 사이 거리가 15m 이내인지 확인하세요.', count('kW'), false],
    ['그는 키 186cm의 장신 공격수다.', { kind: 'count', counter: 'cm' }, true],
    ['염소희는 혼자 31득점을 올리며 MVP로 뽑혔다.', { kind: 'count', counter: 'cm' }, false],
    // Asked 며칠, a length in days: business days count, an hour range or hours do not.
    ['수리 기간은 제품이 도착한 날부터 약 5영업일입니다.', { kind: 'duration', days: true }, true],
    ['공사는 이틀 만에 끝났다.', { kind: 'duration', days: true }, true],
    ['고객센터 운영 시간: 평일 오전 9시~오후 6시', { kind: 'duration', days: true }, false],
    ['고객센터 운영 시간: 평일 오전 9시~오후 6시', { kind: 'duration' }, true],
    ['충전은 3시간 걸린다.', { kind: 'duration', days: true }, false],
    // Points scored count in 점: "몇 점 올렸어?" → "29득점을 올렸다".
    ['박서진은 양 팀 최다인 29득점을 올렸다.', count('점'), true],
    ['박서진은 공격 성공률 48.7%를 기록했다.', count('점'), false],
    ['하루 7,000보 이상 걷는 사람은 위험이 27% 낮다.', count('보'), true],
    ['연구팀은 걷기 프로그램의 효과를 확인할 계획이다.', count('보'), false],
    ['산 정상은 해발 1,708m다.', { kind: 'count', counter: 'm' }, true],
    ['배 씨는 "문어 한 철 벌이가 4,000만 원이 넘는다"고 말했다.', { kind: 'money', per: '철' }, true],
    // 상자 is how an article writes 박스, and 의 may follow the unit.
    ['귤 5kg 한 상자의 평균 값은 2만 1,000원이었다.', { kind: 'money', per: '박스' }, true],
    // A packed size before the unit prices one box; a box counted is no price of one.
    ['딸기 2kg 상자의 평균 경락가가 4만 1천 원으로 올랐다.', { kind: 'money', per: '상자' }, true],
    ['딸기 2kg 상자 반입량이 21% 줄어 농가 손실이 9억 원이다.', { kind: 'money', per: '상자' }, false],
    ['귤 5kg 한 상자의 평균 값은 2만 1,000원이었다.', { kind: 'money', per: '달' }, false],
    ['아파트는 2,050가구로 다시 지어진다.', count('세대'), true],
    ['사업비 2조4000억 원이 투입된다.', count('명'), false],
    ['9가지 제품을 선보였다.', count('개'), true],
    ['전국 5곳에 문을 연다.', count('개'), true],
    ['신제품 3개를 내놓았다.', count('가지'), true],
    ['3선 군수인 그는 출마하지 않았다.', count('선'), true],
    // 98㎜ is how news writes 98mm.
    ['시간당 최고 98㎜의 비가 쏟아졌다.', count('mm'), true],
    ['3m 높이의 파도가 쳤다.', count('mm'), false],
    ['지난 선거에서 군수로 뽑혔다.', count('선'), false],
    // A designation names one thing: line 3 is no count of stations.
    ['도시철도 3호선이 26일 개통했다.', count('개'), false],
    // A help page sets a count as a value; a rank is no value set, and 수 inside a word is no number.
    ['사본의 수를 8로 입력합니다.', count('개'), true],
    ['반복 횟수를 3으로 지정합니다.', count('번'), true],
    ['사본의 수를 8로 입력합니다.', count('위'), false],
    ['점수를 8로 나눕니다.', count('개'), false],
    ['첫 번째 우승이다.', count('번째'), true],
    // 첫 answers an ordinal count, not a number of people or a rank; a rank is never a bare number.
    ['팬들에게 첫 트로피를 안겼다.', count('위'), false],
    ['팬들에게 첫 트로피를 안겼다.', count('명'), false],
    ['해룡스는 리그 3위로 올라섰다.', count('위'), true],
    ['경기장에는 2만 8,412명의 관중이 들어찼다.', count('위'), false],
    // Households: 세대 and 가구 answer for each other.
    ['504가구는 신혼부부 특별공급이다.', count('세대'), true],
    ['모두 1,120세대가 입주한다.', count('가구'), true],
    // Sheets are counted in 매 as well as 장; a run of wins answers how many games in a row; a Hangul
    // unit's symbol answers it.
    ['한 번에 넣는 양은 DP-720W 10매를 넘기지 마세요.', count('장'), true],
    ['사진은 한 번에 20장까지 보낼 수 있다.', count('매'), true],
    ['스톰즈는 해온을 89-81로 꺾고 12연승을 달렸다.', count('경기'), true],
    ['스톰즈는 해온을 89-81로 꺾었다.', count('경기'), false],
    // A count per unit needs the unit or an average: a game's total is no average per game.
    ['한도윤은 3점슛 5개를 포함해 31점을 올렸다.', { kind: 'count', counter: '점', per: '경기' }, false],
    ['한도윤은 경기당 평균 24.5점을 기록 중이다.', { kind: 'count', counter: '점', per: '경기' }, true],
    ['관람객은 하루 평균 1,200명이다.', { kind: 'count', counter: '명', per: '평균' }, true],
    ['관람객은 모두 1,200명이다.', { kind: 'count', counter: '명', per: '평균' }, false],
    ['구멍의 깊이는 4m가 아니라 5.5m였다.', count('m'), true],
    // Storage in its symbol or in Hangul, and a larger unit for a smaller one.
    ['| 지원 용량 | 32GB ~ 256GB | 16GB ~ 128GB |', count('GB'), true],
    ['1TB 카드까지 인식합니다.', count('GB'), true],
    ['카드는 128기가까지 됩니다.', count('GB'), true],
    ['카드는 최대 8시간 녹화됩니다.', count('GB'), false],
    ['섬까지 12㎞를 15분에 난다.', count('km'), true],
    ['한 병에 500㎖가 들어 있다.', count('ml'), true],
    ['한 병에 500원이다.', count('ml'), false],
    ['무게는 500그램이다.', count('g'), true],
    // "몇" is not a number of people.
    ['몇 명인지는 밝히지 않았다.', count('명'), false],
    ['사람들이 많이 왔다.', count('명'), false],
    // age: N살 / N세, not 세기 or 세대.
    ['그는 올해 42세다.', AGE, true],
    // An age band is a decade.
    ['후보는 3,40대에서 높은 지지를 얻었다.', AGE, true],
    ['50대 이상의 지지가 높았다.', AGE, true],
    ['지지가 높았다.', AGE, false],
    ['7살 어린이가 구조됐다.', AGE, true],
    // The news ages a name in brackets; other bracketed numbers are no age.
    ['올 시즌을 앞두고 정태윤(47) 감독이 지휘봉을 잡았다.', AGE, true],
    ['김모(72·농업)씨가 실종됐다.', AGE, true],
    ['오르테가 후보(41.2%)에 뒤졌다.', AGE, false],
    ['주가는 3만 원(2.1%)으로 올랐다.', AGE, false],
    ['30대 초반의 남성이다.', AGE, true],
    ['15세기에 지어졌다.', AGE, false],
    ['20세대가 입주했다.', AGE, false],
    ['4세트 막판 서브 에이스 2개를 넣었다.', AGE, false],
    ['나이는 밝히지 않았다.', AGE, false],
    // time: digits, or words such as 올해 and 지난해.
    ['2025년 3월 개통한다.', TIME, true],
    // A "when" clause (…을 때, …ㄹ 때) tells a circumstance, not a time; a noun before 때 is a time.
    ['학부모는 "급한 일이 생겼을 때 연락이 안 될까 걱정된다"고 말했다.', TIME, false],
    ['버스를 갈아탈 때 요금을 다시 낸다.', TIME, false],
    ['임진왜란 때 불에 탔다.', TIME, true],
    ['올해 문을 연다.', TIME, true],
    ['지난해 완공됐다.', TIME, true],
    ['다리를 환하게 밝힌다.', TIME, false],
    // A bare digit is not a time ("언제 출시됐어?" answered with a model name).
    ['갤럭시 S6 엣지는 곡면 화면을 갖췄다.', TIME, false],
    ['2015.3.1. 발매되었다.', TIME, true],
    ['5일 뒤에 재개됐다.', TIME, true],
    // duration
    ['복구에 5일이 걸렸다.', { kind: 'duration' }, true],
    ['공사는 이틀 만에 끝났다.', { kind: 'duration' }, true],
    ['공사는 곧 끝난다.', { kind: 'duration' }, false],
    ['강민호는 6주가량 재활 치료를 받는다.', { kind: 'duration' }, true],
    ['통역 지연 시간을 0.4초로 줄였다.', { kind: 'duration' }, true],
    ['평균 18분이었다.', { kind: 'duration' }, true],
    ['3년 동안 연구했다.', { kind: 'duration' }, true],
    ['그는 1848년부터 1850년까지 대학에 다녔다.', { kind: 'duration' }, true],
    // A moment is no length: a day of the month, a year, a match minute, dollars.
    ['비토랩스는 23일 신제품을 공개했다.', { kind: 'duration' }, false],
    ['2025년에 문을 열었다.', { kind: 'duration' }, false],
    ['강민호가 전반 26분 부상으로 나갔다.', { kind: 'duration' }, false],
    ['가격은 300달러다.', { kind: 'duration' }, false],
    // A time said by an age, a period or an event: "3학년 때부터", "신생대 초기".
    ['초등학교 3학년 때부터 검도를 배웠다.', TIME, true],
    ['티베트 고원은 신생대 초기에 형성되기 시작했다.', TIME, true],
    ['그때까지 아무도 몰랐다.', TIME, false],
    ['조선 말기 문신으로 이름을 남겼다.', TIME, true],
    // A key is written as help pages write keys.
    ['Ctrl+Shift+F를 누르면 모든 노트에서 찾습니다.', { kind: 'key' }, true],
    ['F4 키를 눌러 다음 마커로 이동합니다.', { kind: 'key' }, true],
    ['수리는 고객센터(1644-3270)로 신청하세요.', { kind: 'phone' }, true],
    ['야간에는 02-123-4567로 전화하세요.', { kind: 'phone' }, true],
    ['에러 코드 번호와 발생 시각을 알려 주시면 빨리 안내받을 수 있습니다.', { kind: 'phone' }, false],
    ['2026-05-15 기준 가격은 12,000원입니다.', { kind: 'phone' }, false],
    ['You can select it by using the keyboard shortcut U.', { kind: 'key' }, true],
    ['설정 > 단축키로 이동합니다.', { kind: 'key' }, false],
    ['검색 창에 낱말을 입력합니다.', { kind: 'key' }, false],
    // A news report names a cause as what a change is "the effect of" (…한 영향으로 풀이된다).
    ['입주 물량이 줄면서 전세 매물이 부족해진 영향으로 풀이된다.', { kind: 'reason' }, true],
    ['태풍의 영향권에 들었다.', { kind: 'reason' }, false],
    // A cost is answered by a charge with its sum, by free of charge, or by no charge in words; a sum
    // alone may be a limit.
    ['번호이동 수수료는 800원입니다.', { kind: 'cost' }, true],
    ['앱 푸시 알림은 무료로 보내 드립니다.', { kind: 'cost' }, true],
    ['초과 보관료도 붙지 않습니다.', { kind: 'cost' }, true],
    ['추가 요금은 따로 없습니다.', { kind: 'cost' }, true],
    ['1만 원 미만의 입출금은 소액 알림을 켜야 알림이 옵니다.', { kind: 'cost' }, false],
    ['번호이동은 평일 오전 10시부터 신청할 수 있습니다.', { kind: 'cost' }, false],
    // A day answers 며칠; a year does not, nor the date a report was made.
    ['쌍둥이는 지난달 19일 태어났다.', { kind: 'time', day: true }, true],
    ['레서판다가 태어난 것은 2019년 이후 6년 만이다.', { kind: 'time', day: true }, false],
    ['개막식은 6/19에 열린다.', { kind: 'time', day: true }, true],
    ['매주 월요일은 쉰다.', { kind: 'time', day: true }, true],
    ['3월에 지구에 가장 가까워진다.', { kind: 'time', day: true }, false],
    ['산소요구량은 리터당 2.8mg으로 낮아졌다.', { kind: 'time', day: true }, false],
    ['쌍둥이가 태어났다고 동물원이 14일 밝혔다.', { kind: 'time', day: true }, false],
    // The hour of the day answers 몇 시; a date does not.
    ['14일 오전 7시 40분쯤 배가 방파제에 부딪혔다.', { kind: 'time', clock: true }, true],
    ['회의는 15:30에 시작했다.', { kind: 'time', clock: true }, true],
    ['지난 14일 부상자가 8명에서 11명으로 늘었다.', { kind: 'time', clock: true }, false],
    ['2시간 동안 이어졌다.', { kind: 'time', clock: true }, false],
    // Business days are days: "3영업일 안에" says when an answer comes and how long it takes.
    ['3영업일 안에 검토 결과를 알려 드립니다.', TIME, true],
    ['3영업일 안에 검토 결과를 알려 드립니다.', { kind: 'duration' }, true],
    ['영업일 기준으로 처리됩니다.', TIME, false],
    // A help page tells when by a period or a deadline: "6개월마다", "교체 주기는 6개월", "30분 동안만 유효", "7일 이내".
    ['프리필터는 2주마다 물로 씻어 주세요.', TIME, true],
    ['권장 교체 주기는 6개월이며, 정품 가격은 39,000원입니다.', TIME, true],
    ['링크는 30분 동안만 유효합니다.', { kind: 'time', bound: '까지' }, true],
    ['인증번호는 받은 뒤 5분 이내에 입력해 주세요.', { kind: 'time', bound: '까지' }, true],
    // "언제까지?" is answered by a limit an event sets; a plain "언제?" is not.
    ['탄산 세기는 탄산화 단계가 시작되기 전까지만 바꿀 수 있습니다.', { kind: 'time', bound: '까지' }, true],
    ['맥주를 다 마실 때까지 냉장 보관됩니다.', { kind: 'time', bound: '까지' }, true],
    ['탄산 세기는 탄산화 단계가 시작되기 전까지만 바꿀 수 있습니다.', TIME, false],
    ['세척이 끝나기까지 기다려 주세요.', { kind: 'time', bound: '까지' }, false],
    // …not by a length alone ("30분 동안 이어졌다"), nor a period word without a number.
    ['회의는 30분 동안 이어졌다.', TIME, false],
    ['필터는 주기적으로 청소해 주세요.', TIME, false],
    // An extension of so many days is a length in days.
    ['대출 기간은 1회에 한해 7일 연장할 수 있습니다.', { kind: 'duration', days: true }, true],
    ['대출 기간 연장은 앱에서 신청합니다.', { kind: 'duration', days: true }, false],
    // 초기 before a noun is a stage of something, not a time ("초기 처방", "말기 암").
    ['업계에서는 초기 처방 규모가 작을 수 있다고 본다.', TIME, false],
    ['말기 암 환자에게 쓰인다.', TIME, false],
    // 개 counts anything, in its own counter; a year counts nothing.
    ['태양 전지 패널이 4매 장착되어 있다.', { kind: 'count', counter: '개' }, true],
    ['통신용 회선이 3채널 장비되어 있다.', { kind: 'count', counter: '개' }, true],
    ['2006년 E3에서 상을 받았다.', { kind: 'count', counter: '개' }, false],
    // Kinds are counted in 개 or 종류; "18일만이며" is a length.
    ['신체능력별로 5개 종류로 나눌 수 있었다.', { kind: 'count', counter: '등급' }, true],
    ['신체능력별로 5개 종류로 나눌 수 있었다.', { kind: 'count', counter: '종' }, true],
    ['출시 18일만이며 수십 대가 터졌다.', { kind: 'duration' }, true],
    // A name said so answers "뭐라고 불렀나".
    ['페니키아인들은 스스로를 가나안인이라 불렀다.', { kind: 'quote' }, true],
    ['일명 ‘삼광 작전’이라 불리는 작전이다.', { kind: 'quote' }, true],
    ['페니키아인들은 바다를 건넜다.', { kind: 'quote' }, false],
    // soft kinds
    ['김민수 원장이 개회사를 했다.', { kind: 'person' }, true],
    ['행사는 성황리에 끝났다.', { kind: 'person' }, false],
    ['행사는 부산 벡스코에서 열렸다.', { kind: 'place' }, true],
    ['예산 부족 때문에 연기됐다.', { kind: 'reason' }, true],
    ['행사가 연기됐다.', { kind: 'reason' }, false],
    // A negative cause, or one that came about, says why too; a plain negation does not.
    ['부품을 구하지 못해 출시가 두 달 늦어졌다.', { kind: 'reason' }, true],
    ['안테나가 펴지지 않아 교신이 끊겼다.', { kind: 'reason' }, true],
    ['태양전지판 전개 불량으로 두 달 만에 임무를 중단했다.', { kind: 'reason' }, true],
    ['장마와 휴가철이 겹쳐 손님이 줄었다.', { kind: 'reason' }, true],
    ['요금이 싸다 보니 하루 종일 세워 두는 차가 많았다.', { kind: 'reason' }, true],
    ['엔진이 일찍 꺼지면서 실패했다.', { kind: 'reason' }, true],
    ['땅의 절반이 사유지여서 개발이 어렵다.', { kind: 'reason' }, true],
    ['회사는 수요가 줄고 있다는 점을 들어 인상은 어렵다고 했다.', { kind: 'reason' }, true],
    ['재판부는 피해를 갚은 점을 고려했다.', { kind: 'reason' }, true],
    ['출시는 아직 정해지지 않았다.', { kind: 'reason' }, false],
    ['시장은 신도시를 방문하면 시민을 만난다.', { kind: 'reason' }, false],
    ['삽입 메뉴에서 슬라이드 번호를 선택합니다.', { kind: 'method' }, true],
    // A step in the imperative, in a table row too.
    ['| E7 | 내부 온도 과열 | 전원을 끄고 30분 이상 식힌 뒤 켜세요 |', { kind: 'method' }, true],
    ['필터는 6개월마다 교체합니다.', { kind: 'method' }, false],
    ['슬라이드 번호는 유용하다.', { kind: 'method' }, false],
  ])('%s as %j → %s', (sentence, type, expected) => {
    expect(canAnswerType(sentence, type)).toBe(expected);
  });

  // Regression: MONEY_ANSWER once allowed only one place unit before the currency.
  it.each([['투자금은 5천만 원이다.'], ['매출은 3조 2천억 원이다.'], ['예산 2백만 달러가 배정됐다.']])(
    '%s holds money (compound unit)',
    (sentence) => {
      expect(canAnswerType(sentence, MONEY)).toBe(true);
    },
  );

  // Regression: TIME_ANSWER once accepted the syllable 때 anywhere (때문에).
  it('예산 부족 때문에 연기됐다. holds no time (때문 is not 때)', () => {
    expect(canAnswerType('예산 부족 때문에 연기됐다.', TIME)).toBe(false);
  });

  // Regression: weekdays and 주말/매주 were not times.
  it('매주 토요일에 열린다. holds a time', () => {
    expect(canAnswerType('낭독 수업은 매주 토요일에 열린다.', TIME)).toBe(true);
  });
});

describe('a sum or a change in it', () => {
  it.each<[string, AnswerType, boolean]>([
    ['전작 X6는 국내 점유율 7%에 그쳤다.', MONEY, false],
    ['출고가는 256GB 모델 기준 139만 원이다.', MONEY, true],
    ['입장은 무료다.', MONEY, true],
    ['사과 값은 1년 전보다 41% 올랐다.', { kind: 'money', change: true }, true],
  ])('%s → %s', (sentence, type, holds) => {
    expect(canAnswerType(sentence, type)).toBe(holds);
  });
});

describe('a person in the news', () => {
  const PERSON: AnswerType = { kind: 'person' };
  it('reads no name in a title of something (미술관의 대표): 의 ends no name', () => {
    expect(canAnswerType('매병은 미술관의 대표 소장품이다.', PERSON)).toBe(false);
    expect(canAnswerType('한도윤 미술관 대표가 말했다.', PERSON)).toBe(true);
  });

  const question = '청솔마라톤 여자부 우승자는 누구야?';
  it.each<[string, boolean]>([
    // A title or honorific, a bare name before its particle, a name with an age.
    ['박지훈 가온시 교통국장은 "매연 없는 도시를 만들겠다"고 말했다.', true],
    ['서하윤이 솔뫼레이크 챔피언십 첫날 단독 선두에 나섰다.', true],
    ['이날 최다 득점자는 이하린이었다.', true],
    ['김말순(78) 씨는 편하다고 말했다.', true],
    // A company or a quoted group answers 누가 too.
    ["조사는 새별군과 환경단체 '푸른날개'가 벌였다.", true],
    ['투자는 온새벤처스가 주도했다.', true],
    // No one named.
    ['여자부 우승은 2시간23분에 결승선을 통과한 케냐 출신에게 돌아갔다.', false],
    ['책가도는 18세기 후반 궁중에서 시작해 민간으로 퍼졌다.', false],
    // A city (유하시) starts like a name; a unit in Latin letters (km) is no name.
    ['유하시는 축제를 유하강 둔치 일대 2.4km 구간에서 연다.', false],
    // A plural (선비들) and a kind of people (관람객) start like a name too.
    ['조선 후기 선비들의 서재를 그린 그림 120점이 걸렸다.', false],
    ['전시장 마지막 공간에는 관람객이 직접 그림을 그려 보는 방이 있다.', false],
    // A title word inside another word: 소장한 (holds), 소장품 (a holding).
    ['미국의 한 대학 박물관이 소장한 그림이 돌아왔다.', false],
    ['박물관 4곳이 소장품을 빌려줬다.', false],
    // A counter after a number ("2천 명이었는데").
    ['지난해 관객은 5만 2천 명이었는데 올해는 더 늘었다.', false],
  ])('%s → %s', (sentence, holds) => {
    expect(canAnswerType(sentence, PERSON, question)).toBe(holds);
  });

  it.each<[string, boolean]>([
    // Asked who painted '문방 책가도', another work of its kind in quotes names no painter.
    ["미국의 한 대학이 빌려준 '화조 책가도'가 돌아왔다.", false],
    ["이번 전시는 '서가회'가 기획했다.", true],
  ])('who painted it: %s → %s', (sentence, holds) => {
    expect(canAnswerType(sentence, PERSON, '문방 책가도는 누가 그린 작품이야?')).toBe(holds);
  });
});

describe('a company the question does not say', () => {
  const ORG: AnswerType = { kind: 'org' };
  it.each<[string, AnswerType | undefined]>([
    ['크로이터 파업으로 피해 보는 한국 회사는 어디야?', ORG],
    ['굴 무침 납품한 업체가 어디야?', ORG],
    ['어느 회사가 만들었어?', ORG],
    ['행사는 어디서 열렸어?', { kind: 'place' }],
    // A person by their role.
    ['개막식 축하공연에 어떤 가수 와?', { kind: 'person' }],
  ])('%s → %j', (question, type) => {
    expect(expectedAnswerType(question)).toEqual(type);
  });

  it.each<[string, boolean]>([
    ['크로이터에서 부품을 받는 한성모터스의 체코 공장은 재고가 2주치에 불과하다.', true],
    ['한국 기업도 영향권에 들었다.', false],
    ["납품 업체 '바다찬'의 보관 상태를 확인하고 있다.", true],
    // The company the question already names is no answer.
    ['크로이터모터스 노조가 파업을 이어가기로 했다.', false],
    // A name after its kind.
    ['배터리 소재 기업 누리셀과 공동으로 연구했다.', true],
    ['물류 스타트업 바로온이 새 창고를 열었다.', true],
    ['이 기업은 체코에 공장이 있다.', false],
  ])('%s → %s', (sentence, holds) => {
    expect(canAnswerType(sentence, ORG, '크로이터모터스 파업으로 피해 보는 한국 회사는 어디야?')).toBe(holds);
  });
});

describe('a name the question does not say', () => {
  const NAME: AnswerType = { kind: 'name' };
  it.each<[string, string, boolean]>([
    // question, sentence, holds a name the question lacks
    ['해온콜버스 호출 앱 이름이 뭐야?', "해온시는 10일부터 '해온콜버스' 운행을 시작한다.", false],
    ['해온콜버스 호출 앱 이름이 뭐야?', "호출은 전용 앱 '콜버스온'으로 하면 된다.", true],
    ['통역 이어폰 이름이 뭐야?', "비토랩스는 통역 이어폰 '톡브릿지 2'를 공개했다.", true],
    ['칩 이름이 뭐야?', '이 제품에는 자체 칩 VT1이 들어갔다.', true],
    ['굴 무침을 납품한 업체 이름이 뭐야?', '당국은 납품 업체의 보관 상태를 확인하고 있다.', false],
    // Speech in double marks and a quoted phrase ending as a sentence are no names.
    ['앱 이름이 뭐야?', '김 씨는 "이제는 전화 한 통이면 된다"고 말했다.', false],
    ['앱 이름이 뭐야?', "응답자의 91%가 '만족한다'고 답했다.", false],
  ])('%s / %s → %s', (question, sentence, holds) => {
    expect(canAnswerType(sentence, NAME, question)).toBe(holds);
  });

  it('without the question, any quoted or Latin name answers', () => {
    expect(canAnswerType("해온시는 '해온콜버스' 운행을 시작한다.", NAME)).toBe(true);
  });
});

describe('a country', () => {
  const COUNTRY: AnswerType = { kind: 'place', country: true };
  it('is hard in the news only, and needs a country named', () => {
    expect(isHardType(COUNTRY, true)).toBe(true);
    expect(isHardType(COUNTRY)).toBe(false);
    expect(canAnswerType('스페인 출신 공격수 솔레르가 37점을 올렸다.', COUNTRY)).toBe(true);
    expect(canAnswerType('외국인 공격수 솔레르가 37점을 올렸다.', COUNTRY)).toBe(false);
  });
});

describe('isHardType', () => {
  it.each([
    ['몇 명이 다쳤어?', true],
    ['매출은 얼마야?', true],
    ['언제 출시됐어?', true],
    ['공사는 얼마나 걸려?', true],
    ['원장은 누구야?', false],
    ['행사는 어디서 열렸어?', false],
    ['왜 연기됐어?', false],
  ])('%s → %s', (question, hard) => {
    const type = expectedAnswerType(question);
    expect(type && isHardType(type)).toBe(hard);
  });
});

describe('a cause named outright', () => {
  it.each<[string, boolean]>([
    ['실적 개선은 북미에 공급하는 양극재 물량이 늘어난 덕분이다.', true],
    ['연구팀은 걷기가 뇌 혈류를 늘리기 때문인 것으로 추정했다.', true],
    ['짙은 안개로 인해 배가 항로를 벗어났다.', true],
    // -다 보니 and -길래 join a cause to what followed from it.
    ['요금이 민간 주차장의 절반에 그치다 보니 장기 주차가 많았다.', true],
    ['값이 싸길래 많이 샀다.', true],
    ['사고 원인은 조타 장치 고장이었다.', true],
    ['오픈소스 모델만으로는 한계가 있다고 판단해서다.', true],
    // A cause in the instrumental before what went wrong; a direction or a means is none.
    ['한별 2호는 태양전지판 전개 불량으로 두 달 만에 임무를 중단했다.', true],
    ['김도윤은 지난해 발목 부상으로 8개월 동안 대회에 나서지 못했다.', true],
    // The background a speaker gives for a decision, not a scene.
    ['총재는 "경기 하방 위험이 커졌다"고 인하 배경을 설명했다.', true],
    // The motive of a protest: what was demanded or opposed; a reaction in progress is none.
    ['노동조합은 임금 25% 인상을 요구하며 지난달 30일부터 파업에 들어갔다.', true],
    ['상인들은 시장 폐쇄에 반발해 시청 앞에서 농성을 벌였다.', true],
    ['그러나 일부 주민들은 반발하고 있다.', false],
    // What holds a thing back.
    ['평균 200만 원이 넘는 비싼 가격이 가장 큰 걸림돌이었다.', true],
    ['높은 임대료가 청년 창업의 발목을 잡고 있다.', true],
    ['소설은 남해의 한 무인 등대를 배경으로 한다.', false],
    ['선수단은 전세기로 서울에 도착했다.', false],
    ['주민들이 한꺼번에 자리에서 일어섰다.', false],
    ['시민들이 먼저 앞장서다.', false],
    // A quote's ending or a plan makes REASON_ANSWER hold, not a cause.
    ['부사장은 "계약을 마무리하는 단계"라며 "출하량이 늘 것"이라고 말했다.', false],
    ['공장을 짓기 위해 4천억 원을 들인다.', false],
  ])('%s → %s', (sentence, named) => {
    expect(namesCause(sentence)).toBe(named);
  });
});

describe('a place in an interface', () => {
  it.each<[string, boolean]>([
    ['고급 설정 > 무선 > 게스트 네트워크로 이동합니다.', true],
    ['**설정 > 계정**에서 같은 이메일로 로그인되어 있는지 확인합니다.', true],
    ['[전체 메뉴] > [이체] > [자동이체 관리]를 누릅니다.', true],
    ['이미지 메뉴에서 편집 → 실행 취소를 선택합니다.', true],
    ['서식 탭에서 글꼴을 고릅니다.', true],
    ['인쇄 대화 상자에서 용지 크기를 정합니다.', true],
    ['반복 횟수 상자(오른쪽 상자)에서 애니메이션을 반복할 횟수를 선택합니다.', true],
    ['속성 사이드바에서 선 두께를 바꿉니다.', true],
    // A box in the world is no box on the screen, and a screen is where a step happens, not a place asked for.
    ['택배 상자를 현관 앞에서 받았다.', false],
    ['결제 화면에서 [쿠폰 적용]을 누릅니다.', false],
    // A word that only ends in 창 or 탭 is no window or tab, and a comparison is no path.
    ['합창 공연이 시청 광장에서 열렸다.', false],
    ['게스트 네트워크에는 최대 16대까지 동시에 연결할 수 있습니다.', false],
    ['x > 0 이면 함수는 양수를 돌려줍니다.', false],
  ])('%s → %s', (sentence, named) => {
    expect(namesUiPlace(sentence)).toBe(named);
  });
});
