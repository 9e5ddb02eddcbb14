/**
 * The sign-in and sign-up documents, written once for the three surfaces. They are plain
 * strings marked for codegen: each surface's codegen reads this folder beside its own
 * `src/api` (scripts/build-web.mjs) and types them, and the surface's `src/api/auth.ts` wraps
 * them with its own `graphql()`, so its pages still import typed documents from `api/`.
 * Keep each a template literal without `${}`: its text is the key of the typed document.
 */

/** What signing in, signing up and renewing answer: the token, its expiries and whose it is. */
export const SIGNED_IN = /* GraphQL */ `
  fragment SignedIn on AuthPayload {
    accessToken
    expiresAt
    sessionExpiresAt
    account {
      id
      role
      name
      phone
    }
  }
`;

export const REQUEST_PHONE_CODE = /* GraphQL */ `
  mutation RequestPhoneCode($input: RequestPhoneCodeInput!) {
    requestPhoneCode(input: $input) {
      sent
      resendAfterSeconds
    }
  }
`;

export const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      ...SignedIn
    }
  }
`;

export const SIGN_IN_WITH_PHONE_CODE = /* GraphQL */ `
  mutation SignInWithPhoneCode($input: SignInWithPhoneCodeInput!) {
    signInWithPhoneCode(input: $input) {
      ...SignedIn
    }
  }
`;

export const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      ...SignedIn
    }
  }
`;

export const SIGN_OUT = /* GraphQL */ `
  mutation SignOut {
    signOut
  }
`;
