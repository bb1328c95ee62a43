import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { TicketReader } from '../tickets/ticket-reader.service';

const BATCH = 500;

/**
 * Phones written before they were indexed (common/phone-index.ts) are indexed once at start, so a
 * search by phone finds them too. Idempotent and safe in several processes (each writes the same index).
 */
@Injectable()
export class PhoneIndexBackfill implements OnApplicationBootstrap {
  private readonly log = new Logger(PhoneIndexBackfill.name);

  constructor(
    private readonly accounts: AccountsService,
    private readonly tickets: TicketReader,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let indexed = 0;
    for (let after: number | null = 0; after !== null; indexed++) after = await this.accounts.indexPhones(after, BATCH);
    for (let after: number | null = 0; after !== null; indexed++) after = await this.tickets.indexPhones(after, BATCH);
    if (indexed > 2) this.log.log(`Indexed the phones of earlier accounts and tickets (${indexed} batches)`);
  }
}
