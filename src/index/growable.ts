// Append-only typed arrays, so building postings for 100k chunks never holds
// millions of boxed numbers.

export class Growable<T extends Int32Array | Float32Array | Uint32Array> {
  private buffer: T;
  length = 0;

  constructor(
    private readonly Kind: new (length: number) => T,
    initialCapacity = 1024,
  ) {
    this.buffer = new Kind(initialCapacity);
  }

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const next = new this.Kind(this.buffer.length * 2);
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
    const copy = new this.Kind(this.length);
    copy.set(this.buffer.subarray(0, this.length));
    return copy;
  }
}
