// The store: one Cosmos DB client per process, append-only documents, audit and idempotency.
export * from './client';
export * from './docs';
export * from './hash';
export * from './org';
export * from './idempotency';
// The embedded server is imported from './embedded' by the local host only: the Functions app never loads it.
