import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, sniffEncoding } from '../../src/corpus/decode.js';

const cp949Article = readFileSync(new URL('../fixtures/corpus-bad/cp949.txt', import.meta.url));
const korean = '해오름시장 상인회는 여름 야시장을 다시 연다.';

/** Deterministic pseudo-random bytes without NUL (a binary file that slips past the NUL check). */
function noiseWithoutNul(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    bytes[index] = ((state >>> 16) % 255) + 1;
  }
  return bytes;
}

describe('decodeBytes', () => {
  it.each<[string, Uint8Array, string | undefined]>([
    ['UTF-8', Buffer.from(korean), korean],
    ['UTF-8 with BOM (BOM dropped)', Buffer.from(`\uFEFF${korean}`), korean],
    ['UTF-16 LE with BOM', Buffer.from(`\uFEFF${korean}`, 'utf16le'), korean],
    ['UTF-16 BE with BOM', Buffer.from(`\uFEFF${korean}`, 'utf16le').swap16(), korean],
    ['ASCII', Buffer.from('plain ascii'), 'plain ascii'],
    ['a NUL byte', Buffer.from([0x41, 0x00, 0x42]), undefined],
    ['UTF-16 without BOM (NUL bytes)', Buffer.from(korean.slice(0, 3) + 'ab', 'utf16le'), undefined],
    ['a UTF-8 BOM before invalid UTF-8', Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28]), undefined],
    ['Latin-1', Buffer.from('café à Séoul', 'latin1'), undefined],
  ])('decodes %s', (_name, bytes, expected) => {
    expect(decodeBytes(bytes)).toBe(expected);
  });

  it('decodes CP949 (the corpus-bad fixture) exactly', () => {
    expect(decodeBytes(cp949Article)).toBe(
      'date 2025-08-20\ntitle: 해오름시장 야시장 다시 연다\n\n' +
        '해오름시장 상인회는 20일 여름 야시장을 다시 연다고 밝혔다. 야시장은 매주 금요일과 토요일 저녁에 열리며 ' +
        '먹거리 노점 30곳이 참여한다.\n\n상인회는 "해오름시장을 찾는 젊은 손님이 늘고 있다"고 말했다.\n',
    );
  });

  it.each(Array.from({ length: 20 }, (_, seed) => [seed]))('rejects NUL-free noise as CP949 (seed %i)', (seed) => {
    expect(decodeBytes(noiseWithoutNul(4096, seed + 1))).toBeUndefined();
  });
});

describe('sniffEncoding (line files)', () => {
  const line = (text: string) => Buffer.from(`${JSON.stringify({ title: text, text })}\n`);

  it.each<[string, Uint8Array, boolean, string | undefined]>([
    ['a head cut inside a multi-byte character', Buffer.from(korean).subarray(0, 4), false, 'utf-8'],
    ['mostly UTF-8 with one bad sequence', Buffer.concat([...Array(50).fill(line(korean)), Buffer.from([0xff, 0x0a])]), true, 'utf-8'],
    ['CP949', cp949Article, true, 'euc-kr'],
    ['NUL-free noise', noiseWithoutNul(4096, 7), true, undefined],
  ])('detects %s', (_name, head, complete, expected) => {
    expect(sniffEncoding(head, complete)).toBe(expected);
  });
});
