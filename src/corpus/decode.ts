// Byte → text decoding for corpus files. Korean news archives still contain CP949/EUC-KR
// files next to UTF-8 ones, and nothing in the file says which, so we detect it.

export type CorpusEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'euc-kr';

/** A NUL byte in this many leading bytes marks a file as binary (as git and grep do). */
const BINARY_SNIFF_BYTES = 8 * 1024;
/**
 * CP949 fallback is accepted only when at most this share of the non-ASCII characters are
 * U+FFFD (default 1%): a real CP949 article decodes almost cleanly, random bytes do not.
 */
const MAX_REPLACEMENT_SHARE = 0.01;
/** …and at least this share of the non-ASCII characters are Hangul (default 50%). */
const MIN_HANGUL_SHARE = 0.5;
/** …and at most this share of all characters are C0 control characters (default 1%). */
const MAX_CONTROL_SHARE = 0.01;

const utf8Strict = () => new TextDecoder('utf-8', { fatal: true });

function bomEncoding(bytes: Uint8Array): CorpusEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function hasNulByte(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

interface CharStats {
  total: number;
  nonAscii: number;
  hangul: number;
  replacements: number;
  controls: number;
}

function charStats(text: string): CharStats {
  const stats: CharStats = { total: 0, nonAscii: 0, hangul: 0, replacements: 0, controls: 0 };
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    stats.total += 1;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) stats.controls += 1;
    if (code < 0x80) continue;
    stats.nonAscii += 1;
    if (code === 0xfffd) stats.replacements += 1;
    else if ((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x3131 && code <= 0x318e)) stats.hangul += 1;
  }
  return stats;
}

/** Few U+FFFD and C0 controls: the bytes were (almost all) valid in the encoding tried. */
function decodedCleanly(stats: CharStats): boolean {
  return stats.replacements <= stats.nonAscii * MAX_REPLACEMENT_SHARE && stats.controls <= stats.total * MAX_CONTROL_SHARE;
}

/** True when decoded text looks like Korean prose rather than mis-decoded bytes. */
function looksLikeKorean(text: string): boolean {
  const stats = charStats(text);
  return stats.nonAscii > 0 && decodedCleanly(stats) && stats.hangul >= stats.nonAscii * MIN_HANGUL_SHARE;
}

/**
 * Decodes `bytes` with the detected encoding, or returns undefined for binary or
 * undecodable input. `complete: false` means `bytes` is only the head of a longer file,
 * so a multi-byte character cut at the end is not an error.
 */
function detect(bytes: Uint8Array, complete: boolean): { encoding: CorpusEncoding; text: string } | undefined {
  const stream = !complete;
  const bom = bomEncoding(bytes);
  if (bom === 'utf-8') {
    try {
      return { encoding: bom, text: utf8Strict().decode(bytes, { stream }) };
    } catch {
      return undefined;
    }
  }
  // UTF-16 is full of NUL bytes, so the BOM check comes before the binary check.
  if (bom) return { encoding: bom, text: new TextDecoder(bom).decode(bytes, { stream }) };
  if (hasNulByte(bytes)) return undefined;
  try {
    return { encoding: 'utf-8', text: utf8Strict().decode(bytes, { stream }) };
  } catch {
    // Not UTF-8: try the legacy Korean encoding (WHATWG 'euc-kr' is windows-949, i.e. CP949).
  }
  const text = new TextDecoder('euc-kr').decode(bytes, { stream });
  return looksLikeKorean(text) ? { encoding: 'euc-kr', text } : undefined;
}

/** Decodes a whole file; undefined when it is binary or in an unknown encoding. A BOM is dropped. */
export function decodeBytes(bytes: Uint8Array): string | undefined {
  return detect(bytes, true)?.text;
}

/**
 * Detects the encoding of a line-oriented file (JSONL) from its first bytes. Unlike a whole
 * article, such a file is also taken as UTF-8 when only a few byte sequences are invalid:
 * each line is decoded on its own, so the reader can report the bad lines and keep the rest.
 */
export function sniffEncoding(head: Uint8Array, complete: boolean): CorpusEncoding | undefined {
  const detected = detect(head, complete)?.encoding;
  if (detected || hasNulByte(head)) return detected;
  const lenient = charStats(new TextDecoder('utf-8').decode(head, { stream: !complete }));
  return decodedCleanly(lenient) ? 'utf-8' : undefined;
}

/**
 * Decodes a byte stream chunk by chunk, non-fatally: an invalid sequence becomes U+FFFD, so
 * the caller can report the one line that holds it instead of losing the rest of the file.
 * A leading BOM is dropped.
 */
export async function* decodeStream(chunks: AsyncIterable<Uint8Array>, encoding: CorpusEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}
