// Adapts a LangChain `Embeddings` to the Embedder seam: unit-length vectors, a dimension
// learned once from the provider, and provider failures as UPSTREAM errors.
import type { Embeddings } from '@langchain/core/embeddings';
import { AppError, errorMessage } from '../errors/app-error.js';
import type { Embedder } from './embedder.js';

/** Scales a vector to unit length (a zero vector is returned as is). */
function normalise(vector: ArrayLike<number>): number[] {
  const values = Array.from(vector, Number);
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
  return norm > 0 ? values.map((value) => value / norm) : values;
}

export function fromLangChainEmbeddings(id: string, embeddings: Embeddings): Embedder {
  let dimension: Promise<number> | undefined;

  // A provider error, or a reply that is not a vector per text (a server that ignores
  // `encoding_format` makes the OpenAI client decode garbage), becomes one UPSTREAM error.
  const call = async (texts: string[], run: () => Promise<ArrayLike<number>[]>): Promise<number[][]> => {
    let vectors: ArrayLike<number>[];
    try {
      vectors = await run();
    } catch (error) {
      throw new AppError('UPSTREAM', `임베딩 서버(${id}) 호출에 실패했습니다: ${errorMessage(error)}`, { cause: error });
    }
    const length = vectors[0]?.length ?? 0;
    if (
      vectors.length !== texts.length ||
      length === 0 ||
      vectors.some((vector) => vector?.length !== length || !Number.isFinite(vector[0]))
    ) {
      throw new AppError('UPSTREAM', `임베딩 서버(${id})가 올바르지 않은 벡터를 돌려주었습니다`);
    }
    return vectors.map(normalise);
  };

  const embedQuery = async (text: string): Promise<number[]> => {
    // call() checked there is one vector per text.
    const [vector = []] = await call([text], async () => [await embeddings.embedQuery(text)]);
    return vector;
  };

  return {
    id,
    dimension() {
      // Cache the promise, not the number, so concurrent first callers share one probe;
      // a failed probe is forgotten so the next call retries.
      dimension ??= embedQuery('차원 확인').then(
        (vector) => vector.length,
        (error: unknown) => {
          dimension = undefined;
          throw error;
        },
      );
      return dimension;
    },
    async embedDocuments(texts) {
      if (texts.length === 0) return [];
      return call(texts, () => embeddings.embedDocuments(texts));
    },
    embedQuery,
  };
}
