// One request's view of the PostgreSQL index: a READ ONLY REPEATABLE READ transaction opened
// at its first search and kept for its follow-up and main searches, so they read the same
// snapshot. Before the answer is written, the term statistics the answerer weighs (the
// question's and the retrieved passages' terms) are read in that snapshot, then it is closed:
// answering (maybe minutes of a language model) holds no connection.
import type { Answerer } from '../answer/answerer.js';
import type { Lexicon } from '../answer/candidates.js';
import { focusWords } from '../answer/focus.js';
import type { Hit } from '../domain/types.js';
import type { Embedder } from '../embed/embedder.js';
import { createFusionRetriever } from '../retrieve/hybrid.js';
import type { Retriever } from '../retrieve/retriever.js';
import { analyze, bigrams, wordTerm } from '../text/tokens.js';
import type { Client, Pool } from '../index/postgres/database.js';
import { requireIndexState, type IndexState } from '../index/postgres/identity.js';
import { documentFrequencies, postgresSource } from '../index/postgres/source.js';

/** Every term the extractive answerer and the grounding check may look up for this question
 *  and these passages (see answer/extractive.ts, answerability.ts, focus.ts). */
function lexiconTerms(question: string, hits: Hit[]): string[] {
  const terms = new Set([...analyze(question, { query: true }), ...analyze(question)]);
  for (const { word } of focusWords(question)) {
    terms.add(word).add(wordTerm(word));
    for (const pair of bigrams(word)) terms.add(pair);
  }
  for (const hit of hits) for (const term of [...analyze(hit.chunk.text), ...analyze(hit.article.title)]) terms.add(term);
  return [...terms];
}

export class RequestSnapshot {
  #client: Client | undefined;
  #state: IndexState | undefined;
  #opening: Promise<{ client: Client; state: IndexState }> | undefined;
  readonly #frequencies = new Map<string, number>();

  /** The corpus statistics as of the snapshot (filled by the searches). */
  readonly lexicon: Lexicon;

  constructor(
    private readonly pool: Pool,
    private readonly embedder: Embedder,
  ) {
    const frequencies = this.#frequencies;
    const state = () => this.#state;
    this.lexicon = {
      get documentCount() {
        return state()?.chunkCount ?? 0;
      },
      documentFrequency: (term) => frequencies.get(term) ?? 0,
    };
  }

  /** Searches in the snapshot and reads the statistics of what it found. */
  readonly retriever: Retriever = {
    search: async (query, options) => {
      const { client, state } = await this.#open();
      const hits = await createFusionRetriever(postgresSource(client, state), this.embedder).search(query, options);
      const wanted = lexiconTerms(query, hits).filter((term) => !this.#frequencies.has(term));
      const found = await documentFrequencies(client, wanted);
      for (const term of wanted) this.#frequencies.set(term, found.get(term) ?? 0);
      return hits;
    },
  };

  /** The answerer, closing the snapshot before it starts (all reads are done by then). */
  releasingBefore(answerer: Answerer): Answerer {
    const release = () => this.release();
    return {
      mode: answerer.mode,
      async *answer(input) {
        await release();
        yield* answerer.answer(input);
      },
    };
  }

  async #open(): Promise<{ client: Client; state: IndexState }> {
    this.#opening ??= (async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const state = await requireIndexState(client, this.embedder.id);
        this.#client = client;
        this.#state = state;
        return { client, state };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release();
        throw error;
      }
    })();
    return this.#opening;
  }

  /** Ends the snapshot (idempotent). */
  async release(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    this.#opening = undefined;
    if (!client) return;
    let broken = false;
    await client.query('COMMIT').catch(() => (broken = true));
    client.release(broken);
  }
}
