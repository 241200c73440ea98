import { describe, expect, it } from 'vitest';
import { childScript } from '../../src/bench/child-script.js';

describe('childScript', () => {
  it.each([
    ['file:///repo/src/bench/bench-scale.ts', '/repo/src/bench/bench-scale-probe.ts', ['--import', 'tsx']],
    ['file:///repo/dist/bench/bench-load.js', '/repo/dist/bench/bench-scale-probe.js', []],
  ])('beside %s', (moduleUrl, path, execArgv) => {
    expect(childScript(moduleUrl, 'bench-scale-probe')).toEqual({ path, execArgv });
  });
});
