export * from './rating-levels';
export * from './complaint-grades';
export * from './application-kinds';
