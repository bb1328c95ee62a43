import { DataSource } from 'typeorm';
import { District } from '../org/district.entity';
import { TestApp, startTestApp } from '../testing/test-app';
import { Db } from './db';

/** A request's own write must never ride along in another request's transaction (one SQLite connection). */
describe('Db on a shared connection', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('keeps a write made outside a transaction when a concurrent transaction rolls back', async () => {
    const db = t.app.get(Db);
    const repo = t.app.get(DataSource).getRepository(District);
    let release!: () => void;
    let started!: () => void;
    const holding = new Promise<void>((r) => (release = r));
    const inside = new Promise<void>((r) => (started = r));
    const failing = db.transaction(async (em) => {
      await em.insert(District, { code: 'tx-doomed', name: '回滚片区' });
      started();
      await holding;
      throw new Error('roll back');
    });
    await inside;
    const loose = repo.insert({ code: 'loose-write', name: '独立写入' });
    await new Promise((r) => setTimeout(r, 50));
    release();
    await expect(failing).rejects.toThrow('roll back');
    await loose;
    expect(await repo.existsBy({ code: 'loose-write' })).toBe(true);
    expect(await repo.existsBy({ code: 'tx-doomed' })).toBe(false);
  });
});
