import { describe, expect, it } from 'vitest';
import { splitAnswerSentences } from '../../src/answer/grounding.js';
import { isDecimalPoint, isDottedDateEnd, scanSentences, splitSentences, type SentenceRules } from '../../src/text/sentences.js';

/** The sentences of `text` as strings, through their spans. */
const sentencesOf = (text: string) => splitSentences(text).map((span) => text.slice(span.start, span.end));

describe('splitSentences', () => {
  it.each([
    ['declarative endings', '정부는 예산을 늘렸다. 시민들은 환영했다.', ['정부는 예산을 늘렸다.', '시민들은 환영했다.']],
    ['polite question in -요?', '정말 그런가요? 그렇습니다.', ['정말 그런가요?', '그렇습니다.']],
    ['formal question in -까?', '축제는 언제 열립니까? 다음 달에 열립니다.', ['축제는 언제 열립니까?', '다음 달에 열립니다.']],
    ['exclamation', '놀라운 결과다! 모두 기뻐했다.', ['놀라운 결과다!', '모두 기뻐했다.']],
    ['repeated terminals stay together', '정말인가?! 믿기 어렵다.', ['정말인가?!', '믿기 어렵다.']],
    ['a sentence without a final period', '첫 문장이다. 끝에 마침표가 없다', ['첫 문장이다.', '끝에 마침표가 없다']],
    ['no space after the terminal: no split', 'AI가 뭔가요?AI는 기술이다.', ['AI가 뭔가요?AI는 기술이다.']],
  ])('%s', (_name, text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  describe('quotations', () => {
    it.each([
      [
        'a quoted pair of sentences stays inside its sentence',
        '그는 "좋다. 나쁘다"라고 말했다. 다음 문장.',
        ['그는 "좋다. 나쁘다"라고 말했다.', '다음 문장.'],
      ],
      ['a quotation that ends a sentence splits after the closing quote', '"끝났다." 다음 문장.', ['"끝났다."', '다음 문장.']],
      ['a quoted question ends after its closing quote', '"정말요?" 그가 물었다.', ['"정말요?"', '그가 물었다.']],
      ['curly quotes inside a sentence', '그는 “좋다. 나쁘다”라고 말했다. 다음 문장.', ['그는 “좋다. 나쁘다”라고 말했다.', '다음 문장.']],
      ['curly quotes ending a sentence', '“끝났다.” 다음 문장.', ['“끝났다.”', '다음 문장.']],
      [
        'a quoted sentence followed by 라며',
        '이 원장은 "목표다. 협력한다"라며 "기대한다"고 말했다. 끝.',
        ['이 원장은 "목표다. 협력한다"라며 "기대한다"고 말했다.', '끝.'],
      ],
      ['corner brackets', '책 「봄. 여름」이 나왔다. 다음 문장.', ['책 「봄. 여름」이 나왔다.', '다음 문장.']],
      ['single quotes around a phrase', "그는 '좋다'고 말했다. 다음.", ["그는 '좋다'고 말했다.", '다음.']],
    ])('%s', (_name, text, expected) => {
      expect(sentencesOf(text)).toEqual(expected);
    });
  });

  describe('periods that do not end a sentence', () => {
    it.each([
      ['a decimal', '금리는 3.5% 올랐다. 물가도 올랐다.', ['금리는 3.5% 올랐다.', '물가도 올랐다.']],
      [
        'a dotted date mid-sentence',
        '행사는 2025. 10. 30. 경주에서 열렸다. 많이 왔다.',
        ['행사는 2025. 10. 30. 경주에서 열렸다.', '많이 왔다.'],
      ],
      ['a dotted date without spaces', '행사는 2025.10.30. 열렸다. 많이 왔다.', ['행사는 2025.10.30. 열렸다.', '많이 왔다.']],
      ['dotted initials', 'U.S. 정부가 발표했다. 다음이다.', ['U.S. 정부가 발표했다.', '다음이다.']],
      ['a title abbreviation', 'Dr. Kim이 말했다. 다음이다.', ['Dr. Kim이 말했다.', '다음이다.']],
      ['a single initial', 'J. Kim 기자가 썼다. 다음이다.', ['J. Kim 기자가 썼다.', '다음이다.']],
      ['a period after a number word still ends the sentence', '1위다. 2위는 누구인가?', ['1위다.', '2위는 누구인가?']],
    ])('%s', (_name, text, expected) => {
      expect(sentencesOf(text)).toEqual(expected);
    });
  });

  describe('ellipsis', () => {
    it.each([
      ['an ellipsis character followed by a space ends a sentence', '글쎄… 모르겠다. 다음이다.', ['글쎄…', '모르겠다.', '다음이다.']],
      ['three dots followed by a space end a sentence', '그런데... 아니다.', ['그런데...', '아니다.']],
      ['an ellipsis glued to the next word does not', '그런데...아니다. 다음.', ['그런데...아니다.', '다음.']],
    ])('%s', (_name, text, expected) => {
      expect(sentencesOf(text)).toEqual(expected);
    });
  });

  describe('lines and parentheses', () => {
    it.each([
      ['a line break ends a sentence without a period', '첫 줄이다\n둘째 줄이다.', ['첫 줄이다', '둘째 줄이다.']],
      ['blank lines give no empty sentences', '첫 문단이다.\n\n\n둘째 문단이다.\n', ['첫 문단이다.', '둘째 문단이다.']],
      [
        'a headline without a period',
        'LG AI연구원, APEC 서밋 참석\n이 원장은 목표를 밝혔다. 또 의지를 드러냈다.',
        ['LG AI연구원, APEC 서밋 참석', '이 원장은 목표를 밝혔다.', '또 의지를 드러냈다.'],
      ],
      [
        'a photo credit in parentheses after a period',
        '발언하고 있다. (사진=공동취재단/뉴스1)\n\n다음 문단.',
        ['발언하고 있다.', '(사진=공동취재단/뉴스1)', '다음 문단.'],
      ],
      [
        'a closing parenthesis after the period belongs to the sentence',
        '(자세한 내용은 뒤에 나온다.) 다음 문장.',
        ['(자세한 내용은 뒤에 나온다.)', '다음 문장.'],
      ],
      ['a parenthesis glued to the period does not split', '그는 밝혔다.(서울=뉴스1) 다음.', ['그는 밝혔다.(서울=뉴스1) 다음.']],
      ['leading and trailing spaces are trimmed from spans', '  첫 문장이다.   둘째 문장이다.  ', ['첫 문장이다.', '둘째 문장이다.']],
    ])('%s', (_name, text, expected) => {
      expect(sentencesOf(text)).toEqual(expected);
    });
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n ')).toEqual([]);
  });

  it('gives ordered, non-overlapping spans that never start or end with whitespace', () => {
    const text = '정부는 2025. 10. 30. 발표했다. "좋다. 나쁘다"라고 했다!\n\n제목 줄\n왜 그런가요? 3.5% 올랐다…  끝';
    const spans = splitSentences(text);
    let previousEnd = 0;
    for (const span of spans) {
      expect(span.start).toBeGreaterThanOrEqual(previousEnd);
      expect(span.end).toBeGreaterThan(span.start);
      expect(text[span.start]).not.toMatch(/\s/);
      expect(text[span.end - 1]).not.toMatch(/\s/);
      previousEnd = span.end;
    }
    // Nothing but whitespace lies between the spans.
    const rest = spans.reduceRight((left, span) => left.slice(0, span.start) + left.slice(span.end), text);
    expect(rest.trim()).toBe('');
  });
});

describe('the shared sentence scan', () => {
  it.each([
    ['a decimal', '금리는 3.5%다', 5, true],
    ['a number after a spaced period', '2025. 10월', 4, true],
    ['a period after a number ending a sentence', '모두 5. 다음', 4, false],
    ['a period after a word', '끝났다. 다음', 3, false],
  ])('isDecimalPoint: %s', (_name, text, at, expected) => {
    expect(isDecimalPoint(text, at)).toBe(expected);
  });

  it.each([
    ['a spaced date', '2025. 10. 30. 열렸다', 12, true],
    ['a compact date', '2025.10.30. 열렸다', 10, true],
    ['a section number, not a date', '12.5.1. 정보 명령', 6, false],
    ['a count, not a date', '모두 30. 다음', 5, false],
  ])('isDottedDateEnd: %s', (_name, text, at, expected) => {
    expect(isDottedDateEnd(text, at)).toBe(expected);
  });

  // Articles and answers share the terminals, the closers after them and the number rules:
  // on text without markers they cut the same sentences.
  it.each([
    ['declarative endings', '정부는 예산을 늘렸다. 시민들은 환영했다.'],
    ['a decimal and a dotted date', '금리는 3.5%로 올랐다. 회의는 2025. 10. 30. 열렸다. 끝.'],
    ['a closing parenthesis after the terminal', '예산이 늘었다(잠정.) 다음 문장이다.'],
    ['a closing square bracket after the terminal', '예산이 늘었다[잠정.] 다음 문장이다.'],
    ['a quotation that ends a sentence', '“끝났다.” 다음 문장.'],
    ['a line break', '첫 줄이다\n둘째 줄이다.'],
  ])('articles and answers agree: %s', (_name, text) => {
    const answer = splitAnswerSentences(text).map(({ start, end }) => ({ start, end }));
    expect(answer).toEqual(splitSentences(text));
  });

  it('lets a kind of text allow a follower and extend a sentence past its end', () => {
    const text = '첫 문장.<1> 둘째 문장.';
    const rules: SentenceRules = {
      endsAt: () => true,
      mayFollow: (ch) => ch === '<',
      extend: (end) => (text.startsWith('<1>', end) ? end + 3 : end),
    };
    expect(scanSentences(text, rules).map(({ start, end }) => text.slice(start, end))).toEqual(['첫 문장.<1>', '둘째 문장.']);
    expect(scanSentences(text, { endsAt: () => false }).map(({ start, end }) => text.slice(start, end))).toEqual([text]);
  });
});
