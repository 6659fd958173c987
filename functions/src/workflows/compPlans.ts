// Store and read comp-plan versions (docs/rules.md, Comp plans in force): a new version is checked by
// the core against the stored ones (overlap, end before start, units, currency) and against the
// periods already paid (never back-dated), refused whole with 422, stored on the version the caller
// based it on (412 otherwise), audited once. Readers other than finance see the versions that reach
// their scope.
import {
  checkCompPlanVersion,
  monthOfDate,
  nextPeriod,
  versionReaches,
  type CompPlanVersionBody,
  type FieldError,
} from '@teamsheet/shared';
import type { Caller } from '../auth';
import type { CommandAnswer } from './answer';
import { serverText } from '../messages';
import { refusal } from '../refusal';
import { versionTag, type BaseVersion } from '../address';
import {
  asVersion,
  auditCompPlanVersion,
  compPlanRequestKey,
  listCompPlanVersions,
  previousCompPlanHash,
  saveCompPlanVersion,
  type CompPlanVersionDoc,
} from '../repositories/compPlans';
import { readApproval } from '../repositories/payoutRuns';
import { periodState } from '../repositories/periods';

export type StoreCompPlanInput = { compPlanId: string; base: BaseVersion | null; body: CompPlanVersionBody };

/** How far back an effectiveFrom is checked month by month against closed and approved periods. */
const MONTHS_CHECKED = 36;

/** The body must be the plan of the address when it names one: 400 naming `id`. */
export function checkCompPlanAddress(input: StoreCompPlanInput): void {
  const { id } = input.body;
  if (id !== undefined && id !== input.compPlanId)
    throw refusal('invalid', 'comp-plans.route-mismatch', { body: id, route: input.compPlanId }, [
      { path: 'id', message: `expected "${input.compPlanId}" as in the address` },
    ]);
}

/**
 * Never back-dated: effectiveFrom may not be a month that is closed or has an approved run, nor a
 * month before one, up to the current month (checked month by month, at most MONTHS_CHECKED back).
 */
async function backDating(
  tenantId: string,
  body: CompPlanVersionBody,
  today: string,
  locale: Caller['locale'],
): Promise<FieldError[]> {
  const now = monthOfDate(today);
  const last = body.effectiveTo && body.effectiveTo < now ? body.effectiveTo : now;
  const months: string[] = [];
  for (let m = body.effectiveFrom; m <= last; m = nextPeriod(m)) {
    months.push(m);
    if (months.length > MONTHS_CHECKED) {
      const params = { month: body.effectiveFrom, months: MONTHS_CHECKED };
      return [{ path: 'effectiveFrom', message: serverText(locale, 'comp-plans.too-far-back', params) }];
    }
  }
  const paid = await Promise.all(
    months.map(async (month) => {
      const [state, approval] = await Promise.all([
        periodState(tenantId, month),
        readApproval(tenantId, month),
      ]);
      return state.state === 'closed' || approval !== undefined ? month : null;
    }),
  );
  const latest = paid.filter((m): m is string => m !== null).pop();
  return latest
    ? [{ path: 'effectiveFrom', message: serverText(locale, 'comp-plans.back-dated', { month: latest }) }]
    : [];
}

/** What an answer says about a version (no request key: that is the server's own bookkeeping). */
export function versionView(doc: CompPlanVersionDoc) {
  return {
    compPlanId: doc.compPlanId,
    version: doc.version,
    name: doc.plan.name,
    effectiveFrom: doc.effectiveFrom,
    ...(doc.effectiveTo ? { effectiveTo: doc.effectiveTo } : {}),
    appliesTo: doc.appliesTo,
    author: doc.author,
    createdAt: doc.createdAt,
    basedOn: doc.basedOn,
    hash: doc.hash,
  };
}

function storedAnswer(doc: CompPlanVersionDoc): CommandAnswer {
  return {
    status: 201,
    body: { ...versionView(doc), plan: doc.plan },
    headers: {
      etag: versionTag(doc.version, doc.hash),
      location: `/api/comp-plans/${encodeURIComponent(doc.compPlanId)}?version=${doc.version}`,
    },
  };
}

export async function storeCompPlan(
  caller: Caller,
  input: StoreCompPlanInput,
  context: { idempotencyKey: string | null },
): Promise<CommandAnswer> {
  const { tenantId, principal, locale, org } = caller;
  const { compPlanId, body, base } = input;
  const stored = await listCompPlanVersions(tenantId, compPlanId);
  const requestKey = compPlanRequestKey(principal.personId, context.idempotencyKey);
  // A retry of a store whose answer was lost: that version, not a 422 for overlapping itself.
  const mine = requestKey
    ? stored.find((d) => d.requestKey === requestKey && d.author === principal.personId)
    : undefined;
  if (!mine) {
    const ruleErrors = checkCompPlanVersion(body, stored.map(asVersion), org, locale);
    const dated = await backDating(tenantId, body, new Date().toISOString().slice(0, 10), locale);
    const errors = [...ruleErrors, ...dated];
    if (errors.length > 0)
      throw refusal('unprocessable', 'comp-plans.invalid', { count: errors.length }, errors);
  }
  const { id: _id, effectiveFrom, effectiveTo, appliesTo, ...plan } = body;
  const saved = await saveCompPlanVersion({
    tenantId,
    compPlanId,
    content: {
      plan: { ...plan, id: compPlanId },
      effectiveFrom,
      ...(effectiveTo ? { effectiveTo } : {}),
      appliesTo,
    },
    author: principal.personId,
    baseVersion: base?.version ?? null,
    baseHash: base?.hash ?? null,
    requestKey,
  });
  if (saved.status === 'stale') {
    const params = { compPlanId, base: saved.baseVersion ?? 0, current: saved.currentVersion };
    throw refusal(
      'stale',
      saved.baseVersion === null ? 'comp-plans.exists' : 'comp-plans.stale',
      params,
      [],
      {
        currentVersion: saved.currentVersion,
        baseVersion: saved.baseVersion,
      },
    );
  }
  if (saved.status === 'replayed')
    await auditCompPlanVersion(saved.doc, await previousCompPlanHash(saved.doc));
  return storedAnswer(saved.doc);
}

/** The versions a caller may read: every one for finance, those reaching their scope for managers. */
export function readableVersions(caller: Caller, docs: readonly CompPlanVersionDoc[]): CompPlanVersionDoc[] {
  if (caller.principal.roles.includes('finance')) return [...docs];
  const scope = caller.org.scopeOf(caller.principal.personId);
  return docs.filter((d) => versionReaches(d.appliesTo, scope, caller.org));
}
