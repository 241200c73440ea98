// What `npm start` needs to follow the PostgreSQL index: the live generation's name, whether
// the corpus changed since the last ingest, and a watch for ingests committed by others
// (another server's build, `npm run ingest`). Answers read the database directly, so a new
// ingest is answered from at once; the watch only refreshes the counts and headlines shown.
import type { Config } from '../config/config.js';
import { listCorpusFiles } from '../corpus/read-corpus.js';
import { recordedStaleness } from '../index/staleness.js';
import { sharedPool } from './engine.js';
import { readIndexState } from '../index/postgres/identity.js';

/** How often a server asks whether another process committed an ingest. */
const POLL_MS = 1_000;

export interface IndexFollower {
  liveGeneration(): Promise<string | undefined>;
  staleness(): Promise<string | undefined>;
  /** Calls `onChange` when the live generation changes; returns the stop. */
  watch(onChange: () => void): () => void;
}

function generationName(generation: number): string {
  return `pg-${generation}`;
}

export function postgresFollower(config: Config, embedderId: string): IndexFollower {
  const pool = sharedPool(config.databaseUrl ?? '');
  const liveGeneration = async () => {
    const state = await readIndexState(pool);
    return state ? generationName(state.generation) : undefined;
  };
  return {
    liveGeneration,
    staleness: async () => {
      const state = await readIndexState(pool).catch(() => undefined);
      if (!state) return '색인이 없습니다';
      return recordedStaleness(state.embedderId, state.sources, embedderId, await listCorpusFiles(config.corpusDir));
    },
    watch: (onChange) => {
      let last: string | undefined;
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        liveGeneration()
          .then((name) => {
            // The first reading counts as a change too: the host compares it with what it serves.
            if (name !== last) onChange();
            last = name;
          })
          .catch(() => undefined)
          .finally(() => (running = false));
      }, POLL_MS);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
