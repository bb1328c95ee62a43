import { PaymentMethod } from '../api/billing';
import type { OutageFigures } from './outage-sections';
import { Role } from '../org/roles';
import { Channel, ClockKind, TicketType } from '../tickets/ticket-codes';
import { RatingLevelCode } from './report-facts';

/** A share as a fraction 0..1 rounded to 4 decimals; null when nothing was counted. */
export type Rate = number | null;

export interface TicketCountRow {
  type: TicketType;
  districtId: number | null;
  count: number;
}

export interface TicketsByTypeAndDistrict {
  rows: TicketCountRow[];
  byType: { type: TicketType; count: number }[];
  total: number;
}

export interface ClockOnTime {
  clock: ClockKind;
  /** Clocks whose outcome (met, or due and missed) fell in the month. */
  counted: number;
  onTime: number;
  late: number;
  rate: Rate;
}

export interface ComplaintResolution {
  received: number;
  resolved: number;
  rate: Rate;
}

export interface Satisfaction {
  ratings: number;
  /** The top three levels (满意, 比较满意, 基本满意). */
  satisfied: number;
  rate: Rate;
  byLevel: Record<RatingLevelCode, number>;
}

export interface ReturnVisitCoverage {
  /** Complaints, emergencies and repairs resolved in the month: each must be visited (100 %). */
  due: number;
  visited: number;
  rate: Rate;
}

export interface HazardFigures {
  found: number;
  closed: number;
  /** Found by the end of the month and not closed then. */
  openAtEnd: number;
}

export interface MoneyFigures {
  count: number;
  totalFen: number;
}

export interface PaymentFigures {
  payments: MoneyFigures;
  /** Payments by how they were made (absent in reports frozen before methods were counted). */
  byMethod?: Record<PaymentMethod, MoneyFigures>;
  refunds: MoneyFigures;
  netFen: number;
  /** Bills due by the month's last day and unpaid at its end. */
  arrears: MoneyFigures & { accounts: number };
}

export interface StaffFigures {
  staffId: number;
  name: string;
  role: Role | null;
  /** Tickets this person resolved in the month. */
  handled: number;
  /** Share of those with no late clock. */
  onTimeRate: Rate;
  ratings: number;
  /** Mean score of the month's ratings of their work: 满意 4, 比较满意 3, 基本满意 2, 不满意 1. */
  averageRating: number | null;
}

/** Tickets received in the month by one channel, and the on-time rate of their clocks settled in it. */
export interface ChannelFigures {
  channel: Channel;
  received: number;
  /** Clocks of the channel's tickets whose outcome fell in the month (as in the on-time rate per clock). */
  clocks: number;
  onTime: number;
  rate: Rate;
}

/** The figures of one month, as computed (the snapshot stores exactly this). */
export interface MonthlyReportFigures {
  districts: { id: number; name: string }[];
  tickets: TicketsByTypeAndDistrict;
  onTime: ClockOnTime[];
  complaints: ComplaintResolution;
  satisfaction: Satisfaction;
  returnVisits: ReturnVisitCoverage;
  hazards: HazardFigures;
  payments: PaymentFigures;
  staff: StaffFigures[];
  /** By channel (miniapp, phone, 12345…); absent from reports frozen before channels were counted. */
  channels?: ChannelFigures[];
  /** Outages on during the month; absent in reports frozen before outages were recorded. */
  outages?: OutageFigures;
}
