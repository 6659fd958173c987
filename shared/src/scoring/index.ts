// Scoring: scorecards, 360 ratings, grades and ranks, field-force KPIs and new-hire checkpoints.
export * from './settings';
export * from './round';
export * from './curves';
export * from './grades';
export * from './ratings';
export * from './distribution';
export * from './compute';
export * from './kpi';
export * from './checkpoints';
