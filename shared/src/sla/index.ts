/** `@utility/shared/sla`: the clock rules plus the chinese-days calendar (server side). */
export * from './sla-types';
export * from './work-calendar';
export * from './sla-deadlines';
export * from './default-policies';
export * from './policy-resolution';
export * from './appointment-deadlines';
