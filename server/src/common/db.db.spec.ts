import { DataSource, Repository } from 'typeorm';
import { District } from '../org/district.entity';
import { TestApp, startTestApp } from '../testing/test-app';
import { Db } from './db';

/** Transactions joined by context (docs/architecture.md#transactions), on every tested database. */
describe('Db transactions', () => {
  let t: TestApp;
  let db: Db;
  let districts: Repository<District>;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(Db);
    districts = t.app.get(DataSource).getRepository(District);
  });
  afterAll(() => t.close());

  const held = () => {
    let release!: () => void;
    let started!: () => void;
    return {
      holding: new Promise<void>((r) => (release = r)),
      inside: new Promise<void>((r) => (started = r)),
      release: () => release(),
      started: () => started(),
    };
  };

  it('keeps a write made outside a transaction when a concurrent transaction rolls back', async () => {
    const gate = held();
    const failing = db.transaction(async () => {
      await districts.insert({ code: 'tx-doomed', name: '回滚片区' });
      gate.started();
      await gate.holding;
      throw new Error('roll back');
    });
    await gate.inside;
    const inserted = districts.insert({ code: 'loose-write', name: '独立写入' });
    // Repository.save opens TypeORM's own transaction: it must not interleave either.
    const saved = districts.save({ code: 'loose-save', name: '独立保存' });
    await new Promise((r) => setTimeout(r, 50));
    gate.release();
    await expect(failing).rejects.toThrow('roll back');
    await Promise.all([inserted, saved]);
    expect(await districts.existsBy({ code: 'loose-write' })).toBe(true);
    expect(await districts.existsBy({ code: 'loose-save' })).toBe(true);
    expect(await districts.existsBy({ code: 'tx-doomed' })).toBe(false);
  });

  it('lets a read inside a transaction see its own writes, and a read outside only committed ones', async () => {
    const gate = held();
    const seenInside: (string | undefined)[] = [];
    const writing = db.transaction(async () => {
      await districts.save({ code: 'own-write', name: '本事务写入' });
      seenInside.push((await districts.findOneBy({ code: 'own-write' }))?.name);
      seenInside.push((await db.manager.findOneBy(District, { code: 'own-write' }))?.name);
      gate.started();
      await gate.holding;
    });
    await gate.inside;
    // MariaDB: another connection reads around the open transaction; SQLite: the read waits for it.
    const outside = districts.findOneBy({ code: 'own-write' });
    if (!db.isSqlite) expect(await outside).toBeNull();
    gate.release();
    await writing;
    expect(seenInside).toEqual(['本事务写入', '本事务写入']);
    if (db.isSqlite) expect((await outside)?.name).toBe('本事务写入');
    expect((await districts.findOneBy({ code: 'own-write' }))?.name).toBe('本事务写入');
  });

  it('reads, after waiting for a row lock, what its holder committed, even after an earlier read', async () => {
    const { id } = await districts.save({ code: 'lock-target', name: '加锁片区' });
    const lock = () =>
      districts.findOne({ where: { id }, ...(db.isSqlite ? {} : { lock: { mode: 'pessimistic_write' as const } }) });
    const gate = held();
    const holder = db.transaction(async () => {
      await lock();
      await districts.insert({ code: 'under-lock', name: '持锁写入' });
      gate.started();
      await gate.holding;
    });
    await gate.inside;
    const waiter = db.transaction(async () => {
      await districts.count();
      await lock();
      return districts.existsBy({ code: 'under-lock' });
    });
    await new Promise((r) => setTimeout(r, 50));
    gate.release();
    await holder;
    expect(await waiter).toBe(true);
  });

  it('joins a transaction called inside another: one commit or one rollback', async () => {
    const failing = db.transaction(async () => {
      await districts.insert({ code: 'outer-write', name: '外层写入' });
      const seenByInner = await db.transaction(async () => {
        await districts.insert({ code: 'inner-write', name: '内层写入' });
        return districts.existsBy({ code: 'outer-write' });
      });
      expect(seenByInner).toBe(true);
      expect(await districts.existsBy({ code: 'inner-write' })).toBe(true);
      throw new Error('roll back both');
    });
    await expect(failing).rejects.toThrow('roll back both');
    expect(await districts.existsBy({ code: 'outer-write' })).toBe(false);
    expect(await districts.existsBy({ code: 'inner-write' })).toBe(false);
  });

  it('leaves the transaction to work that outlives it', async () => {
    // The work resumes only once the transaction has ended, however long its COMMIT takes.
    let ended!: () => void;
    const transactionEnded = new Promise<void>((resolve) => (ended = resolve));
    let later!: Promise<boolean>;
    await db.transaction(async () => {
      later = transactionEnded.then(() => db.manager === db.dataSource.manager);
    });
    ended();
    expect(await later).toBe(true);
  });
});
