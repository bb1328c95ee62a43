import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DeclareDisasterRequest, ErrorCode, Role } from '@utility/shared';
import { IsNull, LessThanOrEqual, MoreThanOrEqual, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { StaffPrincipal } from '../common/principal';
import { DisasterPeriod } from './disaster-period.entity';

/** Declared disasters: supervisors for their district, admins for any district or the whole company. */
@Injectable()
export class DisastersService {
  constructor(
    @InjectRepository(DisasterPeriod) private readonly periods: Repository<DisasterPeriod>,
    private readonly clock: Clock,
  ) {}

  async declare(staff: StaffPrincipal, body: DeclareDisasterRequest): Promise<DisasterPeriod> {
    const districtId = body.districtId ?? null;
    if (staff.role === Role.Supervisor && (districtId === null || districtId !== staff.districtId)) {
      throw new AppError(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, '主管只能为本片区宣布灾害期');
    }
    return this.periods.save({
      startsAt: new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
      districtId,
      note: body.note,
      declaredById: staff.id,
      createdAt: this.clock.now(),
    });
  }

  list(): Promise<DisasterPeriod[]> {
    return this.periods.find({ order: { startsAt: 'DESC' }, take: 100 });
  }

  /** Whether work finished at `at` in the district falls in a declared disaster (company-wide or the district's). */
  async declaredAt(at: Date, districtId: number | null): Promise<boolean> {
    const within = { startsAt: LessThanOrEqual(at), endsAt: MoreThanOrEqual(at) };
    const where =
      districtId === null
        ? [{ ...within, districtId: IsNull() }]
        : [
            { ...within, districtId: IsNull() },
            { ...within, districtId },
          ];
    return (await this.periods.count({ where })) > 0;
  }
}
