import { Injectable } from '@nestjs/common';
import {
  AccountHistoryView,
  AccountSummaryView,
  StaffSearchResult,
  TicketStatus,
  classifySearch,
  maskName,
  normalizePhone,
} from '@utility/shared';
import { AccountsService } from '../accounts/accounts.service';
import { PersonalDataAudit } from '../audit/personal-data-audit.service';
import { BillsService } from '../billing/bills.service';
import { notFound } from '../common/app-error';
import { blindIndex } from '../common/field-cipher';
import { StaffPrincipal } from '../common/principal';
import { FeedbackFactsService } from '../feedback/feedback-facts.service';
import { BookingReader } from '../inspections/booking-reader.service';
import { HazardsService } from '../inspections/hazards.service';
import { OrgService } from '../org/org.service';
import { PaymentsService } from '../payments/payments.service';
import { QueuesService } from '../queues/queues.service';
import { TicketReader } from '../tickets/ticket-reader.service';

const RESULTS = 20;
/** Tickets read before the scope filter: enough that a desk rarely misses one of its own. */
const TICKETS_READ = 200;
const DONE = new Set<TicketStatus>([TicketStatus.Resolved, TicketStatus.Closed, TicketStatus.Cancelled]);

type Account = NonNullable<Awaited<ReturnType<AccountsService['findByNo']>>>;

/**
 * The desk's search and an account's whole history (docs/domain.md#customer-history), composed from
 * the modules that own each record; scope: accounts of the districts the searcher covers
 * (QueuesService.coveredDistricts), tickets as
 * TicketReader.readableAtDesk allows.
 */
@Injectable()
export class CustomerHistoryService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tickets: TicketReader,
    private readonly org: OrgService,
    private readonly queues: QueuesService,
    private readonly bills: BillsService,
    private readonly payments: PaymentsService,
    private readonly hazards: HazardsService,
    private readonly bookings: BookingReader,
    private readonly feedback: FeedbackFactsService,
    private readonly audit: PersonalDataAudit,
  ) {}

  async search(staff: StaffPrincipal, q: string): Promise<StaffSearchResult> {
    const { key, value } = classifySearch(q);
    const district = await this.queues.coveredDistricts(staff);
    let accounts: Account[] = [];
    let found: Awaited<ReturnType<TicketReader['findForDesk']>> = [];
    if (key === 'accountNo') {
      accounts = await this.accounts.findForDesk({ accountNoPrefix: value }, district, RESULTS);
      // A full 户号 also brings its tickets (a prefix would bring too many to be useful).
      const exact = accounts.find((a) => a.accountNo === value);
      if (exact) found = await this.tickets.findForDesk({ accountNo: exact.accountNo }, TICKETS_READ);
    } else if (key === 'ticketNo') {
      found = await this.tickets.findForDesk({ no: value }, 1);
    } else if (key === 'phone') {
      const index = blindIndex(normalizePhone(value));
      [accounts, found] = await Promise.all([
        this.accounts.findForDesk({ phoneIndex: index }, district, RESULTS),
        this.tickets.findForDesk({ phoneIndex: index }, TICKETS_READ),
      ]);
    } else {
      [accounts, found] = await Promise.all([
        this.accounts.findForDesk({ addressFragment: value }, district, RESULTS),
        this.tickets.findForDesk({ addressFragment: value }, TICKETS_READ),
      ]);
    }
    const readable = (await this.tickets.readableAtDesk(staff, found)).slice(0, RESULTS);
    if (key === 'phone') await this.recordPhoneSearch(staff, accounts, readable);
    const [summaries, tickets] = await Promise.all([this.summaries(accounts), this.tickets.views(readable, staff)]);
    return { matchedBy: key, accounts: summaries, tickets };
  }

  async history(staff: StaffPrincipal, accountNo: string): Promise<AccountHistoryView> {
    const account = await this.accounts.findByNo(accountNo);
    const districts = await this.queues.coveredDistricts(staff);
    if (!account || (districts !== null && !districts.includes(account.districtId))) throw notFound();
    const ticketRows = await this.tickets.readableAtDesk(
      staff,
      await this.tickets.findForDesk({ accountNo }, TICKETS_READ),
    );
    const ids = ticketRows.map((t) => t.id);
    const [summary, views, bills, payments, arrears, hazards, inspections, ratings, returnVisits] = await Promise.all([
      this.summaries([account]),
      this.tickets.views(ticketRows, staff),
      this.bills.listForAccount(account.id),
      this.payments.receipts(account.id),
      this.bills.arrears(account.id),
      this.hazards.ofAccount(account.id),
      this.bookings.ofAccount(account.id),
      this.feedback.ratingsOfTickets(ids),
      this.feedback.returnVisitsOfTickets(ids),
    ]);
    return {
      account: summary[0],
      openTickets: views.filter((t) => !DONE.has(t.status)),
      pastTickets: views.filter((t) => DONE.has(t.status)).slice(0, 100),
      bills,
      payments,
      arrears,
      hazards,
      inspections,
      ratings,
      returnVisits,
    };
  }

  /**
   * A phone search tells whose phone it is: a personal-data access (docs/domain.md#personal-data),
   * recorded per account and ticket it found, or once as a search when it found nothing.
   */
  private async recordPhoneSearch(staff: StaffPrincipal, accounts: Account[], tickets: { id: number }[]) {
    for (const a of accounts) await this.audit.record(staff, 'account', a.id, 'phone:search');
    for (const t of tickets) await this.audit.record(staff, 'ticket', t.id, 'contactPhone:search');
    if (!accounts.length && !tickets.length) await this.audit.record(staff, 'phone_search', 0, 'phone:search');
  }

  private async summaries(accounts: Account[]): Promise<AccountSummaryView[]> {
    if (!accounts.length) return [];
    const [districts, stations] = await Promise.all([this.org.listDistricts(), this.org.listStations()]);
    return accounts.map((a) => ({
      accountNo: a.accountNo,
      holderName: maskName(a.holderName),
      address: a.address,
      utility: a.utility,
      districtId: a.districtId,
      districtName: districts.find((d) => d.id === a.districtId)?.name ?? '',
      stationId: a.stationId,
      stationName: stations.find((s) => s.id === a.stationId)?.name ?? '',
      keyCustomer: a.keyCustomer,
      active: a.active,
    }));
  }
}
