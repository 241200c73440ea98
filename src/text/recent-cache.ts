// A bounded memo for the pure text functions that callers ask about the same texts again and
// again (the passages retrieval and answering look at for every question). The caller creates
// and owns each one, so text/ itself keeps no state between calls.

interface RecentCache<Value extends object> {
  /** The value remembered for `key`, or `compute()` remembered from now on. */
  get(key: string, compute: () => Value): Value;
}

/** Remembers the values of the `capacity` most recently used keys; the least recently used goes first. */
export function createRecentCache<Value extends object>(capacity: number): RecentCache<Value> {
  const values = new Map<string, Value>();
  return {
    get(key, compute) {
      const cached = values.get(key);
      if (cached !== undefined) {
        // Map keeps insertion order: re-inserting marks the key as the most recently used.
        values.delete(key);
        values.set(key, cached);
        return cached;
      }
      const value = compute();
      values.set(key, value);
      if (values.size > capacity) {
        const oldest = values.keys().next();
        if (!oldest.done) values.delete(oldest.value);
      }
      return value;
    },
  };
}
