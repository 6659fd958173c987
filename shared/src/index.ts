// The domain core: every rule and formula of Teamsheet, pure and deterministic (no I/O, no clock).
export * from './schemas';
export * from './money';
export * from './period';
export * from './messages/index';
export * from './metrics';
export * from './org';
export * from './planning';
export * from './templates/index';
export * from './consolidation/index';
export * from './scoring/index';
export * from './analysis/index';
export * from './payout';
export { revenueCommission, sampleCompPlan } from './payout/fixtures';
export * from './demo';
