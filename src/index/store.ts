// Loads the live generation of an on-disk index (the writer is writer.ts; both speak format.ts).
import { AppError } from '../errors/app-error.js';
import type { Manifest } from './format.js';
import { currentGeneration, readGeneration, readManifest, type GenerationContent } from './generation.js';

export interface LoadedIndex extends GenerationContent {
  /** The generation folder loaded. */
  dir: string;
  manifest: Manifest;
}

/**
 * Loads the live index. Throws INDEX_MISSING when there is none, INDEX_INCOMPATIBLE
 * when another embedder or format built it, INDEX_CORRUPT when a file fails its checksum.
 */
export async function loadIndex(indexDir: string, embedderId: string, options: { verify?: boolean } = {}): Promise<LoadedIndex> {
  const dir = await currentGeneration(indexDir);
  if (!dir) throw new AppError('INDEX_MISSING', `색인이 없습니다: ${indexDir}. 'npm run ingest'로 만드세요.`);
  const manifest = await readManifest(dir);
  if (manifest.embedder.id !== embedderId) {
    throw new AppError(
      'INDEX_INCOMPATIBLE',
      `색인은 임베더 ${manifest.embedder.id}로 만들어졌지만 지금 설정은 ${embedderId}입니다. 'npm run ingest -- --rebuild'로 다시 만드세요.`,
    );
  }
  return { dir, manifest, ...(await readGeneration(dir, manifest, options.verify !== false)) };
}
