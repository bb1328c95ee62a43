import { ErrorCode } from '@utility/shared';
import { expectRefused, login } from '../testing/api-fixtures';
import { auditOf, districtIdsByCode } from '../testing/rota-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { DataSource } from 'typeorm';
import { Tariff } from './tariff.entity';

/** /api/admin/tariffs: gas tiers, heating per m² and season, power tiers, per district and date. */
describe('tariffs (admin)', () => {
  let t: TestApp;
  let admin: string;
  let east: number;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, 'admin');
    east = (await districtIdsByCode(t)).east;
  });
  afterAll(() => t.close());

  const list = async () => (await t.http().get('/api/admin/tariffs').set('Authorization', admin).expect(200)).body;
  const post = (body: object, auth = admin) =>
    t.http().post('/api/admin/tariffs').set('Authorization', auth).send(body);
  const patch = (id: number, body: object) =>
    t.http().patch(`/api/admin/tariffs/${id}`).set('Authorization', admin).send(body);
  const gas2027 = () => ({
    kind: 'gas',
    districtId: east,
    effectiveFrom: '2027-01-01',
    tiers: [
      { upToM3: 350, priceFenPerM3: 275 },
      { upToM3: 500, priceFenPerM3: 330 },
      { upToM3: null, priceFenPerM3: 412 },
    ],
  });

  it("lists the seed's gas tiers and heating price of each district", async () => {
    expect(await list()).toContainEqual({
      id: expect.any(Number),
      kind: 'gas',
      districtId: east,
      effectiveFrom: '2026-01-01',
      tiers: [
        { upToM3: 350, priceFenPerM3: 261 },
        { upToM3: 500, priceFenPerM3: 313 },
        { upToM3: null, priceFenPerM3: 392 },
      ],
    });
    expect(await list()).toContainEqual(
      expect.objectContaining({ kind: 'heating', districtId: east, seasonStart: '11-15', priceFenPerM2: 2400 }),
    );
    // The seed's power steps at their exact prices (0.4883 元/kWh), with the 峰谷 prices.
    expect(await list()).toContainEqual(
      expect.objectContaining({
        kind: 'power',
        districtId: east,
        effectiveFrom: '2026-01-01',
        tiers: [
          { upToKwh: 2760, priceCentiFenPerKwh: 4883 },
          { upToKwh: 4800, priceCentiFenPerKwh: 5383 },
          { upToKwh: null, priceCentiFenPerKwh: 7883 },
        ],
      }),
    );
  });

  it('a power list saved in whole fen before prices were exact shows (and bills) as the same price ×100', async () => {
    const west = (await districtIdsByCode(t)).west;
    await t.app
      .get(DataSource)
      .getRepository(Tariff)
      .insert({
        kind: 'power',
        districtId: west,
        effectiveFrom: '2028-01-01',
        spec: {
          tiers: [
            { upToKwh: 2160, priceFenPerKwh: 49 },
            { upToKwh: 4200, priceFenPerKwh: 54 },
            { upToKwh: null, priceFenPerKwh: 79 },
          ],
        },
      });
    expect(await list()).toContainEqual(
      expect.objectContaining({
        kind: 'power',
        effectiveFrom: '2028-01-01',
        tiers: [
          { upToKwh: 2160, priceCentiFenPerKwh: 4900 },
          { upToKwh: 4200, priceCentiFenPerKwh: 5400 },
          { upToKwh: null, priceCentiFenPerKwh: 7900 },
        ],
        timeOfUse: null,
      }),
    );
  });

  it('adds next year’s gas tiers, a heating price and power tiers (201), each in the change log', async () => {
    const gas = await post(gas2027());
    expect(gas.status).toBe(201);
    expect(gas.body).toEqual({ id: expect.any(Number), ...gas2027() });
    const heating = await post({
      kind: 'heating',
      districtId: east,
      effectiveFrom: '2027-01-01',
      seasonStart: '11-01',
      seasonEnd: '03-31',
      priceFenPerM2: 2600,
    });
    expect(heating.status).toBe(201);
    const power = await post({
      kind: 'power',
      districtId: east,
      effectiveFrom: '2027-01-01',
      tiers: [
        // 0.4883 元/kWh: exact to 0.0001 元, which whole fen could not say (docs/domain.md#tariffs).
        { upToKwh: 2160, priceCentiFenPerKwh: 4883 },
        { upToKwh: 4200, priceCentiFenPerKwh: 5383 },
        { upToKwh: null, priceCentiFenPerKwh: 7883 },
      ],
      timeOfUse: { peakCentiFenPerKwh: 5683, valleyCentiFenPerKwh: 2883 },
    });
    expect(power.status).toBe(201);
    expect(power.body).toMatchObject({
      kind: 'power',
      tiers: expect.arrayContaining([{ upToKwh: 2160, priceCentiFenPerKwh: 4883 }]),
      timeOfUse: { peakCentiFenPerKwh: 5683, valleyCentiFenPerKwh: 2883 },
    });
    expect(await list()).toEqual(expect.arrayContaining([gas.body, heating.body, power.body]));
    expect(await auditOf(t, 'tariff', power.body.id)).toEqual([
      expect.objectContaining({ action: 'tariff.create', before: null, after: power.body }),
    ]);
  });

  it('changes a price list and logs before and after; the kind stays', async () => {
    const heating = (await list()).find(
      (x: { kind: string; effectiveFrom: string }) => x.kind === 'heating' && x.effectiveFrom === '2027-01-01',
    );
    const res = await patch(heating.id, { priceFenPerM2: 2650 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...heating, priceFenPerM2: 2650 });
    expect((await auditOf(t, 'tariff', heating.id))[0]).toMatchObject({
      action: 'tariff.update',
      before: heating,
      after: res.body,
    });
    expectRefused(await patch(heating.id, { kind: 'gas' }), 400, ErrorCode.ValidationFailed);
  });

  it.each<[string, (b: ReturnType<typeof gas2027>) => object]>([
    [
      'tiers not ascending',
      (b) => ({ ...b, effectiveFrom: '2028-01-01', tiers: [b.tiers[1], b.tiers[0], b.tiers[2]] }),
    ],
    ['two tiers', (b) => ({ ...b, effectiveFrom: '2028-01-01', tiers: [b.tiers[0], b.tiers[2]] })],
    [
      'a price of 0',
      (b) => ({ ...b, effectiveFrom: '2028-01-01', tiers: [{ upToM3: 350, priceFenPerM3: 0 }, ...b.tiers.slice(1)] }),
    ],
    [
      'a price in yuan',
      (b) => ({
        ...b,
        effectiveFrom: '2028-01-01',
        tiers: [{ upToM3: 350, priceFenPerM3: 2.75 }, ...b.tiers.slice(1)],
      }),
    ],
    ['a date that does not exist', (b) => ({ ...b, effectiveFrom: '2028-02-30' })],
    ['an unknown district', (b) => ({ ...b, effectiveFrom: '2028-01-01', districtId: 99999 })],
    ['an unknown kind', (b) => ({ ...b, kind: 'water' })],
  ])('refuses %s with 400 VALIDATION_FAILED and stores nothing', async (_what, body) => {
    const before = await list();
    expectRefused(await post(body(gas2027())), 400, ErrorCode.ValidationFailed);
    expect(await list()).toEqual(before);
  });

  it('refuses a second gas price list for the district from the same date (409), also by PATCH', async () => {
    const before = await list();
    expectRefused(await post(gas2027()), 409, ErrorCode.AlreadyExists);
    const seeded = before.find(
      (x: { kind: string; districtId: number; effectiveFrom: string }) =>
        x.kind === 'gas' && x.districtId === east && x.effectiveFrom === '2026-01-01',
    );
    expectRefused(await patch(seeded.id, { effectiveFrom: '2027-01-01' }), 409, ErrorCode.AlreadyExists);
    expect(await list()).toEqual(before);
  });

  it('answers 404 for an unknown tariff and 403 to a supervisor', async () => {
    expectRefused(await patch(99999, { priceFenPerM2: 1 }), 404, ErrorCode.NotFound);
    expectRefused(await post(gas2027(), await login(t, 'supervisor1')), 403, ErrorCode.Forbidden);
  });
});
