// The server's transport settings: TRUST_PROXY in Express's forms (minus `true`), the
// timeouts and connection cap with their defaults, the corpus watcher and the probe bound.
import { describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from '../../src/config/config.js';
import { AppError } from '../../src/errors/app-error.js';

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, uniquelocal', ['loopback', 'uniquelocal']],
    ['10.0.0.0/8,127.0.0.1', ['10.0.0.0/8', '127.0.0.1']],
    ['::1, fd00::/8', ['::1', 'fd00::/8']],
  ])('%j → %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['true', 'yes', '10.0.0.0/33', '300.1.1.1', 'loopback, example.com', '1.2.3.4/8/9'])(
    'refuses %j with a Korean line naming the variable',
    (value) => {
      let error: unknown;
      try {
        loadConfig({ TRUST_PROXY: value });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('CONFIG');
      expect((error as AppError).message).toContain('TRUST_PROXY');
      expect((error as AppError).message).toContain('프록시 홉 수');
    },
  );
});

describe('server limits, watcher and probes', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      trustProxy: false,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 1_000,
      watchCorpus: false,
      probeTimeoutMs: 10_000,
    });
  });

  it('reads them from the environment', () => {
    expect(
      loadConfig({
        HEADERS_TIMEOUT_MS: '2000',
        REQUEST_TIMEOUT_MS: '4000',
        KEEP_ALIVE_TIMEOUT_MS: '1000',
        MAX_CONNECTIONS: '0',
        WATCH_CORPUS: '1',
        PROBE_TIMEOUT_MS: '500',
      }),
    ).toMatchObject({
      headersTimeoutMs: 2_000,
      requestTimeoutMs: 4_000,
      keepAliveTimeoutMs: 1_000,
      maxConnections: 0,
      watchCorpus: true,
      probeTimeoutMs: 500,
    });
  });

  it('refuses a headers timeout longer than the request timeout', () => {
    expect(() => loadConfig({ HEADERS_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '10000' })).toThrow(
      /HEADERS_TIMEOUT_MS.*REQUEST_TIMEOUT_MS/,
    );
  });

  it.each([
    ['MAX_CONNECTIONS', '-1'],
    ['WATCH_CORPUS', 'yes'],
    ['REQUEST_TIMEOUT_MS', '0'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
