import type { PersonalDataAccessView } from '@utility/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { StaffPrincipal } from '../common/principal';
import { PersonalDataAccess } from './personal-data-access.entity';

export type { PersonalDataAccessView };

@Injectable()
export class PersonalDataAudit {
  constructor(
    @InjectRepository(PersonalDataAccess) private readonly log: Repository<PersonalDataAccess>,
    private readonly clock: Clock,
  ) {}

  /** Written before the value is returned: no record, no reveal. */
  async record(staff: StaffPrincipal, subjectType: string, subjectId: number, field: string): Promise<void> {
    await this.log.insert({
      staffId: staff.id,
      staffName: staff.name,
      subjectType,
      subjectId,
      field,
      at: this.clock.now(),
    });
  }

  async recent(limit: number): Promise<PersonalDataAccessView[]> {
    const rows = await this.log.find({ order: { id: 'DESC' }, take: limit });
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }
}
