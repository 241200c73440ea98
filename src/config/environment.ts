// The process environment beyond the Config tunables: what a child process inherits, and
// whether to print stack traces. config/ is the only reader of process.env.

/** The environment a child process gets: this process's, with `extra` on top. */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/**
 * The environment of a long-running server child: glibc's malloc arenas capped at two (unless
 * MALLOC_ARENA_MAX is set), as `npm start` does, so RSS under load tracks the JS heap.
 */
export function serverChildEnvironment(): NodeJS.ProcessEnv {
  return childEnvironment({ MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' });
}

/**
 * LOG_LEVEL=debug or trace: show the stack of a failed command. Read as given rather than
 * through loadConfig, since the error being shown may be the config's own.
 */
export function wantsStackTraces(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace';
}
