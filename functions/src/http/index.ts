// The HTTP layer shared by every route: problem documents, the handler wrapper and body reading.
export * from './problem';
export * from './handler';
export * from './messages';
