// INDEX_BACKEND and DATABASE_URL: the default stays local, postgres needs a URL (named in a
// Korean message), and an unreachable server is one Korean line that hides the password.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { migrateDatabase } from '../../src/index/postgres/commands.js';

describe('index backend settings', () => {
  it.each<[Record<string, string>, string, string | undefined]>([
    [{}, 'local', undefined],
    [{ INDEX_BACKEND: 'local', DATABASE_URL: 'postgres://u:p@db:5432/news' }, 'local', 'postgres://u:p@db:5432/news'],
    [{ INDEX_BACKEND: 'postgres', DATABASE_URL: ' postgres://u:p@db:5432/news ' }, 'postgres', 'postgres://u:p@db:5432/news'],
  ])('%j → %s', (env, backend, url) => {
    expect(loadConfig(env)).toMatchObject({ indexBackend: backend, databaseUrl: url });
  });

  it.each([[{ INDEX_BACKEND: 'postgres' }], [{ INDEX_BACKEND: 'postgres', DATABASE_URL: '  ' }]])(
    'names DATABASE_URL when postgres has none (%j)',
    (env) => {
      expect(() => loadConfig(env)).toThrow(/^설정 오류: DATABASE_URL — INDEX_BACKEND=postgres에는/);
    },
  );

  it('names the variable and its accepted values for an unknown backend', () => {
    expect(() => loadConfig({ INDEX_BACKEND: 'qdrant' })).toThrow(
      '설정 오류: INDEX_BACKEND="qdrant" — local, postgres 중 하나여야 합니다.',
    );
  });

  it('reports an unreachable server in one Korean line without the password', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await new Promise((resolve) => server.close(resolve));
    const config = { ...loadConfig({}), indexBackend: 'postgres' as const, databaseUrl: `postgres://news:s3cret@127.0.0.1:${port}/news` };
    const error = await migrateDatabase(config).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'INDEX_MISSING',
      message: expect.stringContaining(`PostgreSQL(127.0.0.1:${port}/news)에 연결할 수 없습니다`),
    });
    expect(error instanceof Error ? error.message : '').not.toContain('s3cret');
  });
});
