import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  Channel,
  CreateEmergencyRequest,
  CreateRepairRequest,
  EmergencyAlarmView,
  ErrorCode,
  LEAK_JOINED_NOTICE,
  FaultCategory,
  FaultCategoryError,
  ResidentTicketView,
  LeakKind,
  SafetyInstruction,
  TicketType,
  appointmentWindowProblem,
  classifyFault,
  safetyInstructions,
} from '@utility/shared';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { Account } from '../accounts/account.entity';
import { AppError, RateLimitError } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { Created, IdempotencyService } from '../common/idempotency/idempotency.service';
import { ResidentPrincipal } from '../common/principal';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { ResidentIntake } from '../residents/resident-intake.service';
import { ResidentsService } from '../residents/residents.service';
import { TicketReader } from '../tickets/ticket-reader.service';
import { TicketsService } from '../tickets/tickets.service';
import { UploadsService } from '../uploads/uploads.service';
import { EmergencyAlarm } from './emergency-alarm.entity';
import { RepairRequest } from './repair-request.entity';
import { Db } from '../common/db';

export const EMERGENCY_DESCRIPTION = '居民一键报警：燃气泄漏';
/** A heating account's alarm is a hot-water leak (跑冒滴漏), never a gas leak: the account's utility decides. */
export const HEATING_LEAK_DESCRIPTION = '居民一键报警：暖气跑冒滴漏';

export interface ResidentCreated {
  view: ResidentTicketView;
  replayed: boolean;
}

export interface AlarmRaised {
  view: EmergencyAlarmView;
  replayed: boolean;
}

/** A resident's fault reports and leak alarms: each becomes a ticket, routed and clocked by the tickets module. */
@Injectable()
export class RepairsService {
  private readonly hotline: string;
  private readonly alarmLimit: { perResident: number; windowMinutes: number };

  constructor(
    private readonly db: Db,
    @InjectRepository(EmergencyAlarm) private readonly alarms: Repository<EmergencyAlarm>,
    private readonly tickets: TicketsService,
    private readonly reader: TicketReader,
    private readonly accounts: AccountsService,
    private readonly bindings: AccountBindingsService,
    private readonly residents: ResidentsService,
    private readonly intake: ResidentIntake,
    private readonly uploads: UploadsService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.hotline = config.HOTLINE_NUMBER;
    this.alarmLimit = {
      perResident: config.ALARM_LIMIT_PER_RESIDENT,
      windowMinutes: config.ALARM_LIMIT_WINDOW_MINUTES,
    };
  }

  safetyInstructions(kind: LeakKind = 'gas'): SafetyInstruction[] {
    return safetyInstructions(this.hotline, kind);
  }

  /**
   * Through the resident intake: ticket, photos and the report's own row are one transaction with the
   * Idempotency-Key record; a refusal (photo, account, category, window) stores nothing, a retry replays
   * the first answer even when, say, the window has passed since.
   */
  async report(me: ResidentPrincipal, body: CreateRepairRequest, key: string | undefined): Promise<ResidentCreated> {
    const created = await this.intake.file(me, 'repair', body, key, async () => {
      const account = await this.intake.boundAccount(me, body.accountId);
      const { type } = this.classify(account, body.category);
      // An emergency is never held up by an appointment: a window sent with one is not kept.
      const window = type === TicketType.Leak ? null : this.window(body.window);
      return {
        ticket: {
          type,
          accountNo: account.accountNo,
          address: account.address,
          contactName: account.holderName,
          contactPhone: body.contactPhone,
          description: body.description,
          channel: Channel.Miniapp,
          window,
        },
        photoIds: body.photoIds,
        record: (ticket) =>
          this.store({
            ticketId: ticket.id,
            residentId: me.id,
            category: body.category,
            photoIds: [...new Set(body.photoIds)],
            windowStart: window?.start ?? null,
            windowEnd: window?.end ?? null,
            latitude: null,
            longitude: null,
          }),
      };
    });
    return this.answer(me, created);
  }

  /**
   * The one-tap leak alarm: a leak on the account's address, auto-dispatched by the district's emergency queue.
   * A repeat alarm for an account whose leak is still open joins that ticket (the resident is told help is on
   * the way) instead of dispatching another technician; a resident raises at most ALARM_LIMIT_PER_RESIDENT
   * alarms in ALARM_LIMIT_WINDOW_MINUTES (429 with Retry-After; the hotline stays open). A replayed
   * Idempotency-Key is answered before both checks: a double tap is one alarm.
   */
  async emergency(me: ResidentPrincipal, body: CreateEmergencyRequest, key: string | undefined): Promise<AlarmRaised> {
    const created = await this.idempotency.create(`resident:${me.id}`, key, 'alarm', body, async () => {
      const account = await this.intake.boundAccount(me, body.accountId);
      // One alarm of an account at a time (across processes): two at once would both find no open leak.
      await this.accounts.lockForUpdate(account.id);
      await this.assertAlarmRate(me.id);
      const now = this.clock.now();
      const open = await this.tickets.openLeakOf(account.accountNo);
      if (open) {
        await this.tickets.noteRepeatAlarm(open.id, me, '居民再次报警，已并入本工单（未重复派单）');
        return this.storeAlarm({
          residentId: me.id,
          accountId: account.id,
          ticketId: open.id,
          joined: true,
          at: now,
        });
      }
      const phone = body.contactPhone ?? (await this.residents.findActive(me.id))?.phone ?? '';
      const where = body.location
        ? `（定位：${body.location.latitude.toFixed(6)}, ${body.location.longitude.toFixed(6)}）`
        : '';
      // A heating account's leak is hot water: its own title, what the resident saw and photos (gas: the alarm alone).
      const heating = account.utility === 'heating';
      const details = heating && body.description ? `：${body.description}` : '';
      const photoIds = heating ? [...new Set(body.photoIds)] : [];
      const ticket = await this.tickets.intake(me, {
        type: TicketType.Leak,
        accountNo: account.accountNo,
        address: account.address,
        contactName: account.holderName,
        contactPhone: phone,
        description: (heating ? HEATING_LEAK_DESCRIPTION : EMERGENCY_DESCRIPTION) + details + where,
        channel: Channel.Miniapp,
      });
      await this.uploads.claim(photoIds, { kind: 'resident', id: me.id }, `ticket:${ticket.id}`);
      await this.store({
        ticketId: ticket.id,
        residentId: me.id,
        category: heating ? FaultCategory.DripLeak : FaultCategory.GasSmell,
        photoIds,
        windowStart: null,
        windowEnd: null,
        latitude: body.location?.latitude ?? null,
        longitude: body.location?.longitude ?? null,
      });
      return this.storeAlarm({
        residentId: me.id,
        accountId: account.id,
        ticketId: ticket.id,
        joined: false,
        at: now,
      });
    });
    const alarm = await this.alarms.findOneByOrFail({ id: created.resourceId });
    const { view } = await this.answer(me, { resourceId: alarm.ticketId, replayed: created.replayed });
    return {
      view: { ...view, joined: alarm.joined, notice: alarm.joined ? LEAK_JOINED_NOTICE : null },
      replayed: created.replayed,
    };
  }

  /** 429 once the resident has raised the configured number of alarms in the window (this one not counted yet). */
  private async assertAlarmRate(residentId: number): Promise<void> {
    const em = this.db.manager;
    const windowMs = this.alarmLimit.windowMinutes * 60_000;
    const now = this.clock.now().getTime();
    const recent = await em.find(EmergencyAlarm, {
      where: { residentId, at: MoreThan(new Date(now - windowMs)) },
      order: { at: 'ASC' },
      take: this.alarmLimit.perResident,
    });
    if (recent.length < this.alarmLimit.perResident) return;
    // Free again when the oldest alarm in the window leaves it.
    const retryAfter = (recent[0].at.getTime() + windowMs - now) / 1000;
    throw new RateLimitError(
      ErrorCode.AlarmRateLimited,
      retryAfter,
      `报警过于频繁，请${Math.max(1, Math.ceil(retryAfter / 60))}分钟后再试。如情况紧急，请立即拨打24小时抢修电话${this.hotline}`,
    );
  }

  private async storeAlarm(row: Omit<EmergencyAlarm, 'id'>): Promise<number> {
    const em = this.db.manager;
    const { identifiers } = await em.insert(EmergencyAlarm, row);
    return identifiers[0].id as number;
  }

  private async answer(me: ResidentPrincipal, created: Created): Promise<ResidentCreated> {
    const view = await this.reader.residentDetail(await this.bindings.accountNos(me.id), created.resourceId);
    return { view, replayed: created.replayed };
  }

  private async store(row: Omit<RepairRequest, 'createdAt'>): Promise<void> {
    const em = this.db.manager;
    await em.insert(RepairRequest, { ...row, createdAt: this.clock.now() });
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
