// The planning capability: top-down allocation, bottom-up roll-up and SMART validation of plans.
export * from './allocate';
export * from './rollup';
export * from './settings';
export * from './objective';
export * from './targetIndex';
export * from './validate';
export * from './diff';
export * from './cycle';
