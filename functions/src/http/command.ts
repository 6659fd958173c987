// The route wrapper of every write: the cross-cutting steps of a command in one documented order
// (docs/architecture.md, The route wrapper), so that every write route answers a retry, a closed period
// and a stale base the same way:
//   1. sign-in (401) and the caller's role (403);
//   2. parse the address and the body and authorise the caller's scope (400/413/403) — the route's own;
//   3. idempotency: a request repeating an Idempotency-Key of this caller gets the stored answer back,
//      with `idempotent-replayed: true` (even after the period closed); the same key with another body
//      is a 422;
//   4. the closed-period check (409 `period.closed`);
//   5. the workflow: its answer, or a refusal rendered as problem+json with `code` in the caller's language;
//   6. the answer stored under the key (not a 5xx, not a refusal), so that a retry gets the same bytes.
import type { Role } from '@teamsheet/shared';
import type { HttpHandler, HttpRequest } from '../azure';
import { signedInCaller, type Caller } from '../auth';
import { idempotent } from '../repositories/idempotency';
import { assertPeriodOpen } from '../repositories/periods';
import type { CommandAnswer } from '../workflows/answer';
import { handler, json } from './handler';

/** Who a command runs for: at least the tenant and the signed-in person. */
type CommandCaller = Pick<Caller, 'tenantId' | 'principal'>;

export type CommandSpec<I, C extends CommandCaller = Caller> = {
  /** Who may call it at all, checked right after sign-in. */
  roles?: Role[];
  /**
   * Step 1 for a command that runs before there is an organisation (storing the first one): sign-in
   * and the role check of its own. By default the signed-in caller against the org in force.
   */
  signIn?(request: HttpRequest): Promise<C>;
  /** Step 2: the address and body, read and authorised, as the workflow's typed input. */
  parse(request: HttpRequest, caller: C): Promise<I> | I;
  /** The period a closed period freezes this command for (null: none). */
  period(input: I): string | null;
  /** What an Idempotency-Key stands for: by default the route, the address and the input. */
  identity?(input: I): unknown;
  /** Step 5: the workflow, run for the caller. */
  run(caller: C, input: I, context: { idempotencyKey: string | null }): Promise<CommandAnswer>;
};

/** A write route's handler: the steps above around `spec`. */
export function command<I, C extends CommandCaller = Caller>(
  name: string,
  spec: CommandSpec<I, C>,
): HttpHandler {
  const signIn =
    spec.signIn ??
    ((request: HttpRequest) =>
      signedInCaller(request, spec.roles ? { roles: spec.roles } : undefined) as unknown as Promise<C>);
  return handler(async (request) => {
    const caller = await signIn(request);
    const input = await spec.parse(request, caller);
    const key = request.headers.get('idempotency-key');
    const period = spec.period(input);
    const answer = await idempotent({
      tenantId: caller.tenantId,
      caller: caller.principal.personId,
      key,
      request: { command: name, params: request.params, input: spec.identity ? spec.identity(input) : input },
      run: async () => {
        if (period) await assertPeriodOpen(caller.tenantId, period);
        const out = await spec.run(caller, input, { idempotencyKey: key });
        const response = json(out.body, out.status, out.headers);
        return {
          status: out.status,
          headers: response.headers as Record<string, string>,
          body: response.body as string,
        };
      },
    });
    const { replayed, ...response } = answer;
    return replayed
      ? { ...response, headers: { ...response.headers, 'idempotent-replayed': 'true' } }
      : response;
  });
}
