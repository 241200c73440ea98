// Related words: synonyms and common paraphrases of news and documentation vocabulary, so that a
// question in one wording can meet a sentence in another (일주일 ↔ 매주, 거래처 ↔ 협력사, 숨졌다 ↔
// 사망). A word belongs to a group by its lemma: nouns particle-stripped (사망자는 → 사망자), verbs by
// stem (숨졌다 → 숨지, 올린 → 올리, 맡았다 → 맡), phrases word by word (목숨을 잃었다 → 목숨 잃).
// Groups are small and close in meaning; a word may sit in two groups (열리: 개최, 공개 is not).
import { stripParticle } from './tokens.js';

/**
 * The groups. Nouns as written; verbs as their dictionary form ending in 다 (the 다 is dropped for
 * the lemma); several words are one phrase (바로 가기 키, 목숨을 잃다).
 */
export const RELATED_GROUPS: readonly (readonly string[])[] = [
  // Time and frequency
  ['매주', '일주일', '주마다', '매 주', '주 1회'],
  ['매일', '날마다', '매일매일', '하루하루'],
  ['매달', '매월', '달마다', '월마다'],
  ['매년', '해마다', '매해', '연간'],
  ['지난해', '작년', '전년'],
  ['올해', '금년', '이번 해'],
  ['내년', '이듬해', '다음 해'],
  ['최근', '요즘', '근래'],
  // People and organisations
  ['유지보수', '유지 관리', '관리', '유지', '메인테이너', '관리자'],
  ['협력사', '거래처', '파트너', '파트너사', '협력업체', '협력 업체'],
  ['회사', '기업', '업체'],
  ['정부', '당국'],
  ['사용자', '이용자', '유저'],
  ['고객', '소비자', '손님'],
  ['직원', '근로자', '노동자', '종업원'],
  ['주민', '거주자', '시민'],
  ['노인', '고령자', '어르신'],
  ['어린이', '아동', '아이'],
  ['청년', '젊은이', '청년층'],
  ['감독', '사령탑'],
  ['관중', '관객'],
  ['연구진', '연구팀'],
  // Events and actions in the news
  ['출시', '발표', '공개', '선보이다', '내놓다', '발매', '론칭'],
  ['사망', '숨지다', '목숨을 잃다', '사망자', '숨진 사람', '희생자', '목숨을 앗아가다'],
  ['부상', '다치다', '부상자', '부상을 입다', '중상', '경상'],
  ['개최', '열리다', '열다'],
  ['취임', '맡다', '부임'],
  ['선임', '임명', '기용'],
  ['시작', '착수', '착공', '개시', '돌입'],
  ['완료', '마치다', '끝내다', '끝나다', '종료', '마무리'],
  ['완공', '준공', '완성'],
  ['참석', '참가', '참여'],
  ['선정', '뽑다', '뽑히다', '선발', '채택'],
  ['우승', '정상', '1위'],
  ['승리', '이기다'],
  ['패배', '패하다'],
  ['경기', '시합'],
  ['발언', '말하다', '밝히다', '언급'],
  ['계획', '방침', '예정'],
  ['목표', '목적'],
  ['이유', '원인', '까닭'],
  ['결과', '성과'],
  ['행사', '이벤트'],
  ['정상회의', '서밋', '정상회담'],
  ['기자회견', '브리핑'],
  ['발견', '찾아내다', '밝혀내다'],
  ['체포', '검거', '붙잡다'],
  ['법안', '법률안'],
  ['통과', '가결', '의결'],
  ['시행', '실시', '도입'],
  ['지원', '돕다', '보조'],
  ['지원금', '보조금'],
  ['협력', '협업', '제휴'],
  ['계약', '협약'],
  ['체결', '맺다'],
  ['합의', '타결'],
  ['인수', '매입', '사들이다'],
  ['합병', '통합'],
  ['파업', '쟁의'],
  // Money and figures
  ['투자', '투입', '출자', '들이다', '쏟다'],
  ['가격', '값', '판매가', '출고가', '가격대'],
  ['요금', '이용료', '사용료'],
  ['매출', '매출액', '수익', '실적', '판매액'],
  ['영업이익', '이익', '흑자'],
  ['손실', '적자', '손해'],
  ['인상', '올리다', '상향'],
  ['인하', '내리다', '하향', '낮추다'],
  ['증가', '늘다', '늘어나다', '증대', '확대'],
  ['감소', '줄다', '줄어들다', '축소', '감축'],
  ['상승', '오르다'],
  ['하락', '떨어지다'],
  ['예산', '사업비', '재원'],
  ['세금', '조세'],
  ['임금', '월급', '급여', '봉급'],
  ['임대료', '월세', '집세'],
  ['무료', '공짜'],
  ['판매', '팔다'],
  ['판매량', '판매 대수'],
  ['구매', '구입', '사다'],
  ['주가', '주식 가격'],
  ['금리', '이자율'],
  ['일자리', '고용'],
  ['넓이', '면적', '부지'],
  ['생산', '제조'],
  ['개발', '제작', '만들다'],
  ['공장', '생산 시설', '생산 기지'],
  // Health, weather, accidents
  ['확진자', '감염자'],
  ['증상', '징후'],
  ['병원', '의료기관'],
  ['날씨', '기상'],
  ['기온', '온도'],
  ['강수', '강우'],
  ['폭염', '무더위', '불볕더위'],
  ['온열질환', '열사병', '일사병'],
  // Technology
  ['인공지능', 'AI', '에이아이'],
  ['스마트폰', '휴대전화', '휴대폰'],
  ['전기차', '전기자동차'],
  ['배터리', '전지', '이차전지'],
  ['반도체', '칩'],
  ['데이터', '자료'],
  ['소프트웨어', '프로그램'],
  ['앱', '애플리케이션', '어플'],
  ['웹사이트', '홈페이지', '누리집', '사이트'],
  ['인터넷', '온라인'],
  ['이메일', '전자우편', '메일'],
  ['업데이트', '갱신', '업그레이드'],
  ['다운로드', '내려받다'],
  ['로그인', '로그온', '접속'],
  ['비밀번호', '암호', '패스워드'],
  ['오류', '에러', '버그'],
  // Documentation: files, editing, the interface
  ['설치', '깔다', '인스톨'],
  ['삭제', '지우다', '제거', '없애다'],
  ['저장', '보관'],
  ['단축키', '바로 가기 키', '바로가기 키', '키 조합'],
  ['글꼴', '폰트', '서체'],
  ['복사', '복제'],
  ['붙여넣기', '붙여 넣기'],
  ['잘라내기', '오려 두기'],
  ['실행 취소', '되돌리기'],
  ['다시 실행', '재실행'],
  ['인쇄', '프린트', '출력'],
  ['설정', '옵션', '환경 설정'],
  ['도구 모음', '툴바', '도구 막대'],
  ['대화 상자', '대화상자', '다이얼로그'],
  ['클릭', '누르다'],
  ['선택', '고르다', '지정'],
  ['입력', '기입', '타이핑'],
  ['삽입', '넣다', '추가'],
  ['수정', '고치다', '편집'],
  ['변경', '바꾸다', '바뀌다', '전환'],
  ['표', '테이블'],
  ['그림', '이미지', '사진'],
  ['내보내기', '익스포트'],
  ['가져오기', '임포트', '불러오기'],
  ['배율', '확대/축소', '줌'],
  ['수식', '공식', '계산식'],
  ['차트', '그래프', '도표'],
  ['색', '색상', '색깔', '컬러'],
  ['투명도', '불투명도'],
  ['크기 조정', '크기 변경'],
  ['회전', '돌리다'],
  ['명령', '명령어', '커맨드'],
  ['폴더', '디렉터리', '디렉토리'],
  ['화면', '스크린'],
  ['단추', '버튼'],
  ['확인란', '체크 박스', '체크박스'],
  ['오른쪽 클릭', '우클릭', '마우스 오른쪽 단추'],
  ['문자', '글자'],
  ['버전', '판'],
];

// ---------------------------------------------------------------- lemmas

const BASE = 0xac00;
const LAST = 0xd7a3;

function decompose(syllable: string): { lead: number; vowel: number; tail: number } | undefined {
  const code = syllable.charCodeAt(0);
  if (code < BASE || code > LAST) return undefined;
  const offset = code - BASE;
  return { lead: Math.floor(offset / 588), vowel: Math.floor((offset % 588) / 28), tail: offset % 28 };
}

function compose(lead: number, vowel: number, tail: number): string {
  return String.fromCharCode(BASE + lead * 588 + vowel * 28 + tail);
}

// Vowel indexes (ㅏ=0 … ㅣ=20) and final consonants (ㄴ=4, ㄹ=8, ㅆ=20).
const V = { a: 0, ae: 1, eo: 4, yeo: 6, o: 8, wa: 9, wae: 10, oe: 11, u: 13, wo: 14, i: 20 } as const;
const T = { none: 0, n: 4, l: 8, ss: 20 } as const;

/**
 * Past-tense contractions undone on the stem's last syllable: 졌 → 지 (ㅣ+ㅓ), 웠 → 우, 왔 → 오,
 * 됐 → 되, 했 → 하; and plain 갔 → 가, 섰 → 서.
 */
const CONTRACTED: ReadonlyArray<readonly [number, number]> = [
  [V.yeo, V.i],
  [V.wo, V.u],
  [V.wa, V.o],
  [V.wae, V.oe],
  [V.ae, V.a],
];

/** Endings after a verb stem, longest first; what is left is the stem (or its contracted last syllable). */
const VERB_ENDINGS = [
  '었으며', '았으며', '었는데', '았는데', '었지만', '았지만', '으면서', '었다고', '았다고',
  '었다', '았다', '었어', '았어', '었고', '았고', '었던', '았던', '어서', '아서', '으며', '으면', '는다', '면서', '지만', '다고', '도록',
  '다', '고', '며', '면', '는', '은', '을', '던', '게', '기', '어', '아', '요',
];

/** Lemmas a surface word may have, most likely first: itself, without a particle, verb stems. */
function candidates(word: string): { nouns: string[]; verbs: string[] } {
  const nouns = [word];
  const stripped = stripParticle(word);
  if (stripped !== word) nouns.push(stripped);
  // One-syllable nouns keep their particle in stripParticle (키를, 값이): drop it here.
  const single = /^([가-힣])(은|는|이|가|을|를|의|에|와|과|로|도|만)$/.exec(word);
  if (single) nouns.push(single[1]!);

  const verbs: string[] = [];
  const addStem = (stem: string) => {
    if (!stem) return;
    verbs.push(stem);
    const last = decompose(stem[stem.length - 1]!);
    if (!last) return;
    const head = stem.slice(0, -1);
    if (last.tail === T.ss) {
      for (const [contracted, plain] of CONTRACTED) if (last.vowel === contracted) verbs.push(head + compose(last.lead, plain, T.none));
      verbs.push(head + compose(last.lead, last.vowel, T.none));
    }
    // Adnominal and present forms add ㄴ or ㄹ to a vowel stem: 숨진, 올린, 지운, 숨질.
    if (last.tail === T.n || last.tail === T.l) verbs.push(head + compose(last.lead, last.vowel, T.none));
  };
  addStem(word);
  for (const ending of VERB_ENDINGS) {
    if (word.length <= ending.length || !word.endsWith(ending)) continue;
    const stem = word.slice(0, word.length - ending.length);
    // A one-syllable stem before a one-syllable ending is often a noun (사고, 사기, 줄기, 열기):
    // accept it only with a final consonant and never before 기 (맡은, 열고; not 사고), or as 다 (사다).
    if (stem.length === 1 && ending.length === 1 && ending !== '다' && (!decompose(stem)?.tail || ending === '기')) continue;
    addStem(stem);
  }
  // 하다 and 되다 verbs are their noun: 설치했다 → 설치 (stripParticle already did it).
  return { nouns, verbs };
}

// ---------------------------------------------------------------- the index

interface Entry {
  /** The lemma shown to callers: nouns as written, verbs by stem, phrases word by word. */
  lemma: string;
  groups: number[];
}

function lemmaOfEntry(term: string): { key: string; lemma: string; verb: boolean } {
  const words = term.split(' ');
  const last = words[words.length - 1]!;
  // Verbs end in 다; 주마다, 해마다 are nouns with 마다 (every).
  const verb = last.length >= 2 && last.endsWith('다') && !last.endsWith('마다');
  const head = words.slice(0, -1).map((word) => stripParticle(word));
  const lemma = [...head, verb ? last.slice(0, -1) : last].join(' ');
  return { key: lemma.toLowerCase(), lemma, verb };
}

const nounIndex = new Map<string, Entry>();
const verbIndex = new Map<string, Entry>();

RELATED_GROUPS.forEach((group, groupIndex) => {
  for (const term of group) {
    const { key, lemma, verb } = lemmaOfEntry(term);
    const index = verb ? verbIndex : nounIndex;
    const entry = index.get(key) ?? { lemma, groups: [] };
    if (!entry.groups.includes(groupIndex)) entry.groups.push(groupIndex);
    index.set(key, entry);
  }
});

/** The lemma of each group member, computed once. */
const groupLemmas = RELATED_GROUPS.map((group) => [...new Set(group.map((term) => lemmaOfEntry(term).lemma))]);

function lookupWord(word: string): Entry | undefined {
  const { nouns, verbs } = candidates(word);
  for (const noun of nouns) {
    const entry = nounIndex.get(noun);
    if (entry) return entry;
  }
  for (const verb of verbs) {
    const entry = verbIndex.get(verb);
    if (entry) return entry;
  }
  return undefined;
}

/** The table entry of a word or phrase, if it has one: 숨졌다 → 숨지, 사망자는 → 사망자, 목숨을 잃었다 → 목숨 잃. */
export function relatedLemma(word: string): string | undefined {
  return lookup(word)?.lemma;
}

function lookup(text: string): Entry | undefined {
  const words = text.normalize('NFC').trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  if (words.length === 1) return lookupWord(words[0]!);
  // A phrase: particles off every word but the last, which is analysed as a word (목숨을 잃었다).
  const head = words.slice(0, -1).map((word) => stripParticle(word)).join(' ');
  const { nouns, verbs } = candidates(words[words.length - 1]!);
  for (const noun of nouns) {
    const entry = nounIndex.get(`${head} ${noun}`);
    if (entry) return entry;
  }
  for (const verb of verbs) {
    const entry = verbIndex.get(`${head} ${verb}`);
    if (entry) return entry;
  }
  return undefined;
}

/**
 * Words related to `word` (a surface word or phrase, particles and verb endings allowed), as lemmas:
 * nouns as written, verbs by stem, phrases word by word. Empty when the table does not know it.
 * relatedTerms('숨졌다') → ['사망', '목숨 잃', '사망자', …]; the word's own lemma is not included.
 */
export function relatedTerms(word: string): string[] {
  const entry = lookup(word);
  if (!entry) return [];
  const out = new Set<string>();
  for (const group of entry.groups) for (const lemma of groupLemmas[group]!) if (lemma !== entry.lemma) out.add(lemma);
  return [...out];
}

/** True when two words share a group (or have the same lemma): 거래처 ~ 협력사, 숨진 ~ 사망. */
export function areRelated(a: string, b: string): boolean {
  const first = lookup(a);
  const second = lookup(b);
  if (!first || !second) return false;
  return first === second || first.groups.some((group) => second.groups.includes(group));
}
