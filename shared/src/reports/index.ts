/** Monthly report and dashboard: pure figures over the facts each module provides. */
export * from './report-period';
export * from './report-facts';
export * from './report-types';
export * from './report-rate';
export * from './ticket-sections';
export * from './feedback-sections';
export * from './hazard-sections';
export * from './payment-sections';
export * from './staff-sections';
export * from './outage-sections';
export * from './monthly-report';
export * from './daily-series';
export * from './usage-alert';
