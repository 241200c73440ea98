// BM25 over the Korean analyzer's terms, with the title as a second field (BM25F:
// title term frequencies count `titleWeight` times). Postings live in flat typed
// arrays (term → [offset, offset+df) into docs/tfs), which load straight from disk
// and cost a few bytes per posting instead of a JS object each.
import { analyze } from '../text/tokens.js';
import { Growable } from './growable.js';
import { TopK, type Scored } from './top-k.js';
import { bm25Idf, queryTermWeights } from '../text/bm25.js';

export interface Bm25Params {
  /** Term-frequency saturation. 0.6, lower than the classic 1.2: with bigram terms a
   *  repeated syllable pair says little more than one; KorQuAD hit@1 0.921 → 0.930. */
  k1: number;
  /** Length normalisation. */
  b: number;
  /** How many body occurrences one title occurrence is worth. */
  titleWeight: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 0.6, b: 0.75, titleWeight: 2 };

/** Counts terms of a text into `into` with the given weight. */
function countTerms(text: string, weight: number, into: Map<string, number>): number {
  const terms = analyze(text);
  for (const term of terms) into.set(term, (into.get(term) ?? 0) + weight);
  return terms.length * weight;
}

/** Term frequencies of a text and its BM25 length. */
export interface TermCounts {
  counts: Map<string, number>;
  length: number;
}

/** A title's terms, each occurrence counting `titleWeight` times. */
export function titleTerms(title: string, params: Bm25Params = DEFAULT_BM25): TermCounts {
  const counts = new Map<string, number>();
  return { counts, length: countTerms(title, params.titleWeight, counts) };
}

/** One chunk as a BM25 document: its body's terms, `extraTerms` (terms the body stands for
 *  without writing them: resolved dates) once each, and its article's title terms. */
export function documentTerms(body: string, title: TermCounts, extraTerms: readonly string[] = []): TermCounts {
  const counts = new Map<string, number>();
  let length = countTerms(body, 1, counts);
  for (const term of extraTerms) counts.set(term, (counts.get(term) ?? 0) + 1);
  length += extraTerms.length;
  for (const [term, count] of title.counts) counts.set(term, (counts.get(term) ?? 0) + count);
  return { counts, length: length + title.length };
}

export class LexicalIndexBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly postingTerm = new Growable<Int32Array>(Int32Array, 1 << 16);
  private readonly postingDoc = new Growable<Int32Array>(Int32Array, 1 << 16);
  private readonly postingTf = new Growable<Float32Array>(Float32Array, 1 << 16);
  private readonly lengths = new Growable<Float32Array>(Float32Array, 1024);
  private titleCache: (TermCounts & { title: string }) | undefined;

  constructor(private readonly params: Bm25Params = DEFAULT_BM25) {}

  get documentCount(): number {
    return this.lengths.length;
  }

  /** Adds one chunk; documents are numbered in insertion order from 0. `extraTerms` are
   *  terms the body stands for without writing them (resolved dates), counted once each. */
  add(body: string, title: string, extraTerms: readonly string[] = []): number {
    const doc = this.lengths.length;
    // Chunks of one article come in a row: analyse its title once.
    if (this.titleCache?.title !== title) this.titleCache = { title, ...titleTerms(title, this.params) };
    const { counts, length } = documentTerms(body, this.titleCache, extraTerms);
    for (const [term, tf] of counts) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.termIds.set(term, id);
        this.terms.push(term);
      }
      this.postingTerm.push(id);
      this.postingDoc.push(doc);
      this.postingTf.push(tf);
    }
    this.lengths.push(length);
    return doc;
  }

  build(): LexicalIndex {
    const termCount = this.terms.length;
    const total = this.postingTerm.length;
    // Counting sort of postings by term; docs stay ascending within a term.
    const offsets = new Uint32Array(termCount + 1);
    for (let i = 0; i < total; i++) offsets[this.postingTerm.get(i) + 1]!++;
    for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!;
    const cursor = offsets.slice(0, termCount);
    const docs = new Int32Array(total);
    const tfs = new Float32Array(total);
    for (let i = 0; i < total; i++) {
      const slot = cursor[this.postingTerm.get(i)]!++;
      docs[slot] = this.postingDoc.get(i);
      tfs[slot] = this.postingTf.get(i);
    }
    return new LexicalIndex({ terms: this.terms, offsets, docs, tfs, lengths: this.lengths.toArray(), params: this.params });
  }
}

interface LexicalIndexData {
  terms: string[];
  offsets: Uint32Array;
  docs: Int32Array;
  tfs: Float32Array;
  lengths: Float32Array;
  params: Bm25Params;
}

export class LexicalIndex {
  private readonly termIds: Map<string, number>;
  private readonly averageLength: number;
  private scores: Float64Array;

  constructor(readonly data: LexicalIndexData) {
    this.termIds = new Map(data.terms.map((term, id) => [term, id]));
    let sum = 0;
    for (const length of data.lengths) sum += length;
    this.averageLength = data.lengths.length ? sum / data.lengths.length : 1;
    this.scores = new Float64Array(data.lengths.length);
  }

  get documentCount(): number {
    return this.data.lengths.length;
  }

  /** Document frequency of a term (0 when unknown). */
  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.data.offsets[id + 1]! - this.data.offsets[id]!;
  }

  /** BM25 inverse document frequency (the always-positive variant). */
  idf(term: string): number {
    const n = this.documentCount;
    const df = this.documentFrequency(term);
    return bm25Idf(n, df);
  }

  /**
   * The k best documents for a query. Only postings of the query's terms are read;
   * `allow` filters documents (metadata filters) before they enter the ranking.
   */
  search(query: string, k: number, allow?: (doc: number) => boolean): Scored[] {
    const { offsets, docs, tfs, lengths, params } = this.data;
    const queryCounts = new Map<number, number>();
    const weight = queryTermWeights(query);
    for (const term of analyze(query, { query: true })) {
      const id = this.termIds.get(term);
      if (id !== undefined) queryCounts.set(id, (queryCounts.get(id) ?? 0) + weight(term));
    }
    const n = this.documentCount;
    const scores = this.scores;
    const touched: number[] = [];
    const { k1, b } = params;
    const norm = k1 * (1 - b);
    const slope = (k1 * b) / this.averageLength;
    for (const [id, queryTf] of queryCounts) {
      const from = offsets[id]!;
      const to = offsets[id + 1]!;
      const idf = bm25Idf(n, to - from) * queryTf;
      for (let p = from; p < to; p++) {
        const doc = docs[p]!;
        const tf = tfs[p]!;
        const sum = scores[doc] ?? 0;
        if (sum === 0) touched.push(doc);
        scores[doc] = sum + (idf * tf * (k1 + 1)) / (tf + norm + slope * lengths[doc]!);
      }
    }
    const top = new TopK(k);
    for (const doc of touched) {
      if (!allow || allow(doc)) top.offer(doc, scores[doc]!);
      scores[doc] = 0;
    }
    return top.sorted();
  }
}
