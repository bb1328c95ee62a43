import type {
  ArriveRequest,
  DepartRequest,
  FieldJobView,
  HandOverRequest,
  ResolveJobRequest,
  RepairPriceItem,
  SendQuoteRequest,
  SignQuoteRequest,
  TemperatureReadingView,
  TemperatureRequest,
} from '@utility/shared';
import { staffApi } from './request';

// The technician's steps carry no Idempotency-Key (the server keys none of them), so the wrapper
// never repeats one: after a lost answer the page reloads the job and shows where it stands.

/** My open jobs (assigned, on the way, on site), in work order. */
export function listFieldJobs(): Promise<FieldJobView[]> {
  return staffApi.request<FieldJobView[]>('/api/field/jobs');
}

export function acceptJob(id: number): Promise<FieldJobView> {
  return staffApi.request<FieldJobView>(`/api/field/jobs/${id}/accept`, { method: 'POST' });
}

export function departJob(id: number, body: DepartRequest): Promise<FieldJobView> {
  return staffApi.request<FieldJobView>(`/api/field/jobs/${id}/depart`, { method: 'POST', data: body });
}

export function arriveJob(id: number, body: ArriveRequest): Promise<FieldJobView> {
  return staffApi.request<FieldJobView>(`/api/field/jobs/${id}/arrive`, { method: 'POST', data: body });
}

export function resolveJob(id: number, body: ResolveJobRequest): Promise<FieldJobView> {
  return staffApi.request<FieldJobView>(`/api/field/jobs/${id}/resolve`, { method: 'POST', data: body, silent: true });
}

export function handOverJob(id: number, body: HandOverRequest): Promise<FieldJobView> {
  return staffApi.request<FieldJobView>(`/api/field/jobs/${id}/hand-over`, { method: 'POST', data: body });
}

export function recordTemperature(id: number, body: TemperatureRequest): Promise<TemperatureReadingView> {
  return staffApi.request<TemperatureReadingView>(`/api/field/jobs/${id}/temperature`, { method: 'POST', data: body });
}

/** 报价: items of the price list and quantities; the server prices them and tells the resident. */
export function sendQuote(id: number, body: SendQuoteRequest): Promise<FieldJobView> {
  return staffApi.request<FieldJobView>(`/api/field/jobs/${id}/quote`, { method: 'POST', data: body });
}

/** What may be quoted now: the operator's price list without the retired items, in the form's order. */
export function quotablePriceList(): Promise<RepairPriceItem[]> {
  return staffApi.request<RepairPriceItem[]>('/api/field/price-list');
}

/** The resident signed the quote on this phone. */
export function signQuote(id: number, body: SignQuoteRequest): Promise<FieldJobView> {
  return staffApi.request<FieldJobView>(`/api/field/jobs/${id}/quote/signature`, { method: 'POST', data: body });
}
