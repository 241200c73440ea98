// The Embedder seam: text in, unit-length vectors out. Implementations wrap a
// LangChain `Embeddings` (local, ollama, openai); the index only sees this interface.

export interface Embedder {
  /** Stable identity stored in the index manifest ("local:hash-ngram-v1", "ollama:bge-m3").
   *  An index built by another embedder is refused at load. */
  readonly id: string;
  /** Vector length; remote providers learn it from their first answer. */
  dimension(): Promise<number>;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}
