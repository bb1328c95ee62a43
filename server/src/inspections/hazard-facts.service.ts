import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { HazardFact } from '@utility/shared';
import { Repository } from 'typeorm';
import { HazardFactsProvider } from '../reports/report-fact-providers';
import { Hazard } from './hazard.entity';

/** Hazards as the monthly report counts them: found before the month ended and still open at its start or later. */
@Injectable()
export class HazardFactsService implements HazardFactsProvider {
  constructor(@InjectRepository(Hazard) private readonly hazards: Repository<Hazard>) {}

  async hazardFacts(start: Date, end: Date, districtId: number | null): Promise<HazardFact[]> {
    const query = this.hazards
      .createQueryBuilder('h')
      .where('h.foundAt < :end', { end })
      .andWhere('(h.closedAt IS NULL OR h.closedAt >= :start)', { start });
    if (districtId !== null) query.andWhere('h.districtId = :districtId', { districtId });
    const rows = await query.orderBy('h.id', 'ASC').getMany();
    return rows.map((h) => ({ id: h.id, districtId: h.districtId, foundAt: h.foundAt, closedAt: h.closedAt }));
  }
}
