export * from './errors.js';
export * from './pagination.js';
export * from './markets.js';
export * from './instruments.js';
export * from './prices.js';
export * from './jobs.js';
export * from './health.js';
export * from './access.js';
