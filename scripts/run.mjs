#!/usr/bin/env node
// @ts-check
// What the npm scripts run: the compiled CLI in dist/, built first when src/ changed since.
//   node scripts/run.mjs <command> [options]   (same commands as `tsx src/cli.ts`)
import { ensureBuilt } from './build.mjs';

try {
  ensureBuilt();
} catch (error) {
  process.stderr.write(`${/** @type {Error} */ (error).message}\n`);
  process.exit(1);
}
// argv stays [node, this file, command, …], which is what the CLI parses.
await import('../dist/cli.js');
