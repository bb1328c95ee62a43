import type {
  AdminQueueView,
  CalendarStatusView,
  CalendarYearView,
  DistrictView,
  PriceListRequest,
  PriceListView,
  ReturnVisitPolicy,
  RosterStaffView,
  RoutingRuleView,
  ShiftView,
  SlaPolicyView,
  StationView,
  TariffView,
} from '@utility/shared';
import { staffApi } from './request';

/** The admin console's organisation pages: one POST/PATCH pair per kind of thing. */
const save = <T>(path: string, id: number | null, data: unknown) =>
  staffApi.request<T>(id ? `${path}/${id}` : path, { method: id ? 'PATCH' : 'POST', data });

export const listDistricts = () => staffApi.request<DistrictView[]>('/api/admin/districts');
export const saveDistrict = (id: number | null, data: unknown) => save<DistrictView>('/api/admin/districts', id, data);
export const listStations = () => staffApi.request<StationView[]>('/api/admin/stations');
export const saveStation = (id: number | null, data: unknown) => save<StationView>('/api/admin/stations', id, data);
export const listAdminQueues = () => staffApi.request<AdminQueueView[]>('/api/admin/queues');
export const saveQueue = (id: number | null, data: unknown) => save<AdminQueueView>('/api/admin/queues', id, data);
export const listRoutingRules = () => staffApi.request<RoutingRuleView[]>('/api/admin/routing-rules');
export const saveRoutingRule = (id: number | null, data: unknown) =>
  save<RoutingRuleView>('/api/admin/routing-rules', id, data);
export const listTariffs = () => staffApi.request<TariffView[]>('/api/admin/tariffs');
export const saveTariff = (id: number | null, data: unknown) => save<TariffView>('/api/admin/tariffs', id, data);
export const listShifts = (from: string, to: string) =>
  staffApi.request<ShiftView[]>(`/api/admin/rota?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
export const saveShift = (id: number | null, data: unknown) => save<ShiftView>('/api/admin/rota', id, data);
export const listRosterStaff = () => staffApi.request<RosterStaffView[]>('/api/admin/rota/staff');
export const calendarYear = (year: number) => staffApi.request<CalendarYearView>(`/api/admin/calendar?year=${year}`);
export const calendarStatus = () => staffApi.request<CalendarStatusView>('/api/admin/calendar/status');
export const saveCalendarDay = (date: string, working: boolean, note: string) =>
  staffApi.request(`/api/admin/calendar/${date}`, { method: 'PUT', data: { working, note } });
export const listSlaPolicies = () => staffApi.request<SlaPolicyView[]>('/api/admin/sla-policies');
export const saveSlaPolicies = (policies: unknown[]) =>
  staffApi.request<SlaPolicyView[]>('/api/admin/sla-policies', { method: 'PUT', data: { policies } });
export const getPriceList = () => staffApi.request<PriceListView>('/api/admin/price-list');
export const savePriceList = (body: PriceListRequest) =>
  staffApi.request<PriceListView>('/api/admin/price-list', { method: 'PUT', data: body });
export const getReturnVisitPolicy = () => staffApi.request<ReturnVisitPolicy>('/api/admin/return-visit-policy');
export const saveReturnVisitPolicy = (policy: ReturnVisitPolicy) =>
  staffApi.request<ReturnVisitPolicy>('/api/admin/return-visit-policy', { method: 'PUT', data: policy });
