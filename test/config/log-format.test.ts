import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';

describe('LOG_FORMAT', () => {
  it('defaults to auto: readable lines on a terminal, JSON elsewhere', () => {
    expect(loadConfig({}).logFormat).toBe('auto');
  });

  it.each(['auto', 'pretty', 'json'] as const)('accepts %s', (format) => {
    expect(loadConfig({ LOG_FORMAT: format }).logFormat).toBe(format);
  });

  it('names the variable when the value is unknown', () => {
    expect(() => loadConfig({ LOG_FORMAT: 'yaml' })).toThrow(/LOG_FORMAT/);
  });
});
