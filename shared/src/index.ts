// The domain core: every rule and formula of Teamsheet, pure and deterministic (no I/O, no clock).
// Two more entries stand beside this barrel: `@teamsheet/shared/demo` (the demo organisation and its
// year, which npm start and the pane's preview mode show) and `@teamsheet/shared/fixtures` (benchmark
// and test data sets, never imported by code that runs in production).
export * from './schemas';
export * from './money';
export * from './period';
export * from './messages/index';
export * from './messages/inWords';
export * from './metrics';
export * from './org';
export * from './planning';
export * from './templates/index';
export * from './consolidation/index';
export * from './scoring/index';
export * from './analysis/index';
export * from './payout';
export * from './lookups/index';
// Still re-exported here only for functions/src/demoData.ts and functions/src/host.ts, which import the
// demo from the barrel; everything else imports `@teamsheet/shared/demo`. Goes once those two do.
export * from './demo';
export * from './policies';
