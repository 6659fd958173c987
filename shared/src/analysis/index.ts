// Sales analysis: completion, growth, median, trend and forecast, ABC classes, plan versus actual and sizing.
export * from './ratios';
export * from './stats';
export * from './abc';
export * from './planVsActual';
export * from './sizing';
export * from './credited';
export * from './unitAnalysis';
