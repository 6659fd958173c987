// The domain core: every rule and formula of Teamsheet, pure and deterministic (no I/O, no clock).
export * from './schemas';
