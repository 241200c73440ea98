// Embeds chunk texts a batch at a time and hands the vectors to the sink, so ingest holds
// one batch of vectors in memory, never the corpus's.
import type { Embedder } from '../embed/embedder.js';
import { AppError } from '../errors/app-error.js';
import type { IndexSink } from '../index/sink.js';

/** Texts per embedding call: large enough to amortise a remote round trip. */
const EMBED_BATCH = 64;

export class EmbeddingBatch {
  /** Texts embedded so far. */
  embedded = 0;
  private keys: number[] = [];
  private texts: string[] = [];

  constructor(
    private readonly embedder: Pick<Embedder, 'embedDocuments'>,
    private readonly sink: Pick<IndexSink, 'addVectors'>,
    private readonly size = EMBED_BATCH,
  ) {}

  /** Queues one text for the sink's `key`; embeds the batch once it is full. */
  async add(key: number, text: string): Promise<void> {
    this.keys.push(key);
    this.texts.push(text);
    if (this.texts.length >= this.size) await this.flush();
  }

  /** Embeds whatever is queued. */
  async flush(): Promise<void> {
    const { keys, texts } = this;
    if (texts.length === 0) return;
    this.keys = [];
    this.texts = [];
    const vectors = await this.embedder.embedDocuments(texts);
    if (vectors.length !== texts.length) {
      throw new AppError('INGEST_FAILED', `임베더가 ${texts.length}개 대신 ${vectors.length}개의 벡터를 돌려주었습니다.`);
    }
    await this.sink.addVectors(keys, vectors);
    this.embedded += texts.length;
  }
}
