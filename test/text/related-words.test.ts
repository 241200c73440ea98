import { describe, expect, it } from 'vitest';
import { RELATED_GROUPS } from '../../src/text/related-word-groups.js';
import { areRelated, relatedLemma, relatedTerms } from '../../src/text/related-words.js';

describe('relatedTerms', () => {
  // [a surface word as it appears in a question or article, lemmas that must be related to it]
  it.each<[string, string[]]>([
    ['일주일', ['매주']],
    ['매주', ['일주일']],
    ['관리하는', ['유지보수', '메인테이너']],
    ['메인테이너가', ['관리', '유지보수']],
    ['출시', ['발표', '공개', '선보이']],
    ['공개됐다', ['출시']],
    ['선보였다', ['출시', '공개']],
    ['숨졌다', ['사망', '사망자', '목숨 잃']],
    ['숨진', ['사망']],
    ['목숨을 잃었다', ['사망', '숨지']],
    ['사망자는', ['숨지']],
    ['다쳤다', ['부상', '부상자']],
    ['부상자가', ['다치']],
    ['협력사와', ['거래처', '파트너']],
    ['거래처', ['협력사']],
    ['선생님', ['교사']],
    ['교사를', ['선생님']],
    ['우리나라', ['대한민국', '한국']],
    ['대한민국의', ['우리나라']],
    ['넓이는', ['면적', '부지']],
    ['부지', ['면적']],
    ['투자', ['투입']],
    ['투입했다', ['투자']],
    ['값이', ['가격']],
    ['집값', ['매매가격', '아파트값']],
    ['매매가격이', ['집값']],
    ['내려가는', ['하락', '떨어지']],
    ['내림세를', ['하락']],
    ['시행돼요', ['시작', '실시']],
    // A special disaster area is declared (선포) or designated (지정): the same act.
    ['지정됐어', ['선포']],
    ['선포했다', ['지정']],
    ['시작된다', ['시행']],
    ['손님', ['승객']],
    ['탑승객은', ['승객']],
    ['매출은', ['수익', '실적']],
    ['인상했다', ['올리', '오르']],
    ['경매가', ['경락']],
    ['깎였다', ['인하']],
    ['이자', ['금리']],
    ['올렸다', ['인상']],
    ['인하', ['내리']],
    ['내렸다', ['인하']],
    ['개최', ['열리']],
    ['열린', ['개최']],
    ['열었다', ['개최']],
    ['취임했다', ['맡']],
    ['맡았다', ['취임']],
    ['착공했다', ['시작', '착수']],
    ['설치', ['깔']],
    ['깔았다', ['설치']],
    ['지웠다', ['삭제']],
    ['삭제하는', ['지우']],
    ['보관', ['저장']],
    ['저장했다', ['보관']],
    ['단축키는', ['바로 가기 키']],
    ['바로 가기 키를', ['단축키']],
    ['폰트', ['글꼴']],
    ['글꼴을', ['폰트']],
    ['AI', ['인공지능']],
    ['ai를', ['인공지능']],
    ['늘어났다', ['증가']],
    ['줄었다', ['감소']],
    ['뽑혔다', ['선정']],
    ['밝혔다', ['발언', '말하']],
    ['말했다', ['밝히']],
    ['샀다', ['구매']],
    // Colours: an ㅎ-irregular adjective in the user's words, a colour noun on the page.
    ['하얗게', ['흰색']],
    ['하얀', ['흰색']],
    ['빨갛게', ['빨간색']],
    ['까만', ['검은색']],
    ['흰색으로', ['하얗']],
    ['깜빡여요', ['깜박이']],
    ['깜박입니다', ['깜빡이']],
    // The -어 form's contraction undone: 바꿔 → 바꾸.
    ['바꿔', ['변경']],
  ])('%s → %j', (word, expected) => {
    const terms = relatedTerms(word);
    for (const term of expected) expect(terms).toContain(term);
  });

  // Words the table must not claim: unknown words, and nouns that look like a verb form of a
  // one-syllable stem (사고 is an accident, not 사+고 "buy and").
  it.each([['비트코인'], ['사고'], ['사기'], ['줄기'], ['열기'], ['바다'], ['키를'], [''], ['   ']])('%j has no related words', (word) => {
    expect(relatedTerms(word)).toEqual([]);
  });

  it('never returns the word’s own lemma', () => {
    expect(relatedTerms('숨졌다')).not.toContain('숨지');
    expect(relatedTerms('매주')).not.toContain('매주');
  });

  it('keeps the case of Latin entries', () => {
    expect(relatedTerms('인공지능')).toContain('AI');
  });
});

describe('relatedLemma', () => {
  it.each([
    ['숨졌다', '숨지'],
    ['숨진', '숨지'],
    ['사망자는', '사망자'],
    ['목숨을 잃었다', '목숨 잃'],
    ['올린', '올리'],
    ['맡았다', '맡'],
    ['맡은', '맡'],
    ['지운', '지우'],
    ['관리하는', '관리'],
    ['주마다', '주마다'],
    ['바로 가기 키를', '바로 가기 키'],
  ])('%s → %s', (word, lemma) => {
    expect(relatedLemma(word)).toBe(lemma);
  });

  it('is undefined for a word the table does not know', () => {
    expect(relatedLemma('비트코인')).toBeUndefined();
  });
});

describe('areRelated', () => {
  it.each([
    ['거래처', '협력사', true],
    ['숨진', '사망자', true],
    ['일주일', '매주', true],
    ['글꼴', '폰트', true],
    ['사망', '사망자는', true],
    // A company's head by any of its titles.
    ['사장', '대표는', true],
    ['사장', '회장', false],
    ['출시', '사망', false],
    ['비트코인', '가격', false],
    // Opposites never meet: a raise is no cut.
    ['인상', '인하', false],
    ['올랐다', '내렸다', false],
    ['증가', '감소', false],
    // A name typed in Hangul meets the document's Latin spelling.
    ['리눅스', 'Linux', true],
    ['와이파이', 'Wi-Fi', true],
    ['챔프전', '챔피언결정전', true],
    ['비행기가', '항공기', true],
    // A user's 비행기 is a report's 항공편 (flights cancelled), a user's 기계 a manual's 기기.
    ['비행기', '항공편이', true],
    ['기계', '기기를', true],
    ['기계', '기록', false],
    ['임프레스에서도', 'Impress', true],
    ['리눅스', 'Windows', false],
    // A user's recorded 멘트 is a manual's 메시지.
    ['멘트는', '메시지', true],
    ['멘트', '메일', false],
    // 애 is the spoken 아이; a slow blink is 천천히 깜빡임 on a page, and 껌뻑 the heavier 깜빡.
    ['애들은', '어린이', true],
    ['느리게', '천천히', true],
    ['느리게', '빠르게', false],
    // A fast course is a help page's 쾌속.
    ['빠른', '쾌속', true],
    ['쾌속', '천천히', false],
    ['껌뻑껌뻑하는', '깜빡이는', true],
    ['맥북', 'Mac', true],
    // A baby born is a 출생아 in the news.
    ['아기', '출생아', true],
    // A train's or a bus's 요금 is its 운임.
    ['요금은', '운임', true],
    // A water sample taken for testing is a 시료 in the news.
    ['샘플은', '시료', true],
    ['샘플', '시간', false],
    // A team's 캡틴 is its 주장.
    ['캡틴은', '주장', true],
    // Fixing a building is its 리모델링 or 보수 in the news; a warranty's free 수리 is fixing it too.
    ['고치는', '리모델링', true],
    ['고쳐', '수리', true],
    ['보수', '보험', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(areRelated(a, b)).toBe(expected);
  });
});

describe('the table', () => {
  // A small table: paraphrases and names written in Hangul and Latin letters, 200 groups at most.
  it('holds 80 to 200 groups of at least two distinct words', () => {
    expect(RELATED_GROUPS.length).toBeGreaterThanOrEqual(80);
    expect(RELATED_GROUPS.length).toBeLessThanOrEqual(200);
    for (const group of RELATED_GROUPS) expect(new Set(group).size, group.join(', ')).toBeGreaterThanOrEqual(2);
  });

  it('is symmetric: every member finds every other member of its groups, and itself by its lemma', () => {
    for (const group of RELATED_GROUPS) {
      for (const term of group) {
        const lemma = relatedLemma(term);
        expect(lemma, term).toBeDefined();
        for (const other of group) {
          const otherLemma = relatedLemma(other)!;
          if (otherLemma !== lemma) expect(relatedTerms(term), `${term} → ${other}`).toContain(otherLemma);
          expect(areRelated(term, other), `${term} ~ ${other}`).toBe(true);
        }
      }
    }
  });
});
