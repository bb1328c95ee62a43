import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FAULT_CATEGORIES, ResidentTicketView } from '@utility/shared';
import { In, Repository } from 'typeorm';
import { TicketExtensions } from '../tickets/ticket-extensions';
import { RepairRequest } from './repair-request.entity';

const CATEGORY_LABELS = new Map(
  Object.values(FAULT_CATEGORIES).flatMap((options) => options.map((o) => [o.category, o.label])),
);

/** What the resident reported shows on their request: the fault's own name (not 一般报修). */
@Injectable()
export class ResidentRepairDetails implements OnModuleInit {
  constructor(
    @InjectRepository(RepairRequest) private readonly requests: Repository<RepairRequest>,
    private readonly extensions: TicketExtensions,
  ) {}

  onModuleInit(): void {
    this.extensions.addResidentViewDecorator((views) => this.decorate(views));
  }

  private async decorate(views: ResidentTicketView[]): Promise<void> {
    if (!views.length) return;
    const rows = await this.requests.findBy({ ticketId: In(views.map((v) => v.id)) });
    for (const row of rows) {
      const view = views.find((v) => v.id === row.ticketId)!;
      view.categoryLabel = CATEGORY_LABELS.get(row.category) ?? null;
    }
  }
}
