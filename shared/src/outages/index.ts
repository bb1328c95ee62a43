export * from './outage-rules';
