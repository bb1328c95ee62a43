export const CONSULT_URL = '/packages/consult/index';
export const SUGGESTION_URL = '/packages/consult/suggestion';
