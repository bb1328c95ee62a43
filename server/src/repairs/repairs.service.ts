import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  Channel,
  CreateEmergencyRequest,
  CreateRepairRequest,
  ErrorCode,
  FaultCategory,
  FaultCategoryError,
  ResidentTicketView,
  SafetyInstruction,
  TicketType,
  appointmentWindowProblem,
  classifyFault,
  safetyInstructions,
} from '@utility/shared';
import { EntityManager } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { Account } from '../accounts/account.entity';
import { AppError, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { Created, IdempotencyService } from '../common/idempotency/idempotency.service';
import { ResidentPrincipal } from '../common/principal';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { ResidentsService } from '../residents/residents.service';
import { TicketReader } from '../tickets/ticket-reader.service';
import { TicketsService } from '../tickets/tickets.service';
import { UploadsService } from '../uploads/uploads.service';
import { RepairRequest } from './repair-request.entity';

export const EMERGENCY_DESCRIPTION = '居民一键报警：燃气泄漏';

export interface ResidentCreated {
  view: ResidentTicketView;
  replayed: boolean;
}

/** A resident's fault reports and leak alarms: each becomes a ticket, routed and clocked by the tickets module. */
@Injectable()
export class RepairsService {
  private readonly hotline: string;

  constructor(
    private readonly tickets: TicketsService,
    private readonly reader: TicketReader,
    private readonly accounts: AccountsService,
    private readonly bindings: AccountBindingsService,
    private readonly residents: ResidentsService,
    private readonly uploads: UploadsService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.hotline = config.HOTLINE_NUMBER;
  }

  safetyInstructions(): SafetyInstruction[] {
    return safetyInstructions(this.hotline);
  }

  /**
   * Ticket, photos and the report's own row are one transaction with the Idempotency-Key record:
   * a refusal (photo, account, category, window) stores nothing, and a retry replays the first answer.
   * The checks run inside the work so that a replay is answered even when, say, the window has passed since.
   */
  async report(me: ResidentPrincipal, body: CreateRepairRequest, key: string | undefined): Promise<ResidentCreated> {
    const created = await this.idempotency.create(`resident:${me.id}`, key, 'repair', body, async (em) => {
      const account = await this.boundAccount(me, body.accountId);
      const { type } = this.classify(account, body.category);
      // An emergency is never held up by an appointment: a window sent with one is not kept.
      const window = type === TicketType.Leak ? null : this.window(body.window);
      const ticket = await this.tickets.intake(em, me, {
        type,
        accountNo: account.accountNo,
        address: account.address,
        contactName: account.holderName,
        contactPhone: body.contactPhone,
        description: body.description,
        channel: Channel.Miniapp,
        window,
      });
      await this.uploads.claim(em, body.photoIds, { kind: 'resident', id: me.id }, `ticket:${ticket.id}`);
      await this.store(em, {
        ticketId: ticket.id,
        residentId: me.id,
        category: body.category,
        photoIds: [...new Set(body.photoIds)],
        windowStart: window?.start ?? null,
        windowEnd: window?.end ?? null,
        latitude: null,
        longitude: null,
      });
      return ticket.id;
    });
    return this.answer(me, created);
  }

  /** The one-tap leak alarm: a leak on the account's address, auto-dispatched by the district's emergency queue. */
  async emergency(
    me: ResidentPrincipal,
    body: CreateEmergencyRequest,
    key: string | undefined,
  ): Promise<ResidentCreated> {
    const created = await this.idempotency.create(`resident:${me.id}`, key, 'emergency', body, async (em) => {
      const account = await this.boundAccount(me, body.accountId);
      const phone = body.contactPhone ?? (await this.residents.findActive(me.id))?.phone ?? '';
      const where = body.location
        ? `（定位：${body.location.latitude.toFixed(6)}, ${body.location.longitude.toFixed(6)}）`
        : '';
      const ticket = await this.tickets.intake(em, me, {
        type: TicketType.Leak,
        accountNo: account.accountNo,
        address: account.address,
        contactName: account.holderName,
        contactPhone: phone,
        description: EMERGENCY_DESCRIPTION + where,
        channel: Channel.Miniapp,
      });
      await this.store(em, {
        ticketId: ticket.id,
        residentId: me.id,
        category: FaultCategory.GasSmell,
        photoIds: [],
        windowStart: null,
        windowEnd: null,
        latitude: body.location?.latitude ?? null,
        longitude: body.location?.longitude ?? null,
      });
      return ticket.id;
    });
    return this.answer(me, created);
  }

  private async answer(me: ResidentPrincipal, created: Created): Promise<ResidentCreated> {
    const view = await this.reader.residentDetail(await this.bindings.accountNos(me.id), created.resourceId);
    return { view, replayed: created.replayed };
  }

  private async store(em: EntityManager, row: Omit<RepairRequest, 'createdAt'>): Promise<void> {
    await em.insert(RepairRequest, { ...row, createdAt: this.clock.now() });
  }

  /** 404 unless the resident bound it, as for bills: another household's account is not even confirmed to exist. */
  private async boundAccount(me: ResidentPrincipal, accountId: number): Promise<Account> {
    await this.bindings.assertBound(me.id, accountId);
    const account = await this.accounts.findById(accountId);
    if (!account) throw notFound();
    return account;
  }

  private classify(account: Account, category: string) {
    try {
      return classifyFault(account.utility, category);
    } catch (error) {
      if (error instanceof FaultCategoryError)
        throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.FaultCategoryInvalid);
      throw error;
    }
  }

  private window(window: CreateRepairRequest['window']): { start: Date; end: Date } | null {
    if (!window) return null;
    const parsed = { start: new Date(window.start), end: new Date(window.end) };
    const problem = appointmentWindowProblem(parsed, this.clock.now());
    if (problem) {
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, problem.message, [
        { path: `window.${problem.field}`, message: problem.message },
      ]);
    }
    return parsed;
  }
}
