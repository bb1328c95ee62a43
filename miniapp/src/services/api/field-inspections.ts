import type {
  CreateInspectionPlanRequest,
  FieldInspectionView,
  InspectionPlanView,
  InspectionResultRequest,
  InspectionResultView,
} from '@utility/shared';
import { staffApi } from './request';

// Like the technician's steps, a result carries no Idempotency-Key: a resend of a result that did
// arrive is refused (VISIT_ALREADY_RECORDED) rather than recorded twice, and the page reloads.

/** The visits of the inspector's districts on a Shanghai date (YYYY-MM-DD), ordered by address. */
export function listFieldInspections(date: string): Promise<FieldInspectionView[]> {
  return staffApi.request<FieldInspectionView[]>(`/api/field/inspections?date=${date}`);
}

export function recordInspectionResult(id: number, body: InspectionResultRequest): Promise<InspectionResultView> {
  return staffApi.request<InspectionResultView>(`/api/field/inspections/${id}/result`, {
    method: 'POST',
    data: body,
    silent: true,
  });
}

/** 到场: on site, so the resident can confirm the visit in the miniapp before the result is sent with `in_app`. */
export function arriveForInspection(id: number): Promise<FieldInspectionView> {
  return staffApi.request<FieldInspectionView>(`/api/field/inspections/${id}/arrive`, { method: 'POST' });
}

export function createInspectionPlan(body: CreateInspectionPlanRequest): Promise<InspectionPlanView> {
  return staffApi.request<InspectionPlanView>('/api/staff/inspection-plans', {
    method: 'POST',
    data: body,
    silent: true,
  });
}
