import { describe, expect, it } from 'vitest';
import { childEnvironment, wantsStackTraces } from '../../src/config/environment.js';

describe('wantsStackTraces', () => {
  it.each([
    ['debug', true],
    ['trace', true],
    ['info', false],
    ['디버그', false],
    [undefined, false],
  ])('LOG_LEVEL=%s → %s', (level, expected) => {
    expect(wantsStackTraces(level === undefined ? {} : { LOG_LEVEL: level })).toBe(expected);
  });
});

describe('childEnvironment', () => {
  it('passes this process’s environment on, with the extras on top', () => {
    const env = childEnvironment({ CORPUS_DIR: '코퍼스' });
    expect(env.CORPUS_DIR).toBe('코퍼스');
    expect(env.PATH).toBe(process.env.PATH);
  });
});
