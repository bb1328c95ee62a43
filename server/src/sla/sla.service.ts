import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CalendarStatusView, CalendarYearView, ComputedDeadline, SlaPolicyRule, TicketType } from '@utility/shared';
import {
  calendarSpecialDays,
  calendarStatus,
  chinaWorkCalendar,
  chineseDaysCoversYear,
  computeDeadlines,
  shanghaiDate,
  WorkCalendar,
} from '@utility/shared/sla';
import { EntityManager, Repository } from 'typeorm';
import { AdminAudit } from '../audit/admin-audit.service';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { OrgVersion } from '../org/org-version.service';
import { CalendarDay } from './calendar-day.entity';
import { SlaPolicy } from './sla-policy.entity';

const policyView = (p: SlaPolicy) => ({
  ticketType: p.ticketType,
  clocks: p.clocks,
  atRiskPercent: p.atRiskPercent,
});

@Injectable()
export class SlaService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SlaService.name);
  /** Policies and calendar, kept while the organisation's version (OrgVersion) stays the same. */
  private cache: { version: number; policies: Map<TicketType, SlaPolicyRule>; calendar: WorkCalendar } | null = null;

  constructor(
    @InjectRepository(SlaPolicy) private readonly policies: Repository<SlaPolicy>,
    @InjectRepository(CalendarDay) private readonly days: Repository<CalendarDay>,
    private readonly orgVersion: OrgVersion,
    private readonly db: Db,
    private readonly audit: AdminAudit,
    private readonly clock: Clock,
  ) {}

  /** Warns the operator at boot when next year's holidays are unknown (docs/domain.md#calendar). */
  async onApplicationBootstrap(): Promise<void> {
    const status = await this.calendarStatus();
    if (status.warning) this.logger.warn(status.warning);
  }

  /** `em`: on a cache miss, read on the caller's transaction's connection (never wait for a second one). */
  async deadlinesFor(type: TicketType, startedAt: Date, em?: EntityManager): Promise<ComputedDeadline[]> {
    const { policies, calendar } = await this.load(em);
    const policy = policies.get(type);
    return policy ? computeDeadlines(policy, startedAt, calendar) : [];
  }

  /** China's working calendar with the operator's overrides (inspection slots open on its working days; return-visit deadlines count them). */
  async workCalendar(): Promise<WorkCalendar> {
    return (await this.load()).calendar;
  }

  async atRiskRatio(type: TicketType, em?: EntityManager): Promise<number> {
    return (await this.load(em)).policies.get(type)?.atRiskRatio ?? 0.8;
  }

  listPolicies(): Promise<SlaPolicy[]> {
    return this.policies.find({ order: { id: 'ASC' } });
  }

  /** An admin's change: recorded, and used by the next ticket in every process. */
  savePolicy(staff: StaffPrincipal, rule: SlaPolicyRule): Promise<SlaPolicy> {
    return this.db.transaction(async (em) => {
      const existing = await em.findOneBy(SlaPolicy, { ticketType: rule.ticketType });
      const saved = await this.writePolicy(em, rule, existing);
      await this.audit.record(
        staff,
        {
          action: 'sla_policy.update',
          subjectType: 'sla_policy',
          subjectId: rule.ticketType,
          before: existing ? policyView(existing) : undefined,
          after: policyView(saved),
        },
        em,
      );
      return saved;
    });
  }

  /** Seed: only types without a policy get the default. */
  async ensurePolicies(defaults: SlaPolicyRule[]): Promise<void> {
    for (const rule of defaults) {
      if (!(await this.policies.existsBy({ ticketType: rule.ticketType })))
        await this.db.transaction((em) => this.writePolicy(em, rule, null));
    }
  }

  saveCalendarDay(staff: StaffPrincipal, day: CalendarDay): Promise<CalendarDay> {
    return this.db.transaction(async (em) => {
      const existing = await em.findOneBy(CalendarDay, { date: day.date });
      const saved = await em.save(CalendarDay, { ...day });
      await this.orgVersion.bump(em);
      await this.audit.record(
        staff,
        {
          action: 'calendar_day.update',
          subjectType: 'calendar_day',
          subjectId: day.date,
          before: existing ? { ...existing } : undefined,
          after: { date: saved.date, working: saved.working, note: saved.note },
        },
        em,
      );
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

  private async writePolicy(em: EntityManager, rule: SlaPolicyRule, existing: SlaPolicy | null): Promise<SlaPolicy> {
    const saved = await em.save(SlaPolicy, {
      ...existing,
      ticketType: rule.ticketType,
      clocks: rule.clocks,
      atRiskPercent: Math.round(rule.atRiskRatio * 100),
    });
    await this.orgVersion.bump(em);
    return saved;
  }

  private async load(em?: EntityManager) {
    const version = await this.orgVersion.current(em);
    if (this.cache && this.cache.version === version) return this.cache;
    // One after the other: inside a transaction both go over its one connection.
    const rows = await (em?.getRepository(SlaPolicy) ?? this.policies).find();
    const days = await (em?.getRepository(CalendarDay) ?? this.days).find();
    const policies = new Map(
      rows.map((p) => [
        p.ticketType,
        { ticketType: p.ticketType, clocks: p.clocks, atRiskRatio: p.atRiskPercent / 100 },
      ]),
    );
    const calendar = chinaWorkCalendar(new Map(days.map((d) => [d.date, d.working])));
    this.cache = { version, policies, calendar };
    return this.cache;
  }
}
