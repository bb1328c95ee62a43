import { Inject, Injectable, Logger } from '@nestjs/common';
import { Role, shanghaiDate } from '@utility/shared';
import { DEFAULT_SLA_POLICIES } from '@utility/shared/sla';
import { randomBytes } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service';
import { BillRun } from '../billing/bill-run.service';
import { MeterReadingsService } from '../billing/meter-readings.service';
import { TariffsService } from '../billing/tariffs.service';
import { Db } from '../common/db';
import { APP_CONFIG, AppConfig } from '../common/config';
import { Clock } from '../common/clock';
import { InspectionPlansService } from '../inspections/inspection-plans.service';
import { KnowledgeService } from '../knowledge/knowledge.service';
import { OrgService } from '../org/org.service';
import { PrepaidLedger } from '../prepaid/prepaid-ledger.service';
import { QueuesService } from '../queues/queues.service';
import { RotaService } from '../rota/rota.service';
import { SlaService } from '../sla/sla.service';
import { StaffService } from '../staff/staff.service';
import { DemoHistory, HistoryResult } from './demo-history.service';
import { DemoPower } from './demo-power.service';
import {
  COMPANY_QUEUES,
  DEMO_DISTRICTS,
  DEMO_PREPAID_ACCOUNTS,
  DEMO_ROSTER_DAYS,
  DEMO_STAFF,
  DEMO_STATIONS,
  DISTRICT_QUEUES,
  STATION_QUEUE,
  demoAccounts,
} from './demo-organisation';

const DEMO_TARIFFS_FROM = '2026-01-01';
const DEMO_OPENING_ON = '2026-09-30';
const DEMO_READING_ON = '2026-10-31';
const DEMO_BILL_PERIOD = '2026-10';
/** The month the demo's bills fall due in (the 20th), when the demo households pay them. */
export const DEMO_BILL_DUE_PERIOD = '2026-11';

export interface SeedResult {
  password: string;
  generated: boolean;
  usernames: string[];
  /** The demo's past, when DEMO_HISTORY_DAYS asked for one. */
  history: HistoryResult | null;
}

/**
 * Creates the demo organisation on a database without staff. Never on one with staff: an operator's
 * changes (a reset password, a disabled account) stand across restarts (issue 13). Refused in production.
 */
@Injectable()
export class DemoSeed {
  private readonly logger = new Logger(DemoSeed.name);

  constructor(
    private readonly org: OrgService,
    private readonly accounts: AccountsService,
    private readonly queues: QueuesService,
    private readonly staff: StaffService,
    private readonly sla: SlaService,
    private readonly tariffs: TariffsService,
    private readonly readings: MeterReadingsService,
    private readonly billRun: BillRun,
    private readonly db: Db,
    private readonly inspectionPlans: InspectionPlansService,
    private readonly rota: RotaService,
    private readonly clock: Clock,
    private readonly history: DemoHistory,
    private readonly knowledge: KnowledgeService,
    private readonly prepaid: PrepaidLedger,
    private readonly power: DemoPower,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The demo logins, or null when staff exist already and nothing was seeded. */
  async run(): Promise<SeedResult | null> {
    if (this.config.NODE_ENV === 'production') {
      throw new Error('The demo seed is refused in production (NODE_ENV=production): set SEED_DEMO=false');
    }
    // Only where there is none yet: added to earlier demo databases too, never twice.
    await this.knowledge.ensureDemoContent();
    if (await this.staff.anyExist()) {
      this.logger.log('Staff exist: demo seed skipped (no password reset, nobody re-activated)');
      await this.rollRoster(0);
      return null;
    }
    const districts = new Map<string, number>();
    for (const d of DEMO_DISTRICTS) districts.set(d.code, (await this.org.ensureDistrict(d.code, d.name)).id);
    const stations = new Map<string, { id: number; districtId: number }>();
    for (const s of DEMO_STATIONS) {
      const station = await this.org.ensureStation(s.code, s.name, districts.get(s.district)!, s.utility);
      stations.set(s.code, { id: station.id, districtId: station.districtId });
    }
    const queueIds = await this.seedQueues(districts, stations);
    await this.sla.ensurePolicies(DEFAULT_SLA_POLICIES);
    await this.accounts.ensureAccounts(
      demoAccounts().map(({ district, station, ...a }) => ({
        ...a,
        districtId: districts.get(district)!,
        stationId: stations.get(station)!.id,
      })),
    );
    const generated = !this.config.DEMO_PASSWORD;
    const password = this.config.DEMO_PASSWORD ?? randomBytes(6).toString('base64url');
    const passwordHash = await this.staff.hashPassword(password);
    for (const [i, s] of DEMO_STAFF.entries()) {
      // Demo staff sign in with DEMO_PASSWORD (or the printed one) without changing it first.
      const person = await this.staff.ensureStaff(
        {
          username: s.username,
          name: s.name,
          employeeNo: `DEMO${String(i + 1).padStart(3, '0')}`,
          role: s.role,
          roles: [s.role],
          wecomUserId: null,
          stationId: s.station ? stations.get(s.station)!.id : null,
          districtId: s.district ? districts.get(s.district)! : null,
          capacity: 5,
          phone: s.phone ?? null,
        },
        passwordHash,
      );
      for (const code of s.queues) await this.queues.ensureMember(queueIds.get(code)!, person.id);
    }
    await this.accounts.ensureAccounts(
      DEMO_PREPAID_ACCOUNTS.map(({ district, station, openingFen: _f, dailyCentiM3: _d, ...a }) => ({
        ...a,
        utility: 'gas' as const,
        areaCentiM2: null,
        paymentMode: 'prepaid' as const,
        districtId: districts.get(district)!,
        stationId: stations.get(station)!.id,
      })),
    );
    await this.rollRoster(this.config.DEMO_HISTORY_DAYS);
    await this.power.seed(districts, stations, { openingOn: DEMO_OPENING_ON, readOn: DEMO_READING_ON });
    await this.seedBills(districts);
    if (this.config.DEMO_HISTORY_DAYS) await this.power.bindToDemoResident();
    await this.seedPrepaid();
    for (const districtId of districts.values()) await this.inspectionPlans.ensureCurrentPlan(districtId);
    this.logger.log('Demo organisation ready');
    // Only here, on the database just created: a restart never adds a second history.
    const history = this.config.DEMO_HISTORY_DAYS ? await this.history.create(this.config.DEMO_HISTORY_DAYS) : null;
    return { password, generated, usernames: DEMO_STAFF.map((s) => s.username), history };
  }

  /**
   * The demo's round-the-clock roster (docs/domain.md#duty-roster): from the start of the demo history
   * to DEMO_ROSTER_DAYS ahead, topped up at every start so it keeps rolling forward. The teams are the
   * active demo technicians of each district's emergency queue, as they are now (an admin's changes stand).
   */
  private async rollRoster(daysBack: number): Promise<void> {
    const byCode = new Map((await this.org.listDistricts()).map((d) => [d.code, d]));
    const districts = DEMO_DISTRICTS.map((d) => byCode.get(d.code));
    const active = new Map((await this.staff.listActive()).map((s) => [s.username, s]));
    const teams = DEMO_DISTRICTS.flatMap((d, i) => {
      const districtId = districts[i]?.id;
      if (!districtId) return [];
      const staffIds = DEMO_STAFF.filter((s) => s.role === Role.Technician && s.queues.includes(`emergency-${d.code}`))
        .map((s) => active.get(s.username))
        .filter((s) => s?.role === Role.Technician)
        .map((s) => s!.id);
      return staffIds.length ? [{ districtId, role: Role.Technician, staffIds }] : [];
    });
    if (!teams.length) return;
    const from = new Date(this.clock.now().getTime() - daysBack * 86_400_000);
    await this.rota.ensureRollingShifts(teams, from, daysBack + DEMO_ROSTER_DAYS);
  }

  /** Tariffs, September's opening index, October's reading, and October's bills (unpaid, due 20 November). */
  private async seedBills(districts: Map<string, number>): Promise<void> {
    for (const districtId of districts.values()) await this.tariffs.ensureDefaults(districtId, DEMO_TARIFFS_FROM);
    const accounts = (await this.accounts.findByNos(demoAccounts().map((a) => a.accountNo))).filter(
      (a) => a.utility === 'gas',
    );
    await this.db.transaction(async () => {
      for (const [i, account] of accounts.entries()) {
        const opening = 150_000 + 7_919 * i;
        await this.readings.recordOpening(account, DEMO_OPENING_ON, opening);
        if (!(await this.readings.hasReading(account.id, DEMO_READING_ON))) {
          await this.readings.record({
            account,
            readOn: DEMO_READING_ON,
            valueCentiM3: opening + 2_000 + 173 * (i % 11),
            source: 'import',
          });
        }
      }
    });
    await this.billRun.run(DEMO_BILL_PERIOD);
  }

  /**
   * The prepaid accounts' ledgers, opened three weeks ago with their carried-over balance, and smart-meter
   * readings since, so home shows a balance, the daily use and the days it lasts.
   */
  private async seedPrepaid(): Promise<void> {
    const today = Date.parse(`${shanghaiDate(this.clock.now())}T00:00:00Z`);
    const day = (back: number) => new Date(today - back * 86_400_000).toISOString().slice(0, 10);
    for (const demo of DEMO_PREPAID_ACCOUNTS) {
      const account = await this.accounts.findByNo(demo.accountNo);
      if (!account) continue;
      await this.prepaid.open(account.id, demo.openingFen, new Date(`${day(21)}T02:00:00Z`));
      await this.db.transaction(async () => {
        const start = 80_000;
        await this.readings.recordOpening(account, day(21), start);
        for (const back of [14, 7, 1]) {
          if (await this.readings.hasReading(account.id, day(back))) continue;
          const value = start + demo.dailyCentiM3 * (21 - back);
          await this.readings.record({ account, readOn: day(back), valueCentiM3: value, source: 'smart_meter' });
        }
      });
    }
  }

  private async seedQueues(districts: Map<string, number>, stations: Map<string, { id: number; districtId: number }>) {
    const ids = new Map<string, number>();
    const triage = await this.queues.ensureQueue({
      code: 'triage',
      name: '待分类（分诊）',
      districtId: null,
      stationId: null,
      autoAssign: false,
      supervisorOnly: false,
      triage: true,
    });
    ids.set('triage', triage.id);
    for (const q of COMPANY_QUEUES) {
      const queue = await this.queues.ensureQueue({
        code: q.code,
        name: q.name,
        districtId: null,
        stationId: null,
        autoAssign: false,
        supervisorOnly: q.supervisorOnly,
        triage: false,
      });
      ids.set(queue.code, queue.id);
      for (const type of q.types)
        await this.queues.ensureRule({ ticketType: type, districtId: null, stationId: null, queueId: queue.id });
    }
    for (const [dCode, districtId] of districts) {
      const districtName = DEMO_DISTRICTS.find((d) => d.code === dCode)!.name;
      for (const q of DISTRICT_QUEUES) {
        const queue = await this.queues.ensureQueue({
          code: `${q.code}-${dCode}`,
          name: `${districtName}${q.name}`,
          districtId,
          stationId: null,
          autoAssign: q.autoAssign ?? false,
          supervisorOnly: q.supervisorOnly ?? false,
          triage: false,
        });
        ids.set(queue.code, queue.id);
        for (const type of q.types)
          await this.queues.ensureRule({ ticketType: type, districtId, stationId: null, queueId: queue.id });
      }
    }
    for (const [sCode, station] of stations) {
      const stationName = DEMO_STATIONS.find((s) => s.code === sCode)!.name;
      const queue = await this.queues.ensureQueue({
        code: `${STATION_QUEUE.code}-${sCode}`,
        name: `${stationName}${STATION_QUEUE.name}`,
        districtId: station.districtId,
        stationId: station.id,
        autoAssign: false,
        supervisorOnly: false,
        triage: false,
      });
      ids.set(queue.code, queue.id);
      for (const type of STATION_QUEUE.types) {
        await this.queues.ensureRule({
          ticketType: type,
          districtId: station.districtId,
          stationId: station.id,
          queueId: queue.id,
        });
        // A repair known only by district (caller without an account) goes to the district's first station.
        const firstOfDistrict =
          [...stations.entries()].find(([, s]) => s.districtId === station.districtId)![0] === sCode;
        if (firstOfDistrict)
          await this.queues.ensureRule({
            ticketType: type,
            districtId: station.districtId,
            stationId: null,
            queueId: queue.id,
          });
      }
    }
    return ids;
  }
}
