import { z } from 'zod';
import { DATE_BOUNDS_MESSAGE, instantWithinBounds } from '../calendar/date-bounds';
import type { Utility } from '../repairs/fault-categories';
import type { OutageKind, OutagePhase } from '../outages/outage-rules';

const id = z.number().int().positive().max(2_147_483_647);
const instant = z.iso
  .datetime({ offset: true, error: '时间格式无效' })
  .refine((v) => instantWithinBounds(v), DATE_BOUNDS_MESSAGE);
const reason = z.string().trim().min(2, '请填写停供原因').max(200);

/** The area of an outage: any mix of districts, stations, buildings (address prefixes) and a list of 户号. */
export const OutageAreaSchema = z
  .object({
    districtIds: z.array(id).max(100).optional(),
    stationIds: z.array(id).max(500).optional(),
    buildings: z.array(z.string().trim().min(4, '楼栋地址太短').max(100)).max(500).optional(),
    accountNos: z
      .array(z.string().regex(/^\d{10}$/, '户号为10位数字'))
      .max(200_000)
      .optional(),
  })
  .refine(
    (a) => !!(a.districtIds?.length || a.stationIds?.length || a.buildings?.length || a.accountNos?.length),
    '请选择停供范围',
  );
export type OutageArea = z.infer<typeof OutageAreaSchema>;

/** `GET /api/staff/outages/areas`: the districts and stations dispatch chooses an outage's area from. */
export interface OutageAreaChoices {
  districts: { id: number; name: string }[];
  stations: { id: number; name: string; districtId: number; utility: Utility }[];
}

/** `POST /api/staff/outages` (docs/domain.md#outages). */
export const DeclareOutageSchema = z
  .object({
    utility: z.enum(['gas', 'heating', 'power'], { error: '请选择停供类别' }),
    kind: z.enum(['planned', 'unplanned'], { error: '请选择计划或突发' }),
    area: OutageAreaSchema,
    startsAt: instant,
    restoreBy: instant,
    reason,
  })
  .refine((o) => new Date(o.restoreBy) > new Date(o.startsAt), {
    message: '预计恢复时间须晚于开始时间',
    path: ['restoreBy'],
  });
export type DeclareOutageRequest = z.infer<typeof DeclareOutageSchema>;

/** `PATCH /api/staff/outages/:id`: a new expected restore time (residents are told) or reason. */
export const UpdateOutageSchema = z
  .object({ restoreBy: instant.optional(), reason: reason.optional() })
  .refine((o) => o.restoreBy !== undefined || o.reason !== undefined, '没有要修改的内容');
export type UpdateOutageRequest = z.infer<typeof UpdateOutageSchema>;

/** What a resident sees: the banner on home and on the repair page. */
export interface ResidentOutageView {
  id: number;
  utility: Utility;
  kind: OutageKind;
  phase: OutagePhase;
  /** 停气 / 停热 / 停电 */
  label: string;
  reason: string;
  startsAt: string;
  restoreBy: string;
  /** The resident's affected accounts (户号) among theirs. */
  accountNos: string[];
}

export interface OutageView {
  id: number;
  utility: Utility;
  kind: OutageKind;
  phase: OutagePhase;
  label: string;
  area: OutageArea;
  reason: string;
  startsAt: string;
  restoreBy: string;
  restoredAt: string | null;
  /** Accounts (户号) in the area. */
  households: number;
  /** Faults linked to it (its children), still linked. */
  linkedTickets: number;
  createdAt: string;
}

/** The outage a linked ticket belongs to, as told to its resident. */
export interface TicketOutageNote {
  outageId: number;
  label: string;
  reason: string;
  restoreBy: string;
  restoredAt: string | null;
}

/** `POST /api/staff/incidents`: a major incident (重大事件) grouping tickets. */
export const CreateIncidentSchema = z.object({
  title: z.string().trim().min(2, '请填写事件名称').max(100),
  description: z.string().trim().max(2000).default(''),
  /** The staff member leading the response; default: whoever declares it. */
  leadId: id.optional(),
  /** When it began (default now). */
  startedAt: instant.optional(),
});
export type CreateIncidentRequest = z.infer<typeof CreateIncidentSchema>;

export const AddIncidentTicketSchema = z.object({ ticketId: id });
export const IncidentNoteSchema = z.object({ note: z.string().trim().min(1, '请填写内容').max(1000) });

export interface IncidentView {
  id: number;
  title: string;
  description: string;
  status: 'open' | 'closed';
  lead: { id: number; name: string } | null;
  startedAt: string;
  closedAt: string | null;
  tickets: { id: number; no: string | null; type: string; status: string; address: string; createdAt: string }[];
  timeline: { at: string; kind: string; note: string; actor: string | null }[];
}
