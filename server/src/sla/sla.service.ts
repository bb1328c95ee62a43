import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AreaClass,
  CalendarStatusView,
  CalendarYearView,
  Channel,
  ComputedDeadline,
  SlaPolicyRule,
  SlaPolicyView,
  SlaSubject,
  SlaUtility,
  TicketType,
  policySelectorKey,
  resolveSlaPolicy,
} from '@utility/shared';
import {
  calendarSpecialDays,
  calendarStatus,
  chinaWorkCalendar,
  chineseDaysCoversYear,
  computeDeadlines,
  shanghaiDate,
  WorkCalendar,
} from '@utility/shared/sla';
import { In, Repository } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { AdminAudit } from '../audit/admin-audit.service';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { OrgVersion } from '../org/org-version.service';
import { OrgService, unknownReference } from '../org/org.service';
import { CalendarDay } from './calendar-day.entity';
import { SlaPolicy } from './sla-policy.entity';

const policyView = (p: SlaPolicy): SlaPolicyView => ({
  ticketType: p.ticketType,
  utility: p.utility,
  areaClass: p.areaClass,
  districtId: p.districtId,
  channel: p.channel,
  clocks: p.clocks,
  atRiskPercent: p.atRiskPercent,
});

const ruleOf = (p: SlaPolicy): SlaPolicyRule => ({
  ticketType: p.ticketType,
  utility: p.utility,
  areaClass: p.areaClass,
  districtId: p.districtId,
  channel: p.channel,
  clocks: p.clocks,
  atRiskRatio: p.atRiskPercent / 100,
});

/**
 * What the SLA of a ticket depends on: its type, channel and place: the district (and its area
 * class), and the utility: the account's (what it is supplied with), else the station's.
 */
export interface SlaTicket {
  type: TicketType;
  channel: Channel | null;
  accountNo: string | null;
  districtId: number | null;
  stationId: number | null;
  /** The account's utility when the caller has just read the account (intake): not read again. */
  accountUtility?: SlaUtility | null;
}

/** A ticket's clocks as its policy sets them: the deadlines from a start, and the share of each at which it is at risk. */
export interface ClockPlan {
  deadlines: ComputedDeadline[];
  atRiskRatio: number;
}

const rowOf = (rule: SlaPolicyRule): Omit<SlaPolicy, 'id'> => ({
  selectorKey: policySelectorKey(rule),
  ticketType: rule.ticketType,
  utility: rule.utility ?? null,
  areaClass: rule.areaClass ?? null,
  districtId: rule.districtId ?? null,
  channel: rule.channel ?? null,
  clocks: rule.clocks,
  atRiskPercent: Math.round(rule.atRiskRatio * 100),
});

@Injectable()
export class SlaService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SlaService.name);
  /** Policies and calendar, kept while the organisation's version (OrgVersion) stays the same. */
  private cache: {
    version: number;
    rules: SlaPolicyRule[];
    areaClasses: Map<number, AreaClass>;
    utilities: Map<number, SlaUtility>;
    calendar: WorkCalendar;
  } | null = null;

  constructor(
    @InjectRepository(SlaPolicy) private readonly policies: Repository<SlaPolicy>,
    @InjectRepository(CalendarDay) private readonly days: Repository<CalendarDay>,
    private readonly orgVersion: OrgVersion,
    private readonly org: OrgService,
    private readonly accounts: AccountsService,
    private readonly db: Db,
    private readonly audit: AdminAudit,
    private readonly clock: Clock,
  ) {}

  /** Warns the operator at boot when next year's holidays are unknown (docs/domain.md#calendar). */
  async onApplicationBootstrap(): Promise<void> {
    const status = await this.calendarStatus();
    if (status.warning) this.logger.warn(status.warning);
  }

  /** On a cache miss inside a transaction, read on its connection (never wait for a second one). */
  async deadlinesFor(ticket: SlaTicket, startedAt: Date): Promise<ComputedDeadline[]> {
    const { policy, calendar } = await this.policyOf(ticket);
    return policy ? computeDeadlines(policy, startedAt, calendar) : [];
  }

  /** China's working calendar with the operator's overrides (inspection slots open on its working days; return-visit deadlines count them). */
  async workCalendar(): Promise<WorkCalendar> {
    return (await this.load()).calendar;
  }

  async atRiskRatio(ticket: SlaTicket): Promise<number> {
    return (await this.policyOf(ticket)).policy?.atRiskRatio ?? 0.8;
  }

  /** deadlinesFor and atRiskRatio from one look-up of the policy (starting clocks needs both). */
  async clockPlan(ticket: SlaTicket, startedAt: Date): Promise<ClockPlan> {
    const { policy, calendar } = await this.policyOf(ticket);
    return {
      deadlines: policy ? computeDeadlines(policy, startedAt, calendar) : [],
      atRiskRatio: policy?.atRiskRatio ?? 0.8,
    };
  }

  /** The policy that applies to a ticket (docs/domain.md#clocks: the most specific row per clock). */
  private async policyOf(ticket: SlaTicket) {
    const { rules, areaClasses, utilities, calendar } = await this.load();
    const stationUtility = ticket.stationId === null ? null : (utilities.get(ticket.stationId) ?? null);
    // The account is read only when a row of the type depends on the utility (power repairs).
    const byUtility = rules.some((r) => r.ticketType === ticket.type && r.utility);
    const known = ticket.accountUtility !== undefined;
    const account = byUtility && ticket.accountNo && !known ? await this.accounts.findByNo(ticket.accountNo) : null;
    const subject: SlaSubject = {
      ticketType: ticket.type,
      channel: ticket.channel,
      districtId: ticket.districtId,
      areaClass: ticket.districtId === null ? null : (areaClasses.get(ticket.districtId) ?? null),
      utility: (known ? ticket.accountUtility : account?.utility) ?? stationUtility,
    };
    return { policy: resolveSlaPolicy(rules, subject), calendar };
  }

  async listPolicies(): Promise<SlaPolicyView[]> {
    return (await this.policies.find({ order: { id: 'ASC' } })).map(policyView);
  }

  /**
   * The admin replaces the whole table (PUT /api/admin/sla-policies): recorded with before and
   * after, used by the next ticket in every process; running clocks keep their deadlines.
   */
  replacePolicies(staff: StaffPrincipal, rules: SlaPolicyRule[]): Promise<SlaPolicyView[]> {
    return this.db.transaction(async (em) => {
      const districts = new Set((await this.org.listDistricts()).map((d) => d.id));
      const unknown = rules.findIndex((r) => r.districtId != null && !districts.has(r.districtId));
      if (unknown >= 0) throw unknownReference(`policies.${unknown}.districtId`, '片区不存在');
      const before = await em.find(SlaPolicy, { order: { id: 'ASC' } });
      await em.delete(SlaPolicy, { id: In(before.map((p) => p.id).concat(0)) });
      const after: SlaPolicy[] = [];
      for (const rule of rules) after.push(await em.save(SlaPolicy, rowOf(rule)));
      await this.orgVersion.bump();
      await this.audit.record(staff, {
        action: 'sla_policy.replace',
        subjectType: 'sla_policy',
        subjectId: 'all',
        before: before.map(policyView),
        after: after.map(policyView),
      });
      return after.map(policyView);
    });
  }

  /** An admin's change of a type's default row (any district, any channel): recorded, and used by the next ticket in every process. */
  savePolicy(staff: StaffPrincipal, rule: SlaPolicyRule): Promise<SlaPolicyView> {
    return this.db.transaction(async (em) => {
      const existing = await em.findOneBy(SlaPolicy, { selectorKey: policySelectorKey(rule) });
      const saved = await this.writePolicy(rule, existing);
      await this.audit.record(staff, {
        action: 'sla_policy.update',
        subjectType: 'sla_policy',
        subjectId: rule.ticketType,
        before: existing ? policyView(existing) : undefined,
        after: saved,
      });
      return saved;
    });
  }

  /** Seed: only selectors without a row get the default. */
  async ensurePolicies(defaults: SlaPolicyRule[]): Promise<void> {
    for (const rule of defaults) {
      if (!(await this.policies.existsBy({ selectorKey: policySelectorKey(rule) })))
        await this.db.transaction(() => this.writePolicy(rule, null));
    }
  }

  saveCalendarDay(staff: StaffPrincipal, day: CalendarDay): Promise<CalendarDay> {
    return this.db.transaction(async (em) => {
      const existing = await em.findOneBy(CalendarDay, { date: day.date });
      const saved = await em.save(CalendarDay, { ...day });
      await this.orgVersion.bump();
      await this.audit.record(staff, {
        action: 'calendar_day.update',
        subjectType: 'calendar_day',
        subjectId: day.date,
        before: existing ? { ...existing } : undefined,
        after: { date: saved.date, working: saved.working, note: saved.note },
      });
      return { date: saved.date, working: saved.working, note: saved.note };
    });
  }

  /** The year's holidays, make-up days and overrides, for the admin's calendar page. */
  async calendarYear(year: number): Promise<CalendarYearView> {
    const overrides = await this.days.find({ order: { date: 'ASC' } });
    return { year, libraryCovers: chineseDaysCoversYear(year), days: calendarSpecialDays(year, overrides) };
  }

  /** Whether next year's holidays are known (built-in data or the operator's entries). */
  async calendarStatus(): Promise<CalendarStatusView> {
    return calendarStatus(shanghaiDate(this.clock.now()), await this.days.find());
  }

  private async writePolicy(rule: SlaPolicyRule, existing: SlaPolicy | null): Promise<SlaPolicyView> {
    const em = this.db.manager;
    const saved = await em.save(SlaPolicy, { ...existing, ...rowOf(rule) });
    await this.orgVersion.bump();
    return policyView(saved);
  }

  private async load() {
    const version = await this.orgVersion.current();
    if (this.cache && this.cache.version === version) return this.cache;
    // One after the other: inside a transaction both go over its one connection.
    const rows = await this.policies.find();
    const days = await this.days.find();
    const districts = await this.org.listDistricts();
    const stations = await this.org.listStations();
    const calendar = chinaWorkCalendar(new Map(days.map((d) => [d.date, d.working])));
    this.cache = {
      version,
      rules: rows.map(ruleOf),
      areaClasses: new Map(districts.map((d) => [d.id, d.areaClass])),
      utilities: new Map(stations.map((s) => [s.id, s.utility])),
      calendar,
    };
    return this.cache;
  }
}
