// The HTTP layer shared by every route: problem documents, the handler wrapper, body limits and the
// headers of every answer.
export * from './problem';
export * from './handler';
export * from './body';
export * from './served';
export * from './cors';
export * from './messages';
