export * from '../modules/associations/tables.js';
export * from '../modules/accounts/tables.js';
export * from '../modules/people/tables.js';
export * from '../modules/events/tables.js';
export * from '../platform/mail/tables.js';
export * from '../platform/jobs/tables.js';
