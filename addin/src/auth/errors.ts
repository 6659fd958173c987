// The one error type of sign-in, so the task pane can show its message as-is in a MessageBar.
export class SignInError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}
