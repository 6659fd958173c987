// Authentication and authorisation of every route: who is calling (authenticate) and what they may see (authorize).
export { authenticate, invalidToken, ChallengeError, type Principal } from './authenticate';
export { authorize, forbidden, requireSignedIn, type AuthorizeOptions, type OrgScope } from './authorize';
export { allow, financeCaller, orgInForce, signedInCaller, type Caller, type CallerGate } from './caller';
export {
  assertDevAuthAllowed,
  devAuthEnabled,
  devAudience,
  devIssuer,
  devJwks,
  issueDevToken,
  signDevToken,
} from './devIssuer';
export { POLICY, POLICY_ROLES, policyFor, type Access, type PolicyRow, type ScopeTarget } from './policy';
export { visibleOrg } from './orgView';
