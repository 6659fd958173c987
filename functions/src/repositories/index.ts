// The repositories: what the API keeps, each written once against the store port (../store/port.ts):
// organisation versions, plans, the ledger (transactions, activities), comp plans and payout runs,
// scores, periods and idempotency records. They only store: no rule of the domain, nothing of HTTP.
export * from './org';
export * from './idempotency';
