import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { Db, isDuplicateKey } from '../common/db';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { TicketExtensions } from '../tickets/ticket-extensions';
import { TicketEventFact, TicketReader } from '../tickets/ticket-reader.service';
import { NoticeCursor } from './notice-cursor.entity';
import { NoticeOutbox } from './notice-outbox.service';
import { PlannedNotice, noticeForEvent } from './ticket-notice';

const CURSOR = 'ticket-events';
const BATCH = 200;

/**
 * Reads the ticket timeline and queues a notice for each resident who follows the ticket's
 * account or filed it by name, through the outbox (which checks consent). Several processes may plan at once:
 * the dedupe key admits one notice per event and resident.
 */
@Injectable()
export class NoticePlanner {
  constructor(
    @InjectRepository(NoticeCursor) private readonly cursors: Repository<NoticeCursor>,
    private readonly reader: TicketReader,
    private readonly extensions: TicketExtensions,
    private readonly bindings: AccountBindingsService,
    private readonly outbox: NoticeOutbox,
    private readonly db: Db,
  ) {}

  /** Plans notices for the next batch of events; returns how many events were read. */
  async plan(): Promise<number> {
    const cursor = (await this.cursors.findOneBy({ name: CURSOR }))?.lastEventId ?? 0;
    const facts = await this.reader.eventsAfter(cursor, BATCH);
    const plans = facts.flatMap((fact) => {
      const planned = noticeForEvent(fact, this.outbox.templates());
      return planned ? [{ fact, planned }] : [];
    });
    // Who follows an account and who filed a ticket, looked up once per batch: a batch holds
    // several events of each ticket, and every intake adds some.
    const followers = new Map<string, Promise<number[]>>();
    const authors = await this.extensions.authorsOf([...new Set(plans.map((p) => p.fact.ticketId))]);
    for (const { fact, planned } of plans) {
      const accountNo = fact.accountNo;
      if (accountNo && !followers.has(accountNo)) followers.set(accountNo, this.bindings.residentIdsOf(accountNo));
      // A question or suggestion may name no account: whoever filed it by name is told too.
      const residents = new Set([
        ...(accountNo ? await followers.get(accountNo)! : []),
        ...(authors.get(fact.ticketId) ?? []),
      ]);
      for (const residentId of residents) await this.enqueue(fact, residentId, planned);
    }
    if (facts.length) await this.advance(cursor, facts[facts.length - 1].eventId);
    return facts.length;
  }

  private async enqueue(fact: TicketEventFact, residentId: number, planned: PlannedNotice): Promise<void> {
    await this.outbox.enqueue({
      dedupeKey: `ticket-event:${fact.eventId}:resident:${residentId}`,
      residentId,
      ticketId: fact.ticketId,
      ...planned,
      consentBy: fact.at,
    });
  }

  private async advance(from: number, to: number): Promise<void> {
    await this.db.transaction(async (em) => {
      const moved = await em.update(NoticeCursor, { name: CURSOR, lastEventId: LessThan(to) }, { lastEventId: to });
      if (moved.affected || from > 0) return;
      try {
        await em.insert(NoticeCursor, { name: CURSOR, lastEventId: to });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    });
  }
}
