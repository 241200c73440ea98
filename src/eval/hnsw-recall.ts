// Recall of the HNSW search against exact search: the share of the true k nearest
// neighbours (brute force over every stored vector) that the graph search returns.
// This is what the M / efConstruction / efSearch settings trade against speed.
import type { Embedder } from '../embed/embedder.js';
import type { VectorIndex } from '../index/vectors.js';

/** Dot product of two equally long vectors: the exact search's score. */
function dot(a: Float32Array, b: Float32Array): number {
  return a.reduce((sum, value, d) => sum + value * (b[d] ?? 0), 0);
}

export async function hnswRecall(
  vectors: VectorIndex,
  embedder: Embedder,
  queries: string[],
  k = 10,
): Promise<{ recall: number; searchMs: number }> {
  const points = Array.from(vectors.points(), ({ label, vector }) => ({ label, row: Float32Array.from(vector) }));
  if (points.length === 0 || queries.length === 0) return { recall: 1, searchMs: 0 };
  let found = 0;
  let wanted = 0;
  let searchMs = 0;
  for (const query of queries) {
    const q = Float32Array.from(await embedder.embedQuery(query));
    const exact = new Set(
      points
        .map(({ label, row }) => ({ label, score: dot(q, row) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, k)
        .map(({ label }) => label),
    );
    const started = performance.now();
    const approximate = vectors.search(Array.from(q), k);
    searchMs += performance.now() - started;
    wanted += exact.size;
    for (const hit of approximate) if (exact.has(hit.label)) found++;
  }
  return { recall: found / wanted, searchMs: searchMs / queries.length };
}
