// Append-only typed arrays, so building postings for 100k chunks never holds
// millions of boxed numbers.

type TypedArrayConstructor = Int32ArrayConstructor | Float32ArrayConstructor | Uint32ArrayConstructor;

export class Growable<T extends Int32Array | Float32Array | Uint32Array> {
  private buffer: T;
  length = 0;

  constructor(private readonly Kind: TypedArrayConstructor, initialCapacity = 1024) {
    this.buffer = new Kind(initialCapacity) as T;
  }

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const next = new this.Kind(this.buffer.length * 2) as T;
      next.set(this.buffer);
      this.buffer = next;
    }
    this.buffer[this.length++] = value;
  }

  get(index: number): number {
    return this.buffer[index]!;
  }

  /** A trimmed copy holding exactly `length` values. */
  toArray(): T {
    return this.buffer.slice(0, this.length) as T;
  }
}
