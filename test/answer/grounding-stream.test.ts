// The incremental splitter cuts a streamed answer exactly as the whole-text splitter does,
// however the stream is chunked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnswerSentenceStream, splitAnswerSentences } from '../../src/answer/grounding.js';

// prettier-ignore
const PARTS = [
  '한빛전자는 ', '연구소를 ', '세운다', '.', ' ', '[1]', '[2, 3]', '3.5', '%', '2025. 8. 30.', '\n', '"가능할까?"', '라고 ', '물었다', '!',
  'example.com', '…', ' [', '1', ']', '이다',
];

function streamed(chunks: string[]) {
  const stream = new AnswerSentenceStream();
  const sentences = chunks.flatMap((chunk) => stream.push(chunk));
  return [...sentences, ...stream.flush()];
}

describe('AnswerSentenceStream', () => {
  it('matches splitAnswerSentences on the whole text for any chunking', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PARTS), { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 20 }),
        (parts, sizes) => {
          const text = parts.join('');
          const chunks: string[] = [];
          for (let at = 0, k = 0; at < text.length; k++) {
            const size = sizes[k % sizes.length]!;
            chunks.push(text.slice(at, at + size));
            at += size;
          }
          expect(streamed(chunks)).toEqual(splitAnswerSentences(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('releases a sentence once the next one starts', () => {
    const first = '연구소는 3.5% 늘었다 [1].';
    const stream = new AnswerSentenceStream();
    expect(stream.push(first)).toEqual([]);
    expect(stream.push(' 다음')).toEqual([{ text: first, start: 0, end: first.length, markers: [1] }]);
    expect(stream.flush()).toEqual([{ text: '다음', start: first.length + 1, end: first.length + 3, markers: [] }]);
  });

  it('counts every character received', () => {
    const stream = new AnswerSentenceStream();
    stream.push('가나다. ');
    stream.push('라마');
    expect(stream.length).toBe(7);
  });
});
