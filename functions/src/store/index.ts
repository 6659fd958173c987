// The store: the port (port.ts), its two adapters (sqlite.ts, cosmos.ts), the client that opens one of
// them per process (client.ts), and the document helpers every repository is written with (docs.ts,
// hash.ts). What is stored where is the repositories' (../repositories/).
export * from './client';
export * from './docs';
export * from './hash';
