// The one error type of sign-in. Its message is English, for logs and tests; `reason` names the same
// failure as a key of the pane's catalog (addin/src/i18n/signIn.ts) with its parameters, so the
// MessageBar says it in the user's language.
export type SignInReason = { key: string; params?: Record<string, string | number> };

export class SignInError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly reason?: SignInReason,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}
