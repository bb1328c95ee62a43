import { formDraftStore } from '../../hooks/form-draft';

export interface BookingForm {
  accountId: number;
  slotId: number;
}

/**
 * A booking the network swallowed: kept with its Idempotency-Key, so that sending it again books
 * once, whether or not the first attempt reached the server. Cleared with the resident session.
 */
export const bookingDrafts = formDraftStore<BookingForm>('resident.inspection.draft', { accountId: 0, slotId: 0 });

export const INSPECTION_URL = '/packages/inspection/index';
export const HAZARDS_URL = '/packages/inspection/hazards';
export const inspectionUrl = (accountId?: number) =>
  accountId ? `${INSPECTION_URL}?accountId=${accountId}` : INSPECTION_URL;
export const hazardsUrl = (accountId?: number) => (accountId ? `${HAZARDS_URL}?accountId=${accountId}` : HAZARDS_URL);
