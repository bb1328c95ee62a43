import { DEFAULT_REPAIR_PRICE_LIST, ErrorCode, PriceListView } from '@utility/shared';
import { call, createTicket, expectRefused, login } from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

const DEFAULT_ITEMS = DEFAULT_REPAIR_PRICE_LIST.map((i) => ({ ...i, retired: false }));

/** The price list as operator data (docs/domain.md#charges): kept by the admin, priced from by quotes. */
describe('the price list (GET|PUT /api/admin/price-list, GET /api/field/price-list)', () => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  let tech1: string;
  beforeAll(async () => {
    t = await startTestApp();
    [admin, agent, tech1] = await Promise.all([login(t, 'admin'), login(t, 'agent1'), login(t, 'tech1')]);
  });
  afterAll(() => t.close());

  const get = (auth = admin) => t.http().get('/api/admin/price-list').set('Authorization', auth);
  const put = (items: unknown, auth = admin) =>
    t.http().put('/api/admin/price-list').set('Authorization', auth).send({ items });
  const quotable = async () =>
    (await t.http().get('/api/field/price-list').set('Authorization', tech1).expect(200)).body as { code: string }[];
  /** A phone repair tech1 has taken, ready for a quote. */
  async function assignedJob(): Promise<number> {
    const ticket = await createTicket(t, agent, call());
    await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', tech1).expect(200);
    return ticket.id;
  }
  const quote = (id: number, items: { code: string; qty: number }[]) =>
    t.http().post(`/api/field/jobs/${id}/quote`).set('Authorization', tech1).send({ items });

  // Each test leaves the list as seeded.
  it('starts as the seeded list (the migration on MariaDB, the boot on SQLite), every item current', async () => {
    const res = await get().expect(200);
    const items = (res.body as PriceListView).items;
    expect(
      items.map((i) => ({ code: i.code, name: i.name, unit: i.unit, unitFen: i.unitFen, retired: i.retired })),
    ).toEqual(DEFAULT_ITEMS);
    expect((await quotable()).map((i) => i.code)).toEqual(DEFAULT_ITEMS.map((i) => i.code));
  });

  it('is the admin’s: others are refused with 403', async () => {
    expectRefused(await get(tech1), 403, ErrorCode.Forbidden);
    expectRefused(await put(DEFAULT_ITEMS, agent), 403, ErrorCode.Forbidden);
  });

  it('prices quotes from the saved list: a new price, a new item, a retired item no longer quoted', async () => {
    const changed = [
      ...DEFAULT_ITEMS.map((i) => (i.code === 'gas-hose' ? { ...i, unitFen: 5200 } : i)),
      { code: 'alarm-install', name: '燃气报警器安装', unit: '台', unitFen: 15000, retired: false },
    ].map((i) => (i.code === 'radiator-flush' ? { ...i, retired: true } : i));
    const saved = await put(changed).expect(200);
    expect(saved.body.items.at(-1)).toEqual({ ...changed.at(-1), inUse: false });
    const codes = (await quotable()).map((i) => i.code);
    expect(codes).toContain('alarm-install');
    expect(codes).not.toContain('radiator-flush');

    const id = await assignedJob();
    const sent = await quote(id, [
      { code: 'gas-hose', qty: 2 },
      { code: 'visit', qty: 1 },
    ]);
    expect(sent.status).toBe(200);
    expect(sent.body.quote).toMatchObject({ totalFen: 2 * 5200 + 3000 });
    expect(sent.body.quote.lines[0]).toMatchObject({ code: 'gas-hose', unitFen: 5200, amountFen: 10400 });
    expectRefused(await quote(id, [{ code: 'radiator-flush', qty: 1 }]), 422, ErrorCode.QuoteItemUnknown);
    await put(DEFAULT_ITEMS).expect(200);
  });

  it('keeps an item a quote named: deleting it is 409 PRICE_ITEM_IN_USE and changes nothing; retiring it is allowed', async () => {
    await quote(await assignedJob(), [{ code: 'stove-thermocouple', qty: 1 }]).expect(200);
    const before = (await get().expect(200)).body as PriceListView;
    expect(before.items.find((i) => i.code === 'stove-thermocouple')).toMatchObject({ inUse: true });

    const withoutIt = DEFAULT_ITEMS.filter((i) => i.code !== 'stove-thermocouple');
    const refused = await put(withoutIt.map((i) => ({ ...i, unitFen: i.unitFen + 1 })));
    expectRefused(refused, 409, ErrorCode.PriceItemInUse);
    expect(refused.body.message).toContain('灶具熄火保护针更换');
    expect((await get().expect(200)).body).toEqual(before);

    const retired = DEFAULT_ITEMS.map((i) => (i.code === 'stove-thermocouple' ? { ...i, retired: true } : i));
    await put(retired).expect(200);
    // An item nobody quoted is simply deleted.
    const res = await put(retired.filter((i) => i.code !== 'power-socket')).expect(200);
    expect(res.body.items.map((i: { code: string }) => i.code)).not.toContain('power-socket');
    await put(DEFAULT_ITEMS).expect(200);
  });

  it.each([
    ['a code twice', [...DEFAULT_ITEMS, DEFAULT_ITEMS[0]]],
    ['a price in part fen', DEFAULT_ITEMS.map((i, n) => (n ? i : { ...i, unitFen: 3000.5 }))],
    ['a price of 0', DEFAULT_ITEMS.map((i, n) => (n ? i : { ...i, unitFen: 0 }))],
    ['no items', []],
  ])('refuses %s with 400 and changes nothing', async (_what, items) => {
    const before = (await get().expect(200)).body;
    expectRefused(await put(items), 400, ErrorCode.ValidationFailed);
    expect((await get().expect(200)).body).toEqual(before);
  });
});
