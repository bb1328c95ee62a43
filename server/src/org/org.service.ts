import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DistrictRequest, DistrictView, ErrorCode, StationRequest, StationUtility, StationView } from '@utility/shared';
import { EntityManager, Not, Repository } from 'typeorm';
import { AdminAudit } from '../audit/admin-audit.service';
import { AppError, conflict, notFound } from '../common/app-error';
import { Db, isDuplicateKey } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { District } from './district.entity';
import { OrgVersion } from './org-version.service';
import { Station } from './station.entity';

const districtView = (d: District): DistrictView => ({ id: d.id, code: d.code, name: d.name, areaClass: d.areaClass });
const stationView = (s: Station): StationView => ({
  id: s.id,
  code: s.code,
  name: s.name,
  districtId: s.districtId,
  utility: s.utility,
});

/** A body naming something that does not exist: bad input (400), not a missing resource. */
export const unknownReference = (path: string, message: string) =>
  new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, message, [{ path, message }]);

@Injectable()
export class OrgService {
  constructor(
    @InjectRepository(District) private readonly districts: Repository<District>,
    @InjectRepository(Station) private readonly stations: Repository<Station>,
    private readonly db: Db,
    private readonly version: OrgVersion,
    private readonly audit: AdminAudit,
  ) {}

  /** Inside a transaction, on its connection (the SLA cache loads inside intake). */
  listDistricts(): Promise<District[]> {
    return this.districts.find({ order: { id: 'ASC' } });
  }

  listStations(): Promise<Station[]> {
    return this.stations.find({ order: { id: 'ASC' } });
  }

  findDistrict(id: number): Promise<District | null> {
    return this.districts.findOneBy({ id });
  }

  findStation(id: number): Promise<Station | null> {
    return this.stations.findOneBy({ id });
  }

  async districtViews(): Promise<DistrictView[]> {
    return (await this.listDistricts()).map(districtView);
  }

  async stationViews(): Promise<StationView[]> {
    return (await this.listStations()).map(stationView);
  }

  createDistrict(staff: StaffPrincipal, body: DistrictRequest): Promise<DistrictView> {
    return this.write(async (em) => {
      await this.assertUnique(District, body, null);
      const saved = districtView(
        await em.save(District, em.create(District, { ...body, areaClass: body.areaClass ?? 'urban' })),
      );
      await this.changed(staff, 'district.create', saved.id, undefined, saved, 'district');
      return saved;
    });
  }

  updateDistrict(staff: StaffPrincipal, id: number, patch: Partial<DistrictRequest>): Promise<DistrictView> {
    return this.write(async (em) => {
      const row = await em.findOneBy(District, { id });
      if (!row) throw notFound();
      const before = districtView(row);
      await this.assertUnique(District, patch, id);
      const after = districtView(await em.save(District, { ...row, ...defined(patch) }));
      await this.changed(staff, 'district.update', id, before, after, 'district');
      return after;
    });
  }

  createStation(staff: StaffPrincipal, body: StationRequest): Promise<StationView> {
    return this.write(async (em) => {
      await this.assertDistrict(body.districtId);
      await this.assertUnique(Station, body, null);
      const saved = stationView(await em.save(Station, em.create(Station, body)));
      await this.changed(staff, 'station.create', saved.id, undefined, saved, 'station');
      return saved;
    });
  }

  updateStation(staff: StaffPrincipal, id: number, patch: Partial<StationRequest>): Promise<StationView> {
    return this.write(async (em) => {
      const row = await em.findOneBy(Station, { id });
      if (!row) throw notFound();
      const before = stationView(row);
      if (patch.districtId !== undefined) await this.assertDistrict(patch.districtId);
      await this.assertUnique(Station, patch, id);
      const after = stationView(await em.save(Station, { ...row, ...defined(patch) }));
      await this.changed(staff, 'station.update', id, before, after, 'station');
      return after;
    });
  }

  /** Idempotent upsert by code, for the seed. */
  async ensureDistrict(code: string, name: string): Promise<District> {
    return (await this.districts.findOneBy({ code })) ?? this.districts.save({ code, name });
  }

  async ensureStation(code: string, name: string, districtId: number, utility: StationUtility): Promise<Station> {
    return (await this.stations.findOneBy({ code })) ?? this.stations.save({ code, name, districtId, utility });
  }

  private async assertDistrict(districtId: number): Promise<void> {
    const em = this.db.manager;
    if (!(await em.findOneBy(District, { id: districtId }))) throw unknownReference('districtId', '片区不存在');
  }

  /** Codes are unique (also by index); names too, so two rows never look the same in a list. */
  private async assertUnique(
    entity: typeof District | typeof Station,
    fields: { code?: string; name?: string },
    exceptId: number | null,
  ): Promise<void> {
    const em = this.db.manager;
    const keys = (['code', 'name'] as const).filter((k) => fields[k] !== undefined);
    if (!keys.length) return;
    const clash = await em.getRepository<District | Station>(entity).findOne({
      where: keys.map((k) => ({ [k]: fields[k], ...(exceptId ? { id: Not(exceptId) } : {}) })),
    });
    if (clash) throw conflict(ErrorCode.AlreadyExists);
  }

  private async changed(
    staff: StaffPrincipal,
    action: string,
    subjectId: number,
    before: unknown,
    after: unknown,
    subjectType: string,
  ): Promise<void> {
    await this.version.bump();
    await this.audit.record(staff, { action, subjectType, subjectId, before, after });
  }

  private async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (error) {
      // Two admins saving the same code at once: the unique index decides.
      if (isDuplicateKey(error)) throw conflict(ErrorCode.AlreadyExists);
      throw error;
    }
  }
}

/** The fields a PATCH names (zod leaves the others undefined, which must not overwrite). */
export const defined = <T extends object>(patch: T): Partial<T> =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
