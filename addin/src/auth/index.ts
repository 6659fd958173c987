// Sign-in for the task pane: development tokens from the local issuer, Microsoft Entra ID in production.
export { SignInError } from './errors';
export { decodeClaims, signInFromToken, type SignIn, type TokenClaims } from './claims';
export { devPeople, devSignIn, type DevPerson } from './devSignIn';
export { readAuthSettings, entraConfigured, type AuthSettings } from './settings';
export { naaSignIn, dialogSignIn, entraSignIn } from './entraSignIn';
export { runSignInDialog, parseDialogReply, dialogRedirectUri, SIGN_IN_DIALOG_PAGE } from './dialogPage';
export type { DialogReply, DialogPageOptions } from './dialogPage';
