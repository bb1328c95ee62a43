import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DEFAULT_GAS_TIERS,
  DEFAULT_HEATING,
  DEFAULT_POWER,
  ErrorCode,
  GasTariff,
  overlappingTariff,
  TariffRequest,
  TariffSchema,
  TariffView,
} from '@utility/shared';
import { EntityManager, Repository } from 'typeorm';
import { AdminAudit } from '../audit/admin-audit.service';
import { AppError, conflict, notFound } from '../common/app-error';
import { Db, isDuplicateKey } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { OrgService, unknownReference } from '../org/org.service';
import { TariffBook } from './tariff-book';
import { StoredPowerSpec, Tariff } from './tariff.entity';

/**
 * Power lists the admin form saved before prices were exact (whole fen per kWh) read as the same price in
 * 0.01 fen, as the bill run reads them (tariff-book.ts).
 */
const powerSpecView = (spec: StoredPowerSpec) => ({
  tiers: spec.tiers.map((s) => ({
    upToKwh: s.upToKwh,
    priceCentiFenPerKwh: s.priceCentiFenPerKwh ?? (s.priceFenPerKwh ?? 0) * 100,
  })),
  timeOfUse: spec.timeOfUse ?? null,
});
const tariffView = (t: Tariff): TariffView =>
  ({
    id: t.id,
    kind: t.kind,
    districtId: t.districtId,
    effectiveFrom: t.effectiveFrom,
    ...(t.kind === 'power' ? powerSpecView(t.spec as StoredPowerSpec) : t.spec),
  }) as TariffView;
const specOf = (t: TariffRequest): Tariff['spec'] =>
  t.kind === 'heating'
    ? { seasonStart: t.seasonStart, seasonEnd: t.seasonEnd, priceFenPerM2: t.priceFenPerM2 }
    : t.kind === 'power'
      ? { tiers: t.tiers, timeOfUse: t.timeOfUse }
      : { tiers: t.tiers as never };

@Injectable()
export class TariffsService {
  constructor(
    @InjectRepository(Tariff) private readonly tariffs: Repository<Tariff>,
    private readonly org: OrgService,
    private readonly db: Db,
    private readonly audit: AdminAudit,
  ) {}

  list(): Promise<Tariff[]> {
    return this.tariffs.find({ order: { districtId: 'ASC', kind: 'ASC', effectiveFrom: 'ASC' } });
  }

  /** A district's gas tariffs, as the shared functions take them (prepaid unit price). */
  async gasTariffs(districtId: number): Promise<GasTariff[]> {
    return new TariffBook(await this.tariffs.findBy({ kind: 'gas', districtId })).gas(districtId);
  }

  async views(): Promise<TariffView[]> {
    return (await this.list()).map(tariffView);
  }

  /** Bills use a new price list from its date; one of the same kind and district from the same date is a 409. */
  create(actor: StaffPrincipal, body: TariffRequest): Promise<TariffView> {
    return this.write(async (em) => {
      await this.assertPlace(body, null);
      const saved = await em.save(
        Tariff,
        em.create(Tariff, {
          kind: body.kind,
          districtId: body.districtId,
          effectiveFrom: body.effectiveFrom,
          spec: specOf(body),
        }),
      );
      const view = tariffView(saved);
      await this.audit.record(actor, {
        action: 'tariff.create',
        subjectType: 'tariff',
        subjectId: saved.id,
        after: view,
      });
      return view;
    });
  }

  /** The patch is laid over the stored price list and the whole is checked as a new one would be. */
  update(actor: StaffPrincipal, id: number, patch: Record<string, unknown>): Promise<TariffView> {
    return this.write(async (em) => {
      const row = await em.findOneBy(Tariff, { id });
      if (!row) throw notFound();
      const before = tariffView(row);
      const merged = TariffSchema.safeParse({ ...before, ...patch, kind: row.kind, id: undefined });
      if (!merged.success) {
        const details = merged.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, details[0]?.message, details);
      }
      const body = merged.data;
      await this.assertPlace(body, id);
      await em.update(
        Tariff,
        { id },
        { districtId: body.districtId, effectiveFrom: body.effectiveFrom, spec: specOf(body) },
      );
      const after = tariffView(await em.findOneByOrFail(Tariff, { id }));
      await this.audit.record(actor, { action: 'tariff.update', subjectType: 'tariff', subjectId: id, before, after });
      return after;
    });
  }

  /** Seed: the default gas tiers, heating price and power steps for a district, from a date, unless present. */
  async ensureDefaults(districtId: number, effectiveFrom: string): Promise<void> {
    const defaults = [
      { kind: 'gas' as const, spec: { tiers: DEFAULT_GAS_TIERS } },
      {
        kind: 'heating' as const,
        spec: {
          seasonStart: DEFAULT_HEATING.seasonStart,
          seasonEnd: DEFAULT_HEATING.seasonEnd,
          priceFenPerM2: DEFAULT_HEATING.priceFenPerM2,
        },
      },
      {
        kind: 'power' as const,
        spec: { tiers: DEFAULT_POWER.tiers, timeOfUse: DEFAULT_POWER.timeOfUse },
      },
    ];
    for (const d of defaults) {
      if (!(await this.tariffs.existsBy({ kind: d.kind, districtId, effectiveFrom })))
        await this.tariffs.insert({ ...d, districtId, effectiveFrom });
    }
  }

  private async assertPlace(body: TariffRequest, id: number | null): Promise<void> {
    const em = this.db.manager;
    if (!(await this.org.findDistrict(body.districtId))) throw unknownReference('districtId', '片区不存在');
    const same = await em.findBy(Tariff, { kind: body.kind, districtId: body.districtId });
    if (overlappingTariff(same, { ...body, id: id ?? undefined }))
      throw new AppError(HttpStatus.CONFLICT, ErrorCode.AlreadyExists, '该片区同一生效日期已有此类价格');
  }

  private async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict(ErrorCode.AlreadyExists);
      throw error;
    }
  }
}
