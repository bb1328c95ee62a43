export * from './checklist';
export * from './hazard-codes';
export * from './inspection-slots';
export * from './booking-cutoff';
export * from './hazard-rules';
export * from './plan-range';
