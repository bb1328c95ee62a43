import type {
  CreateEmergencyRequest,
  CreateRepairRequest,
  EmergencyAlarmView,
  LeakKind,
  ResidentTicketView,
  SafetyInstruction,
} from '@utility/shared';
import { residentApi, type RequestOptions } from './request';

/** What to do in a gas leak (or, for heating, a hot-water leak), in order; the last step carries the 24-hour line's number. Public. */
export function getSafetyInstructions(
  kind: LeakKind = 'gas',
  options: Pick<RequestOptions, 'silent'> = {},
): Promise<SafetyInstruction[]> {
  return residentApi.request<SafetyInstruction[]>(
    kind === 'heating' ? '/api/safety-instructions?utility=heating' : '/api/safety-instructions',
    options,
  );
}

/** A fault report. The key belongs to the form fill: a resend after a lost answer is the same ticket. */
export function reportFault(
  body: CreateRepairRequest,
  idempotencyKey: string,
  options: Pick<RequestOptions, 'silent'> = {},
): Promise<ResidentTicketView> {
  return residentApi.request<ResidentTicketView>('/api/repairs', {
    method: 'POST',
    data: body,
    idempotencyKey,
    ...options,
  });
}

/**
 * 一键报警: a leak ticket dispatched at once, or the account's open leak joined (`joined`, with a notice to show).
 * One key per alarm, so a double tap or a retry raises one.
 */
export function raiseEmergency(
  body: CreateEmergencyRequest,
  idempotencyKey: string,
  options: Pick<RequestOptions, 'silent'> = {},
): Promise<EmergencyAlarmView> {
  return residentApi.request<EmergencyAlarmView>('/api/emergencies', {
    method: 'POST',
    data: body,
    idempotencyKey,
    ...options,
  });
}
