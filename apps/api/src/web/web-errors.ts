/** The visitor must sign in first; they come back to `returnTo` afterwards. */
export class SignInRequired extends Error {
  constructor(readonly returnTo: string) {
    super('sign in required');
  }
}

/** A form came back without this session's token: a forged request, or a page left open too long. */
export class FormTokenRefused extends Error {
  constructor() {
    super('the form token does not match the session');
  }
}

/** A web page that does not exist here (e.g. the development sign-in in production). */
export class PageNotFound extends Error {}
