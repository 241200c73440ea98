// Recall of the HNSW search against exact search: the share of the true k nearest
// neighbours (brute force over every stored vector) that the graph search returns.
// This is what the M / efConstruction / efSearch settings trade against speed.
import type { Embedder } from '../embed/embedder.js';
import type { VectorIndex } from '../index/vectors.js';

export async function hnswRecall(vectors: VectorIndex, embedder: Embedder, queries: string[], k = 10): Promise<{ recall: number; searchMs: number }> {
  const labels: number[] = [];
  const rows: Float32Array[] = [];
  for (const { label, vector } of vectors.points()) {
    labels.push(label);
    rows.push(Float32Array.from(vector));
  }
  if (labels.length === 0 || queries.length === 0) return { recall: 1, searchMs: 0 };
  let found = 0;
  let wanted = 0;
  let searchMs = 0;
  for (const query of queries) {
    const q = Float32Array.from(await embedder.embedQuery(query));
    const scores = rows.map((row, i) => {
      let dot = 0;
      for (let d = 0; d < q.length; d++) dot += q[d]! * row[d]!;
      return [dot, labels[i]!] as const;
    });
    scores.sort((a, b) => b[0] - a[0]);
    const exact = new Set(scores.slice(0, k).map(([, label]) => label));
    const started = performance.now();
    const approximate = vectors.search(Array.from(q), k);
    searchMs += performance.now() - started;
    wanted += exact.size;
    for (const hit of approximate) if (exact.has(hit.label)) found++;
  }
  return { recall: found / wanted, searchMs: searchMs / queries.length };
}
