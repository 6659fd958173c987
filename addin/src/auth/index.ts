// Sign-in for the task pane: development tokens from the local issuer, Microsoft Entra ID in production.
export { SignInError } from './errors';
export { decodeClaims, signInFromToken, type SignIn, type TokenClaims } from './claims';
export { devPeople, devSignIn, type DevPerson } from './devSignIn';
export { readAuthSettings, entraConfigured, type AuthSettings } from './settings';
export { naaSignIn, dialogSignIn, completeDialogSignIn, entraSignIn } from './entraSignIn';
