import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAllArticles } from '../../src/corpus/read-corpus.js';
import { chunkText, type ChunkOptions, type ChunkSpan } from '../../src/text/chunk.js';
import { splitSentences } from '../../src/text/sentences.js';

const CORPUS_DIR = fileURLToPath(new URL('../../eval/corpora/seed/', import.meta.url));
const SEED_ORIGIN = '2025-10-30-lg-ai-research-apec.md';

/**
 * Checks every chunking invariant for one text and one set of options:
 * no text lost, exact offsets, sentence-aligned boundaries, order, bounded overlap and size.
 */
function checkInvariants(text: string, options: Required<ChunkOptions>): ChunkSpan[] {
  const { maxChars, overlapSentences } = options;
  const chunks = chunkText(text, options);
  const sentences = splitSentences(text);

  // Every non-space character lies in some chunk.
  const covered = new Uint8Array(text.length);
  for (const chunk of chunks) covered.fill(1, chunk.start, chunk.end);
  for (let i = 0; i < text.length; i++) {
    if (!/\s/.test(text[i]!) && !covered[i]) throw new Error(`character ${i} (${JSON.stringify(text[i])}) is in no chunk`);
  }

  for (const [index, chunk] of chunks.entries()) {
    const pieces = chunk.sentences;
    expect(pieces.length).toBeGreaterThan(0);
    expect(chunk.start).toBe(pieces[0]!.start);
    expect(chunk.end).toBe(pieces[pieces.length - 1]!.end);
    expect(text.slice(chunk.start, chunk.end).length).toBe(chunk.end - chunk.start);
    // No chunk exceeds maxChars unless it is one sentence piece (and pieces are cut to fit).
    if (pieces.length > 1) expect(chunk.end - chunk.start).toBeLessThanOrEqual(maxChars);
    for (const [i, piece] of pieces.entries()) {
      expect(piece.end).toBeGreaterThan(piece.start);
      if (i > 0) expect(piece.start).toBeGreaterThanOrEqual(pieces[i - 1]!.end);
      // A piece is a whole sentence, or part of a sentence too long to fit (cut at maxChars).
      const whole = sentences.find((sentence) => sentence.start === piece.start && sentence.end === piece.end);
      if (!whole) {
        const parent = sentences.find((sentence) => sentence.start <= piece.start && piece.end <= sentence.end);
        expect(parent, `piece ${piece.start}-${piece.end} lies inside one sentence`).toBeDefined();
        expect(parent!.end - parent!.start).toBeGreaterThan(maxChars);
        expect(piece.end - piece.start).toBeLessThanOrEqual(maxChars);
      }
    }
    if (index === 0) continue;
    const previous = chunks[index - 1]!;
    // In order, and every chunk brings something new.
    expect(chunk.start).toBeGreaterThan(previous.start);
    expect(chunk.end).toBeGreaterThan(previous.end);
    // Overlap: only whole pieces, at most `overlapSentences` of them, taken from the end of the previous chunk.
    const shared = pieces.filter((piece) => piece.start < previous.end);
    expect(shared.length).toBeLessThanOrEqual(overlapSentences);
    const tail = previous.sentences.slice(previous.sentences.length - shared.length);
    expect(shared).toEqual(tail.slice(0, shared.length));
  }
  return chunks;
}

// Korean-ish text: Hangul words, Latin and numbers, with sentence punctuation,
// quotes, dotted dates, line breaks and now and then a long run without spaces.
const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((code) => String.fromCharCode(code));
const hangulWord = fc.array(syllable, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const otherWord = fc.constantFrom('AI', 'LG', 'U.S.', 'Dr.', '3.5%', '1,200명', '2025. 10. 30.', '(사진=뉴스1)', 'K-AI');
const longRun = fc.array(syllable, { minLength: 40, maxLength: 400 }).map((parts) => parts.join(''));
const separator = fc.constantFrom(
  ' ',
  ' ',
  ' ',
  ' ',
  '. ',
  '다. ',
  '요? ',
  '까? ',
  '! ',
  '.\n',
  '\n\n',
  '\n\n\n',
  ' "',
  '" ',
  '." ',
  '“',
  '”',
  '… ',
  '  ',
  ', ',
);
const koreanText = fc
  .array(
    fc.oneof(
      { arbitrary: hangulWord, weight: 8 },
      { arbitrary: separator, weight: 5 },
      { arbitrary: otherWord, weight: 1 },
      { arbitrary: longRun, weight: 1 },
    ),
    {
      maxLength: 150,
    },
  )
  .map((parts) => parts.join(''));
const chunkOptions = fc.record({ maxChars: fc.integer({ min: 10, max: 400 }), overlapSentences: fc.integer({ min: 0, max: 3 }) });

describe('chunkText invariants', () => {
  it('hold for generated Korean-ish texts', () => {
    fc.assert(
      fc.property(koreanText, chunkOptions, (text, options) => {
        checkInvariants(text, options);
      }),
      { numRuns: 300 },
    );
  });

  describe('on the real seed article', () => {
    let text = '';
    beforeAll(async () => {
      const { articles } = await readAllArticles(CORPUS_DIR);
      const seed = articles.find((article) => article.origin === SEED_ORIGIN);
      if (!seed) throw new Error(`seed article ${SEED_ORIGIN} not found in ${CORPUS_DIR}`);
      text = seed.text;
    });

    it.each([
      { maxChars: 500, overlapSentences: 1 },
      { maxChars: 200, overlapSentences: 1 },
      { maxChars: 120, overlapSentences: 2 },
      { maxChars: 60, overlapSentences: 0 },
      { maxChars: 1000, overlapSentences: 3 },
    ])('hold with %o', (options) => {
      const chunks = checkInvariants(text, options);
      expect(chunks.length).toBeGreaterThan(1);
    });

    it('hold for any options', () => {
      fc.assert(
        fc.property(chunkOptions, (options) => {
          checkInvariants(text, options);
        }),
        { numRuns: 40 },
      );
    });

    it('use maxChars 500 and one sentence of overlap by default', () => {
      const chunks = chunkText(text);
      expect(chunks).toEqual(chunkText(text, { maxChars: 500, overlapSentences: 1 }));
      for (const chunk of chunks) expect(chunk.end - chunk.start).toBeLessThanOrEqual(500);
      // Consecutive chunks share their boundary sentence.
      expect(chunks[1]!.sentences[0]).toEqual(chunks[0]!.sentences[chunks[0]!.sentences.length - 1]);
    });
  });

  it('cuts an over-long sentence without spaces and loses nothing', () => {
    const long = '가나다라마바사아자차'.repeat(25) + '.';
    const text = `짧은 문장이다. ${long} 끝 문장이다.`;
    const chunks = checkInvariants(text, { maxChars: 60, overlapSentences: 1 });
    const pieces = chunks.flatMap((chunk) => chunk.sentences);
    const unique = pieces.filter((piece, i) => i === 0 || piece.start >= pieces[i - 1]!.end);
    const longStart = text.indexOf(long);
    const longPieces = unique.filter((piece) => piece.start >= longStart && piece.end <= longStart + long.length);
    expect(longPieces.length).toBe(Math.ceil(long.length / 60));
    expect(longPieces.map((piece) => text.slice(piece.start, piece.end)).join('')).toBe(long);
  });

  it('cuts an over-long sentence at spaces when it has them', () => {
    const long = Array.from({ length: 40 }, (_, i) => `단어${i}`).join(' ') + '.';
    const chunks = checkInvariants(long, { maxChars: 50, overlapSentences: 0 });
    for (const chunk of chunks) {
      const piece = long.slice(chunk.start, chunk.end);
      expect(piece).toMatch(/^단어\d+/);
      expect(piece).toMatch(/(단어\d+|\.)$/);
    }
  });

  it('gives no chunks for empty or blank text', () => {
    expect(chunkText('')).toEqual([]);
    expect(chunkText('  \n\n ')).toEqual([]);
  });

  it('starts a chunk at each Markdown section heading, with no overlap back across it', () => {
    const text = [
      '# 절전 기능과 정전 대처',
      '',
      '절전 모드는 밤에 켜집니다.',
      '',
      '## 정전이 되었을 때',
      '',
      '문을 닫아 두면 냉기가 유지됩니다.',
      '',
      '| 냉동실 | 약 24시간 |',
      '',
      '## 전기가 다시 들어오면',
      '',
      '냉장고는 자동으로 다시 켜집니다.',
    ].join('\n');
    const chunks = chunkText(text, { maxChars: 500, overlapSentences: 1 });
    expect(chunks.map((chunk) => text.slice(chunk.start, chunk.end).split('\n')[0])).toEqual([
      '# 절전 기능과 정전 대처',
      '## 정전이 되었을 때',
      '## 전기가 다시 들어오면',
    ]);
    expect(text.slice(chunks[1]!.start, chunks[1]!.end)).toContain('| 냉동실 | 약 24시간 |');
    // A # inside a line, or a page title, starts nothing: one chunk as before.
    const plain = '이 문서는 C# 설정을 다룹니다. #해시태그도 있습니다.\n\n# 제목\n\n본문입니다.';
    expect(chunkText(plain, { maxChars: 500, overlapSentences: 1 })).toHaveLength(1);
  });

  it('never makes a chunk of nothing but overlap', () => {
    // The second sentence fits with the first, but the third does not fit with the second.
    const text = `${'가'.repeat(20)}. ${'나'.repeat(20)}. ${'다'.repeat(45)}.`;
    const chunks = chunkText(text, { maxChars: 50, overlapSentences: 1 });
    expect(chunks.map((chunk) => text.slice(chunk.start, chunk.end))).toEqual([
      `${'가'.repeat(20)}. ${'나'.repeat(20)}.`,
      `${'다'.repeat(45)}.`,
    ]);
  });
});
