import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FAULT_CATEGORIES, ResidentTicketView, TicketType } from '@utility/shared';
import { In, Repository } from 'typeorm';
import { TicketExtensions } from '../tickets/ticket-extensions';
import { toReadingView } from './field-work.service';
import { RepairQuote } from './repair-quote.entity';
import { shownQuotes, toQuoteView } from './repair-quotes';
import { RepairRequest } from './repair-request.entity';
import { RoomTemperatureReading } from './room-temperature-reading.entity';

const CATEGORY_LABELS = new Map(
  Object.values(FAULT_CATEGORIES).flatMap((options) => options.map((o) => [o.category, o.label])),
);

/** Tickets worked by a technician at the door: they may carry a quote. */
const FIELD_TYPES: readonly TicketType[] = [TicketType.Repair, TicketType.Leak, TicketType.RoomTemperature];

/**
 * What the resident reported shows on their request: the fault's own name (not 一般报修); and what
 * they are asked to agree to — the visit's quote, the room-temperature readings.
 */
@Injectable()
export class ResidentRepairDetails implements OnModuleInit {
  constructor(
    @InjectRepository(RepairRequest) private readonly requests: Repository<RepairRequest>,
    @InjectRepository(RepairQuote) private readonly quotes: Repository<RepairQuote>,
    @InjectRepository(RoomTemperatureReading) private readonly readings: Repository<RoomTemperatureReading>,
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
    const visits = views.filter((v) => FIELD_TYPES.includes(v.type));
    if (!visits.length) return;
    const quotes = await shownQuotes(
      this.quotes,
      visits.map((v) => v.id),
    );
    for (const view of visits) {
      const quote = quotes.get(view.id);
      view.quote = quote ? toQuoteView(quote) : null;
    }
    const rooms = visits.filter((v) => v.type === TicketType.RoomTemperature);
    if (!rooms.length) return;
    const readings = await this.readings.find({
      where: { ticketId: In(rooms.map((v) => v.id)) },
      order: { measuredAt: 'ASC', id: 'ASC' },
    });
    for (const view of rooms)
      view.temperatureReadings = readings.filter((r) => r.ticketId === view.id).map(toReadingView);
  }
}
