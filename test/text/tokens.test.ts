import { describe, expect, it } from 'vitest';
import { foldForMatch, normalizeText } from '../../src/text/normalize.js';
import { analyze, bigrams, contentWords, hasBatchim, isQuestionWord, splitWords, stripParticle } from '../../src/text/tokens.js';

describe('stripParticle', () => {
  it.each([
    ['연구원은', '연구원'],
    ['연구원이', '연구원'],
    ['개발하는', '개발'],
    ['개발했으며', '개발'],
    ['발표했다', '발표'],
    ['오픈소스로', '오픈소스'],
    ['프로젝트를', '프로젝트'],
    ['서울시가', '서울시'],
    ['서울시에게', '서울시'],
    ['정부의', '정부'],
    ['학교에서', '학교'],
    ['경주에서는', '경주'],
    ['삼성전자도', '삼성전자'],
    ['기업으로', '기업'],
    ['구글과', '구글'],
    ['회사와', '회사'],
    ['모델을', '모델'],
    ['세계적인', '세계적'],
    ['수준의', '수준'],
    // 로 follows a vowel or a final ㄹ.
    ['서울로', '서울'],
    ['교실로', '교실'],
    // Spoken "and": 이랑 after a final consonant, 랑 after a vowel.
    ['해림이랑', '해림'],
    ['도담시랑', '도담시'],
    // The copula's connective 이라 ("회색이라 안 눌려요") after a final consonant.
    ['회색이라', '회색'],
    // The polite endings of 하다 and 되다 verbs: their noun.
    ['시행돼요', '시행'],
    ['설치해요', '설치'],
    ['시행되나요', '시행'],
    ['연결됐어요', '연결'],
  ])('%s → %s', (word, stem) => {
    expect(stripParticle(word)).toBe(stem);
  });

  it.each([
    ['국가', 'at least two syllables must remain'],
    ['사이', 'at least two syllables must remain'],
    ['것이', 'at least two syllables must remain'],
    ['소비자물가', '가 after a final consonant is not the subject particle'],
    ['인사평가', '가 after a final consonant is not the subject particle'],
    ['기업와', '와 needs a syllable without a final consonant'],
    ['대한민국', 'no particle'],
    ['인공지능', 'no particle'],
    ['파운데이션', 'no particle'],
    ['사과', 'one syllable would remain'],
    ['사랑', 'one syllable would remain'],
    ['해림랑', '랑 needs a syllable without a final consonant'],
    ['카메라', '이라 needs a final consonant before it'],
  ])('%s stays whole (%s)', (word) => {
    expect(stripParticle(word)).toBe(word);
  });

  it('strips one suffix, longest first', () => {
    expect(stripParticle('연구원으로부터')).toBe('연구원');
    expect(stripParticle('서울에서부터')).toBe('서울');
  });
});

describe('hasBatchim', () => {
  it.each([
    ['국', true],
    ['울', true],
    ['가', false],
    ['시', false],
    ['A', false],
  ])('%s → %s', (syllable, expected) => {
    expect(hasBatchim(syllable)).toBe(expected);
  });
});

describe('splitWords', () => {
  it('splits runs of one script with exact offsets', () => {
    const text = 'LG는 3.5%와 1,200명, v2.0 APEC2025';
    const words = splitWords(text);
    expect(words.map(({ text: word, kind }) => [word, kind])).toEqual([
      ['LG', 'latin'],
      ['는', 'hangul'],
      ['3.5', 'number'],
      ['와', 'hangul'],
      ['1,200', 'number'],
      ['명', 'hangul'],
      ['v', 'latin'],
      ['2.0', 'number'],
      ['APEC', 'latin'],
      ['2025', 'number'],
    ]);
    for (const word of words) expect(text.slice(word.start, word.end)).toBe(word.text);
  });

  it('drops punctuation and a trailing period after a number', () => {
    expect(splitWords('2025. 10. 30.').map((word) => word.text)).toEqual(['2025', '10', '30']);
    expect(splitWords('“좋다!” (사진=뉴스1)').map((word) => word.text)).toEqual(['좋다', '사진', '뉴스', '1']);
  });
});

describe('analyze', () => {
  it('gives a code one term however it is written, in documents, sentences and queries', () => {
    expect(analyze('| E-32 | 누설 전류 감지 |')).toContain('k:e32');
    expect(analyze('e32 떴어요', { query: true })).toContain('k:e32');
    expect(analyze('최대 32A까지 E 모드', { joinCompounds: false })).not.toContain('k:e32');
    expect(analyze('512GB 모델', { joinCompounds: false })).toContain('k:512gb');
  });

  it('gives a compound one term however it is spaced: a document joins a bare noun with the next word, a query keeps its word', () => {
    expect(analyze('사전 예약에는 180만명이 몰렸다')).toContain('c:사전예약');
    expect(analyze('별빛항해 사전예약 몇 명이나 했어?', { query: true })).toContain('c:사전예약');
    // Not after a particle, not past six syllables, not when told not to (headlines compared word by word).
    expect(analyze('사전에 예약했다')).not.toContain('c:사전예약');
    expect(analyze('국민건강보험 공단이')).not.toContain('c:국민건강보험공단');
    expect(analyze('사전 예약', { joinCompounds: false })).not.toContain('c:사전예약');
    // The word terms stay as they were: answer features and the grounding check read those.
    expect(analyze('사전 예약에는')).not.toContain('w:사전예약');
  });

  it('indexes stem bigrams and w: stems for Hangul words', () => {
    expect(analyze('연구원은')).toEqual(['연구', '구원', 'w:연구원']);
    // Bigrams of the stem, not the surface: no "원은".
    expect(analyze('연구원은')).not.toContain('원은');
  });

  it('gives the same terms for a word with any particle', () => {
    expect(analyze('연구원이')).toEqual(analyze('연구원은'));
    expect(analyze('프로젝트를')).toEqual(analyze('프로젝트'));
    expect(analyze('서울로')).toEqual(analyze('서울은'));
  });

  it('keeps a one-syllable word as itself, without a w: term', () => {
    expect(analyze('집 한 채')).toEqual(['집', '한', '채']);
  });

  it('lower-cases Latin words and keeps numbers whole', () => {
    expect(analyze('LG AI연구원 2025년 3.5% 1,200명')).toEqual([
      'lg',
      'ai',
      '연구',
      '구원',
      'w:연구원',
      '2025년',
      '2025',
      '년',
      '3.5',
      '1200명',
      '1,200',
      '명',
    ]);
  });

  it.each([
    ['6월 반도체 수출', '6월'],
    ['2분기 실적', '2분기'],
    ['2차전에서 이겼다', '2차전'],
    ['3라운드 결과', '3라운드'],
    ['부상자는 15명으로 늘었다', '15명'],
    ['171억 달러', '171억'],
  ])('keeps a number with its unit as one term: %s → %s', (text, term) => {
    expect(analyze(text)).toContain(term);
  });

  it.each<[string, string, string]>([
    // A one-syllable unit with its particle is the unit, not a noise word "월에".
    ['5월에 관광객이 늘었다', '월', '월에'],
    ['3명이 다쳤다', '명', '명이'],
    // 몇 + unit reads the same: "몇 층으로" matches a passage's "5층으로".
    ['몇 층으로 지었어?', '층', '층으'],
  ])('indexes the unit after a number or 몇 without its particle: %s', (text, unit, noise) => {
    const terms = analyze(text, { query: true });
    expect(terms).toContain(unit);
    expect(terms).not.toContain(noise);
    expect(terms).not.toContain(`w:${noise}`);
  });

  it('keeps a word that only starts like a unit whole when no number stands before it', () => {
    // 회의 (a meeting) and 주가 (a stock price) are words, not 회 or 주 with a particle.
    expect(analyze('회의가 열렸다')).toContain('회의');
    expect(analyze('주가 상승')).toContain('w:주가');
  });

  it('does not join a number with a word after a space or an unrelated word', () => {
    expect(analyze('6 월')).not.toContain('6월');
    expect(analyze('6이닝')).not.toContain('6월');
    expect(analyze('6이닝').filter((term) => /^\d+\D/.test(term))).toEqual([]);
  });

  it.each([
    ['무엇', '이홍락 원장은 무엇을 밝혔나?'],
    ['누구', '누구를 선정했나?'],
    ['누가', '누가 발표했나?'],
    ['언제', '축제는 언제 열리나?'],
    ['어디서', '어디서 열렸나?'],
  ])('drops the question word %s in query mode only', (word, question) => {
    const stems = (terms: string[]) => terms.filter((term) => term.startsWith('w:')).map((term) => term.slice(2));
    expect(stems(analyze(question, { query: true }))).not.toContain(word);
    expect(stems(analyze(question))).toContain(word);
  });

  it.each([
    ['나서', '산불을 다 끄고 나서 얼마나 탔대?'],
    ['싶', '글꼴을 바꾸고 싶어'],
  ])('drops the auxiliary %s after a -고 form in query mode only', (word, question) => {
    const stems = (terms: string[]) => terms.filter((term) => term.startsWith('w:')).map((term) => term.slice(2));
    expect(stems(analyze(question, { query: true })).some((stem) => stem.startsWith(word))).toBe(false);
    expect(stems(analyze(question)).some((stem) => stem.startsWith(word))).toBe(true);
  });

  it('drops 때문 after 뭐 in query mode only: the question asks why', () => {
    expect(analyze('화재는 뭐 때문에 났어?', { query: true })).not.toContain('w:때문');
    expect(analyze('폭우 때문에 연기됐어?', { query: true })).toContain('w:때문');
  });

  it.each([
    ['배춧값이 올랐다', 'w:배추'],
    ['등굣길에 만났다', 'w:등교'],
    ['바닷가 마을', 'w:바다'],
  ])('indexes the noun before a 사이시옷 compound head: %s → %s', (text, base) => {
    expect(analyze(text)).toContain(base);
  });

  it('reads no 사이시옷 in a word whose ㅅ is its own (숫자, 다섯째)', () => {
    expect(analyze('숫자 다섯째', { joinCompounds: false })).toEqual(['숫자', 'w:숫자', '다섯', '섯째', 'w:다섯째']);
  });

  it('keeps 나서 as a verb of its own (패널로 나선)', () => {
    expect(analyze('토론자로 나서 발언했어?', { query: true })).toContain('w:나서');
  });

  it('keeps the topic of a question in query mode', () => {
    expect(analyze('이홍락 원장은 무엇을 밝혔나?', { query: true })).toEqual(
      expect.arrayContaining(['이홍', '홍락', 'w:이홍락', '원장', 'w:원장']),
    );
    expect(analyze('무엇 누구 언제', { query: true })).toEqual([]);
  });

  it('drops the closing 거 of "…ㄴ 거래?" (것이래), not the noun 거래 (trade)', () => {
    expect(analyze('솔내 산불 왜 난 거래?', { query: true })).not.toContain('w:거래');
    expect(analyze('수도관 터진 거야?', { query: true })).not.toContain('w:거야');
    expect(analyze('주식 거래는 언제 해?', { query: true })).toContain('w:거래');
    expect(analyze('무슨 거래?', { query: true })).toContain('w:거래');
  });

  it('reads a G after a number as GHz in a question about Wi-Fi, and only there', () => {
    expect(analyze('집 와이파이가 5G인데 연결돼요?', { query: true })).toContain('ghz');
    expect(analyze('공유기 2.4G로 바꿨어요', { query: true })).toContain('ghz');
    expect(analyze('5G 휴대전화도 쓸 수 있나요?', { query: true })).not.toContain('ghz');
    // A page is indexed as written.
    expect(analyze('와이파이 5G 대역')).not.toContain('ghz');
  });

  it('isQuestionWord knows question words, not topics', () => {
    for (const word of ['무엇', '누구', '언제', '어디', '어떻게', '왜', '얼마나']) expect(isQuestionWord(word)).toBe(true);
    for (const word of ['연구원', '서울', '축제']) expect(isQuestionWord(word)).toBe(false);
    // Intensifiers and 퍼센트 (written % in a passage) shape a question too.
    for (const word of ['이렇게', '저렇게', '퍼센트']) expect(isQuestionWord(word)).toBe(true);
    expect(analyze('딸기가 왜 이렇게 비싸진 거야?', { query: true })).not.toContain('w:이렇게');
  });
});

describe('contentWords', () => {
  it('gives particle-stripped words with their offsets, without question words', () => {
    const text = '이 원장은 언제 AI를 밝혔나';
    const words = contentWords(text);
    expect(words.map((word) => word.text)).toEqual(['이', '원장', 'ai', '를', '밝혔나']);
    // Offsets still point at the surface form in the text.
    const principal = words[1]!;
    expect(text.slice(principal.start, principal.end)).toBe('원장은');
  });
});

describe('bigrams', () => {
  it.each([
    ['연구원', ['연구', '구원']],
    ['집', ['집']],
  ])('%s → %o', (word, expected) => {
    expect(bigrams(word)).toEqual(expected);
  });
});

describe('normalizeText', () => {
  it('composes decomposed jamo (NFD) into syllables (NFC)', () => {
    const decomposed = '연구원'.normalize('NFD');
    expect(decomposed.length).toBe(8);
    expect(normalizeText(decomposed)).toBe('연구원');
    expect(normalizeText('\u1100\u1161\u11a8')).toBe('각');
  });

  it.each([
    ['CRLF line ends', '첫 줄\r\n둘째 줄\r셋째 줄', '첫 줄\n둘째 줄\n셋째 줄'],
    ['zero-width characters', '연\u200b구\u200c원\u200d\u2060\ufeff', '연구원'],
    ['no-break and other odd spaces', '서울\u00a0시\u3000청\t앞\u202f광장', '서울 시 청 앞 광장'],
    ['runs of blank lines', '첫 문단\n\n\n\n둘째 문단\n \n  \n셋째', '첫 문단\n\n둘째 문단\n\n셋째'],
    ['trailing spaces on lines', '첫 줄   \n둘째 줄\u00a0\n', '첫 줄\n둘째 줄'],
    ['leading and trailing blank space', '\n\n  본문  \n\n', '본문'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const input = '  연구원\u200b은\r\n\r\n\r\n\u00a0말했다.  \n';
    expect(normalizeText(normalizeText(input))).toBe(normalizeText(input));
  });

  it('foldForMatch lower-cases and maps full-width forms', () => {
    expect(foldForMatch('ＡＩ와 LG')).toBe('ai와 lg');
  });
});
