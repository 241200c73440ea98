// A debounced folder watch: one call of `onChange` after a burst of file events.
import { watch } from 'node:fs';

interface WatchOptions {
  /** Quiet time after the last event before `onChange` runs. */
  debounceMs: number;
  /** Watch sub-folders too. */
  recursive?: boolean;
  /** Which events count, by the file name they carry (null when the platform gives none). */
  accept?: (name: string | null) => boolean;
}

/** Watches `dir` until the returned function is called. A watcher that fails closes itself. */
export function watchDebounced(dir: string, onChange: () => void, options: WatchOptions): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dir, { recursive: options.recursive ?? false, persistent: false }, (_event, name) => {
    if (options.accept && !options.accept(name)) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, options.debounceMs);
  });
  watcher.on('error', () => watcher.close());
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
