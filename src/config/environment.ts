// The process environment beyond the Config tunables: what a child process inherits, and
// whether to print stack traces. config/ is the only reader of process.env.

/** The environment a child process gets: this process's, with `extra` on top. */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/**
 * LOG_LEVEL=debug or trace: show the stack of a failed command. Read as given rather than
 * through loadConfig, since the error being shown may be the config's own.
 */
export function wantsStackTraces(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace';
}
