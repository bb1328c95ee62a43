import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { notFound } from '../common/app-error';
import { Created, IdempotencyService } from '../common/idempotency/idempotency.service';
import { ResidentPrincipal } from '../common/principal';
import { TicketSnapshot } from '../tickets/ticket-snapshot';
import { IntakeInput, TicketsService } from '../tickets/tickets.service';
import { UploadsService } from '../uploads/uploads.service';
import { AccountBindingsService } from './account-bindings.service';
import { ResidentsService } from './residents.service';

/** An account as the accounts module answers it (its read model; modules never import its entity). */
export type BoundAccount = NonNullable<Awaited<ReturnType<AccountsService['findById']>>>;

/** What a module files for a resident: the ticket, its photos, and its own rows. */
export interface ResidentFiling {
  ticket: IntakeInput;
  /** Who the timeline names; null files it anonymously (a misconduct report). Default: the resident. */
  actor?: ResidentPrincipal | null;
  /** The resident's uploads to attach to the ticket (refused, with nothing stored, if not theirs). */
  photoIds?: number[];
  maxPhotos?: number;
  /** The module's own rows (a repair request, a complaint case…), in the same transaction. */
  record?: (ticket: TicketSnapshot) => Promise<void>;
}

/**
 * One resident intake flow for every request filed from the app (repairs, complaints, reports,
 * applications, consultations, suggestions; docs/architecture.md#idempotency): the Idempotency-Key
 * first (a retry replays the first answer), then in one transaction the module's checks (the bound
 * account…), the ticket, the photos claimed and the module's rows. A refusal stores nothing.
 */
@Injectable()
export class ResidentIntake {
  constructor(
    private readonly tickets: TicketsService,
    private readonly accounts: AccountsService,
    private readonly bindings: AccountBindingsService,
    private readonly residents: ResidentsService,
    private readonly uploads: UploadsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * `plan` runs inside the transaction (so that a replay is answered even when its checks would
   * fail now) and says what to file; the answer is the new ticket's id.
   */
  async file(
    me: ResidentPrincipal,
    resourceType: string,
    body: unknown,
    key: string | undefined,
    plan: () => Promise<ResidentFiling>,
  ): Promise<Created> {
    return this.idempotency.create(`resident:${me.id}`, key, resourceType, body, async () => {
      const filing = await plan();
      const ticket = await this.tickets.intake(filing.actor === undefined ? me : filing.actor, filing.ticket);
      await filing.record?.(ticket);
      await this.uploads.claim(
        filing.photoIds ?? [],
        { kind: 'resident', id: me.id },
        `ticket:${ticket.id}`,
        filing.maxPhotos,
      );
      return ticket.id;
    });
  }

  /** 404 unless the resident bound it, as for bills: another household's account is not even confirmed to exist. */
  async boundAccount(me: ResidentPrincipal, accountId: number): Promise<BoundAccount> {
    await this.bindings.assertBound(me.id, accountId);
    const account = await this.accounts.findById(accountId);
    if (!account) throw notFound();
    return account;
  }

  /** The named account (bound, else 404), or none when the request is not about one. */
  async optionalAccount(me: ResidentPrincipal, accountId: number | undefined): Promise<BoundAccount | null> {
    return accountId === undefined ? null : this.boundAccount(me, accountId);
  }

  /** The resident's phone on file ('' when none): the contact for a request with no form phone. */
  async phoneOf(me: ResidentPrincipal): Promise<string> {
    return (await this.residents.findActive(me.id))?.phone ?? '';
  }

  /** The accounts the resident has bound (for reading their requests back). */
  accountNos(me: ResidentPrincipal): Promise<string[]> {
    return this.bindings.accountNos(me.id);
  }
}
