export const COMPLAINT_URL = '/packages/complaint/index';
export const REPORT_URL = '/packages/complaint/report';
export const complaintUrl = (ticketId?: number) => (ticketId ? `${COMPLAINT_URL}?ticketId=${ticketId}` : COMPLAINT_URL);
