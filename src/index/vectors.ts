// The vector half of the index: hnswlib-node behind a small interface. This is the
// only file that imports hnswlib.
import hnswlib from 'hnswlib-node';

export interface HnswParams {
  /** Graph degree: about 130 bytes of level-0 links per point at 16. */
  m: number;
  /** Candidate list while building: higher builds slower and connects better. */
  efConstruction: number;
  /** Candidate list while searching (≥ k): the recall/latency dial. A query-time setting:
   *  changing it needs no rebuild. */
  efSearch: number;
}

/**
 * Measured by `npm run bench:scale` (its probe compares with exact search, 50 queries):
 * recall@10 of the local hashed vectors at M 16 / efConstruction 100 is 0.80 / 0.87 / 0.93
 * at efSearch 64 / 128 / 256 on 30k chunks (1.0 / 1.1 / 2.1 ms a search). Hashed n-gram
 * vectors are nearly orthogonal, a hard case for graph search; 128 buys most of the recall
 * for almost nothing. With the local embedder the vector score weighs 0.1 in fusion, so a
 * missed neighbour rarely changes an answer; semantic embedders reach higher recall.
 */
export const DEFAULT_HNSW: HnswParams = { m: 16, efConstruction: 100, efSearch: 128 };

interface VectorHit {
  label: number;
  /** Cosine similarity (vectors are unit length; higher is closer). */
  similarity: number;
}

export class VectorIndex {
  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    readonly dimension: number,
    private readonly params: HnswParams,
  ) {
    index.setEf(params.efSearch);
  }

  static create(dimension: number, capacity: number, params: HnswParams = DEFAULT_HNSW): VectorIndex {
    // Inner product on unit vectors is cosine similarity, without hnswlib re-normalising.
    const index = new hnswlib.HierarchicalNSW('ip', dimension);
    index.initIndex({
      maxElements: Math.max(capacity, 16),
      m: params.m,
      efConstruction: params.efConstruction,
      randomSeed: 42,
      allowReplaceDeleted: true,
    });
    return new VectorIndex(index, dimension, params);
  }

  static async load(file: string, dimension: number, params: HnswParams = DEFAULT_HNSW): Promise<VectorIndex> {
    const index = new hnswlib.HierarchicalNSW('ip', dimension);
    await index.readIndex(file, true);
    return new VectorIndex(index, dimension, params);
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  add(vector: number[], label: number): void {
    if (vector.length !== this.dimension) {
      throw new Error(`vector of length ${vector.length} given to an index of dimension ${this.dimension}`);
    }
    if (this.index.getCurrentCount() >= this.index.getMaxElements()) {
      this.index.resizeIndex(Math.ceil(this.index.getMaxElements() * 1.5) + 16);
    }
    this.index.addPoint(vector, label, true);
  }

  remove(label: number): void {
    this.index.markDelete(label);
  }

  search(vector: number[], k: number, allow?: (label: number) => boolean): VectorHit[] {
    const live = this.index.getCurrentCount();
    if (live === 0 || k <= 0) return [];
    this.index.setEf(Math.max(this.params.efSearch, k));
    // hnswlib throws when fewer than k points pass the filter; ask for at most what exists.
    const wanted = Math.min(k, live);
    try {
      const result = allow ? this.index.searchKnn(vector, wanted, allow) : this.index.searchKnn(vector, wanted);
      return result.neighbors.map((label, i) => ({ label, similarity: 1 - (result.distances[i] ?? 1) }));
    } catch {
      // Too few live points left for `wanted` (deleted or filtered out): retry smaller.
      if (wanted <= 1) return [];
      return this.search(vector, Math.floor(wanted / 2), allow);
    }
  }

  /** Every live point, for exact (brute-force) comparisons in benchmarks. */
  *points(): Generator<{ label: number; vector: number[] }> {
    for (const label of this.index.getIdsList()) yield { label, vector: this.index.getPoint(label) };
  }

  async save(file: string): Promise<void> {
    await this.index.writeIndex(file);
  }
}
