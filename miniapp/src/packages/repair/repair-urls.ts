export const REPAIR_URL = '/packages/repair/index';
export const EMERGENCY_URL = '/packages/repair/emergency';
export const emergencyUrl = (accountId?: number) =>
  accountId ? `${EMERGENCY_URL}?accountId=${accountId}` : EMERGENCY_URL;
export const requestDetailUrl = (ticketId: number) => `/packages/requests/detail?id=${ticketId}`;
