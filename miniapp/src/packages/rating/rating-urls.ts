export const RATING_URL = '/packages/rating/index';
export const ratingUrl = (ticketId: number) => `${RATING_URL}?id=${ticketId}`;
export const requestDetailUrl = (ticketId: number) => `/packages/requests/detail?id=${ticketId}`;
