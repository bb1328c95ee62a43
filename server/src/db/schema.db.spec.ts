import { DataSource } from 'typeorm';
import { TestApp, startTestApp } from '../testing/test-app';
import { ENTITIES } from './entities';

/**
 * The schema the app runs on is the one its entities describe. On MariaDB it comes only from the
 * migrations, so an entity change without its migration shows up here as pending SQL; SQLite
 * builds it from the entities, so there every entity must have its table and nothing be left to do.
 */
describe('database schema', () => {
  let t: TestApp;
  let dataSource: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    dataSource = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('has a table for every entity', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      const tables = ENTITIES.map((entity) => dataSource.getMetadata(entity).tableName);
      const missing = [];
      for (const table of tables) if (!(await runner.hasTable(table))) missing.push(table);
      expect(missing).toEqual([]);
    } finally {
      await runner.release();
    }
  });

  it('matches the entities exactly: no SQL left to run', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has every migration applied (MariaDB) or needs none (SQLite)', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });
});
