// Consolidation of plans into a region's roll-up (DOMAIN.md §9).
export * from './consolidate';
export * from './unitCoverage';
