// Whether an on-disk index still matches its corpus and embedder, read from the
// manifest alone (cheap enough for every start-up and every watched change).
import { errorMessage } from '../errors/app-error.js';
import type { SourceFileStat } from './format.js';
import { currentGeneration, readManifest } from './generation.js';

/**
 * Why the index must be (re)built before serving, or undefined when it is current:
 * missing, built by another embedder or format, or the corpus files changed since.
 * A corrupt index is found by the checksum check at load.
 */
export async function indexStaleness(
  embedderId: string,
  indexDir: string,
  corpusFiles: Readonly<Record<string, SourceFileStat>>,
): Promise<string | undefined> {
  const generation = await currentGeneration(indexDir);
  if (!generation) return '색인이 없습니다';
  let manifest;
  try {
    manifest = await readManifest(generation);
  } catch (error) {
    return errorMessage(error);
  }
  return recordedStaleness(manifest.embedder.id, manifest.sources, embedderId, corpusFiles);
}

/** Why an index made by `builtWith` from the `recorded` corpus files must be rebuilt for
 *  `embedderId` and `corpusFiles`, or undefined (whichever backend stores the record). */
export function recordedStaleness(
  builtWith: string,
  recorded: Readonly<Record<string, SourceFileStat>>,
  embedderId: string,
  corpusFiles: Readonly<Record<string, SourceFileStat>>,
): string | undefined {
  if (builtWith !== embedderId) return `임베더가 바뀌었습니다 (${builtWith} → ${embedderId})`;
  const names = Object.keys(corpusFiles);
  if (names.length !== Object.keys(recorded).length) return '코퍼스 파일이 추가되거나 삭제되었습니다';
  for (const name of names) {
    const before = recorded[name];
    const now = corpusFiles[name];
    if (!before || !now || before.size !== now.size || before.mtimeMs !== now.mtimeMs) return `코퍼스 파일이 바뀌었습니다: ${name}`;
  }
  return undefined;
}
