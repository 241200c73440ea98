// The commands' configuration: `.env` applied once (real environment variables win), then
// the environment read and validated, then the command line's overrides on top.
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../config/config.js';
import { loadDotEnv } from '../config/dotenv.js';

/** The project root, from src/commands/ (tsx) and dist/commands/ (built) alike. */
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** What `.env` set, read once before the first config. */
let dotEnv: { file: string; applied: string[] } | undefined;

export function withConfig(overrides: Partial<Config> = {}): Config {
  dotEnv ??= loadDotEnv(PROJECT_ROOT);
  return { ...loadConfig(), ...overrides };
}

/** The `.env` file and the variables it set, once a config was loaded (for the server's start-up log). */
export function dotEnvApplied(): { file: string; applied: string[] } | undefined {
  return dotEnv;
}
