import { Inject, Injectable } from '@nestjs/common';
import { INSPECTION_CHECKLISTS, RatingLevel, Role, TicketStatus, VisitOutcome } from '@utility/shared';
import sharp from 'sharp';
import { AccountsService } from '../accounts/accounts.service';
import { BillsService } from '../billing/bills.service';
import { APP_CONFIG, AppConfig } from '../common/config';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { ResidentPrincipal, StaffPrincipal } from '../common/principal';
import { RatingsService } from '../feedback/ratings.service';
import { ReturnVisitsService } from '../feedback/return-visits.service';
import { InspectionBookingsService } from '../inspections/inspection-bookings.service';
import { InspectionPlansService } from '../inspections/inspection-plans.service';
import { InspectionResultsService } from '../inspections/inspection-results.service';
import { InspectionSlotsService } from '../inspections/inspection-slots.service';
import { PaymentCredit } from '../payments/payment-credit.service';
import { PaymentsService } from '../payments/payments.service';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { ResidentsService } from '../residents/residents.service';
import { TicketAssignment } from '../tickets/ticket-assignment.service';
import { TicketsService } from '../tickets/tickets.service';
import { UploadsService } from '../uploads/uploads.service';
import { PlannedTicket, seededRandom } from './demo-history-plan';
import { demoAccounts } from './demo-organisation';

type At = (time: number, run: () => Promise<void>) => void;
type Then = (minutes: number, run: () => Promise<void>) => void;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LEVELS: Record<number, RatingLevel> = {
  5: RatingLevel.VerySatisfied,
  4: RatingLevel.Satisfied,
  3: RatingLevel.FairlySatisfied,
  2: RatingLevel.Dissatisfied,
  1: RatingLevel.Dissatisfied,
};
const COMMENTS: Record<RatingLevel, string> = {
  [RatingLevel.VerySatisfied]: '师傅很专业，处理得很快',
  [RatingLevel.Satisfied]: '问题解决了，谢谢',
  [RatingLevel.FairlySatisfied]: '等得有点久',
  [RatingLevel.Dissatisfied]: '上门太晚，态度一般',
};

/**
 * The households' side of the demo history: they sign in (the fake WeChat of mock mode), bind their
 * account, rate finished work, take the return-visit call, and pay last month's bill.
 */
@Injectable()
export class DemoHistoryExtras {
  /** One household member per demo account, signed in when first needed. */
  private readonly households = new Map<number, Promise<ResidentPrincipal>>();

  constructor(
    private readonly clock: Clock,
    private readonly db: Db,
    private readonly tickets: TicketsService,
    private readonly accounts: AccountsService,
    private readonly residents: ResidentsService,
    private readonly bindings: AccountBindingsService,
    private readonly ratings: RatingsService,
    private readonly returnVisits: ReturnVisitsService,
    private readonly bills: BillsService,
    private readonly payments: PaymentsService,
    private readonly credit: PaymentCredit,
    private readonly plans: InspectionPlansService,
    private readonly slots: InspectionSlotsService,
    private readonly bookings: InspectionBookingsService,
    private readonly results: InspectionResultsService,
    private readonly assignment: TicketAssignment,
    private readonly uploads: UploadsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Households exist only where the fake WeChat signs them in (mock mode). */
  private get withHouseholds(): boolean {
    return this.config.WECHAT_MODE === 'mock' && this.config.WECHATPAY_MODE === 'mock';
  }

  /** Return-visit calls each afternoon and the payments of the demo's bills. */
  async plan(plan: PlannedTicket[], now: Date, principal: (u: string) => StaffPrincipal, at: At): Promise<void> {
    const first = plan[0]?.openedAt.getTime() ?? now.getTime();
    const agent = principal('agent1');
    // 15:00 Shanghai every other day: the return visits due are called, reached or not by the task's number.
    for (let time = first - (first % DAY) + 7 * HOUR + DAY; time < now.getTime(); time += 2 * DAY)
      at(time, () => this.callBack(agent));
    if (this.withHouseholds) await this.planPayments(now, at);
  }

  /** Whether inspections are booked by the households (else taken by phone, without a booking). */
  get booksInspections(): boolean {
    return this.withHouseholds;
  }

  /**
   * The household books the first half-day at least two days ahead in the district's current plan
   * (the plan of the moment, as the demo seed makes one a month); returns the inspection ticket.
   */
  async bookInspection(n: number, districtId: number): Promise<number> {
    const me = await this.household(n);
    const account = (await this.accounts.findByNo(demoAccounts()[n - 1].accountNo))!;
    await this.plans.ensureCurrentPlan(districtId);
    const soon = new Date(this.clock.now().getTime() + 2 * DAY).toISOString().slice(0, 10);
    const slot = (await this.slots.openSlots(districtId)).find((s) => s.date >= soon && s.left > 0);
    if (!slot) throw new Error('demo history: no open inspection slot');
    const { view } = await this.bookings.book(me, { accountId: account.id, slotId: slot.id }, undefined);
    return view.ticket.id;
  }

  /** The household cancels its booking in the miniapp. */
  async cancelAsHousehold(n: number, ticketId: number): Promise<void> {
    const me = await this.household(n);
    await this.tickets.transitionForResident(
      me,
      [demoAccounts()[n - 1].accountNo],
      ticketId,
      TicketStatus.Cancelled,
      '临时有事，取消预约',
    );
  }

  /**
   * The inspector's record of the visit: every checklist item passes, except at every third household
   * where one fails (a hazard, with its photo and a re-inspection); half of those are fixed and re-inspected.
   */
  async recordInspection(worker: StaffPrincipal, ticketId: number, t: PlannedTicket, then: Then): Promise<void> {
    if (!this.withHouseholds) {
      await this.tickets.transition(worker, ticketId, TicketStatus.Resolved, '安检合格');
      return;
    }
    const checklist = INSPECTION_CHECKLISTS[demoAccounts()[t.account - 1].utility];
    const failing = t.n % 3 === 0 ? checklist[t.n % checklist.length].code : null;
    const photoIds = failing ? [await this.photo(worker)] : [];
    const result = await this.results.record(worker, ticketId, {
      outcome: VisitOutcome.Completed,
      items: checklist.map((item) =>
        item.code === failing
          ? { code: item.code, ok: false, note: '软管老化开裂，已告知用户更换', photoIds }
          : { code: item.code, ok: true, note: '', photoIds: [] },
      ),
      // The resident signs the inspection record on the inspector's phone.
      confirmation: { kind: 'signature', photoId: await this.photo(worker) },
    });
    const reinspection = result.reinspectionTicket;
    if (!failing || !reinspection || t.n % 2) return;
    then(3 * 24 * 60, async () => {
      await this.assignment.claim(worker, reinspection.id);
      await this.results.record(worker, reinspection.id, {
        outcome: VisitOutcome.Completed,
        items: [{ code: failing, ok: true, note: '已更换，复查合格', photoIds: [] }],
        confirmation: { kind: 'signature', photoId: await this.photo(worker) },
      });
    });
  }

  /**
   * A small photo the inspector or technician "took" — a hazard, or the resident's signature on the work
   * order (the uploads service re-encodes it as it would a phone's).
   */
  async photo(worker: StaffPrincipal): Promise<number> {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 60 } } })
      .jpeg()
      .toBuffer();
    const upload = await this.uploads.create(
      { kind: 'staff', id: worker.id },
      (async function* () {
        yield jpeg;
      })(),
      { mimetype: 'image/jpeg', filename: 'hazard.jpg' },
    );
    return upload.id;
  }

  /** The household rates finished work a couple of hours later (or never, as many do). */
  afterResolution(t: PlannedTicket, id: () => number, then: Then): void {
    const finished = t.fate === TicketStatus.Resolved || t.fate === TicketStatus.Closed || t.fate === 'late';
    if (!finished || t.rating === null || !this.withHouseholds) return;
    const level = LEVELS[t.rating];
    then(120, async () => {
      const me = await this.household(t.account);
      await this.ratings.rate(me, id(), {
        level,
        answers: { speed: level, attitude: level, quality: level, tidiness: level },
        comment: COMMENTS[level],
      });
    });
  }

  private async callBack(agent: StaffPrincipal): Promise<void> {
    for (const task of await this.returnVisits.list(agent)) {
      const reached = task.id % 4 !== 0;
      const level = [RatingLevel.VerySatisfied, RatingLevel.Satisfied, RatingLevel.FairlySatisfied][task.id % 3];
      await this.returnVisits
        .attempt(
          agent,
          task.id,
          reached ? { reached, level, fixed: true, note: '居民表示问题已解决' } : { reached, note: '无人接听' },
        )
        .catch(() => undefined);
    }
  }

  /** Most households pay their bill in the three weeks before it is due; some are left in arrears. */
  private async planPayments(now: Date, at: At): Promise<void> {
    const random = seededRandom(20_261_120);
    const accounts = await this.accounts.findByNos(demoAccounts().map((a) => a.accountNo));
    for (const [i, account] of accounts.entries()) {
      for (const bill of await this.bills.listForAccount(account.id)) {
        const due = new Date(`${bill.dueOn}T12:00:00+08:00`).getTime();
        if (bill.status !== 'unpaid' || random() < 0.25) continue;
        const paidAt = due - Math.floor(random() * 20 * DAY);
        if (paidAt >= now.getTime()) continue;
        at(paidAt, () => this.pay(i + 1, account.id, bill.id));
      }
    }
  }

  /** The household's order, paid in WeChat and credited as a payment notice would credit it. */
  private async pay(n: number, accountId: number, billId: number): Promise<void> {
    const me = await this.household(n);
    const order = await this.payments.payBill(me.id, billId);
    const outcome = await this.credit.credit({
      mchid: this.config.WECHATPAY_MCHID,
      appid: this.config.WECHATPAY_APPID,
      outTradeNo: order.orderNo,
      tradeState: 'SUCCESS',
      transactionId: `4200${String(accountId).padStart(6, '0')}${String(billId).padStart(18, '0')}`,
      amountFen: order.amountFen,
      payerOpenid: (await this.residents.findActive(me.id))!.openid!,
      successTime: this.clock.now(),
    });
    if (outcome !== 'credited') throw new Error(`demo payment of bill ${billId}: ${outcome}`);
  }

  /** Demo account n's household member: signed in through WeChat and bound to the account. */
  private household(n: number): Promise<ResidentPrincipal> {
    let member = this.households.get(n);
    if (!member) {
      member = (async () => {
        const account = demoAccounts()[n - 1];
        const resident = await this.residents.loginWithCode(`mock-demo-household-${account.accountNo}`);
        const row = (await this.accounts.findByNo(account.accountNo))!;
        await this.db.transaction(() => this.bindings.bind(resident.id, row.id, '我家'));
        return { kind: 'resident' as const, id: resident.id, name: account.holderName, role: Role.Resident as const };
      })();
      this.households.set(n, member);
    }
    return member;
  }
}
