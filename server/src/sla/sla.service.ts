import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ComputedDeadline, SlaPolicyRule, TicketType } from '@utility/shared';
import { chinaWorkCalendar, computeDeadlines, WorkCalendar } from '@utility/shared/sla';
import { EntityManager, Repository } from 'typeorm';
import { CalendarDay } from './calendar-day.entity';
import { SlaPolicy } from './sla-policy.entity';

/** Policies and calendar change rarely; several processes re-read them at most this often. */
const CACHE_MS = 30_000;

@Injectable()
export class SlaService {
  private cache: { at: number; policies: Map<TicketType, SlaPolicyRule>; calendar: WorkCalendar } | null = null;

  constructor(
    @InjectRepository(SlaPolicy) private readonly policies: Repository<SlaPolicy>,
    @InjectRepository(CalendarDay) private readonly days: Repository<CalendarDay>,
  ) {}

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

  async savePolicy(rule: SlaPolicyRule): Promise<SlaPolicy> {
    const existing = await this.policies.findOneBy({ ticketType: rule.ticketType });
    const saved = await this.policies.save(
      {
        ...existing,
        ticketType: rule.ticketType,
        clocks: rule.clocks,
        atRiskPercent: Math.round(rule.atRiskRatio * 100),
      },
      { transaction: false },
    );
    this.cache = null;
    return saved;
  }

  /** Seed: only types without a policy get the default. */
  async ensurePolicies(defaults: SlaPolicyRule[]): Promise<void> {
    for (const rule of defaults) {
      if (!(await this.policies.existsBy({ ticketType: rule.ticketType }))) await this.savePolicy(rule);
    }
  }

  async saveCalendarDay(day: CalendarDay): Promise<CalendarDay> {
    const saved = await this.days.save(day, { transaction: false });
    this.cache = null;
    return saved;
  }

  private async load(em?: EntityManager) {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache;
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
    this.cache = { at: Date.now(), policies, calendar };
    return this.cache;
  }
}
