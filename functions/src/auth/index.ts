// Authentication and authorisation of every route: who is calling (authenticate) and what they may see (authorize).
export { authenticate, invalidToken, ChallengeError, type Principal } from './authenticate';
export { authMessages, authText, type AuthMessageKey } from './messages';
export { authorize, requireSignedIn, type AuthorizeOptions, type OrgScope } from './authorize';
export {
  assertDevAuthAllowed,
  devAuthEnabled,
  devAudience,
  devIssuer,
  devJwks,
  issueDevToken,
  signDevToken,
} from './devIssuer';
