export * from './decayModel.js';
export * from './ledger.js';
export * from './reentry.js';
export * from './decayAdapter.js';
export * from './ensembleReentry.js';
export * from './attitudeBudget.js';
