// The default embedder: offline, deterministic, nothing to download.
//
// It hashes Korean-aware features into a fixed-size vector (feature hashing with a
// sign bit, sublinear term frequency, L2 norm): particle-stripped words, Hangul
// character bigrams taken across spaces (so "경주예술의전당" meets "경주 예술의전당"),
// Latin words and numbers. It knows no synonyms: it is a second, spacing-tolerant
// lexical view that the hybrid retriever fuses with BM25. Vectors do not depend on
// the corpus, so an unchanged article never needs re-embedding. For semantic
// matching across paraphrases, use EMBEDDINGS_PROVIDER=ollama|openai (e.g. bge-m3).
import { Embeddings } from '@langchain/core/embeddings';
import type { Embedder } from './embedder.js';
import { isQuestionWord, splitWords, stripParticle } from '../text/tokens.js';

/** Vector length. 512 keeps hash collisions rare for chunk-sized texts while a
 *  100k-chunk index stays near 200 MB. */
const LOCAL_DIMENSION = 512;
export const LOCAL_EMBEDDER_ID = `local:hash-ngram-v1-${LOCAL_DIMENSION}`;

// Relative weights of the feature families: whole words are the most specific.
const WORD_WEIGHT = 1.0;
const BIGRAM_WEIGHT = 0.5;

/** FNV-1a, 32 bit: fast, stable across platforms and Node versions. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function features(text: string, isQuery: boolean): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (feature: string, weight: number) => weights.set(feature, (weights.get(feature) ?? 0) + weight);
  let hangulRun = '';
  const flushRun = () => {
    for (let i = 0; i + 1 < hangulRun.length; i++) add(`b${hangulRun.slice(i, i + 2)}`, BIGRAM_WEIGHT);
    hangulRun = '';
  };
  let previousEnd = -1;
  for (const word of splitWords(text)) {
    if (word.kind !== 'hangul') {
      flushRun();
      add(`w${word.text.toLowerCase()}`, WORD_WEIGHT);
      continue;
    }
    const stem = stripParticle(word.text);
    if (isQuery && isQuestionWord(stem)) {
      flushRun();
      continue;
    }
    // Join Hangul words separated by spaces only, so bigrams cross spacing variants.
    if (previousEnd >= 0 && text.slice(previousEnd, word.start).trim() !== '') flushRun();
    hangulRun += word.text;
    previousEnd = word.end;
    add(stem.length >= 2 ? `w${stem}` : `s${stem}`, WORD_WEIGHT);
  }
  flushRun();
  return weights;
}

/** Hashes a text into a unit vector of `dimension` floats. */
function hashEmbed(text: string, dimension = LOCAL_DIMENSION, isQuery = false): number[] {
  const vector = new Float64Array(dimension);
  for (const [feature, count] of features(text, isQuery)) {
    const hash = fnv1a(feature);
    const sign = hash & 0x80000000 ? -1 : 1;
    const slot = hash % dimension;
    vector[slot] = (vector[slot] ?? 0) + sign * (1 + Math.log(count));
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  return Array.from(vector, (value) => value / norm);
}

/** The LangChain face of the local embedder, for code that wants `Embeddings`. */
class LocalHashEmbeddings extends Embeddings {
  constructor(readonly dimension = LOCAL_DIMENSION) {
    super({});
  }
  embedDocuments(documents: string[]): Promise<number[][]> {
    return Promise.resolve(documents.map((document) => hashEmbed(document, this.dimension)));
  }
  embedQuery(document: string): Promise<number[]> {
    return Promise.resolve(hashEmbed(document, this.dimension, true));
  }
}

export function createLocalEmbedder(): Embedder {
  const embeddings = new LocalHashEmbeddings();
  return {
    id: LOCAL_EMBEDDER_ID,
    dimension: () => Promise.resolve(LOCAL_DIMENSION),
    embedDocuments: (texts) => embeddings.embedDocuments(texts),
    embedQuery: (text) => embeddings.embedQuery(text),
  };
}
