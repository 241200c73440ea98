// `db:migrate`: applies the PostgreSQL index's schema migrations to DATABASE_URL.
import { withConfig } from './load-config.js';

export async function migrateCommand(): Promise<void> {
  const { migrateDatabase } = await import('../index/postgres/commands.js');
  const applied = await migrateDatabase(withConfig({ indexBackend: 'postgres' }));
  process.stdout.write(applied.length ? `마이그레이션 적용: ${applied.join(', ')}\n` : '스키마가 최신입니다.\n');
}
