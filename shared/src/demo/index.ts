// Demo data for local runs, preview mode and tests: a deterministic organisation and a year of sales.
export { demoOrg, probationEndOf, DEMO_TENANT } from './org';
export { demoActuals, demoTargets, type DemoActuals } from './actuals';
export { seededRandom, type Random } from './random';
