// Sheet templates: the one definition of every template's columns, and the readers and writers that
// turn 2-D cell arrays into plans, goals, activities, scorecards, ratings and comp plans and back.
export * from './definitions';
export * from './version';
export * from './excelDates';
export * from './cells';
export * from './formulas';
export * from './pairs';
export * from './targets';
export * from './goals';
export * from './activities';
export * from './scorecard';
export * from './ratings';
export * from './compplan';
