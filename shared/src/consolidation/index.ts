// Consolidation of plans into a region's roll-up (DOMAIN.md §9), and a fixture generator for benchmarks.
export * from './consolidate';
export * from './fixture';
export * from './unitCoverage';
