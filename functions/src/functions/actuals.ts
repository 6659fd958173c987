// POST /api/actuals: a manager (for people in scope) or finance uploads a period's transactions, and
// optionally activities and metric actuals (workflows/uploadLedger.ts). Each transaction is stored once
// by its id; changed content for a stored id is a 409 naming the ids; a closed period is a 409. A
// transaction with `adjusts` corrects a transaction of an earlier period (prior-period adjustment).
import { activity, periodId, target, transaction } from '@teamsheet/shared';
import { z } from 'zod';
import { readJson } from '../http';
import { command } from '../http/command';
import { route } from '../registry';
import { authorizeLedgerUpload, checkLedgerUpload, uploadLedger } from '../workflows/uploadLedger';

const MAX_ACTUALS_BYTES = 64 * 1024 * 1024;

export const actualsUpload = z.object({
  period: periodId,
  transactions: z.array(transaction).max(500_000).default([]),
  activities: z.array(activity).max(500_000).optional(),
  metricActuals: z.array(target).max(500_000).optional(),
});

export const actuals = route({
  name: 'actuals',
  methods: ['POST'],
  route: 'actuals',
  maxBodyBytes: MAX_ACTUALS_BYTES,
  handler: command('ledger.upload', {
    roles: ['manager', 'regional_head', 'finance'],
    parse: async (request, caller) => {
      const body = await readJson(request, actualsUpload, { maxBytes: MAX_ACTUALS_BYTES });
      authorizeLedgerUpload(caller, body);
      checkLedgerUpload(caller, body);
      return body;
    },
    period: (body) => body.period,
    run: uploadLedger,
  }),
});
