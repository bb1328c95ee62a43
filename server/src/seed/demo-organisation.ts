import { Role, StationUtility, TicketType } from '@utility/shared';
import { Utility } from '../accounts/account.entity';

/** The demo company of the README: two districts, three stations, the queues of docs/domain.md#ticket-types. */
export const DEMO_DISTRICTS = [
  { code: 'east', name: '城东片区' },
  { code: 'west', name: '城西片区' },
];

export const DEMO_STATIONS: { code: string; name: string; district: string; utility: StationUtility }[] = [
  { code: 'east-heat', name: '东城供热站', district: 'east', utility: 'heating' },
  { code: 'east-hall', name: '东湖营业所', district: 'east', utility: 'gas' },
  { code: 'west-heat', name: '西城供热站', district: 'west', utility: 'heating' },
];

/**
 * The demo's duty roster: every technician who works a district's emergency queue is on its
 * day (08:00–20:00) and night (20:00–08:00) shifts, from the start of the demo history to this
 * many days ahead, topped up at each start.
 */
export const DEMO_ROSTER_DAYS = 14;

/** District-level queues, one of each per district; `{d}` is the district code. */
export const DISTRICT_QUEUES: {
  code: string;
  name: string;
  types: TicketType[];
  autoAssign?: boolean;
  supervisorOnly?: boolean;
}[] = [
  { code: 'emergency', name: '抢修调度', types: [TicketType.Leak], autoAssign: true },
  { code: 'inspection', name: '安检', types: [TicketType.Inspection] },
  { code: 'complaint', name: '投诉', types: [TicketType.Complaint] },
  { code: 'report', name: '举报（仅主管）', types: [TicketType.MisconductReport], supervisorOnly: true },
  { code: 'business', name: '业务办理', types: [TicketType.Application] },
  { code: 'billing', name: '缴费异常', types: [TicketType.Billing] },
  { code: 'return-visit', name: '回访', types: [TicketType.ReturnVisit] },
  { code: 'consult', name: '咨询建议', types: [TicketType.Consultation, TicketType.Suggestion] },
  // Grade-1 complaints are moved here when graded; nothing is routed to it.
  { code: 'complaint-supervisor', name: '一级投诉（主管）', types: [], supervisorOnly: true },
];

/** Company-wide queues: reports, grade-1 complaints, questions and suggestions that name no district (an anonymous report names none). */
export const COMPANY_QUEUES: { code: string; name: string; types: TicketType[]; supervisorOnly: boolean }[] = [
  { code: 'report-all', name: '举报（全公司，仅主管）', types: [TicketType.MisconductReport], supervisorOnly: true },
  { code: 'complaint-supervisor-all', name: '一级投诉（全公司，主管）', types: [], supervisorOnly: true },
  // A question or suggestion about no account of the resident's (docs/domain.md#consultations).
  {
    code: 'consult-all',
    name: '咨询建议（全公司）',
    types: [TicketType.Consultation, TicketType.Suggestion],
    supervisorOnly: false,
  },
];

/** Station-level queue: repairs and room-temperature checks go to the account's station. */
export const STATION_QUEUE = { code: 'repair', name: '报修', types: [TicketType.Repair, TicketType.RoomTemperature] };

export interface DemoStaff {
  username: string;
  name: string;
  role: Role;
  station: string | null;
  district: string | null;
  /** Work phone (technicians): residents see it masked. */
  phone?: string;
  /** Queue codes worked, e.g. `emergency-east`, `repair-east-heat`, `triage`. */
  queues: string[];
}

export const DEMO_STAFF: DemoStaff[] = [
  {
    username: 'agent1',
    name: '王晓梅',
    role: Role.Agent,
    station: 'east-hall',
    district: 'east',
    queues: [
      'triage',
      'complaint-east',
      'business-east',
      'billing-east',
      'return-visit-east',
      'complaint-west',
      'business-west',
      'billing-west',
      'return-visit-west',
      'consult-east',
      'consult-west',
      'consult-all',
    ],
  },
  {
    username: 'dispatcher1',
    name: '李建国',
    role: Role.Dispatcher,
    station: 'east-heat',
    district: 'east',
    queues: ['emergency-east', 'emergency-west', 'repair-east-heat', 'repair-east-hall', 'repair-west-heat'],
  },
  {
    username: 'tech1',
    name: '张师傅',
    role: Role.Technician,
    station: 'east-heat',
    district: 'east',
    phone: '13900001111',
    queues: ['emergency-east', 'repair-east-heat', 'repair-east-hall'],
  },
  {
    username: 'tech2',
    name: '刘师傅',
    role: Role.Technician,
    station: 'east-hall',
    district: 'east',
    phone: '13900002222',
    queues: ['emergency-east', 'repair-east-hall', 'repair-east-heat', 'emergency-west', 'repair-west-heat'],
  },
  {
    username: 'tech3',
    name: '陈师傅',
    role: Role.Technician,
    station: 'west-heat',
    district: 'west',
    phone: '13900003333',
    queues: ['emergency-west', 'repair-west-heat'],
  },
  {
    username: 'inspector1',
    name: '赵安检',
    role: Role.Inspector,
    station: 'east-heat',
    district: 'east',
    queues: ['inspection-east'],
  },
  {
    username: 'inspector2',
    name: '孙安检',
    role: Role.Inspector,
    station: 'west-heat',
    district: 'west',
    queues: ['inspection-west'],
  },
  { username: 'supervisor1', name: '周主管', role: Role.Supervisor, station: null, district: 'east', queues: [] },
  { username: 'supervisor2', name: '吴主管', role: Role.Supervisor, station: null, district: 'west', queues: [] },
  { username: 'admin', name: '系统管理员', role: Role.Admin, station: null, district: null, queues: [] },
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐';
const GIVEN = ['秀英', '建华', '丽娟', '志强', '桂兰', '国庆', '海燕', '文博', '淑珍', '明辉'];
const ROADS = ['幸福路', '和平街', '建设大道', '人民路', '光明巷'];

/** 50 accounts 9100000001…9100000050: the first 25 in the east district, the rest in the west. */
export function demoAccounts(): {
  accountNo: string;
  holderName: string;
  address: string;
  utility: Utility;
  areaCentiM2: number | null;
  /** The registered phone (its last four digits are the binding's second fact). */
  phone: string;
  district: string;
  station: string;
}[] {
  return Array.from({ length: 50 }, (_, i) => {
    const n = i + 1;
    const east = n <= 25;
    return {
      accountNo: `91000000${String(n).padStart(2, '0')}`,
      holderName: SURNAMES[i % SURNAMES.length] + GIVEN[i % GIVEN.length],
      address: `${east ? '城东区' : '城西区'}${ROADS[i % ROADS.length]}${10 + n}号${1 + (n % 4)}单元${100 * (1 + (n % 6)) + (n % 3) + 1}室`,
      utility: n % 5 === 0 ? 'heating' : 'gas',
      areaCentiM2: n % 5 === 0 ? 6000 + 150 * n : null,
      phone: `13${5 + (n % 5)}${String(10_000_000 + n * 7_919).slice(-8)}`,
      district: east ? 'east' : 'west',
      station: east ? (n % 2 ? 'east-heat' : 'east-hall') : 'west-heat',
    };
  });
}

/**
 * Two prepaid gas accounts beside the 50 (docs/domain.md#prepaid-accounts): an IoT smart meter, whose
 * top-ups go to the (fake) meter vendor, and an IC-card meter, whose top-ups wait for the card to be loaded.
 * `openingFen` is the balance carried over; `dailyCentiM3` the use of their recent readings.
 */
export const DEMO_PREPAID_ACCOUNTS = [
  {
    accountNo: '9100000051',
    holderName: '周晓梅',
    address: '城东区幸福路61号2单元302室',
    phone: '13651000051',
    district: 'east',
    station: 'east-hall',
    meterKind: 'iot' as const,
    meterNo: 'IOT-51000051',
    openingFen: 20_000,
    dailyCentiM3: 120,
  },
  {
    accountNo: '9100000052',
    holderName: '吴建国',
    address: '城东区人民路62号1单元201室',
    phone: '13752000052',
    district: 'east',
    station: 'east-hall',
    meterKind: 'ic_card' as const,
    meterNo: 'IC-52000052',
    openingFen: 5_000,
    dailyCentiM3: 90,
  },
];

/**
 * Two power accounts beside the gas ones (docs/domain.md#billing), bound to the H5 demo resident
 * (`resident-demo`, the mock login's preset) in mock mode so their October bills show at once: a 峰谷 meter
 * (peak/valley registers) and a flat one that had already used `yearToDateCentiKwh` this year, so October
 * crosses from step 1 into step 2. Index values in centiKwh.
 */
export const DEMO_POWER_ACCOUNTS = [
  {
    accountNo: '9100000053',
    holderName: '郑光明',
    address: '城东区光明巷63号3单元402室',
    phone: '13653000053',
    district: 'east',
    station: 'east-hall',
    opening: { value: 1_254_000, peak: 752_400, valley: 501_600 },
    october: { value: 1_280_000, peak: 768_400, valley: 511_600 },
    yearToDateCentiKwh: 180_000,
  },
  {
    accountNo: '9100000054',
    holderName: '钱晓燕',
    address: '城西区和平街64号1单元101室',
    phone: '13754000054',
    district: 'west',
    station: 'west-heat',
    opening: { value: 823_000, peak: null, valley: null },
    october: { value: 854_000, peak: null, valley: null },
    yearToDateCentiKwh: 260_000,
  },
];

/** The H5 mock login's preset identity (miniapp/src/services/mock-wechat.ts): the demo's own resident. */
export const DEMO_RESIDENT_IDENTITY = 'resident-demo';
