// Small file helpers for the index: typed arrays to and from disk, checksums, atomic writes.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';

export async function writeTyped(file: string, array: Int32Array | Uint32Array | Float32Array): Promise<void> {
  await writeFile(file, new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
}

/** Reads a binary file into a fresh, aligned typed array. */
export async function readTyped<T extends Int32Array | Uint32Array | Float32Array>(
  file: string,
  Kind: { new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
): Promise<T> {
  const bytes = await readFile(file);
  if (bytes.byteLength % Kind.BYTES_PER_ELEMENT !== 0)
    throw new Error(`${file}: size ${bytes.byteLength} is not a whole number of elements`);
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return new Kind(copy, 0, bytes.byteLength / Kind.BYTES_PER_ELEMENT);
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  // Without an encoding a file stream yields Buffers.
  for await (const piece of createReadStream(file)) if (Buffer.isBuffer(piece)) hash.update(piece);
  return hash.digest('hex');
}

export function sha256Text(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Writes a file so readers see the old or the new content, never half of it. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
