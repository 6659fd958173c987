// PUT /api/plans/{unitId}/{period}/draft: a manager in scope saves the plan as a draft — stored, not
// submitted (workflows/submitPlan.ts, saveDraft): findings come back and are kept, errors included;
// If-Match names the submitted version it is based on (412 when a newer one exists), Idempotency-Key
// makes a retry safe. Each save is a new draft (append-only).
// GET /api/plans/{unitId}/{period}/draft: the latest draft with its content, whether it is still open
// (no version submitted since) and who saved it when; `draft: null` (200) when none was saved, as a
// statement without a run answers, so the pane asks without a failure.
import type { HttpRequest } from '../azure';
import { allow, signedInCaller } from '../auth';
import { handler, json } from '../http';
import { command } from '../http/command';
import { route } from '../registry';
import { MAX_PLAN_BYTES, readLatestDraft } from '../repositories/plans';
import { refusal } from '../refusal';
import { planAddress } from '../address';
import { draftTag, saveDraft } from '../workflows/submitPlan';
import { PLAN_WRITERS, planWriteOf } from './plans';

async function getDraft(request: HttpRequest) {
  const caller = await signedInCaller(request);
  const { locale, tenantId } = caller;
  const { unitId, period } = planAddress(locale, request.params);
  allow(caller, { unitId });
  if (!caller.org.unit(unitId)) throw refusal('not-found', 'plan.unit-unknown', { unitId });
  const stored = await readLatestDraft(tenantId, unitId, period);
  if (!stored) return json({ unitId, period, draft: null, status: 'none' }, 200);
  const { head, plan, open, latestVersion } = stored;
  const tag = draftTag(head.version, head.hash);
  if (request.headers.get('if-none-match') === tag) return { status: 304, headers: { etag: tag } };
  const { author, createdAt, basedOn, hash, summary } = head;
  return json(
    {
      unitId,
      period,
      draft: head.version,
      status: 'draft',
      open,
      latestVersion,
      author,
      authorName: caller.org.person(author)?.name ?? author,
      createdAt,
      basedOn,
      hash,
      summary,
      plan,
    },
    200,
    { etag: tag },
  );
}

const putDraft = command('plan.draft', {
  roles: PLAN_WRITERS,
  parse: planWriteOf,
  period: (input) => input.period,
  run: saveDraft,
});

const getHandler = handler(getDraft);

export const planDraft = route({
  name: 'planDraft',
  methods: ['GET', 'PUT'],
  route: 'plans/{unitId}/{period}/draft',
  maxBodyBytes: MAX_PLAN_BYTES,
  handler: (request, context) => (request.method === 'PUT' ? putDraft : getHandler)(request, context),
});
