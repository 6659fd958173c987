// Consolidation of plans into a region's roll-up (docs/rules.md, Consolidation).
export * from './consolidate';
export * from './unitCoverage';
