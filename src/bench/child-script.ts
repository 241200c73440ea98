// Benchmarks measure in fresh child processes; this finds the script to start.
import { fileURLToPath } from 'node:url';

/**
 * A module beside `moduleUrl`, run as whatever the caller is: its TypeScript source through
 * tsx (`--import tsx` in `execArgv`), or the built JavaScript.
 */
export function childScript(moduleUrl: string, baseName: string): { path: string; execArgv: string[] } {
  const fromSource = moduleUrl.endsWith('.ts');
  return {
    path: fileURLToPath(new URL(`./${baseName}${fromSource ? '.ts' : '.js'}`, moduleUrl)),
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  };
}
