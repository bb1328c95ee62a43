/*
 * `@utility/shared`: everything the server and the miniapp share. The chinese-days calendar
 * is deliberately not here (it would bloat the miniapp bundle): import it from
 * `@utility/shared/sla`. sla-deadlines is pure and safe to export.
 */
export * from './errors';
export * from './mask';
export * from './org/roles';
export * from './org/area-class';
export * from './org/password-rules';
export * from './tickets/ticket-codes';
export * from './tickets/routing-types';
export * from './tickets/ticket-state-machine';
export * from './tickets/ticket-routing';
export * from './tickets/consultations';
export * from './api/staff';
export * from './api/staff-notifications';
export * from './api/tickets';
export * from './sla/sla-types';
export * from './sla/sla-deadlines';
export * from './sla/policy-resolution';
export * from './calendar/date-bounds';
export * from './sla/appointment-deadlines';
export * from './sla/late-arrival';
export * from './api/sla';
export * from './tickets/resident-progress';
export * from './api/residents';
export * from './residents/second-fact';
export * from './api/billing';
export * from './billing';
export * from './repairs';
export * from './api/repairs';
export * from './api/price-list';
export * from './feedback';
export * from './api/feedback';
export * from './api/consultations';
export * from './inspections';
export * from './api/inspections';
export * from './reports';
export * from './api/reports';
export * from './org/tariff-rules';
export * from './org/shift-rules';
export * from './api/org-admin';
export * from './api/audit';
export * from './accounts/account-import';
export * from './api/accounts';
export * from './api/customer-history';
export * from './customer-history/search-key';
export * from './tickets/duplicates';
export * from './tickets/ticket-number';
export * from './outages';
export * from './api/outages';
export * from './api/knowledge';
export * from './invoices';
export * from './api/invoices';
export * from './prepaid/prepaid-rules';
export * from './api/prepaid';
