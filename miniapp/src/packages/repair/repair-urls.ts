export const REPAIR_URL = '/packages/repair/index';
export const EMERGENCY_URL = '/packages/repair/emergency';
/** The leak page for an account; a heating account's opens on the hot-water steps from the first frame. */
export const emergencyUrl = (accountId?: number, utility?: string) =>
  accountId
    ? `${EMERGENCY_URL}?accountId=${accountId}${utility === 'heating' ? '&utility=heating' : ''}`
    : EMERGENCY_URL;
export const requestDetailUrl = (ticketId: number) => `/packages/requests/detail?id=${ticketId}`;
