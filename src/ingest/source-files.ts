// The corpus files an ingest read, with size and modification time: stored with the index
// so start-up can tell cheaply whether the corpus changed since (index/staleness.ts).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceFileStat } from '../index/format.js';

export class SourceFiles {
  readonly stats: Record<string, SourceFileStat> = {};

  /** Without a corpus folder (articles made in memory) nothing is recorded. */
  constructor(private readonly corpusDir: string | undefined) {}

  /** A skipped input's path: `briefs.jsonl:2` is line 2 of briefs.jsonl. */
  recordSkipped(path: string): Promise<void> {
    return this.record(path.replace(/:\d+$/, ''));
  }

  /** An article's origin: `briefs.jsonl#L3` is line 3 of briefs.jsonl. */
  recordOrigin(origin: string): Promise<void> {
    return this.record(origin.replace(/#L?\d+$/, ''));
  }

  private async record(file: string): Promise<void> {
    if (!this.corpusDir || this.stats[file]) return;
    const info = await stat(join(this.corpusDir, file)).catch(() => undefined);
    if (info?.isFile()) this.stats[file] = { size: info.size, mtimeMs: info.mtimeMs };
  }
}
