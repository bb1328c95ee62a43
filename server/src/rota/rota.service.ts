import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, Role, RosterStaffView, ShiftRequest, ShiftSchema, ShiftView, STAFF_ROLES } from '@utility/shared';
import { z } from 'zod';
import { In, Repository } from 'typeorm';
import { AdminAudit } from '../audit/admin-audit.service';
import { AppError, notFound } from '../common/app-error';
import { Db } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { OrgService, unknownReference } from '../org/org.service';
import { StaffService } from '../staff/staff.service';
import { ShiftMember } from './shift-member.entity';
import { Shift } from './shift.entity';

type ShiftBody = z.output<typeof ShiftSchema>;
const DAY_MS = 86_400_000;
/** A roster page: two months either way is plenty, and bounds the answer. */
const MAX_RANGE_MS = 62 * DAY_MS;
const HALF_DAY_MS = DAY_MS / 2;

/**
 * The duty roster (docs/domain.md#duty-roster): "on duty" is being on a shift at that moment.
 * Read live on every question (a few indexed rows), so a change is used at once by every process.
 */
@Injectable()
export class RotaService {
  constructor(
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    @InjectRepository(ShiftMember) private readonly members: Repository<ShiftMember>,
    private readonly staff: StaffService,
    private readonly org: OrgService,
    private readonly db: Db,
    private readonly audit: AdminAudit,
  ) {}

  /**
   * Staff on a shift of this role at `at`, in the district (any district when null).
   */
  async onShift(at: Date, scope: { districtId: number | null; role: Role }): Promise<number[]> {
    const qb = this.shifts
      .createQueryBuilder('s')
      .innerJoin(ShiftMember, 'm', 'm.shiftId = s.id')
      .select('DISTINCT m.staffId', 'staffId')
      .where('s.startsAt <= :at AND s.endsAt > :at AND s.role = :role', { at, role: scope.role });
    if (scope.districtId !== null) qb.andWhere('s.districtId = :districtId', { districtId: scope.districtId });
    return (await qb.getRawMany<{ staffId: number }>()).map((r) => Number(r.staffId));
  }

  /** Which of these people are on any shift at `at` (of the district, when one is given). */
  async onShiftAmong(staffIds: number[], at: Date, districtId: number | null): Promise<Set<number>> {
    if (!staffIds.length) return new Set();
    const qb = this.shifts
      .createQueryBuilder('s')
      .innerJoin(ShiftMember, 'm', 'm.shiftId = s.id')
      .select('DISTINCT m.staffId', 'staffId')
      .where('s.startsAt <= :at AND s.endsAt > :at AND m.staffId IN (:...staffIds)', { at, staffIds });
    if (districtId !== null) qb.andWhere('s.districtId = :districtId', { districtId });
    return new Set((await qb.getRawMany<{ staffId: number }>()).map((r) => Number(r.staffId)));
  }

  /**
   * Each person's shift at `at`, or else their next one starting within a day (of the district,
   * when one is given): what a dispatcher reads beside a name before pushing a ticket.
   */
  async currentOrNextShift(
    staffIds: number[],
    at: Date,
    districtId: number | null,
  ): Promise<Map<number, { startsAt: Date; endsAt: Date }>> {
    if (!staffIds.length) return new Map();
    const qb = this.shifts
      .createQueryBuilder('s')
      .where('s.endsAt > :at AND s.startsAt < :horizon', { at, horizon: new Date(at.getTime() + DAY_MS) })
      .andWhere(
        `s.id IN (${this.members
          .createQueryBuilder('m')
          .select('m.shiftId')
          .where('m.staffId IN (:...staffIds)')
          .getQuery()})`,
        { staffIds },
      )
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.id', 'ASC');
    if (districtId !== null) qb.andWhere('s.districtId = :districtId', { districtId });
    const found = await qb.getMany();
    if (!found.length) return new Map();
    const rows = await this.members.find({ where: { shiftId: In(found.map((f) => f.id)), staffId: In(staffIds) } });
    const shifts = new Map<number, { startsAt: Date; endsAt: Date }>();
    for (const shift of found)
      for (const row of rows)
        if (row.shiftId === shift.id && !shifts.has(row.staffId))
          shifts.set(row.staffId, { startsAt: shift.startsAt, endsAt: shift.endsAt });
    return shifts;
  }

  /** Shifts overlapping [from, to), in time order. */
  async list(query: { from: Date; to: Date; districtId?: number }): Promise<ShiftView[]> {
    if (query.to.getTime() <= query.from.getTime() || query.to.getTime() - query.from.getTime() > MAX_RANGE_MS) {
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, '查询范围须在62天以内，且结束晚于开始');
    }
    const qb = this.shifts
      .createQueryBuilder('s')
      .where('s.startsAt < :to AND s.endsAt > :from', { from: query.from, to: query.to })
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.districtId', 'ASC')
      .addOrderBy('s.id', 'ASC');
    if (query.districtId) qb.andWhere('s.districtId = :districtId', { districtId: query.districtId });
    return this.views(await qb.getMany());
  }

  /** For the pickers of the roster and queue-member forms: every active staff member. */
  async directory(): Promise<RosterStaffView[]> {
    return (await this.staff.listActive()).map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role,
      districtId: s.districtId,
    }));
  }

  create(actor: StaffPrincipal, body: ShiftBody): Promise<ShiftView> {
    return this.db.transaction(async (em) => {
      await this.assertReferences(body);
      const shift = await em.save(
        Shift,
        em.create(Shift, {
          districtId: body.districtId,
          role: body.role as Role,
          startsAt: new Date(body.startsAt),
          endsAt: new Date(body.endsAt),
          note: body.note,
        }),
      );
      if (body.staffIds.length)
        await em.insert(
          ShiftMember,
          body.staffIds.map((staffId) => ({ shiftId: shift.id, staffId })),
        );
      const [view] = await this.views([shift]);
      await this.audit.record(actor, {
        action: 'shift.create',
        subjectType: 'shift',
        subjectId: shift.id,
        after: view,
      });
      return view;
    });
  }

  update(actor: StaffPrincipal, id: number, patch: Partial<ShiftRequest>): Promise<ShiftView> {
    return this.db.transaction(async (em) => {
      const row = await em.findOneBy(Shift, { id });
      if (!row) throw notFound();
      const [before] = await this.views([row]);
      const merged = ShiftSchema.safeParse({
        districtId: before.districtId,
        role: before.role,
        startsAt: before.startsAt,
        endsAt: before.endsAt,
        staffIds: before.staffIds,
        note: before.note,
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      });
      if (!merged.success) {
        const details = merged.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, details[0]?.message, details);
      }
      const body = merged.data;
      await this.assertReferences(body);
      await em.update(
        Shift,
        { id },
        {
          districtId: body.districtId,
          role: body.role as Role,
          startsAt: new Date(body.startsAt),
          endsAt: new Date(body.endsAt),
          note: body.note,
        },
      );
      const gone = before.staffIds.filter((s) => !body.staffIds.includes(s));
      const added = body.staffIds.filter((s) => !before.staffIds.includes(s));
      if (gone.length) await em.delete(ShiftMember, { shiftId: id, staffId: In(gone) });
      if (added.length)
        await em.insert(
          ShiftMember,
          added.map((staffId) => ({ shiftId: id, staffId })),
        );
      const [after] = await this.views([await em.findOneByOrFail(Shift, { id })]);
      await this.audit.record(actor, { action: 'shift.update', subjectType: 'shift', subjectId: id, before, after });
      return after;
    });
  }

  /**
   * Seed: the demo's round-the-clock roster, a day shift (08:00–20:00 Shanghai) and a night shift
   * (20:00–08:00) from the one running now for `days` days, for each team. Shifts already on the
   * roster are left alone, so a restart tops the roster up to `days` ahead.
   */
  async ensureRollingShifts(
    teams: { districtId: number; role: Role; staffIds: number[] }[],
    now: Date,
    days: number,
  ): Promise<void> {
    // Shanghai's 08:00 and 20:00 are 00:00 and 12:00 UTC.
    const first = Math.floor(now.getTime() / HALF_DAY_MS) * HALF_DAY_MS;
    const starts = Array.from({ length: days * 2 }, (_, i) => new Date(first + i * HALF_DAY_MS));
    await this.db.transaction(async (em) => {
      for (const team of teams) {
        const existing = await em
          .createQueryBuilder(Shift, 's')
          .where('s.districtId = :districtId AND s.role = :role AND s.startsAt >= :from AND s.startsAt <= :to', {
            districtId: team.districtId,
            role: team.role,
            from: starts[0],
            to: starts[starts.length - 1],
          })
          .getMany();
        const taken = new Set(existing.map((s) => s.startsAt.getTime()));
        for (const startsAt of starts.filter((s) => !taken.has(s.getTime()))) {
          const day = new Date(startsAt.getTime() + 8 * 3_600_000).getUTCHours() === 8;
          const shift = await em.save(
            Shift,
            em.create(Shift, {
              districtId: team.districtId,
              role: team.role,
              startsAt,
              endsAt: new Date(startsAt.getTime() + HALF_DAY_MS),
              note: day ? '白班' : '夜班',
            }),
          );
          if (team.staffIds.length)
            await em.insert(
              ShiftMember,
              team.staffIds.map((staffId) => ({ shiftId: shift.id, staffId })),
            );
        }
      }
    });
  }

  /** The district exists, and everyone on the shift is active staff of the shift's role. */
  private async assertReferences(body: { districtId: number; role: string; staffIds: number[] }): Promise<void> {
    if (!(await this.org.findDistrict(body.districtId))) throw unknownReference('districtId', '片区不存在');
    if (!STAFF_ROLES.includes(body.role as (typeof STAFF_ROLES)[number])) throw unknownReference('role', '角色不存在');
    const people = (await this.staff.findByIds(body.staffIds)).filter((s) => s.active);
    const missing = body.staffIds.filter((id) => !people.some((p) => p.id === id));
    if (missing.length) throw unknownReference('staffIds', `人员不存在或已停用：${missing.join('、')}`);
    const wrongRole = people.filter((p) => p.role !== body.role);
    if (wrongRole.length)
      throw unknownReference('staffIds', `${wrongRole.map((p) => p.name).join('、')}的岗位与班次岗位不符`);
  }

  private async views(shifts: Shift[]): Promise<ShiftView[]> {
    if (!shifts.length) return [];
    const rows = await this.members.find({
      where: { shiftId: In(shifts.map((s) => s.id)) },
      order: { id: 'ASC' },
    });
    const people = new Map(
      (await this.staff.findByIds([...new Set(rows.map((r) => r.staffId))])).map((p) => [p.id, p.name]),
    );
    return shifts.map((s) => {
      const staffIds = rows.filter((r) => r.shiftId === s.id).map((r) => r.staffId);
      return {
        id: s.id,
        districtId: s.districtId,
        role: s.role,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        staffIds,
        staff: staffIds.map((id) => ({ id, name: people.get(id) ?? '' })),
        note: s.note,
      };
    });
  }
}
