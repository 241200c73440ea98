// What bench:load and its server child (load-server.ts) say to each other over IPC.

/** What the server child reports after a run of re-index and swap. */
export interface ReindexReport {
  /** Generations built and swapped in while the load ran. */
  swaps: number;
  /** Wall time of each rebuild (ingest process start to swap), the one running at the end included. */
  rebuildSeconds: number[];
  /** Server RSS: before the first rebuild, highest reading (every 100 ms) while old and new were
   *  both held, and after the last swap and a full GC. */
  serverRssBeforeMB: number;
  serverRssPeakMB: number;
  serverRssAfterMB: number;
  /** Highest RSS of the ingest processes (read from /proc; null where it is not available). */
  ingestRssPeakMB: number | null;
}

export type ToServer = { type: 'rss' } | { type: 'stop' } | { type: 'reindex-start' } | { type: 'reindex-stop' };

export type FromServer =
  | { type: 'ready'; url: string; articles: number; chunks: number }
  | { type: 'rss'; rss: number }
  | { type: 'swap'; generation: string }
  | { type: 'reindex-report'; report: ReindexReport }
  | { type: 'failed'; message: string };

export const MB = 1024 * 1024;
