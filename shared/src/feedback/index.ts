export * from './rating-levels';
export * from './complaint-grades';
export * from './application-kinds';
export * from './return-visit-policy';
export * from './rating-window';
