export * from './tax-no';
