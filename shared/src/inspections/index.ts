export * from './checklist';
export * from './hazard-codes';
